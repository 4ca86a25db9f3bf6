#include "storage/thumbnailstore.h"

#include "core/boundedreply.h"
#include "core/youtubeurl.h"
#include "storage/storagelogging.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QStandardPaths>

namespace clipshelf {

namespace {
constexpr int kMaxParallel = 4;
constexpr qint64 kMaxBytes = limits::kThumbnailBytes;
constexpr int kTimeoutMs = 20'000;
} // namespace

ThumbnailStore::ThumbnailStore(const QString &directory, QNetworkAccessManager *nam,
                               QObject *parent)
    : QObject(parent), m_dir(directory), m_nam(nam),
      m_base(QStringLiteral("https://img.youtube.com/vi"))
{}

QString ThumbnailStore::defaultDirectory(const QString &profile)
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QLatin1Char('/') +
           profile + QStringLiteral("/thumbnails");
}

QString ThumbnailStore::cachedPath(const QString &youtubeId) const
{
    if (!YoutubeUrl::isValidId(youtubeId)) // also keeps paths inside the directory
        return {};
    const QString path = m_dir + QLatin1Char('/') + youtubeId + QStringLiteral(".jpg");
    return QFile::exists(path) ? path : QString();
}

void ThumbnailStore::request(const QString &youtubeId)
{
    const QString cached = cachedPath(youtubeId);
    auto later = [this](auto &&emitter) {
        QMetaObject::invokeMethod(this, emitter, Qt::QueuedConnection);
    };
    if (!cached.isEmpty()) {
        later([this, youtubeId, cached] { emit ready(youtubeId, cached); });
        return;
    }
    if (!YoutubeUrl::isValidId(youtubeId)) {
        later([this, youtubeId] { emit failed(youtubeId, tr("Not a YouTube video id.")); });
        return;
    }
    const auto failedAt = m_failedAt.constFind(youtubeId);
    if (failedAt != m_failedAt.constEnd() &&
        failedAt->msecsTo(QDateTime::currentDateTimeUtc()) < m_retryAfterMs) {
        later([this, youtubeId] {
            emit failed(youtubeId, tr("The thumbnail could not be loaded."));
        });
        return;
    }
    if (m_pending.contains(youtubeId))
        return; // ready()/failed() follow when the running download ends
    m_pending.insert(youtubeId);
    m_queue.enqueue(youtubeId);
    startNext();
}

void ThumbnailStore::startNext()
{
    while (m_running < kMaxParallel && !m_queue.isEmpty()) {
        const QString id = m_queue.dequeue();
        QUrl url = m_base;
        QString path = url.path();
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        url.setPath(path + QLatin1Char('/') + id + QStringLiteral("/hqdefault.jpg"));
        QNetworkRequest request(url); // deliberately no Authorization: another origin than the API
        request.setTransferTimeout(kTimeoutMs);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = m_nam->get(request);
        BoundedReply::bound(reply, kMaxBytes, limits::kThumbnailDeadlineMs);
        ++m_running;
        connect(reply, &QNetworkReply::finished, this,
                [this, id, reply] { onFinished(id, reply); });
    }
}

void ThumbnailStore::onFinished(const QString &youtubeId, QNetworkReply *reply)
{
    reply->deleteLater();
    --m_running;
    m_pending.remove(youtubeId);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QByteArray bytes =
        reply->error() == QNetworkReply::NoError ? reply->read(kMaxBytes + 1) : QByteArray();
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    QString message;
    if (reply->error() != QNetworkReply::NoError || status != 200)
        message = tr("The thumbnail could not be downloaded.");
    else if (bytes.size() > kMaxBytes || !reader.canRead())
        message = tr("The thumbnail is not an image.");
    QString path;
    if (message.isEmpty()) {
        QDir().mkpath(m_dir);
        path = m_dir + QLatin1Char('/') + youtubeId + QStringLiteral(".jpg");
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            message = tr("The thumbnail could not be stored.");
    }
    if (!message.isEmpty()) {
        qCDebug(lcStorage) << "Thumbnail" << youtubeId << "failed:" << status
                           << reply->errorString();
        m_failedAt.insert(youtubeId, QDateTime::currentDateTimeUtc());
        emit failed(youtubeId, message);
    } else {
        m_failedAt.remove(youtubeId);
        emit ready(youtubeId, path);
    }
    startNext();
}

void ThumbnailStore::clear()
{
    QDir(m_dir).removeRecursively();
    m_failedAt.clear();
}

} // namespace clipshelf
