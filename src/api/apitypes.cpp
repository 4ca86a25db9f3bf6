#include "api/apitypes.h"

#include "core/jsonvalues.h"

#include <QJsonArray>
#include <QTimeZone>

namespace clipshelf {

namespace {
QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}
/// An id: a whole number within +-2^53 (exact in a double), else 0; never an undefined conversion.
qint64 idOf(const QJsonObject &o)
{
    const double d = o.value(QLatin1String("id")).toDouble();
    constexpr double kMax = 9007199254740992.0;
    return d >= -kMax && d <= kMax ? qint64(d) : 0;
}
} // namespace

QDateTime parseApiTime(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

QString formatApiTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
}

Video Video::fromJson(const QJsonObject &o)
{
    Video v;
    v.id = idOf(o);
    v.url = str(o, "url");
    v.youtubeId = str(o, "youtube_id");
    v.title = str(o, "title");
    v.notes = str(o, "notes");
    v.thumbnailUrl = str(o, "thumbnail_url");
    v.tags = json::stringList(o.value(QLatin1String("tags")));
    v.createdAt = parseApiTime(str(o, "created_at"));
    v.updatedAt = parseApiTime(str(o, "updated_at"));
    return v;
}

QJsonObject Video::toJson() const
{
    auto nullable = [](const QString &s) {
        return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
    };
    return {{QStringLiteral("id"), double(id)},
            {QStringLiteral("url"), url},
            {QStringLiteral("youtube_id"), youtubeId},
            {QStringLiteral("title"), nullable(title)},
            {QStringLiteral("notes"), nullable(notes)},
            {QStringLiteral("thumbnail_url"), thumbnailUrl},
            {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
            {QStringLiteral("created_at"), formatApiTime(createdAt)},
            {QStringLiteral("updated_at"), formatApiTime(updatedAt)}};
}

VideoPage VideoPage::fromJson(const QJsonObject &o)
{
    VideoPage page;
    const QJsonArray videos = o.value(QLatin1String("videos")).toArray();
    page.videos.reserve(videos.size());
    for (const QJsonValue &v : videos)
        page.videos.append(Video::fromJson(v.toObject()));
    page.count = o.value(QLatin1String("count")).toInt();
    page.nextCursor = str(o, "next_cursor");
    return page;
}

QJsonObject VideoDraft::toJson() const
{
    QJsonObject o{{QStringLiteral("url"), url.trimmed()},
                  {QStringLiteral("tags"), QJsonArray::fromStringList(tags)}};
    if (!title.trimmed().isEmpty())
        o.insert(QStringLiteral("title"), title.trimmed());
    if (!notes.trimmed().isEmpty())
        o.insert(QStringLiteral("notes"), notes);
    return o;
}

QList<TagCount> TagCount::listFromJson(const QJsonObject &o)
{
    QList<TagCount> tags;
    for (const QJsonValue &v : o.value(QLatin1String("tags")).toArray()) {
        const QJsonObject t = v.toObject();
        tags.append({str(t, "name"), t.value(QLatin1String("count")).toInt()});
    }
    return tags;
}

UserInfo UserInfo::fromJson(const QJsonObject &o)
{
    UserInfo u;
    u.id = idOf(o);
    u.sub = str(o, "sub");
    u.email = str(o, "email");
    u.name = str(o, "name");
    u.avatarUrl = str(o, "avatar_url");
    u.createdAt = parseApiTime(str(o, "created_at"));
    return u;
}

UserSettings UserSettings::fromJson(const QJsonObject &o, const QString &etag)
{
    UserSettings s;
    s.displayName = str(o, "display_name");
    s.theme = str(o, "theme");
    s.language = str(o, "language");
    const QJsonObject n = o.value(QLatin1String("notifications")).toObject();
    s.notifications.emailDigest = n.value(QLatin1String("email_digest")).toBool();
    s.notifications.productUpdates = n.value(QLatin1String("product_updates")).toBool();
    s.notifications.securityAlerts = n.value(QLatin1String("security_alerts")).toBool();
    s.etag = etag;
    return s;
}

QJsonObject UserSettings::toJson() const
{
    return {{QStringLiteral("display_name"),
             displayName.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(displayName)},
            {QStringLiteral("theme"), theme},
            {QStringLiteral("language"), language},
            {QStringLiteral("notifications"),
             QJsonObject{{QStringLiteral("email_digest"), notifications.emailDigest},
                         {QStringLiteral("product_updates"), notifications.productUpdates},
                         {QStringLiteral("security_alerts"), notifications.securityAlerts}}}};
}

ApiKeyInfo ApiKeyInfo::fromJson(const QJsonObject &o)
{
    ApiKeyInfo k;
    k.id = str(o, "id");
    k.name = str(o, "name");
    k.prefix = str(o, "prefix");
    k.createdAt = parseApiTime(str(o, "created_at"));
    k.lastUsedAt = parseApiTime(str(o, "last_used_at"));
    k.secret = str(o, "secret");
    return k;
}

ActivityEvent ActivityEvent::fromJson(const QJsonObject &o)
{
    ActivityEvent e;
    e.id = idOf(o);
    e.kind = str(o, "kind");
    e.at = parseApiTime(str(o, "at"));
    e.detail = str(o, "detail");
    return e;
}

} // namespace clipshelf
