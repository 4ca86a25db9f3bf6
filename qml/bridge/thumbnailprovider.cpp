#include "thumbnailprovider.h"

#include "core/logging.h"
#include "storage/thumbnailstore.h"

#include <QImageReader>
#include <QMetaObject>

namespace clipshelf {

namespace {
// Starts every error string, so the warning QML makes of it can be recognised.
constexpr auto kUnavailable = "Thumbnail unavailable: ";
} // namespace

ThumbnailImageProvider::ThumbnailImageProvider(ThumbnailStore *store) : m_store(store) {}

QQuickImageResponse *ThumbnailImageProvider::requestImageResponse(const QString &id,
                                                                  const QSize &requestedSize)
{
    return new ThumbnailResponse(id, requestedSize, m_store);
}

bool ThumbnailImageProvider::isUnavailableWarning(const QString &warning)
{
    return warning.contains(QLatin1String(kUnavailable));
}

ThumbnailResponse::ThumbnailResponse(const QString &youtubeId, const QSize &requestedSize,
                                     ThumbnailStore *store)
    : m_id(youtubeId), m_requestedSize(requestedSize)
{
    // finished() must not come before the reader has connected to it: start
    // from this object's (the reader thread's) event loop.
    QMetaObject::invokeMethod(
        this, [this, store] { start(store); }, Qt::QueuedConnection);
}

void ThumbnailResponse::start(ThumbnailStore *store)
{
    if (!store) {
        fail(QStringLiteral("no thumbnail store"));
        return;
    }
    // The store's signals arrive queued on this thread; the connections die with this object.
    connect(store, &ThumbnailStore::ready, this,
            [this](const QString &youtubeId, const QString &path) {
                if (youtubeId == m_id)
                    loadFile(path);
            });
    connect(store, &ThumbnailStore::failed, this,
            [this](const QString &youtubeId, const QString &message) {
                if (youtubeId == m_id)
                    fail(message);
            });
    const QString cached = store->cachedPath(m_id);
    if (!cached.isEmpty()) {
        loadFile(cached);
        return;
    }
    QMetaObject::invokeMethod(store, "request", Qt::QueuedConnection, Q_ARG(QString, m_id));
}

void ThumbnailResponse::loadFile(const QString &path)
{
    if (m_finished)
        return;
    QImageReader reader(path);
    // Decoded straight at the size shown (JPEG decodes scaled down for less
    // work and memory), covering the requested box as below.
    const QSize full = reader.size();
    if (m_requestedSize.isValid() && !m_requestedSize.isEmpty() && full.isValid() &&
        (full.width() > m_requestedSize.width() || full.height() > m_requestedSize.height())) {
        reader.setScaledSize(full.scaled(m_requestedSize, Qt::KeepAspectRatioByExpanding));
    }
    QImage image = reader.read();
    if (image.isNull()) {
        fail(reader.errorString());
        return;
    }
    // Cover the requested box (the item crops): YouTube's 4:3 frames keep
    // their letterbox out of a 16:9 thumbnail that way.
    if (m_requestedSize.isValid() && !m_requestedSize.isEmpty() &&
        (image.width() > m_requestedSize.width() || image.height() > m_requestedSize.height())) {
        image =
            image.scaled(m_requestedSize, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
    }
    m_image = image;
    finish();
}

void ThumbnailResponse::fail(const QString &message)
{
    if (m_finished)
        return;
    m_error = QLatin1String(kUnavailable) +
              (message.isEmpty() ? QStringLiteral("no thumbnail") : message);
    qCDebug(lcUi) << "thumbnail" << m_id << "unavailable:" << m_error;
    finish();
}

void ThumbnailResponse::finish()
{
    m_finished = true;
    emit finished();
}

QQuickTextureFactory *ThumbnailResponse::textureFactory() const
{
    return QQuickTextureFactory::textureFactoryForImage(m_image);
}

} // namespace clipshelf
