// Stored first responses for Idempotency-Key (per user, 24 hours).
#pragma once

#include "httpmessage.h"

#include <optional>

namespace apiserver {

class Database;

class IdempotencyStore
{
public:
    static constexpr qint64 kLifetimeMs = 24LL * 60 * 60 * 1000;

    explicit IdempotencyStore(const Database &db);

    // 1-128 visible ASCII characters (0x21-0x7e).
    static bool isValidKey(const QByteArray &key);
    // Identifies "the same request": method, path and body.
    static QByteArray fingerprint(const HttpRequest &request);

    struct Entry
    {
        QByteArray fingerprint;
        HttpResponse response;
    };
    std::optional<Entry> find(qint64 userId, const QByteArray &key, qint64 nowMs) const;
    void store(qint64 userId, const QByteArray &key, const QByteArray &fingerprint,
               const HttpResponse &response, qint64 nowMs);

private:
    const Database &m_db;
};

} // namespace apiserver
