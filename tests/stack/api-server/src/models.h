// Records of the API and their JSON form (the contract's schemas).
#pragma once

#include <QtCore/QJsonObject>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariant>

namespace apiserver {

struct User
{
    qint64 id = 0;
    QString sub;
    QString email;
    QString name; // null when unknown
    qint64 createdMs = 0;
    qint64 avatarUpdatedMs = 0; // 0: no avatar
};

struct Video
{
    qint64 id = 0;
    QString youtubeId;
    QString title; // null allowed
    QString notes; // null allowed
    QStringList tags;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
};

struct Settings
{
    QString displayName; // null allowed
    QString theme = QStringLiteral("system");
    QString language = QStringLiteral("en");
    bool emailDigest = false;
    bool productUpdates = false;
    bool securityAlerts = true;
};

struct ApiKey
{
    QString id;
    QString name;
    QString prefix;
    qint64 createdMs = 0;
    qint64 lastUsedMs = 0; // 0: never
};

struct ActivityEvent
{
    qint64 id = 0;
    QString kind;
    qint64 atMs = 0;
    QString detail;
};

// avatarUrl: absolute URL of GET /me/avatar, or empty when there is none.
QJsonObject toJson(const User &user, const QString &avatarUrl);
QJsonObject toJson(const Video &video);
QJsonObject toJson(const Settings &settings);
QJsonObject toJson(const ApiKey &key);
QJsonObject toJson(const ActivityEvent &event);

// JSON null for null strings.
QJsonValue nullableString(const QString &s);
// A QVariant that binds as SQL NULL for null strings.
QVariant sqlString(const QString &s);

} // namespace apiserver
