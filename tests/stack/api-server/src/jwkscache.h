// The provider's signing keys (RSA and EC P-256 JWKs), fetched from the
// jwks_uri (configured directly or discovered) and cached. A token whose kid
// is unknown triggers at most one refetch per minRefetchMs.
#pragma once

#include "cryptoutil.h"
#include "timeutil.h"

#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QUrl>

#include <functional>
#include <optional>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace apiserver {

class OidcDiscovery;

class JwksCache : public QObject
{
    Q_OBJECT
public:
    struct Key
    {
        QString kid;
        QString kty;  // "RSA" or "EC"
        crypto::PublicKey key;
    };
    enum class Lookup { Found, NoKey, Unavailable };
    using KeysCallback = std::function<void(Lookup, const QList<Key> &candidates, const QString &error)>;

    // Either jwksUri is set, or discovery provides it.
    JwksCache(const QUrl &jwksUri, OidcDiscovery *discovery, QNetworkAccessManager *nam,
              int timeoutMs, int minRefetchMs, Clock clock, QObject *parent = nullptr);

    // Candidate keys of type kty ("RSA"/"EC") for kid (any kid when empty).
    void keysFor(const QString &kid, const QString &kty, KeysCallback callback);

    int fetchCount() const { return m_fetchCount; }
    static QList<Key> parseJwks(const QJsonObject &jwks);

private:
    using DoneCallback = std::function<void(bool ok, const QString &error)>;
    void refresh(DoneCallback done);
    void fetchFrom(const QUrl &url);
    void finish(bool ok, const QString &error);
    QList<Key> candidates(const QString &kid, const QString &kty) const;

    QUrl m_jwksUri;
    OidcDiscovery *m_discovery;
    QNetworkAccessManager *m_nam;
    int m_timeoutMs;
    int m_minRefetchMs;
    Clock m_clock;
    QList<Key> m_keys;
    bool m_loaded = false;
    bool m_fetching = false;
    std::optional<qint64> m_lastKidRefetchMs;
    int m_fetchCount = 0;
    QList<DoneCallback> m_waiting;
};

} // namespace apiserver
