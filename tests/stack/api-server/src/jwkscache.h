// The provider's signing keys (a JWK set, parsed by the project's JWS
// verifier), fetched from the jwks_uri (configured directly or discovered)
// and cached. A token whose kid is unknown triggers at most one refetch per
// minRefetchMs.
#pragma once

#include "jws/jws.h"
#include "timeutil.h"

#include <functional>
#include <optional>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QUrl>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace apiserver {

class OidcDiscovery;

class JwksCache : public QObject
{
    Q_OBJECT
public:
    enum class Lookup { Found, NoKey, Unavailable };
    using KeysCallback =
        std::function<void(Lookup, const clipshelf::jws::JwkSet &keys, const QString &error)>;

    // Either jwksUri is set, or discovery provides it.
    JwksCache(const QUrl &jwksUri, OidcDiscovery *discovery, QNetworkAccessManager *nam,
              int timeoutMs, int minRefetchMs, Clock clock, QObject *parent = nullptr);

    // The key set once it holds a key named kid (any key when kid is empty).
    void keysFor(const QString &kid, KeysCallback callback);

    int fetchCount() const { return m_fetchCount; }

private:
    using DoneCallback = std::function<void(bool ok, const QString &error)>;
    void refresh(DoneCallback done);
    void fetchFrom(const QUrl &url);
    void finish(bool ok, const QString &error);
    bool hasKey(const QString &kid) const;

    QUrl m_jwksUri;
    OidcDiscovery *m_discovery;
    QNetworkAccessManager *m_nam;
    int m_timeoutMs;
    int m_minRefetchMs;
    Clock m_clock;
    clipshelf::jws::JwkSet m_keys;
    bool m_loaded = false;
    bool m_fetching = false;
    std::optional<qint64> m_lastKidRefetchMs;
    int m_fetchCount = 0;
    QList<DoneCallback> m_waiting;
};

} // namespace apiserver
