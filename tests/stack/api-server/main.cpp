// clipshelf-api-server: the reference implementation of api/openapi.yaml, for
// tests and the demo (not shipped in installers).
#include "apiserver.h"

#include <cstdio>
#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QSaveFile>

#ifdef Q_OS_UNIX
#include <csignal>
#include <QtCore/QSocketNotifier>
#include <sys/socket.h>
#include <unistd.h>
#endif

using apiserver::ApiServer;
using apiserver::ServerConfig;

namespace {

// Exit codes: 0 after SIGTERM/SIGINT, 1 when the server cannot start, 2 for bad arguments.
int fail(const QString &message, int code = 2)
{
    std::fprintf(stderr, "clipshelf-api-server: %s\n", qPrintable(message));
    return code;
}

#ifdef Q_OS_UNIX
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &c, 1);
}

// SIGTERM/SIGINT end the event loop, so the process exits 0 after closing the database.
void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
}
#endif

bool positiveInt(const QString &text, int min, int max, int *out)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < min || v > max)
        return false;
    *out = v;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("clipshelf-api-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral("1.0.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Clipshelf reference API server (api/openapi.yaml) for tests and the demo.\n"
                       "Listens on 127.0.0.1 and prints one line when ready:\n"
                       "  {\"ready\":true,\"url\":\"http://127.0.0.1:PORT<base-path>\"}"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("TCP port on 127.0.0.1 (0 = ephemeral)."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption basePath(QStringLiteral("base-path"),
                                      QStringLiteral("Path prefix of every route, e.g. /api/v1."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("SQLite database file (default: in memory)."),
                                QStringLiteral("PATH"));
    const QCommandLineOption issuer(
        QStringLiteral("issuer"),
        QStringLiteral("OpenID Connect issuer; tokens' iss must equal it and the JWKS is "
                       "discovered from ISSUER/.well-known/openid-configuration."),
        QStringLiteral("URL"));
    const QCommandLineOption jwksUri(
        QStringLiteral("jwks-uri"),
        QStringLiteral("Fetch signing keys from here instead of discovery."),
        QStringLiteral("URL"));
    const QCommandLineOption audience(QStringLiteral("audience"),
                                      QStringLiteral("Required token audience."),
                                      QStringLiteral("AUD"), QStringLiteral("urn:clipshelf:api"));
    const QCommandLineOption portFile(QStringLiteral("port-file"),
                                      QStringLiteral("Also write the server URL to this file."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption publicUrl(
        QStringLiteral("public-url"),
        QStringLiteral("Base URL for absolute links (avatar_url, Location) when behind a proxy."),
        QStringLiteral("URL"));
    const QCommandLineOption faults(
        QStringLiteral("enable-faults"),
        QStringLiteral("Enable the test-only fault switch (/__faults, loopback peers only)."));
    const QCommandLineOption leeway(QStringLiteral("leeway"),
                                    QStringLiteral("Clock leeway for exp/nbf in seconds."),
                                    QStringLiteral("S"), QStringLiteral("30"));
    const QCommandLineOption refetch(
        QStringLiteral("jwks-refetch-interval"),
        QStringLiteral("Minimum seconds between JWKS refetches for unknown key ids."),
        QStringLiteral("S"), QStringLiteral("10"));
    parser.addOptions({port, basePath, db, issuer, jwksUri, audience, portFile, publicUrl, faults,
                       leeway, refetch});
    parser.process(app);

    ServerConfig config;
    int number = 0;
    if (!positiveInt(parser.value(port), 0, 65535, &number))
        return fail(QStringLiteral("--port must be 0..65535"));
    config.port = quint16(number);
    if (!ServerConfig::normaliseBasePath(parser.value(basePath), &config.basePath))
        return fail(QStringLiteral("--base-path must look like /api/v1"));
    config.databasePath = parser.value(db);
    config.issuer = parser.value(issuer);
    if (parser.isSet(jwksUri)) {
        config.jwksUri = QUrl(parser.value(jwksUri), QUrl::StrictMode);
        if (!config.jwksUri.isValid() || config.jwksUri.scheme().isEmpty())
            return fail(QStringLiteral("--jwks-uri is not a valid URL"));
    }
    if (config.issuer.isEmpty() && !parser.isSet(jwksUri))
        return fail(QStringLiteral("--issuer URL (or --jwks-uri URL) is required"));
    config.audience = parser.value(audience);
    if (parser.isSet(publicUrl))
        config.publicUrl = QUrl(parser.value(publicUrl));
    config.enableFaults = parser.isSet(faults);
    if (!positiveInt(parser.value(leeway), 0, 3600, &config.leewaySeconds))
        return fail(QStringLiteral("--leeway must be 0..3600"));
    if (!positiveInt(parser.value(refetch), 0, 86400, &number))
        return fail(QStringLiteral("--jwks-refetch-interval must be 0..86400"));
    config.jwksMinRefetchMs = number * 1000;

    ApiServer server(config);
    QString error;
    if (!server.start(&error))
        return fail(error, 1);
#ifdef Q_OS_UNIX
    quitOnSignals(app);
#endif

    const QByteArray url = server.url().toString(QUrl::FullyEncoded).toUtf8();
    if (parser.isSet(portFile)) {
        QSaveFile file(parser.value(portFile));
        if (!file.open(QIODevice::WriteOnly) || file.write(url + '\n') < 0 || !file.commit())
            return fail(QStringLiteral("cannot write %1").arg(parser.value(portFile)), 1);
    }
    std::fprintf(stdout, "{\"ready\":true,\"url\":\"%s\"}\n", url.constData());
    std::fflush(stdout);
    return app.exec();
}
