#pragma once

#include <optional>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace clipshelf {

/// A saved video, as the API's Video schema.
struct Video
{
    qint64 id = 0;
    QString url;
    QString youtubeId;
    QString title; ///< may be empty (null in JSON)
    QString notes;
    QString thumbnailUrl;
    QStringList tags;
    QDateTime createdAt;
    QDateTime updatedAt;

    static Video fromJson(const QJsonObject &o);
    QJsonObject toJson() const;
    /// The title, or the URL when untitled.
    QString displayTitle() const { return title.isEmpty() ? url : title; }
};

/// One page of GET /videos.
struct VideoPage
{
    QList<Video> videos;
    int count = 0;      ///< matches over all pages
    QString nextCursor; ///< empty at the end
    static VideoPage fromJson(const QJsonObject &o);
};

/// Filters and paging for GET /videos.
struct VideoQuery
{
    QStringList tags; ///< AND
    QString text;     ///< q
    int limit = 0;    ///< 0 = everything in one page
    QString cursor;
};

/// What the user enters to save a video (POST /videos).
struct VideoDraft
{
    QString url;
    QString title;
    QString notes;
    QStringList tags;
    QJsonObject toJson() const;
};

struct TagCount
{
    QString name;
    int count = 0;
    static QList<TagCount> listFromJson(const QJsonObject &o);
};

struct UserInfo
{
    qint64 id = 0;
    QString sub;
    QString email;
    QString name;
    QString avatarUrl;
    QDateTime createdAt;
    static UserInfo fromJson(const QJsonObject &o);
};

struct NotificationSettings
{
    bool emailDigest = false;
    bool productUpdates = false;
    bool securityAlerts = true;
};

/// GET /settings, with the ETag that a PATCH must send back in If-Match.
struct UserSettings
{
    QString displayName;
    QString theme = QStringLiteral("system");
    QString language = QStringLiteral("en");
    NotificationSettings notifications;
    QString etag;
    static UserSettings fromJson(const QJsonObject &o, const QString &etag);
    QJsonObject toJson() const;
};

struct ApiKeyInfo
{
    QString id;
    QString name;
    QString prefix;
    QDateTime createdAt;
    QDateTime lastUsedAt; ///< invalid = never
    QString secret;       ///< only in the creation response, shown once
    static ApiKeyInfo fromJson(const QJsonObject &o);
};

struct ActivityEvent
{
    qint64 id = 0;
    QString kind;
    QDateTime at;
    QString detail;
    static ActivityEvent fromJson(const QJsonObject &o);
};

/// RFC 3339 as the API writes it (UTC, "Z").
QDateTime parseApiTime(const QString &text);
QString formatApiTime(const QDateTime &time);

} // namespace clipshelf
