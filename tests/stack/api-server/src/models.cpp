#include "models.h"

#include "core/youtubeurl.h"
#include "timeutil.h"

#include <QtCore/QJsonArray>

namespace apiserver {

QJsonValue nullableString(const QString &s)
{
    return s.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QVariant sqlString(const QString &s)
{
    return s.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QJsonObject toJson(const User &user, const QString &avatarUrl)
{
    return {
        {QStringLiteral("id"), user.id},
        {QStringLiteral("sub"), user.sub},
        {QStringLiteral("email"), user.email},
        {QStringLiteral("name"), nullableString(user.name)},
        {QStringLiteral("avatar_url"),
         avatarUrl.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(avatarUrl)},
        {QStringLiteral("created_at"), toRfc3339(user.createdMs)},
    };
}

QJsonObject toJson(const Video &video)
{
    return {
        {QStringLiteral("id"), video.id},
        {QStringLiteral("url"), clipshelf::YoutubeUrl::canonicalUrlForId(video.youtubeId)},
        {QStringLiteral("youtube_id"), video.youtubeId},
        {QStringLiteral("title"), nullableString(video.title)},
        {QStringLiteral("notes"), nullableString(video.notes)},
        {QStringLiteral("thumbnail_url"),
         clipshelf::YoutubeUrl::thumbnailUrlForId(video.youtubeId)},
        {QStringLiteral("tags"), QJsonArray::fromStringList(video.tags)},
        {QStringLiteral("created_at"), toRfc3339(video.createdMs)},
        {QStringLiteral("updated_at"), toRfc3339(video.updatedMs)},
    };
}

QJsonObject toJson(const Settings &s)
{
    return {
        {QStringLiteral("display_name"), nullableString(s.displayName)},
        {QStringLiteral("theme"), s.theme},
        {QStringLiteral("language"), s.language},
        {QStringLiteral("notifications"),
         QJsonObject{{QStringLiteral("email_digest"), s.emailDigest},
                     {QStringLiteral("product_updates"), s.productUpdates},
                     {QStringLiteral("security_alerts"), s.securityAlerts}}},
    };
}

QJsonObject toJson(const ApiKey &key)
{
    return {
        {QStringLiteral("id"), key.id},
        {QStringLiteral("name"), key.name},
        {QStringLiteral("prefix"), key.prefix},
        {QStringLiteral("created_at"), toRfc3339(key.createdMs)},
        {QStringLiteral("last_used_at"),
         key.lastUsedMs ? QJsonValue(toRfc3339(key.lastUsedMs)) : QJsonValue(QJsonValue::Null)},
    };
}

QJsonObject toJson(const ActivityEvent &event)
{
    return {
        {QStringLiteral("id"), event.id},
        {QStringLiteral("kind"), event.kind},
        {QStringLiteral("at"), toRfc3339(event.atMs)},
        {QStringLiteral("detail"), event.detail},
    };
}

} // namespace apiserver
