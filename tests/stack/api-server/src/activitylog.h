// Security-relevant account events (GET /activity).
#pragma once

#include "models.h"

#include <QtCore/QList>

namespace apiserver {

class Database;

namespace activity {
inline const QString AccountCreated = QStringLiteral("account_created");
inline const QString SettingsChanged = QStringLiteral("settings_changed");
inline const QString AvatarChanged = QStringLiteral("avatar_changed");
inline const QString ApiKeyCreated = QStringLiteral("api_key_created");
inline const QString ApiKeyRevoked = QStringLiteral("api_key_revoked");
inline const QString VideoDeleted = QStringLiteral("video_deleted");
} // namespace activity

class ActivityLog
{
public:
    explicit ActivityLog(const Database &db);
    void record(qint64 userId, const QString &kind, const QString &detail, qint64 nowMs);
    // Newest first.
    QList<ActivityEvent> recent(qint64 userId, int limit = 100) const;

private:
    const Database &m_db;
};

} // namespace apiserver
