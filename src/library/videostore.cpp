#include "library/videostore.h"

#include "library/textarena.h"

#include <algorithm>

namespace clipshelf {

namespace {
// Replaced text is copied away only when it is this much and more than the live text.
constexpr qsizetype kCompactAfterDeadBytes = 1024 * 1024;
} // namespace

VideoStore::VideoStore() : m_text(std::make_shared<TextArena>()) {}

VideoStore::~VideoStore() = default;

int VideoStore::slotOf(qint64 id) const
{
    if (!m_indexValid) {
        m_index.clear();
        m_index.reserve(qsizetype(m_order.size()));
        for (int slot : m_order)
            m_index.insert(m_rows[size_t(slot)].id, slot);
        m_indexValid = true;
    }
    return m_index.value(id, -1);
}

int VideoStore::newSlot(VideoRecord &&row)
{
    if (!m_free.empty()) {
        const int slot = m_free.back();
        m_free.pop_back();
        m_rows[size_t(slot)] = std::move(row);
        return slot;
    }
    m_rows.push_back(std::move(row));
    return int(m_rows.size() - 1);
}

void VideoStore::reset(std::vector<VideoRecord> rows, std::shared_ptr<TextArena> text,
                       TagDictionary tags)
{
    const auto before = [](const VideoRecord &a, const VideoRecord &b) {
        return a.key().before(b.key());
    };
    if (!std::is_sorted(rows.begin(), rows.end(), before))
        std::stable_sort(rows.begin(), rows.end(), before);
    m_tags = std::move(tags);
    m_rows = std::move(rows);
    m_text = std::move(text); // after the rows that pointed into the old one
    m_deadText = 0;
    m_free.clear();
    m_order.resize(m_rows.size());
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_order[i] = int(i);
    m_indexValid = false;
}

void VideoStore::reset(const std::vector<VideoRow> &rows)
{
    TagDictionary tags;
    auto text = std::make_shared<TextArena>();
    std::vector<VideoRecord> records;
    records.reserve(rows.size());
    for (const VideoRow &r : rows)
        records.push_back(VideoRecord::fromRow(r, tags, *text));
    reset(std::move(records), std::move(text), std::move(tags));
}

VideoStore::Merge VideoStore::merge(const std::vector<VideoRow> &rows)
{
    Merge result;
    std::vector<int> added;
    for (const VideoRow &source : rows) {
        VideoRecord row = VideoRecord::fromRow(source, m_tags, *m_text);
        const int slot = slotOf(row.id);
        if (slot >= 0 && m_rows[size_t(slot)].key() == row.key()) {
            dropText(m_rows[size_t(slot)]);
            m_rows[size_t(slot)] = std::move(row); // same place in the list: update in place
            result.changed.push_back(slot);
            continue;
        }
        if (slot >= 0)
            result.dropped.push_back(slot); // moved: a new slot, the old one goes
        const qint64 id = row.id;
        const int fresh = newSlot(std::move(row));
        m_index.insert(id, fresh);
        added.push_back(fresh);
    }
    const auto before = [this](int a, int b) { return this->before(a, b); };
    std::sort(added.begin(), added.end(), before);
    added.erase(std::unique(added.begin(), added.end()), added.end());
    std::vector<int> order;
    order.reserve(m_order.size() + added.size());
    if (result.dropped.empty()) {
        std::merge(m_order.begin(), m_order.end(), added.begin(), added.end(),
                   std::back_inserter(order), before);
    } else {
        std::vector<int> kept;
        kept.reserve(m_order.size());
        std::vector<int> dropped = result.dropped;
        std::sort(dropped.begin(), dropped.end());
        for (int s : m_order)
            if (!std::binary_search(dropped.begin(), dropped.end(), s))
                kept.push_back(s);
        std::merge(kept.begin(), kept.end(), added.begin(), added.end(), std::back_inserter(order),
                   before);
    }
    m_order = std::move(order);
    return result;
}

std::vector<int> VideoStore::takeIf(const std::function<bool(const VideoRecord &)> &pred)
{
    std::vector<int> kept, dropped;
    kept.reserve(m_order.size());
    for (int s : m_order)
        (pred(m_rows[size_t(s)]) ? dropped : kept).push_back(s);
    if (dropped.empty())
        return dropped;
    for (int s : dropped)
        m_index.remove(m_rows[size_t(s)].id);
    m_order = std::move(kept);
    return dropped;
}

void VideoStore::release(const std::vector<int> &freed)
{
    for (int slot : freed) {
        dropText(m_rows[size_t(slot)]);
        m_rows[size_t(slot)] = VideoRecord();
        m_free.push_back(slot);
    }
    compactTextIfWasteful();
}

void VideoStore::compactTextIfWasteful()
{
    // Refreshes and edits write new text and leave the replaced text behind.
    const qsizetype live = m_text->bytesUsed() - m_deadText;
    if (m_deadText < kCompactAfterDeadBytes || m_deadText < live)
        return;
    auto fresh = std::make_shared<TextArena>();
    for (int s : m_order)
        m_rows[size_t(s)].moveTextTo(*fresh);
    m_text = std::move(fresh); // copies handed out (serverRows) keep the old one alive
    m_deadText = 0;
}

std::optional<VideoRow> VideoStore::findByYoutubeId(const QString &youtubeId) const
{
    const QByteArray wanted = youtubeId.toUtf8();
    for (int s : m_order) {
        const VideoRecord &r = m_rows[size_t(s)];
        if (!r.pendingDelete() && r.youtubeIdUtf8() == QByteArrayView(wanted))
            return r.toRow(m_tags);
    }
    return std::nullopt;
}

videojson::Library VideoStore::serverRows() const
{
    videojson::Library out;
    out.tags = m_tags;
    out.text = m_text;
    out.rows.reserve(m_order.size());
    for (int s : m_order)
        if (m_rows[size_t(s)].id > 0)
            out.rows.push_back(m_rows[size_t(s)]);
    return out;
}

} // namespace clipshelf
