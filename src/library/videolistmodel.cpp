#include "library/videolistmodel.h"

#include "core/youtubeurl.h"
#include "library/textarena.h"
#include "library/videojson.h"

#include <algorithm>

namespace clipshelf {

namespace {
// More separate insert/remove runs than this and a reset is cheaper for the view.
constexpr size_t kMaxDiffRuns = 64;
// Replaced text is copied away only when it is this much and more than the live text.
constexpr qsizetype kCompactAfterDeadBytes = 1024 * 1024;
} // namespace

VideoListModel::VideoListModel(QObject *parent)
    : QAbstractListModel(parent), m_text(std::make_shared<TextArena>())
{
}

VideoListModel::~VideoListModel() = default;

int VideoListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

QHash<int, QByteArray> VideoListModel::roleNames() const
{
    return {{VideoIdRole, "videoId"},     {UrlRole, "url"},
            {YoutubeIdRole, "youtubeId"}, {TitleRole, "title"},
            {DisplayTitleRole, "displayTitle"}, {NotesRole, "notes"},
            {ThumbnailUrlRole, "thumbnailUrl"}, {ThumbnailSourceRole, "thumbnailSource"},
            {TagsRole, "tags"},           {CreatedAtRole, "createdAt"},
            {UpdatedAtRole, "updatedAt"}, {PendingRole, "pending"},
            {PendingDeleteRole, "pendingDelete"}};
}

QVariant VideoListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= int(m_visible.size()))
        return {};
    const VideoRecord &r = visibleRow(index.row());
    switch (role) {
    case VideoIdRole: return r.id;
    case UrlRole: return r.effectiveUrl();
    case YoutubeIdRole: return r.youtubeId();
    case Qt::DisplayRole:
    case DisplayTitleRole: return r.displayTitle();
    case TitleRole: return r.title();
    case NotesRole: return r.notes();
    case ThumbnailUrlRole: return YoutubeUrl::thumbnailUrlForId(r.youtubeId());
    case ThumbnailSourceRole: return QStringLiteral("image://thumbnail/") + r.youtubeId();
    case TagsRole: return r.tags(m_tags);
    case CreatedAtRole: return videojson::utcFromMs(r.createdMs);
    case UpdatedAtRole: return videojson::utcFromMs(r.updatedMs);
    case PendingRole: return r.pending();
    case PendingDeleteRole: return r.pendingDelete();
    default: return {};
    }
}

bool VideoListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore;
}

void VideoListModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid() && m_hasMore)
        emit moreRequested();
}

// --- storage -----------------------------------------------------------------

int VideoListModel::newSlot(VideoRecord &&row)
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

void VideoListModel::freeSlots(const std::vector<int> &freed)
{
    for (int slot : freed) {
        dropText(m_rows[size_t(slot)]);
        m_rows[size_t(slot)] = VideoRecord();
        m_free.push_back(slot);
    }
}

int VideoListModel::slotOf(qint64 id) const
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

int VideoListModel::visiblePosOfSlot(int slot) const
{
    const VideoSortKey key = m_rows[size_t(slot)].key();
    auto it = std::lower_bound(m_visible.begin(), m_visible.end(), key, [this](int s, const VideoSortKey &k) {
        return m_rows[size_t(s)].key().before(k);
    });
    return it != m_visible.end() && *it == slot ? int(it - m_visible.begin()) : -1;
}

void VideoListModel::resetWith(std::vector<VideoRecord> rows, std::shared_ptr<TextArena> text)
{
    const auto before = [](const VideoRecord &a, const VideoRecord &b) { return a.key().before(b.key()); };
    if (!std::is_sorted(rows.begin(), rows.end(), before))
        std::stable_sort(rows.begin(), rows.end(), before);
    beginResetModel();
    m_rows = std::move(rows);
    m_text = std::move(text);   // after the rows that pointed into the old one
    m_deadText = 0;
    m_free.clear();
    m_order.resize(m_rows.size());
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_order[i] = int(i);
    m_indexValid = false;
    m_visible = computeVisible();
    endResetModel();
    emit countChanged();
}

bool VideoListModel::loadFromJson(const QByteArray &json, int *count, QString *nextCursor, QString *error)
{
    videojson::Library library;
    if (!videojson::parseLibrary(json, &library, error))
        return false;
    if (count)
        *count = library.count;
    if (nextCursor)
        *nextCursor = library.nextCursor;
    adopt(std::move(library));
    return true;
}

void VideoListModel::adopt(videojson::Library &&library)
{
    m_tags = std::move(library.tags);
    resetWith(std::move(library.rows), std::move(library.text));
}

void VideoListModel::setRows(std::vector<VideoRow> rows)
{
    m_tags = TagDictionary();
    auto text = std::make_shared<TextArena>();
    std::vector<VideoRecord> records;
    records.reserve(rows.size());
    for (const VideoRow &r : rows)
        records.push_back(VideoRecord::fromRow(r, m_tags, *text));
    resetWith(std::move(records), std::move(text));
}

void VideoListModel::clear()
{
    m_tags = TagDictionary();
    resetWith({}, std::make_shared<TextArena>());
}

void VideoListModel::mergeRows(std::vector<VideoRow> rows)
{
    if (rows.empty())
        return;
    std::vector<int> added, changed, dropped;
    for (const VideoRow &source : rows) {
        VideoRecord row = VideoRecord::fromRow(source, m_tags, *m_text);
        const int slot = slotOf(row.id);
        if (slot >= 0 && m_rows[size_t(slot)].key() == row.key()) {
            dropText(m_rows[size_t(slot)]);
            m_rows[size_t(slot)] = std::move(row);   // same place in the list: update in place
            changed.push_back(slot);
            continue;
        }
        if (slot >= 0)
            dropped.push_back(slot);                  // moved: a new slot, the old one goes
        const qint64 id = row.id;
        const int fresh = newSlot(std::move(row));
        m_index.insert(id, fresh);
        added.push_back(fresh);
    }
    const auto before = [this](int a, int b) { return m_rows[size_t(a)].key().before(m_rows[size_t(b)].key()); };
    std::sort(added.begin(), added.end(), before);
    added.erase(std::unique(added.begin(), added.end()), added.end());
    std::vector<int> order;
    order.reserve(m_order.size() + added.size());
    if (dropped.empty()) {
        std::merge(m_order.begin(), m_order.end(), added.begin(), added.end(), std::back_inserter(order), before);
    } else {
        std::vector<int> kept;
        kept.reserve(m_order.size());
        std::sort(dropped.begin(), dropped.end());
        for (int s : m_order)
            if (!std::binary_search(dropped.begin(), dropped.end(), s))
                kept.push_back(s);
        std::merge(kept.begin(), kept.end(), added.begin(), added.end(), std::back_inserter(order), before);
    }
    m_order = std::move(order);
    applyVisible(computeVisible(), changed);
    freeSlots(dropped);
    compactTextIfWasteful();
}

void VideoListModel::compactTextIfWasteful()
{
    // Refreshes and edits write new text and leave the replaced text behind.
    const qsizetype live = m_text->bytesUsed() - m_deadText;
    if (m_deadText < kCompactAfterDeadBytes || m_deadText < live)
        return;
    auto fresh = std::make_shared<TextArena>();
    for (int s : m_order)
        m_rows[size_t(s)].moveTextTo(*fresh);
    m_text = std::move(fresh);   // copies handed out (serverRows) keep the old one alive
    m_deadText = 0;
}

void VideoListModel::mergeVideos(const QList<Video> &videos)
{
    std::vector<VideoRow> rows;
    rows.reserve(size_t(videos.size()));
    for (const Video &v : videos)
        rows.push_back(VideoRow::fromVideo(v));
    mergeRows(std::move(rows));
}

void VideoListModel::upsert(const VideoRow &row) { mergeRows({row}); }

void VideoListModel::replace(qint64 oldId, const VideoRow &row)
{
    if (oldId != row.id)
        remove(oldId);
    upsert(row);
}

void VideoListModel::remove(qint64 id)
{
    removeIf([id](const VideoRecord &r) { return r.id == id; });
}

void VideoListModel::removeIf(const std::function<bool(const VideoRecord &)> &pred)
{
    std::vector<int> kept, dropped;
    kept.reserve(m_order.size());
    for (int s : m_order)
        (pred(m_rows[size_t(s)]) ? dropped : kept).push_back(s);
    if (dropped.empty())
        return;
    for (int s : dropped)
        m_index.remove(m_rows[size_t(s)].id);
    m_order = std::move(kept);
    applyVisible(computeVisible());
    freeSlots(dropped);
    compactTextIfWasteful();
}

void VideoListModel::setPending(qint64 id, bool pending)
{
    const int slot = slotOf(id);
    if (slot < 0 || m_rows[size_t(slot)].pending() == pending)
        return;
    m_rows[size_t(slot)].setPending(pending);
    const int pos = visiblePosOfSlot(slot);
    if (pos >= 0)
        emit dataChanged(index(pos), index(pos), {PendingRole});
}

void VideoListModel::setPendingDelete(qint64 id, bool pendingDelete)
{
    const int slot = slotOf(id);
    if (slot < 0 || m_rows[size_t(slot)].pendingDelete() == pendingDelete)
        return;
    m_rows[size_t(slot)].setPendingDelete(pendingDelete);
    applyVisible(computeVisible());   // hidden while deleted, back on undo
}

// --- filtering ---------------------------------------------------------------

void VideoListModel::setFilter(const QString &text, const QStringList &tags)
{
    QString lowerText = text.trimmed().toLower();
    QStringList lowerTags;
    for (const QString &t : tags)
        lowerTags.append(t.trimmed().toLower());
    lowerTags.removeDuplicates();
    if (lowerText == m_filterText && lowerTags == m_filterTags)
        return;
    m_filterText = std::move(lowerText);
    m_filterNeedle = SearchNeedle(m_filterText);
    m_filterTags = std::move(lowerTags);
    beginResetModel();
    m_visible = computeVisible();
    endResetModel();
    emit countChanged();
}

void VideoListModel::setLowerBound(std::optional<VideoSortKey> key)
{
    if (m_lowerBound == key)
        return;
    m_lowerBound = key;
    applyVisible(computeVisible());
}

bool VideoListModel::matches(const VideoRecord &row) const
{
    if (row.pendingDelete())
        return false;
    if (m_lowerBound && m_lowerBound->before(row.key()))
        return false;
    return (m_filterTagIds.empty() || row.hasTags(m_filterTagIds, m_tags)) && row.matchesText(m_filterNeedle);
}

bool VideoListModel::matchesFilter(const VideoRecord &row) const
{
    for (quint32 want : m_filterTagIds)
        if (want == TagDictionary::kNone)
            return false;
    return (m_filterTagIds.empty() || row.hasTags(m_filterTagIds, m_tags)) && row.matchesText(m_filterNeedle);
}

std::vector<int> VideoListModel::computeVisible()
{
    m_filterTagIds.clear();
    for (const QString &t : m_filterTags)
        m_filterTagIds.push_back(m_tags.foldedId(t));
    std::sort(m_filterTagIds.begin(), m_filterTagIds.end());
    if (!m_filterTagIds.empty() && m_filterTagIds.back() == TagDictionary::kNone)
        return {};
    std::vector<int> out;
    out.reserve(m_order.size());
    for (int s : m_order)
        if (matches(m_rows[size_t(s)]))
            out.push_back(s);
    return out;
}

void VideoListModel::applyVisible(std::vector<int> next, const std::vector<int> &changed)
{
    // Plan the moves from the old visible list to the new one: both are in list
    // order, so one merge-walk finds the runs to remove and to insert, each at
    // its position in the list as it is being transformed.
    struct Run
    {
        bool insert;
        size_t pos, from, count;   // from: index in `next` of the first inserted slot
    };
    std::vector<Run> runs;
    const auto before = [this](int a, int b) { return m_rows[size_t(a)].key().before(m_rows[size_t(b)].key()); };
    const std::vector<int> &old = m_visible;
    size_t i = 0, j = 0, pos = 0;
    while ((i < old.size() || j < next.size()) && runs.size() <= kMaxDiffRuns) {
        if (i < old.size() && j < next.size() && old[i] == next[j]) {
            ++i, ++j, ++pos;
        } else if (j >= next.size() || (i < old.size() && before(old[i], next[j]))) {
            size_t n = 1;
            while (i + n < old.size() && (j >= next.size() || before(old[i + n], next[j])))
                ++n;
            runs.push_back({false, pos, 0, n});
            i += n;
        } else {
            size_t n = 1;
            while (j + n < next.size() && (i >= old.size() || (!before(old[i], next[j + n]) && old[i] != next[j + n])))
                ++n;
            runs.push_back({true, pos, j, n});
            j += n;
            pos += n;
        }
    }
    const int oldCount = int(m_visible.size());
    if (runs.size() > kMaxDiffRuns) {
        beginResetModel();
        m_visible = std::move(next);
        endResetModel();
    } else {
        for (const Run &run : runs) {
            const int first = int(run.pos), last = int(run.pos + run.count - 1);
            const auto at = m_visible.begin() + qsizetype(run.pos);
            if (run.insert) {
                beginInsertRows({}, first, last);
                m_visible.insert(at, next.begin() + qsizetype(run.from), next.begin() + qsizetype(run.from + run.count));
                endInsertRows();
            } else {
                beginRemoveRows({}, first, last);
                m_visible.erase(at, at + qsizetype(run.count));
                endRemoveRows();
            }
        }
        Q_ASSERT(m_visible == next);
        for (int slot : changed) {
            const int p = visiblePosOfSlot(slot);
            if (p >= 0)
                emit dataChanged(index(p), index(p));
        }
    }
    if (oldCount != int(m_visible.size()))
        emit countChanged();
}

// --- reading -----------------------------------------------------------------

int VideoListModel::indexOf(qint64 id) const
{
    const int slot = slotOf(id);
    return slot < 0 ? -1 : visiblePosOfSlot(slot);
}

std::optional<VideoRow> VideoListModel::find(qint64 id) const
{
    const int slot = slotOf(id);
    if (slot < 0)
        return std::nullopt;
    return m_rows[size_t(slot)].toRow(m_tags);
}

QVariantMap VideoListModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= int(m_visible.size()))
        return map;
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return map;
}

std::optional<VideoRow> VideoListModel::findByYoutubeId(const QString &youtubeId) const
{
    const QByteArray wanted = youtubeId.toUtf8();
    for (int s : m_order) {
        const VideoRecord &r = m_rows[size_t(s)];
        if (!r.pendingDelete() && r.youtubeIdUtf8() == QByteArrayView(wanted))
            return r.toRow(m_tags);
    }
    return std::nullopt;
}

videojson::Library VideoListModel::serverRows() const
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

QByteArray VideoListModel::toJson(int count, const QString &nextCursor) const
{
    videojson::Library rows = serverRows();
    rows.count = count;
    rows.nextCursor = nextCursor;
    return videojson::writeLibrary(rows);
}

} // namespace clipshelf
