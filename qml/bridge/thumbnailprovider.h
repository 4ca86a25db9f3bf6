#pragma once

#include <QImage>
#include <QQuickAsyncImageProvider>
#include <QQuickImageResponse>
#include <QSize>
#include <QString>

namespace clipshelf {

class ThumbnailStore;

/**
 * image://thumbnail/<youtubeId>: video thumbnails from the ThumbnailStore's
 * disk cache, downloaded by the store when missing. Never blocks the GUI
 * thread: a cached file is decoded on the image reader's thread, a download
 * is asked of the store (on its thread) and answered by its ready()/failed()
 * signals. On failure (offline, no such video, no store) the image fails and
 * the Thumbnail item keeps its placeholder.
 *
 * The store must outlive the QML engine the provider is installed in.
 */
class ThumbnailImageProvider : public QQuickAsyncImageProvider
{
public:
    /// \a store may be null: every request then fails (placeholders only).
    explicit ThumbnailImageProvider(ThumbnailStore *store);

    QQuickImageResponse *requestImageResponse(const QString &id,
                                              const QSize &requestedSize) override;

    /// True for the warning QML prints when a thumbnail fails. That is normal
    /// (offline, a removed video), so the app logs it at debug level instead.
    static bool isUnavailableWarning(const QString &warning);

private:
    ThumbnailStore *m_store;
};

/// One thumbnail request; lives on the image reader's thread.
class ThumbnailResponse : public QQuickImageResponse
{
    Q_OBJECT
public:
    ThumbnailResponse(const QString &youtubeId, const QSize &requestedSize, ThumbnailStore *store);

    QQuickTextureFactory *textureFactory() const override;
    QString errorString() const override { return m_error; }

private:
    void start(ThumbnailStore *store);
    void loadFile(const QString &path);
    void fail(const QString &message);
    void finish();

    QString m_id;
    QSize m_requestedSize;
    QImage m_image;
    QString m_error;
    bool m_finished = false;
};

} // namespace clipshelf
