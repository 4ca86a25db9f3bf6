#pragma once

#include "jws/jws.h"

#include <functional>
#include <optional>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace clipshelf {

/**
 * The provider's signing keys, fetched from its jwks_uri when first needed and
 * kept per key-set URL (one per issuer). Checks ID token signatures with the
 * project's JWS verifier. A token naming an unknown key fetches the set once
 * more (at most once per minimum interval, so junk tokens cannot hammer the
 * provider); a set older than a day is fetched again.
 */
class JwksCache : public QObject
{
    Q_OBJECT
public:
    /// What verify() found.
    struct Result
    {
        enum Kind {
            Verified,
            Refused,     ///< forged, unsigned, unknown key, or an algorithm never accepted
            Unavailable, ///< the key set could not be loaded: try again later
        };
        Kind kind = Refused;
        jws::Outcome outcome = jws::Outcome::Malformed; ///< why, when Refused
        QString error;      ///< plain words (English, for logs); never the token
        QJsonObject claims; ///< set only when Verified
    };
    using Callback = std::function<void(const Result &)>;

    /// Largest key-set response read, in bytes.
    static constexpr qint64 kMaxBytes = jws::kMaxJwksBytes;

    explicit JwksCache(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~JwksCache() override;

    /// Overall deadline of one key-set fetch.
    void setTimeout(int ms) { m_timeoutMs = ms; }
    /// Least time between two fetches caused by unknown keys.
    void setMinRefetchInterval(int ms) { m_minRefetchMs = ms; }
    /// Key-set fetches made so far (tests).
    int fetchCount() const { return m_fetchCount; }

    /// Verifies \a token's signature with the keys published at \a jwksUri
    /// (https, or http on loopback). \a done runs exactly once (before verify()
    /// returns when no fetch is needed), and not after this object is destroyed.
    void verify(const QByteArray &token, const QUrl &jwksUri, Callback done);

    /// GETs \a url reading at most \a maxBytes within \a deadlineMs overall; \a done
    /// gets the body, or an error in plain words. (The overall deadline holds even
    /// when a server drips bytes slowly.)
    static void
    fetchBounded(QNetworkAccessManager *nam, const QUrl &url, qint64 maxBytes, int deadlineMs,
                 QObject *context,
                 std::function<void(const QByteArray &body, const QString &error)> done);

private:
    struct Entry
    {
        std::optional<jws::JwkSet> keys;
        QDateTime fetchedAt;
        QDateTime lastUnknownKeyFetch;
        bool fetching = false;
        QList<std::function<void(const QString &error)>> waiting;
    };
    void load(const QUrl &jwksUri, std::function<void(const QString &error)> done);
    Result check(const QByteArray &token, const Entry &entry, bool *unknownKey) const;

    QNetworkAccessManager *m_nam;
    QHash<QString, Entry> m_entries; ///< by key-set URL
    int m_timeoutMs = 15'000;
    int m_minRefetchMs = 60'000;
    int m_fetchCount = 0;
};

} // namespace clipshelf
