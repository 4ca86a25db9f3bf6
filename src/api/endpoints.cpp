#include "api/endpoints.h"

#include "core/boundedreply.h"
#include "core/randomtoken.h"

#include <QJsonDocument>

namespace clipshelf::endpoints {

ApiRequest health()
{
    return ApiRequest::get(QStringLiteral("/health"));
}
ApiRequest timer()
{
    return ApiRequest::get(QStringLiteral("/timer"));
}
ApiRequest me()
{
    return ApiRequest::get(QStringLiteral("/me"));
}
ApiRequest getAvatar()
{
    ApiRequest r = ApiRequest::get(QStringLiteral("/me/avatar"));
    r.maxResponseBytes = limits::kAvatarBytes;
    return r;
}

ApiRequest putAvatar(const QByteArray &image, const QByteArray &contentType)
{
    ApiRequest r;
    r.method = "PUT";
    r.path = QStringLiteral("/me/avatar");
    r.body = image;
    r.contentType = contentType;
    r.timeoutMs = 60'000;
    return r;
}

ApiRequest deleteAvatar()
{
    return ApiRequest::del(QStringLiteral("/me/avatar"));
}

ApiRequest listVideos(const VideoQuery &query)
{
    QUrlQuery q;
    if (!query.tags.isEmpty())
        q.addQueryItem(QStringLiteral("tags"),
                       QString::fromUtf8(QUrl::toPercentEncoding(query.tags.join(','))));
    if (!query.text.isEmpty())
        q.addQueryItem(QStringLiteral("q"), QString::fromUtf8(QUrl::toPercentEncoding(query.text)));
    if (query.limit > 0)
        q.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    if (!query.cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"),
                       QString::fromUtf8(QUrl::toPercentEncoding(query.cursor)));
    return ApiRequest::get(QStringLiteral("/videos"), q);
}

ApiRequest createVideo(const VideoDraft &draft, const QString &idempotencyKey)
{
    ApiRequest r =
        ApiRequest::json("POST", QStringLiteral("/videos"), QJsonDocument(draft.toJson()));
    if (!idempotencyKey.isEmpty())
        r.headers.insert("Idempotency-Key", idempotencyKey.toLatin1());
    return r;
}

ApiRequest getVideo(qint64 id)
{
    return ApiRequest::get(QStringLiteral("/videos/%1").arg(id));
}

ApiRequest patchVideo(qint64 id, const QJsonObject &patch)
{
    return ApiRequest::json("PATCH", QStringLiteral("/videos/%1").arg(id), QJsonDocument(patch));
}

ApiRequest deleteVideo(qint64 id)
{
    return ApiRequest::del(QStringLiteral("/videos/%1").arg(id));
}
ApiRequest listTags()
{
    return ApiRequest::get(QStringLiteral("/tags"));
}
ApiRequest getSettings()
{
    return ApiRequest::get(QStringLiteral("/settings"));
}

ApiRequest patchSettings(const QJsonObject &patch, const QString &etag)
{
    ApiRequest r = ApiRequest::json("PATCH", QStringLiteral("/settings"), QJsonDocument(patch));
    if (!etag.isEmpty())
        r.headers.insert("If-Match", etag.toLatin1());
    return r;
}

ApiRequest listApiKeys()
{
    return ApiRequest::get(QStringLiteral("/api-keys"));
}

ApiRequest createApiKey(const QString &name, const QString &idempotencyKey)
{
    ApiRequest r = ApiRequest::json("POST", QStringLiteral("/api-keys"),
                                    QJsonDocument(QJsonObject{{QStringLiteral("name"), name}}));
    if (!idempotencyKey.isEmpty())
        r.headers.insert("Idempotency-Key", idempotencyKey.toLatin1());
    return r;
}

ApiRequest revokeApiKey(const QString &id)
{
    return ApiRequest::del(
        QStringLiteral("/api-keys/%1").arg(QString::fromUtf8(QUrl::toPercentEncoding(id))));
}

ApiRequest activity()
{
    return ApiRequest::get(QStringLiteral("/activity"));
}

QString newIdempotencyKey()
{
    return QString::fromLatin1(randomtoken::urlSafe(16));
}

} // namespace clipshelf::endpoints
