#pragma once

#include <memory>
#include <QtGlobal>
#include <vector>

namespace clipshelf {

/**
 * Append-only storage for the text of a table of VideoRecords: one allocation
 * per 64 KiB block instead of one (with its header and malloc overhead) per
 * row. Bytes never move once written, so records point straight into it.
 * Nothing is freed before the arena is; the owner counts what it no longer
 * uses and copies the live text to a fresh arena when that grows large.
 *
 * Not thread-safe for writing. Readers on other threads (the cache writer)
 * may read bytes already written while the owner appends more.
 */
class TextArena
{
public:
    TextArena() = default;
    TextArena(const TextArena &) = delete;
    TextArena &operator=(const TextArena &) = delete;

    /// \a size bytes of storage that stay where they are for the arena's life.
    char *allocate(qsizetype size);
    /// Bytes handed out so far.
    qsizetype bytesUsed() const { return m_used; }

private:
    static constexpr qsizetype kBlockSize = 64 * 1024;

    std::vector<std::unique_ptr<char[]>> m_blocks;
    char *m_next = nullptr;
    qsizetype m_left = 0;
    qsizetype m_used = 0;
};

} // namespace clipshelf
