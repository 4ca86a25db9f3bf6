#pragma once

#include "library/videosortkey.h"

#include <optional>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace clipshelf {

class ApiClient;
class CachedLibrary;
class LibraryCache;
class TagListModel;
class VideoListModel;
struct ApiError;

/**
 * Fills the VideoListModel and TagListModel: from the profile's cache at once,
 * then from GET /videos page by page (limit/cursor) and GET /tags. Each page
 * is authoritative for its range of the list, so videos deleted elsewhere
 * disappear. Unfiltered, only the part verified in this session is shown
 * while online (the rest pages in as the view scrolls); offline, or when the
 * whole library is loaded, filters run locally over everything known.
 * Writes the cache in the background after changes (debounced).
 */
class LibraryLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPageSize = 100;

    LibraryLoader(ApiClient *api, LibraryCache *cache, VideoListModel *videos, TagListModel *tags,
                  QObject *parent = nullptr);
    ~LibraryLoader() override;

    /// Shows the cached library of the cache's owner. Returns the milliseconds it took.
    qint64 loadCache();
    /// The same, with the file read and parsed on a worker thread (the GUI thread
    /// goes on meanwhile); cacheLoaded() follows. Requests to the server wait
    /// for it, so that the cache never replaces newer rows.
    void loadCacheInBackground();
    /// True while loadCacheInBackground() has not finished.
    bool isLoadingCache() const;
    /// Tests: waits for the worker and delivers what it sent back.
    void waitForBackgroundWork();
    /// Online or not: decides whether pages are fetched and what is shown.
    void setOnline(bool online);
    bool isOnline() const { return m_online; }
    /// Reloads the first page (of the current filter), and the tags.
    void refresh();
    /// The filter changed (already set on the model): page the server's results in if needed.
    void filterChanged();
    void fetchTags();
    /// Forgets paging state and what is shown (another user, or forget-this-device).
    void reset();

    bool isLoading() const { return m_loading || isLoadingCache(); }
    bool hasLoaded() const { return m_hasLoaded; }
    /// True once a page came from the server in this run (not only the cache).
    bool hasServerData() const { return m_verifiedAny || m_filterCount >= 0; }
    /// The server's count for what is shown, or the local count when filtering locally.
    int totalCount() const;
    /// True when the whole library is known locally (filters need no server).
    bool isComplete() const { return m_libraryComplete; }
    /// The library's size on the server changed by \a delta (an add or delete of ours).
    void adjustCount(int delta);
    /// A change was confirmed by the server: a list on its way may predate it, so its
    /// answer is dropped and the same page asked for again.
    void noteServerChange();
    void scheduleCacheWrite();
    /// Writes the cache now and waits for it (tests, shutdown).
    void flushCache();

signals:
    void loadingChanged();
    void totalCountChanged();
    /// A page or the tags arrived (the caller re-applies queued local changes).
    void pageApplied();
    void failed(const QString &message);
    /// loadCacheInBackground() put the cached rows in the model (or found none).
    void cacheLoaded();

private:
    void fetchPage(bool first);
    void applyPage(const QByteArray &body, bool first, bool filtered);
    void updateBoundAndMore();
    void setLoading(bool loading);
    void onCacheLoaded(bool shown, bool complete, int count);

    QPointer<ApiClient> m_api;
    LibraryCache *m_cache;
    CachedLibrary *m_file; ///< the cache file: read and written
    VideoListModel *m_videos;
    TagListModel *m_tags;
    QTimer m_cacheWrite;
    bool m_online = true;
    bool m_loading = false;
    bool m_fetching = false;
    bool m_fetchOutdated = false; ///< a change was confirmed while the page was on its way
    bool m_hasLoaded = false;
    bool m_refreshAfterCache = false; ///< refresh() came while the cache was loading
    quint64 m_resets = 0;     ///< bumps on reset(): answers for the previous user are dropped
    quint64 m_generation = 0; ///< bumps on every filter change and reset; stale answers are dropped

    QString m_libraryCursor;
    bool m_libraryComplete = false;
    int m_libraryCount = -1;
    std::optional<VideoSortKey> m_verified; ///< end of the unfiltered range verified online
    bool m_verifiedAny = false;

    QString m_filterCursor;
    bool m_filterComplete = false;
    int m_filterCount = -1;
    std::optional<VideoSortKey> m_filterEnd;
};

} // namespace clipshelf
