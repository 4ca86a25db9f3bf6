#include "library/videolistmodel.h"

#include "core/youtubeurl.h"
#include "library/listdiff.h"
#include "library/textarena.h"
#include "library/videojson.h"

#include <algorithm>

namespace clipshelf {

namespace {
// More separate insert/remove runs than this and a reset is cheaper for the view.
constexpr size_t kMaxDiffRuns = 64;
} // namespace

VideoListModel::VideoListModel(QObject *parent) : QAbstractListModel(parent) {}

VideoListModel::~VideoListModel() = default;

int VideoListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

QHash<int, QByteArray> VideoListModel::roleNames() const
{
    return {{VideoIdRole, "videoId"},
            {UrlRole, "url"},
            {YoutubeIdRole, "youtubeId"},
            {TitleRole, "title"},
            {DisplayTitleRole, "displayTitle"},
            {NotesRole, "notes"},
            {ThumbnailUrlRole, "thumbnailUrl"},
            {ThumbnailSourceRole, "thumbnailSource"},
            {TagsRole, "tags"},
            {CreatedAtRole, "createdAt"},
            {UpdatedAtRole, "updatedAt"},
            {PendingRole, "pending"},
            {PendingDeleteRole, "pendingDelete"}};
}

QVariant VideoListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= int(m_visible.size()))
        return {};
    const VideoRecord &r = visibleRow(index.row());
    switch (role) {
    case VideoIdRole:
        return r.id;
    case UrlRole:
        return r.effectiveUrl();
    case YoutubeIdRole:
        return r.youtubeId();
    case Qt::DisplayRole:
    case DisplayTitleRole:
        return r.displayTitle();
    case TitleRole:
        return r.title();
    case NotesRole:
        return r.notes();
    case ThumbnailUrlRole:
        return YoutubeUrl::thumbnailUrlForId(r.youtubeId());
    case ThumbnailSourceRole:
        return QStringLiteral("image://thumbnail/") + r.youtubeId();
    case TagsRole:
        return r.tags(m_store.tags());
    case CreatedAtRole:
        return videojson::utcFromMs(r.createdMs);
    case UpdatedAtRole:
        return videojson::utcFromMs(r.updatedMs);
    case PendingRole:
        return r.pending();
    case PendingDeleteRole:
        return r.pendingDelete();
    default:
        return {};
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

int VideoListModel::visiblePosOfSlot(int slot) const
{
    const VideoSortKey key = m_store.at(slot).key();
    auto it = std::lower_bound(
        m_visible.begin(), m_visible.end(), key,
        [this](int s, const VideoSortKey &k) { return m_store.at(s).key().before(k); });
    return it != m_visible.end() && *it == slot ? int(it - m_visible.begin()) : -1;
}

bool VideoListModel::loadFromJson(const QByteArray &json, int *count, QString *nextCursor,
                                  QString *error)
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
    beginResetModel();
    m_store.reset(std::move(library.rows), std::move(library.text), std::move(library.tags));
    m_visible = computeVisible();
    endResetModel();
    emit countChanged();
}

void VideoListModel::setRows(std::vector<VideoRow> rows)
{
    beginResetModel();
    m_store.reset(rows);
    m_visible = computeVisible();
    endResetModel();
    emit countChanged();
}

void VideoListModel::clear()
{
    beginResetModel();
    m_store.reset({}, std::make_shared<TextArena>(), TagDictionary());
    m_visible = computeVisible();
    endResetModel();
    emit countChanged();
}

void VideoListModel::mergeRows(std::vector<VideoRow> rows)
{
    if (rows.empty())
        return;
    const VideoStore::Merge merged = m_store.merge(rows);
    applyVisible(computeVisible(), merged.changed);
    m_store.release(merged.dropped); // after the view let go of the old slots
}

void VideoListModel::upsert(const VideoRow &row)
{
    mergeRows({row});
}

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
    const std::vector<int> dropped = m_store.takeIf(pred);
    if (dropped.empty())
        return;
    applyVisible(computeVisible());
    m_store.release(dropped);
}

void VideoListModel::setPending(qint64 id, bool pending)
{
    const int slot = m_store.slotOf(id);
    if (slot < 0 || m_store.at(slot).pending() == pending)
        return;
    m_store.at(slot).setPending(pending);
    const int pos = visiblePosOfSlot(slot);
    if (pos >= 0)
        emit dataChanged(index(pos), index(pos), {PendingRole});
}

void VideoListModel::setPendingDelete(qint64 id, bool pendingDelete)
{
    const int slot = m_store.slotOf(id);
    if (slot < 0 || m_store.at(slot).pendingDelete() == pendingDelete)
        return;
    m_store.at(slot).setPendingDelete(pendingDelete);
    applyVisible(computeVisible()); // hidden while deleted, back on undo
}

// --- filtering ---------------------------------------------------------------

void VideoListModel::setFilter(const QString &text, const QStringList &tags)
{
    if (!m_filter.set(text, tags))
        return;
    beginResetModel();
    m_visible = computeVisible();
    endResetModel();
    emit countChanged();
}

void VideoListModel::setLowerBound(std::optional<VideoSortKey> key)
{
    if (m_filter.setLowerBound(key))
        applyVisible(computeVisible());
}

std::vector<int> VideoListModel::computeVisible()
{
    if (!m_filter.prepare(m_store.tags()))
        return {};
    std::vector<int> out;
    out.reserve(m_store.order().size());
    for (int s : m_store.order())
        if (m_filter.shows(m_store.at(s), m_store.tags()))
            out.push_back(s);
    return out;
}

void VideoListModel::applyVisible(std::vector<int> next, const std::vector<int> &changed)
{
    const auto before = [this](int a, int b) { return m_store.before(a, b); };
    const std::optional<std::vector<ListRun>> runs =
        planListDiff(m_visible, next, before, kMaxDiffRuns);
    const int oldCount = int(m_visible.size());
    if (!runs) {
        beginResetModel();
        m_visible = std::move(next);
        endResetModel();
    } else {
        for (const ListRun &run : *runs) {
            const int first = int(run.pos), last = int(run.pos + run.count - 1);
            const auto at = m_visible.begin() + qsizetype(run.pos);
            if (run.insert) {
                beginInsertRows({}, first, last);
                m_visible.insert(at, next.begin() + qsizetype(run.from),
                                 next.begin() + qsizetype(run.from + run.count));
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
    const int slot = m_store.slotOf(id);
    return slot < 0 ? -1 : visiblePosOfSlot(slot);
}

std::optional<VideoRow> VideoListModel::find(qint64 id) const
{
    const int slot = m_store.slotOf(id);
    if (slot < 0)
        return std::nullopt;
    return m_store.at(slot).toRow(m_store.tags());
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
    return m_store.findByYoutubeId(youtubeId);
}

videojson::Library VideoListModel::serverRows() const
{
    return m_store.serverRows();
}

QByteArray VideoListModel::toJson(int count, const QString &nextCursor) const
{
    videojson::Library rows = serverRows();
    rows.count = count;
    rows.nextCursor = nextCursor;
    return videojson::writeLibrary(rows);
}

} // namespace clipshelf
