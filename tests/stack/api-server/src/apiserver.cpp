#include "apiserver.h"

#include "apiserver_p.h"
#include "logging.h"

#include <QtNetwork/QNetworkProxy>

namespace apiserver {

bool ServerConfig::normaliseBasePath(const QString &in, QString *out)
{
    QString p = in.trimmed();
    while (p.endsWith(u'/'))
        p.chop(1);
    if (!p.isEmpty() && (!p.startsWith(u'/') || p.contains(u'?') || p.contains(u'#') ||
                         p.contains(QLatin1String("//"))))
        return false;
    *out = p;
    return true;
}

ApiServer::Private::Private(ApiServer *q, ServerConfig c)
    : config(std::move(c)), db(config.databasePath), activity(db), users(db, activity), videos(db),
      settings(db), apiKeys(db),
      idempotency(db), services{
                           db,       activity, users,        videos,
                           settings, apiKeys,  config.clock, [q] { return q->publicBaseUrl(); }}
{}

ApiServer::ApiServer(ServerConfig config, QObject *parent) : QObject(parent)
{
    if (!config.clock)
        config.clock = systemClock();
    QString base;
    if (!ServerConfig::normaliseBasePath(config.basePath, &base))
        base.clear();
    config.basePath = base;
    d = std::make_unique<Private>(this, std::move(config));

    d->nam = new QNetworkAccessManager(this);
    const bool loopbackProvider =
        (!d->config.issuer.isEmpty() && isLoopbackUrl(QUrl(d->config.issuer))) ||
        (d->config.jwksUri.isValid() && isLoopbackUrl(d->config.jwksUri));
    if (loopbackProvider)
        d->nam->setProxy(QNetworkProxy::NoProxy);
    if (!d->config.issuer.isEmpty())
        d->discovery =
            new OidcDiscovery(d->config.issuer, d->nam, d->config.providerTimeoutMs, this);
    d->jwks = new JwksCache(d->config.jwksUri, d->discovery, d->nam, d->config.providerTimeoutMs,
                            d->config.jwksMinRefetchMs, d->config.clock, this);
    d->verifier = new JwtVerifier(
        {d->config.issuer, d->config.audience, d->config.leewaySeconds, d->config.clock}, d->jwks,
        this);

    registerSystemRoutes(d->router, d->services);
    registerMeRoutes(d->router, d->services);
    registerVideoRoutes(d->router, d->services);
    registerSettingsRoutes(d->router, d->services);
    registerAccountRoutes(d->router, d->services);
}

ApiServer::~ApiServer() = default;

bool ApiServer::start(QString *error)
{
    if (d->config.issuer.isEmpty() && !d->config.jwksUri.isValid()) {
        *error = QStringLiteral("an issuer (--issuer) or a JWKS URL (--jwks-uri) is required");
        return false;
    }
    if (!d->db.open(error))
        return false;
    d->http = new ApiHttpServer([this](const ExchangePtr &ex) { handle(ex); }, this);
    QString listenError;
    d->port = d->http->listenOn(QHostAddress::LocalHost, d->config.port, &listenError);
    if (d->port == 0) {
        *error = QStringLiteral("cannot listen on 127.0.0.1:%1: %2")
                     .arg(d->config.port)
                     .arg(listenError);
        return false;
    }
    if (d->config.issuer.isEmpty())
        qCWarning(lcApiServer) << "no --issuer given: the iss claim is not checked";
    qCInfo(lcApiServer).noquote() << "listening on" << url().toString() << "faults"
                                  << (d->config.enableFaults ? "enabled" : "disabled");
    return true;
}

quint16 ApiServer::port() const
{
    return d->port;
}

QUrl ApiServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(d->port).arg(d->config.basePath));
}

QString ApiServer::publicBaseUrl() const
{
    QString base = d->config.publicUrl.isValid() && !d->config.publicUrl.isEmpty()
                       ? d->config.publicUrl.toString(QUrl::FullyEncoded)
                       : url().toString(QUrl::FullyEncoded);
    while (base.endsWith(u'/'))
        base.chop(1);
    return base;
}

const Router &ApiServer::router() const
{
    return d->router;
}

const Database &ApiServer::database() const
{
    return d->db;
}

JwksCache *ApiServer::jwks() const
{
    return d->jwks;
}

FaultSwitch &ApiServer::faults()
{
    return d->faults;
}

ApiKeyRepository &ApiServer::apiKeys()
{
    return d->apiKeys;
}

} // namespace apiserver
