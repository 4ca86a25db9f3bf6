// Users (created on first use from the token's sub) and their avatars.
#pragma once

#include "models.h"

#include <optional>
#include <QtCore/QByteArray>

namespace apiserver {

class ActivityLog;
class Database;

class UserRepository
{
public:
    UserRepository(const Database &db, ActivityLog &activity);

    std::optional<User> findBySub(const QString &sub) const;
    // Returns the user for sub, creating it (and an account_created event)
    // when it does not exist yet. name may be null.
    User ensure(const QString &sub, const QString &email, const QString &name, qint64 nowMs);
    // Keeps email/name in step with the provider's claims.
    void updateProfile(User &user, const QString &email, const QString &name);

    struct Avatar
    {
        QByteArray contentType;
        QByteArray data;
        qint64 updatedMs = 0;
    };
    std::optional<Avatar> avatar(qint64 userId) const;
    void setAvatar(qint64 userId, const QByteArray &contentType, const QByteArray &data,
                   qint64 nowMs);
    bool removeAvatar(qint64 userId, qint64 nowMs);

private:
    const Database &m_db;
    ActivityLog &m_activity;
};

} // namespace apiserver
