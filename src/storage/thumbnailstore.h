#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QQueue>
#include <QSet>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace clipshelf {

/**
 * Video thumbnails, cached on disk per profile (default
 * CacheLocation/<profile>/thumbnails/<youtubeId>.jpg) and downloaded
 * asynchronously through the shared QNetworkAccessManager, WITHOUT any
 * Authorization header (img.youtube.com is another origin than the API).
 *
 * Lives on the GUI thread. cachedPath() is thread-safe (a file look-up), so an
 * image provider may call it from its own thread; request() must be invoked on
 * the store's thread (QMetaObject::invokeMethod(store, "request", Qt::QueuedConnection, …)).
 * Offline or on any failure it emits failed(): the UI keeps its placeholder.
 */
class ThumbnailStore : public QObject
{
    Q_OBJECT
public:
    ThumbnailStore(const QString &directory, QNetworkAccessManager *nam, QObject *parent = nullptr);

    /// CacheLocation/<profile>/thumbnails (QStandardPaths, so test mode is honoured).
    static QString defaultDirectory(const QString &profile);
    QString directory() const { return m_dir; }

    /// Where images come from: <base>/<youtubeId>/hqdefault.jpg. Default
    /// https://img.youtube.com/vi ; tests point it at a local server.
    void setBaseUrl(const QUrl &base) { m_base = base; }
    QUrl baseUrl() const { return m_base; }
    /// After a failed download, the same id is not tried again for this long (default 30 s).
    void setRetryAfterMs(int ms) { m_retryAfterMs = ms; }

    /// The cached file of \a youtubeId, or "" when it is not on disk (or the id is not valid).
    QString cachedPath(const QString &youtubeId) const;
    /// Emits ready() (at once, queued, when cached) or downloads and then emits ready() or
    /// failed().
    Q_INVOKABLE void request(const QString &youtubeId);
    /// Forgets recent failures (e.g. when the connection is back).
    void resetFailures() { m_failedAt.clear(); }
    /// Deletes every cached thumbnail.
    void clear();

signals:
    void ready(const QString &youtubeId, const QString &path);
    void failed(const QString &youtubeId, const QString &message);

private:
    void startNext();
    void onFinished(const QString &youtubeId, QNetworkReply *reply);

    QString m_dir;
    QNetworkAccessManager *m_nam;
    QUrl m_base;
    int m_retryAfterMs = 30'000;
    int m_running = 0;
    QQueue<QString> m_queue;
    QSet<QString> m_pending; ///< queued or downloading
    QHash<QString, QDateTime> m_failedAt;
};

} // namespace clipshelf
