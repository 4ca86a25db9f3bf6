#pragma once

#include "api/apiclient.h"
#include "api/apitypes.h"

namespace clipshelf::endpoints {

/// The contract's operations (api/openapi.yaml) as ready-to-send requests.
ApiRequest health();
ApiRequest timer();
ApiRequest me();
ApiRequest getAvatar();
/// \a contentType "image/png" or "image/jpeg".
ApiRequest putAvatar(const QByteArray &image, const QByteArray &contentType);
ApiRequest deleteAvatar();
ApiRequest listVideos(const VideoQuery &query);
/// \a idempotencyKey: the same key on a retry returns the first answer, creating nothing new.
ApiRequest createVideo(const VideoDraft &draft, const QString &idempotencyKey);
ApiRequest getVideo(qint64 id);
/// \a patch: any of title, notes, tags (null clears title/notes).
ApiRequest patchVideo(qint64 id, const QJsonObject &patch);
ApiRequest deleteVideo(qint64 id);
ApiRequest listTags();
ApiRequest getSettings();
/// JSON merge patch, sent with If-Match: \a etag (412 when it no longer matches).
ApiRequest patchSettings(const QJsonObject &patch, const QString &etag);
ApiRequest listApiKeys();
ApiRequest createApiKey(const QString &name, const QString &idempotencyKey);
ApiRequest revokeApiKey(const QString &id);
ApiRequest activity();

/// A fresh Idempotency-Key (128 random bits, URL-safe).
QString newIdempotencyKey();

} // namespace clipshelf::endpoints
