#include "idempotencystore.h"

#include "cryptoutil.h"
#include "database.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

namespace apiserver {

namespace {

QString keyHash(const QByteArray &key)
{
    return QString::fromLatin1(crypto::sha256("clipshelf-idempotency-lookup\n" + key).toHex());
}

QByteArray sealingKey(qint64 userId, const QByteArray &key)
{
    return crypto::sha256("clipshelf-idempotency-seal\n" + QByteArray::number(userId) + '\n' + key);
}

QByteArray serialize(const HttpResponse &r)
{
    QJsonArray headers;
    for (const auto &h : r.headers)
        headers.append(QJsonArray{QString::fromLatin1(h.first), QString::fromLatin1(h.second)});
    return QJsonDocument(
               QJsonObject{{QStringLiteral("status"), r.status},
                           {QStringLiteral("headers"), headers},
                           {QStringLiteral("body"), QString::fromLatin1(r.body.toBase64())}})
        .toJson(QJsonDocument::Compact);
}

std::optional<HttpResponse> deserialize(const QByteArray &data)
{
    const QJsonObject o = QJsonDocument::fromJson(data).object();
    if (o.isEmpty())
        return std::nullopt;
    HttpResponse r;
    r.status = o.value(QStringLiteral("status")).toInt();
    const QJsonArray headers = o.value(QStringLiteral("headers")).toArray();
    for (const QJsonValue &h : headers) {
        const QJsonArray pair = h.toArray();
        r.headers.append({pair.at(0).toString().toLatin1(), pair.at(1).toString().toLatin1()});
    }
    r.body = QByteArray::fromBase64(o.value(QStringLiteral("body")).toString().toLatin1());
    return r;
}

} // namespace

IdempotencyStore::IdempotencyStore(const Database &db) : m_db(db) {}

bool IdempotencyStore::isValidKey(const QByteArray &key)
{
    if (key.isEmpty() || key.size() > 128)
        return false;
    for (char c : key) {
        if (c < 0x21 || c > 0x7e)
            return false;
    }
    return true;
}

QByteArray IdempotencyStore::fingerprint(const HttpRequest &request)
{
    // A JSON body counts as parsed JSON (compact, keys sorted), so a retry that
    // only formats the same body differently replays instead of being refused.
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    const QByteArray body = error.error == QJsonParseError::NoError && !doc.isNull()
                                ? "json:" + doc.toJson(QJsonDocument::Compact)
                                : "raw:" + request.body;
    return crypto::sha256(request.method + ' ' + request.path.toUtf8() + '\n' + body);
}

std::optional<IdempotencyStore::Entry> IdempotencyStore::find(qint64 userId, const QByteArray &key,
                                                              qint64 nowMs) const
{
    m_db.exec(QStringLiteral("DELETE FROM idempotency WHERE created_ms < ?"),
              {nowMs - kLifetimeMs});
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT fingerprint, sealed_response FROM idempotency"
                                           " WHERE user_id = ? AND key_hash = ?"),
                            {userId, keyHash(key)});
    if (!q.next())
        return std::nullopt;
    const auto plain = crypto::unseal(sealingKey(userId, key), q.value(1).toByteArray());
    const auto response = plain ? deserialize(*plain) : std::nullopt;
    if (!response)
        throw DbError("stored idempotent response cannot be read");
    return Entry{q.value(0).toByteArray(), *response};
}

void IdempotencyStore::store(qint64 userId, const QByteArray &key, const QByteArray &fingerprint,
                             const HttpResponse &response, qint64 nowMs)
{
    m_db.exec(QStringLiteral("INSERT OR REPLACE INTO idempotency (user_id, key_hash, fingerprint,"
                             " sealed_response, created_ms) VALUES (?, ?, ?, ?, ?)"),
              {userId, keyHash(key), fingerprint,
               crypto::seal(sealingKey(userId, key), serialize(response)), nowMs});
}

} // namespace apiserver
