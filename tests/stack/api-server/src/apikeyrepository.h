// API keys: the secret is returned once at creation; only its SHA-256 is kept.
#pragma once

#include "models.h"

#include <optional>
#include <QtCore/QList>

namespace apiserver {

class Database;

class ApiKeyRepository
{
public:
    explicit ApiKeyRepository(const Database &db);

    QList<ApiKey> list(qint64 userId) const;
    struct Created
    {
        ApiKey key;
        QString secret; // starts with key.prefix
    };
    Created create(qint64 userId, const QString &name, qint64 nowMs);
    // Returns the revoked key.
    std::optional<ApiKey> remove(qint64 userId, const QString &id);
    // The key whose secret this is (and records its use), if any.
    std::optional<ApiKey> findBySecret(const QString &secret, qint64 nowMs);

private:
    QList<ApiKey> load(const QString &where, const QVariantList &binds) const;
    const Database &m_db;
};

} // namespace apiserver
