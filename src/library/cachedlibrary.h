#pragma once

#include "storage/librarycache.h"

#include <memory>
#include <optional>
#include <QObject>
#include <QThreadPool>

namespace clipshelf {

class TagListModel;
class VideoListModel;
namespace videojson {
struct Library;
}

/**
 * The library cache file as the LibraryLoader uses it: read into the models
 * (at once, or parsed on a worker thread while the GUI thread goes on) and
 * written on the cache's thread. An unreadable file is logged and ignored.
 */
class CachedLibrary : public QObject
{
    Q_OBJECT
public:
    CachedLibrary(LibraryCache *cache, VideoListModel *videos, TagListModel *tags,
                  QObject *parent = nullptr);
    ~CachedLibrary() override;

    /// Shows the cached rows and tags now. The paging state the rows were saved with, or
    /// nothing (no rows shown); \a ms: how long it took.
    std::optional<LibraryCache::LibraryState> load(qint64 *ms = nullptr);
    /// The same with the file read and parsed on a worker thread; loaded() follows.
    void loadInBackground();
    /// True while loadInBackground() has not finished.
    bool isLoading() const { return m_loading; }
    /// Drops a background read's answer (another user, or forget-this-device); true when one was
    /// running.
    bool cancel();
    /// Tests: waits for the worker and delivers what it sent back.
    void waitForBackgroundWork();
    /// Writes the model's server rows with the library's \a count and \a cursor, on the cache's
    /// thread.
    void write(int count, const QString &cursor);

signals:
    /// loadInBackground() finished: \a shown when rows were put in the model (saved with \a state).
    void loaded(bool shown, const clipshelf::LibraryCache::LibraryState &state);

private:
    void finish(quint64 resets, std::shared_ptr<videojson::Library> library, bool ok,
                const QString &error);

    LibraryCache *m_cache;
    VideoListModel *m_videos;
    TagListModel *m_tags;
    bool m_loading = false;
    quint64 m_resets = 0; ///< bumps on cancel(): a running read's answer is dropped
    QThreadPool m_worker; ///< reads the cache (declared last: waited for first)
};

} // namespace clipshelf
