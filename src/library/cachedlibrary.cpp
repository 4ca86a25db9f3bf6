#include "library/cachedlibrary.h"

#include "core/logging.h"
#include "library/taglistmodel.h"
#include "library/videojson.h"
#include "library/videolistmodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace clipshelf {

CachedLibrary::CachedLibrary(LibraryCache *cache, VideoListModel *videos, TagListModel *tags,
                             QObject *parent)
    : QObject(parent), m_cache(cache), m_videos(videos), m_tags(tags)
{
    m_worker.setMaxThreadCount(1);
}

CachedLibrary::~CachedLibrary()
{
    m_worker.waitForDone();
}

std::optional<LibraryCache::LibraryState> CachedLibrary::load(qint64 *ms)
{
    QElapsedTimer timer;
    timer.start();
    const QByteArray json = m_cache->readLibraryJson();
    const LibraryCache::LibraryState state = m_cache->libraryState();
    QString error;
    const bool shown = !json.isEmpty() && m_videos->loadFromJson(json, nullptr, nullptr, &error);
    if (!shown && !json.isEmpty())
        qCWarning(lcCore) << "The library cache is unreadable and is ignored:" << error;
    m_tags->setTags(m_cache->tags());
    const qint64 elapsed = timer.elapsed();
    qCInfo(lcCore) << "Cached library:" << m_videos->totalRows() << "videos in" << elapsed << "ms";
    if (ms)
        *ms = elapsed;
    return shown ? std::optional(state) : std::nullopt;
}

void CachedLibrary::loadInBackground()
{
    m_loading = true;
    m_tags->setTags(m_cache->tags());
    const quint64 resets = m_resets;
    const QString path = m_cache->libraryFilePath();
    m_worker.start([this, resets, path] {
        auto library = std::make_shared<videojson::Library>();
        QString error;
        bool ok = false;
        {
            MappedFile file(path);
            // Pages already parsed go back as the parser moves on: a large cache
            // never sits in memory whole next to the rows built from it.
            ok = !file.bytes().isEmpty() &&
                 videojson::parseLibrary(file.bytes(), library.get(), &error,
                                         [&file](const char *at) { file.releaseBefore(at); });
            if (file.bytes().isEmpty())
                error.clear();
        }
        QMetaObject::invokeMethod(
            this, [this, resets, library, ok, error] { finish(resets, library, ok, error); },
            Qt::QueuedConnection);
    });
}

void CachedLibrary::finish(quint64 resets, std::shared_ptr<videojson::Library> library, bool ok,
                           const QString &error)
{
    if (resets != m_resets || !m_loading)
        return; // cancelled meanwhile (another user, or forget-this-device)
    m_loading = false;
    LibraryCache::LibraryState state;
    if (ok) {
        state = m_cache->libraryState();
        m_videos->adopt(std::move(*library));
    } else if (!error.isEmpty()) {
        qCWarning(lcCore) << "The library cache is unreadable and is ignored:" << error;
    }
    library.reset();
    qCInfo(lcCore) << "Cached library:" << m_videos->totalRows()
                   << "videos (read in the background)";
    emit loaded(ok, state);
}

bool CachedLibrary::cancel()
{
    ++m_resets;
    return std::exchange(m_loading, false);
}

void CachedLibrary::waitForBackgroundWork()
{
    m_worker.waitForDone();
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

void CachedLibrary::write(int count, const QString &cursor)
{
    // Copies share their text; the JSON is built and written on the cache's thread.
    auto rows = std::make_shared<videojson::Library>(m_videos->serverRows());
    rows->count = count;
    rows->nextCursor = cursor;
    m_cache->writeLibraryAsync([rows] { return videojson::writeLibrary(*rows); });
}

} // namespace clipshelf
