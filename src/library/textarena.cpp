#include "library/textarena.h"

namespace clipshelf {

char *TextArena::allocate(qsizetype size)
{
    if (size <= 0)
        return nullptr;
    m_used += size;
    // A large text gets a block of its own; the current block stays open.
    if (size > kBlockSize / 4) {
        m_blocks.push_back(std::make_unique_for_overwrite<char[]>(size_t(size)));
        return m_blocks.back().get();
    }
    if (size > m_left) {
        m_blocks.push_back(std::make_unique_for_overwrite<char[]>(size_t(kBlockSize)));
        m_next = m_blocks.back().get();
        m_left = kBlockSize;
    }
    char *out = m_next;
    m_next += size;
    m_left -= size;
    return out;
}

} // namespace clipshelf
