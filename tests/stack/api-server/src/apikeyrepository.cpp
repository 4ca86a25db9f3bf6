#include "apikeyrepository.h"

#include "cryptoutil.h"
#include "database.h"
#include "jwt.h"

namespace apiserver {

ApiKeyRepository::ApiKeyRepository(const Database &db) : m_db(db) {}

QList<ApiKey> ApiKeyRepository::load(const QString &where, const QVariantList &binds) const
{
    QSqlQuery q =
        m_db.exec(QStringLiteral("SELECT id, name, prefix, created_ms, COALESCE(last_used_ms, 0)"
                                 " FROM api_keys WHERE %1 ORDER BY created_ms DESC, id")
                      .arg(where),
                  binds);
    QList<ApiKey> keys;
    while (q.next())
        keys.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toLongLong(), q.value(4).toLongLong()});
    return keys;
}

QList<ApiKey> ApiKeyRepository::list(qint64 userId) const
{
    return load(QStringLiteral("user_id = ?"), {userId});
}

ApiKeyRepository::Created ApiKeyRepository::create(qint64 userId, const QString &name, qint64 nowMs)
{
    Created c;
    c.key.id = QStringLiteral("key_") + QString::fromLatin1(crypto::randomBytes(8).toHex());
    c.key.name = name;
    c.key.prefix = QStringLiteral("cs_") + QString::fromLatin1(crypto::randomBytes(4).toHex());
    c.key.createdMs = nowMs;
    c.secret = c.key.prefix + u'_' + QString::fromLatin1(base64UrlEncode(crypto::randomBytes(24)));
    const QString hash = QString::fromLatin1(crypto::sha256(c.secret.toUtf8()).toHex());
    m_db.exec(
        QStringLiteral("INSERT INTO api_keys (id, user_id, name, prefix, secret_sha256, created_ms)"
                       " VALUES (?, ?, ?, ?, ?, ?)"),
        {c.key.id, userId, name, c.key.prefix, hash, nowMs});
    return c;
}

std::optional<ApiKey> ApiKeyRepository::remove(qint64 userId, const QString &id)
{
    const QList<ApiKey> found = load(QStringLiteral("user_id = ? AND id = ?"), {userId, id});
    if (found.isEmpty())
        return std::nullopt;
    m_db.exec(QStringLiteral("DELETE FROM api_keys WHERE user_id = ? AND id = ?"), {userId, id});
    return found.first();
}

std::optional<ApiKey> ApiKeyRepository::findBySecret(const QString &secret, qint64 nowMs)
{
    const QString hash = QString::fromLatin1(crypto::sha256(secret.toUtf8()).toHex());
    const QList<ApiKey> found = load(QStringLiteral("secret_sha256 = ?"), {hash});
    if (found.isEmpty())
        return std::nullopt;
    m_db.exec(QStringLiteral("UPDATE api_keys SET last_used_ms = ? WHERE id = ?"),
              {nowMs, found.first().id});
    return found.first();
}

} // namespace apiserver
