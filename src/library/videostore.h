#pragma once

#include "library/videojson.h"
#include "library/videorecord.h"

#include <functional>
#include <memory>
#include <optional>
#include <QHash>
#include <vector>

namespace clipshelf {

class TextArena;

/**
 * The stored videos of a VideoListModel: compact records in stable slots (a
 * view's old indexes stay valid while it moves to a new state), their list
 * order, their text (one TextArena) and their tags (one TagDictionary).
 * Removing is two steps: take…() leaves the order at once, release() frees
 * the slots once no view refers to them any more.
 */
class VideoStore
{
public:
    VideoStore();
    ~VideoStore();

    /// Every live slot, in list order.
    const std::vector<int> &order() const { return m_order; }
    const VideoRecord &at(int slot) const { return m_rows[size_t(slot)]; }
    VideoRecord &at(int slot) { return m_rows[size_t(slot)]; }
    const TagDictionary &tags() const { return m_tags; }
    /// True when the record in \a a comes before the one in \a b.
    bool before(int a, int b) const { return at(a).key().before(at(b).key()); }
    /// The slot of \a id, or -1.
    int slotOf(qint64 id) const;

    /// Replaces every record; \a text holds their text, \a tags their tags.
    void reset(std::vector<VideoRecord> rows, std::shared_ptr<TextArena> text, TagDictionary tags);
    /// Replaces every record by \a rows.
    void reset(const std::vector<VideoRow> &rows);

    struct Merge
    {
        std::vector<int> changed; ///< updated in place (same place in the list)
        std::vector<int> dropped; ///< moved to a new slot: release() these
    };
    /// Inserts or updates \a rows (matched by id), keeping the list order.
    Merge merge(const std::vector<VideoRow> &rows);
    /// Takes the records for which \a pred is true out of the order; release() the slots returned.
    std::vector<int> takeIf(const std::function<bool(const VideoRecord &)> &pred);
    /// Frees \a freed (taken out of the order before) and compacts the text when much of it is
    /// dead.
    void release(const std::vector<int> &freed);

    /// The stored row of \a youtubeId that is not being deleted, or nothing (a linear scan).
    std::optional<VideoRow> findByYoutubeId(const QString &youtubeId) const;
    /// The server's records (id > 0) in list order with their tags; the copies share the text.
    videojson::Library serverRows() const;

private:
    int newSlot(VideoRecord &&row);
    /// Notes that \a row's text is no longer used (replaced or removed).
    void dropText(const VideoRecord &row) { m_deadText += row.storedBytes(); }
    /// Copies the live text to a fresh arena once most of the arena is dead.
    void compactTextIfWasteful();

    std::vector<VideoRecord> m_rows;    ///< slots (some free)
    std::shared_ptr<TextArena> m_text;  ///< the rows' text (shared with serverRows() copies)
    qsizetype m_deadText = 0;           ///< bytes of m_text no row uses any more
    std::vector<int> m_free;            ///< free slots
    std::vector<int> m_order;           ///< every live slot, in list order
    TagDictionary m_tags;               ///< every tag the records use
    mutable QHash<qint64, int> m_index; ///< id -> slot, built on demand
    mutable bool m_indexValid = false;
};

} // namespace clipshelf
