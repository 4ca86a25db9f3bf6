#include "library/libraryloader.h"

#include "api/endpoints.h"
#include "core/logging.h"
#include "library/cachedlibrary.h"
#include "library/taglistmodel.h"
#include "library/videojson.h"
#include "library/videolistmodel.h"
#include "storage/librarycache.h"

#include <QSet>

namespace clipshelf {

LibraryLoader::LibraryLoader(ApiClient *api, LibraryCache *cache, VideoListModel *videos,
                             TagListModel *tags, QObject *parent)
    : QObject(parent), m_api(api), m_cache(cache),
      m_file(new CachedLibrary(cache, videos, tags, this)), m_videos(videos), m_tags(tags)
{
    connect(m_file, &CachedLibrary::loaded, this,
            [this](bool shown, const LibraryCache::LibraryState &state) {
                onCacheLoaded(shown, state.complete, state.count);
            });
    m_cacheWrite.setSingleShot(true);
    m_cacheWrite.setInterval(1000);
    connect(&m_cacheWrite, &QTimer::timeout, this, &LibraryLoader::flushCache);
    connect(m_videos, &VideoListModel::moreRequested, this, [this] { fetchPage(false); });
    connect(m_videos, &VideoListModel::countChanged, this, &LibraryLoader::totalCountChanged);
}

LibraryLoader::~LibraryLoader() = default;

bool LibraryLoader::isLoadingCache() const
{
    return m_file->isLoading();
}

void LibraryLoader::waitForBackgroundWork()
{
    m_file->waitForBackgroundWork();
}

void LibraryLoader::loadCacheInBackground()
{
    m_file->loadInBackground();
    emit loadingChanged();
}

void LibraryLoader::onCacheLoaded(bool shown, bool complete, int count)
{
    if (shown) {
        m_libraryComplete = complete;
        m_libraryCount = count;
        m_hasLoaded = true;
    }
    updateBoundAndMore();
    emit loadingChanged();
    emit totalCountChanged();
    emit cacheLoaded();
    if (m_refreshAfterCache) {
        m_refreshAfterCache = false;
        refresh();
    }
}

qint64 LibraryLoader::loadCache()
{
    qint64 ms = 0;
    if (const std::optional<LibraryCache::LibraryState> state = m_file->load(&ms)) {
        m_libraryComplete = state->complete;
        m_libraryCount = state->count;
        m_hasLoaded = true;
    }
    updateBoundAndMore();
    emit totalCountChanged();
    return ms;
}

void LibraryLoader::reset()
{
    ++m_generation;
    ++m_resets;
    m_fetching = false;
    setLoading(false);
    if (m_file->cancel()) // its answer is dropped
        emit loadingChanged();
    m_refreshAfterCache = false;
    m_hasLoaded = false;
    m_libraryCursor.clear();
    m_libraryComplete = false;
    m_libraryCount = -1;
    m_verified.reset();
    m_verifiedAny = false;
    m_filterCursor.clear();
    m_filterComplete = false;
    m_filterCount = -1;
    m_filterEnd.reset();
    m_cacheWrite.stop();
    m_videos->setLowerBound(std::nullopt);
    m_videos->clear();
    m_tags->setTags({});
    m_videos->setHasMore(false);
    emit totalCountChanged();
}

void LibraryLoader::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    updateBoundAndMore();
    emit totalCountChanged();
}

void LibraryLoader::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged();
}

int LibraryLoader::totalCount() const
{
    const bool local = !m_online || m_libraryComplete;
    if (local)
        return m_videos->count();
    const int server = m_videos->isFiltered() ? m_filterCount : m_libraryCount;
    return std::max(server, m_videos->count());
}

void LibraryLoader::noteServerChange()
{
    if (m_fetching)
        m_fetchOutdated = true;
}

void LibraryLoader::adjustCount(int delta)
{
    if (m_libraryCount >= 0)
        m_libraryCount = std::max(0, m_libraryCount + delta);
    emit totalCountChanged();
}

void LibraryLoader::updateBoundAndMore()
{
    const bool filtered = m_videos->isFiltered();
    // Online and unfiltered, only what this session verified is shown: the
    // rest of the (possibly stale) cache comes in page by page.
    const bool bounded = m_online && !filtered && !m_libraryComplete && m_verifiedAny;
    m_videos->setLowerBound(bounded ? m_verified : std::nullopt);
    const bool more =
        m_online && !m_libraryComplete &&
        (filtered ? !m_filterComplete && !m_filterCursor.isEmpty() : !m_libraryCursor.isEmpty());
    m_videos->setHasMore(more);
}

void LibraryLoader::refresh()
{
    if (!m_online)
        return;
    if (m_file->isLoading()) {
        m_refreshAfterCache = true;
        return;
    }
    fetchPage(true);
    fetchTags();
}

void LibraryLoader::filterChanged()
{
    ++m_generation;
    m_fetching = false;
    m_filterCursor.clear();
    m_filterComplete = false;
    m_filterCount = -1;
    m_filterEnd.reset();
    setLoading(false);
    updateBoundAndMore();
    if (m_online && m_videos->isFiltered() && !m_libraryComplete)
        fetchPage(true);
    emit totalCountChanged();
}

void LibraryLoader::fetchPage(bool first)
{
    if (!m_api || !m_online || (m_fetching && !first))
        return;
    if (m_file->isLoading()) {
        m_refreshAfterCache = true; // after the cache: its rows must not replace newer ones
        return;
    }
    const bool filtered = m_videos->isFiltered();
    if (filtered && m_libraryComplete)
        return; // everything is local
    VideoQuery query;
    query.limit = kPageSize;
    if (filtered) {
        query.tags = m_videos->filterTags();
        query.text = m_videos->filterText();
    }
    if (!first) {
        query.cursor = filtered ? m_filterCursor : m_libraryCursor;
        if (query.cursor.isEmpty())
            return;
    }
    ++m_generation;
    const quint64 generation = m_generation;
    m_fetching = true;
    m_fetchOutdated = false;
    if (first)
        setLoading(true);
    m_api->send(endpoints::listVideos(query), this,
                [this, generation, first, filtered](const ApiResult &result) {
                    if (generation != m_generation)
                        return; // the filter changed meanwhile
                    m_fetching = false;
                    if (m_fetchOutdated && result.ok()) {
                        fetchPage(first); // read before a change the server has since confirmed
                        return;
                    }
                    setLoading(false);
                    if (!result.ok()) {
                        if (result.error.kind == ApiError::BadRequest && !first) {
                            // A cursor the server no longer accepts: start over from the top.
                            fetchPage(true);
                            return;
                        }
                        if (!result.error.isTransient() &&
                            result.error.kind != ApiError::SessionEnded)
                            emit failed(result.error.message);
                        updateBoundAndMore();
                        return;
                    }
                    applyPage(result.body, first, filtered);
                });
}

void LibraryLoader::applyPage(const QByteArray &body, bool first, bool filtered)
{
    videojson::Page page;
    QString error;
    if (!videojson::parsePage(body, &page, &error)) {
        emit failed(tr("The service sent a list Clipshelf could not read (%1).").arg(error));
        return;
    }
    const bool complete = page.nextCursor.isEmpty();
    // This page is the whole truth for its range: (start, end], newest first.
    const std::optional<VideoSortKey> start =
        first ? std::nullopt : (filtered ? m_filterEnd : m_verified);
    const std::optional<VideoSortKey> end =
        complete || page.rows.empty() ? std::nullopt
                                      : std::optional<VideoSortKey>(page.rows.back().key());
    QSet<qint64> ids;
    for (const VideoRow &r : page.rows)
        ids.insert(r.id);
    m_videos->removeIf([&](const VideoRecord &r) {
        if (r.id <= 0 || r.pending() || ids.contains(r.id))
            return false;
        const VideoSortKey k = r.key();
        if (start && !start->before(k))
            return false; // before the range
        if (end && end->before(k))
            return false; // after the range
        if (!filtered)
            return true;
        // Filtered: only rows that claim to match can be known gone (or changed).
        return m_videos->matchesFilter(r);
    });
    m_videos->mergeRows(std::move(page.rows));
    if (filtered) {
        m_filterCursor = page.nextCursor;
        m_filterComplete = complete;
        m_filterCount = page.count;
        m_filterEnd = end;
    } else {
        m_libraryCursor = page.nextCursor;
        m_libraryComplete = complete;
        m_libraryCount = page.count;
        m_verified = end;
        m_verifiedAny = true;
        m_cache->setLibraryState({m_libraryCursor, m_libraryComplete, m_libraryCount});
    }
    m_hasLoaded = true;
    updateBoundAndMore();
    scheduleCacheWrite();
    emit pageApplied();
    emit totalCountChanged();
}

void LibraryLoader::fetchTags()
{
    if (!m_api || !m_online)
        return;
    const quint64 resets = m_resets;
    m_api->send(endpoints::listTags(), this, [this, resets](const ApiResult &result) {
        if (!result.ok() || resets != m_resets)
            return;
        const QList<TagCount> tags = TagCount::listFromJson(result.json());
        m_tags->setTags(tags);
        m_cache->setTags(tags);
    });
}

void LibraryLoader::scheduleCacheWrite()
{
    m_cacheWrite.start();
}

void LibraryLoader::flushCache()
{
    m_cacheWrite.stop();
    if (m_file->isLoading())
        return; // the file is still what is being read; nothing newer is shown yet
    m_file->write(m_libraryCount, m_libraryCursor);
}

} // namespace clipshelf
