// The reference API server: wires the HTTP front, the router and resource
// handlers, token verification, the database and the fault switch together.
#pragma once

#include "timeutil.h"

#include <memory>
#include <QtCore/QObject>
#include <QtCore/QUrl>

namespace apiserver {

class ApiKeyRepository;
class Database;
class Exchange;
class FaultSwitch;
class JwksCache;
class Router;
struct Route;
struct HttpResponse;
struct Services;
struct User;

struct ServerConfig
{
    quint16 port = 0;     // 0: ephemeral
    QString basePath;     // "" or "/api/v1"
    QString databasePath; // "" or ":memory:" keeps it in memory
    QString issuer;       // OIDC issuer; discovery at issuer + /.well-known/openid-configuration
    QUrl jwksUri;         // skips discovery for the keys when set
    QString audience = QStringLiteral("urn:clipshelf:api");
    QUrl publicUrl; // base URL for absolute links; default http://127.0.0.1:PORT<base>
    bool enableFaults = false;
    int leewaySeconds = 30;
    int jwksMinRefetchMs = 10000; // unknown kid: at most one refetch per interval
    int providerTimeoutMs = 5000;
    int unavailableRetryAfterSeconds = 5;
    Clock clock; // default: system clock

    // "/api/v1/" -> "/api/v1", "/" -> ""; false if not a path.
    static bool normaliseBasePath(const QString &in, QString *out);
};

class ApiServer : public QObject
{
    Q_OBJECT
public:
    explicit ApiServer(ServerConfig config, QObject *parent = nullptr);
    ~ApiServer() override;

    bool start(QString *error);
    quint16 port() const;
    // http://127.0.0.1:PORT<base-path> (what the ready line prints)
    QUrl url() const;
    QString publicBaseUrl() const;

    const Router &router() const;
    const Database &database() const;
    JwksCache *jwks() const;
    FaultSwitch &faults();
    ApiKeyRepository &apiKeys();

Q_SIGNALS:
    // After every exchange; status -1 when the connection was dropped/stalled.
    void requestFinished(const QByteArray &method, const QString &path, int status);

private:
    struct Private;
    struct Pending;
    void handle(const std::shared_ptr<Exchange> &exchange);
    void authenticate(const std::shared_ptr<Pending> &pending);
    void resolveUser(const std::shared_ptr<Pending> &pending, const QJsonObject &claims);
    void run(const std::shared_ptr<Pending> &pending, const User *user);
    void finish(const std::shared_ptr<Exchange> &exchange, const HttpResponse &response);

    std::unique_ptr<Private> d;
};

} // namespace apiserver
