#include "jwkscache.h"

#include "jsonfetch.h"
#include "logging.h"
#include "oidcdiscovery.h"

#include <QtCore/QJsonArray>
#include <QtCore/QPointer>

namespace apiserver {

namespace {

QByteArray b64url(const QJsonObject &o, const char *name, bool *ok)
{
    const QString text = o.value(QLatin1String(name)).toString();
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (text.isEmpty() || !decoded)
        *ok = false;
    return decoded.decoded;
}

} // namespace

JwksCache::JwksCache(const QUrl &jwksUri, OidcDiscovery *discovery, QNetworkAccessManager *nam,
                     int timeoutMs, int minRefetchMs, Clock clock, QObject *parent)
    : QObject(parent)
    , m_jwksUri(jwksUri)
    , m_discovery(discovery)
    , m_nam(nam)
    , m_timeoutMs(timeoutMs)
    , m_minRefetchMs(minRefetchMs)
    , m_clock(std::move(clock))
{
}

QList<JwksCache::Key> JwksCache::parseJwks(const QJsonObject &jwks)
{
    QList<Key> keys;
    const QJsonArray list = jwks.value(QStringLiteral("keys")).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject jwk = v.toObject();
        const QString kty = jwk.value(QStringLiteral("kty")).toString();
        const QString use = jwk.value(QStringLiteral("use")).toString();
        const QString alg = jwk.value(QStringLiteral("alg")).toString();
        if (!use.isEmpty() && use != QLatin1String("sig"))
            continue;
        bool ok = true;
        QString error;
        Key key;
        key.kid = jwk.value(QStringLiteral("kid")).toString();
        key.kty = kty;
        if (kty == QLatin1String("RSA") && (alg.isEmpty() || alg == QLatin1String("RS256"))) {
            const QByteArray n = b64url(jwk, "n", &ok), e = b64url(jwk, "e", &ok);
            if (ok)
                key.key = crypto::rsaPublicKey(n, e, &error);
        } else if (kty == QLatin1String("EC") && jwk.value(QStringLiteral("crv")).toString() == QLatin1String("P-256")
                   && (alg.isEmpty() || alg == QLatin1String("ES256"))) {
            const QByteArray x = b64url(jwk, "x", &ok), y = b64url(jwk, "y", &ok);
            if (ok)
                key.key = crypto::ecP256PublicKey(x, y, &error);
        } else {
            continue;  // key types/algorithms we never accept
        }
        if (key.key)
            keys.append(key);
        else
            qCWarning(lcApiServer).noquote() << "ignoring JWK" << key.kid << ":" << (ok ? error : QStringLiteral("bad encoding"));
    }
    return keys;
}

QList<JwksCache::Key> JwksCache::candidates(const QString &kid, const QString &kty) const
{
    QList<Key> out;
    for (const Key &k : m_keys) {
        if (k.kty == kty && (kid.isEmpty() || k.kid == kid))
            out.append(k);
    }
    return out;
}

void JwksCache::keysFor(const QString &kid, const QString &kty, KeysCallback callback)
{
    if (m_loaded) {
        const QList<Key> found = candidates(kid, kty);
        if (!found.isEmpty()) {
            callback(Lookup::Found, found, {});
            return;
        }
        // Unknown kid: maybe the provider rotated its keys. Refetch, but at
        // most once per interval so that junk tokens cannot hammer it.
        const qint64 now = m_clock();
        if (m_lastKidRefetchMs && now - *m_lastKidRefetchMs < m_minRefetchMs) {
            callback(Lookup::NoKey, {}, QStringLiteral("no matching signing key"));
            return;
        }
        m_lastKidRefetchMs = now;
    }
    const QPointer<JwksCache> self(this);
    refresh([self, kid, kty, callback](bool ok, const QString &error) {
        if (!self)
            return;
        if (!ok) {
            callback(Lookup::Unavailable, {}, error);
            return;
        }
        const QList<Key> found = self->candidates(kid, kty);
        callback(found.isEmpty() ? Lookup::NoKey : Lookup::Found, found,
                 found.isEmpty() ? QStringLiteral("no matching signing key") : QString());
    });
}

void JwksCache::refresh(DoneCallback done)
{
    m_waiting.append(std::move(done));
    if (m_fetching)
        return;
    m_fetching = true;
    if (m_jwksUri.isValid() && !m_jwksUri.isEmpty()) {
        fetchFrom(m_jwksUri);
        return;
    }
    const QPointer<JwksCache> self(this);
    m_discovery->metadata([self](bool ok, const OidcDiscovery::Metadata &md, const QString &error) {
        if (!self)
            return;
        if (!ok)
            self->finish(false, error);
        else
            self->fetchFrom(md.jwksUri);
    });
}

void JwksCache::fetchFrom(const QUrl &url)
{
    ++m_fetchCount;
    const QPointer<JwksCache> self(this);
    fetchJson(m_nam, url, m_timeoutMs, [self](const FetchResult &r) {
        if (!self)
            return;
        if (!r.ok) {
            const QString error = QStringLiteral("JWKS fetch failed: ") + r.error;
            qCWarning(lcApiServer).noquote() << error;
            self->finish(false, error);
            return;
        }
        self->m_keys = parseJwks(r.json);
        self->m_loaded = true;
        qCInfo(lcApiServer) << "loaded" << self->m_keys.size() << "signing key(s) from the JWKS";
        self->finish(true, {});
    });
}

void JwksCache::finish(bool ok, const QString &error)
{
    m_fetching = false;  // failures were logged where they happened
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &cb : waiting)
        cb(ok, error);
}

} // namespace apiserver
