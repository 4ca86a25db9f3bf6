#include "jwkscache.h"

#include "jsonfetch.h"
#include "logging.h"
#include "oidcdiscovery.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QPointer>

namespace apiserver {

JwksCache::JwksCache(const QUrl &jwksUri, OidcDiscovery *discovery, QNetworkAccessManager *nam,
                     int timeoutMs, int minRefetchMs, Clock clock, QObject *parent)
    : QObject(parent), m_jwksUri(jwksUri), m_discovery(discovery), m_nam(nam),
      m_timeoutMs(timeoutMs), m_minRefetchMs(minRefetchMs), m_clock(std::move(clock))
{}

bool JwksCache::hasKey(const QString &kid) const
{
    return kid.isEmpty() ? !m_keys.keys.isEmpty() : m_keys.hasKid(kid);
}

void JwksCache::keysFor(const QString &kid, KeysCallback callback)
{
    if (m_loaded) {
        if (hasKey(kid)) {
            callback(Lookup::Found, m_keys, {});
            return;
        }
        // Unknown kid: maybe the provider rotated its keys. Refetch, but at
        // most once per interval so that junk tokens cannot hammer it.
        const qint64 now = m_clock();
        if (m_lastKidRefetchMs && now - *m_lastKidRefetchMs < m_minRefetchMs) {
            callback(Lookup::NoKey, m_keys, QStringLiteral("no matching signing key"));
            return;
        }
        m_lastKidRefetchMs = now;
    }
    const QPointer<JwksCache> self(this);
    refresh([self, kid, callback](bool ok, const QString &error) {
        if (!self)
            return;
        if (!ok) {
            callback(Lookup::Unavailable, {}, error);
            return;
        }
        const bool found = self->hasKey(kid);
        callback(found ? Lookup::Found : Lookup::NoKey, self->m_keys,
                 found ? QString() : QStringLiteral("no matching signing key"));
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
        QString why;
        const auto keys = clipshelf::jws::JwkSet::parse(
            QJsonDocument(r.json).toJson(QJsonDocument::Compact), &why);
        if (!keys) {
            const QString error = QStringLiteral("JWKS unusable: ") + why;
            qCWarning(lcApiServer).noquote() << error;
            self->finish(false, error);
            return;
        }
        self->m_keys = *keys;
        self->m_loaded = true;
        qCInfo(lcApiServer) << "loaded" << self->m_keys.keys.size()
                            << "signing key(s) from the JWKS";
        self->finish(true, {});
    });
}

void JwksCache::finish(bool ok, const QString &error)
{
    m_fetching = false; // failures were logged where they happened
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &cb : waiting)
        cb(ok, error);
}

} // namespace apiserver
