#include "userrepository.h"

#include "activitylog.h"
#include "database.h"

namespace apiserver {

UserRepository::UserRepository(const Database &db, ActivityLog &activity)
    : m_db(db), m_activity(activity)
{}

std::optional<User> UserRepository::findBySub(const QString &sub) const
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT u.id, u.sub, u.email, u.name, u.created_ms,"
                                           " COALESCE(a.updated_ms, 0)"
                                           " FROM users u LEFT JOIN avatars a ON a.user_id = u.id"
                                           " WHERE u.sub = ?"),
                            {sub});
    if (!q.next())
        return std::nullopt;
    User u;
    u.id = q.value(0).toLongLong();
    u.sub = q.value(1).toString();
    u.email = q.value(2).toString();
    u.name = q.value(3).isNull() ? QString() : q.value(3).toString();
    u.createdMs = q.value(4).toLongLong();
    u.avatarUpdatedMs = q.value(5).toLongLong();
    return u;
}

User UserRepository::ensure(const QString &sub, const QString &email, const QString &name,
                            qint64 nowMs)
{
    if (auto existing = findBySub(sub))
        return *existing;
    QSqlQuery q =
        m_db.exec(QStringLiteral("INSERT OR IGNORE INTO users (sub, email, name, created_ms)"
                                 " VALUES (?, ?, ?, ?)"),
                  {sub, email.isNull() ? QStringLiteral("") : email, sqlString(name), nowMs});
    const bool inserted = q.numRowsAffected() > 0;
    auto user = findBySub(sub);
    if (!user)
        throw DbError("user vanished after insert");
    if (inserted) {
        m_activity.record(user->id, activity::AccountCreated,
                          user->email.isEmpty()
                              ? QStringLiteral("Account created")
                              : QStringLiteral("Account created for %1").arg(user->email),
                          nowMs);
    }
    return *user;
}

void UserRepository::updateProfile(User &user, const QString &email, const QString &name)
{
    const QString newEmail = email.isNull() ? user.email : email;
    const QString newName = name.isNull() ? user.name : name;
    if (newEmail == user.email && newName == user.name && newName.isNull() == user.name.isNull())
        return;
    m_db.exec(QStringLiteral("UPDATE users SET email = ?, name = ? WHERE id = ?"),
              {newEmail, sqlString(newName), user.id});
    user.email = newEmail;
    user.name = newName;
}

std::optional<UserRepository::Avatar> UserRepository::avatar(qint64 userId) const
{
    QSqlQuery q = m_db.exec(
        QStringLiteral("SELECT content_type, data, updated_ms FROM avatars WHERE user_id = ?"),
        {userId});
    if (!q.next())
        return std::nullopt;
    return Avatar{q.value(0).toByteArray(), q.value(1).toByteArray(), q.value(2).toLongLong()};
}

void UserRepository::setAvatar(qint64 userId, const QByteArray &contentType, const QByteArray &data,
                               qint64 nowMs)
{
    m_db.exec(
        QStringLiteral(
            "INSERT INTO avatars (user_id, content_type, data, updated_ms) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (user_id) DO UPDATE SET content_type = excluded.content_type,"
            " data = excluded.data, updated_ms = excluded.updated_ms"),
        {userId, QString::fromLatin1(contentType), data, nowMs});
    m_activity.record(userId, activity::AvatarChanged, QStringLiteral("Avatar updated"), nowMs);
}

bool UserRepository::removeAvatar(qint64 userId, qint64 nowMs)
{
    QSqlQuery q = m_db.exec(QStringLiteral("DELETE FROM avatars WHERE user_id = ?"), {userId});
    if (q.numRowsAffected() <= 0)
        return false;
    m_activity.record(userId, activity::AvatarChanged, QStringLiteral("Avatar removed"), nowMs);
    return true;
}

} // namespace apiserver
