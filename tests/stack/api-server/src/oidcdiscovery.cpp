#include "oidcdiscovery.h"

#include "logging.h"

#include <QtCore/QPointer>

namespace apiserver {

OidcDiscovery::OidcDiscovery(const QString &issuer, QNetworkAccessManager *nam, int timeoutMs,
                             QObject *parent)
    : QObject(parent), m_issuer(issuer), m_nam(nam), m_timeoutMs(timeoutMs)
{}

QUrl OidcDiscovery::discoveryUrl() const
{
    QString base = m_issuer;
    while (base.endsWith(u'/'))
        base.chop(1);
    return QUrl(base + QStringLiteral("/.well-known/openid-configuration"));
}

void OidcDiscovery::metadata(MetadataCallback callback)
{
    if (m_loaded) {
        callback(true, m_metadata, {});
        return;
    }
    m_waiting.append(std::move(callback));
    if (m_fetching)
        return;
    m_fetching = true;
    const QPointer<OidcDiscovery> self(this);
    fetchJson(m_nam, discoveryUrl(), m_timeoutMs, [self](const FetchResult &r) {
        if (!self)
            return;
        if (!r.ok) {
            self->finish(false, QStringLiteral("discovery failed: ") + r.error);
            return;
        }
        const QString issuer = r.json.value(QStringLiteral("issuer")).toString();
        if (issuer != self->m_issuer) {
            self->finish(false, QStringLiteral(
                                    "discovery issuer \"%1\" does not match the configured issuer")
                                    .arg(issuer));
            return;
        }
        const QUrl jwks(r.json.value(QStringLiteral("jwks_uri")).toString());
        if (!jwks.isValid() || jwks.scheme().isEmpty()) {
            self->finish(false, QStringLiteral("discovery document has no valid jwks_uri"));
            return;
        }
        self->m_metadata.jwksUri = jwks;
        self->m_metadata.userinfoEndpoint =
            QUrl(r.json.value(QStringLiteral("userinfo_endpoint")).toString());
        self->m_loaded = true;
        self->finish(true, {});
    });
}

void OidcDiscovery::finish(bool ok, const QString &error)
{
    m_fetching = false;
    if (!ok)
        qCWarning(lcApiServer).noquote() << error;
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &cb : waiting)
        cb(ok, m_metadata, error);
}

void OidcDiscovery::fetchUserInfo(const QByteArray &accessToken, UserInfoCallback callback)
{
    const QPointer<OidcDiscovery> self(this);
    metadata([self, accessToken, callback](bool ok, const Metadata &md, const QString &) {
        if (!self)
            return;
        if (!ok || !md.userinfoEndpoint.isValid() || md.userinfoEndpoint.isEmpty()) {
            callback({});
            return;
        }
        fetchJson(
            self->m_nam, md.userinfoEndpoint, self->m_timeoutMs,
            [callback](const FetchResult &r) {
                if (!r.ok)
                    qCWarning(lcApiServer).noquote() << "userinfo failed:" << r.error;
                callback(r.ok ? r.json : QJsonObject());
            },
            accessToken);
    });
}

} // namespace apiserver
