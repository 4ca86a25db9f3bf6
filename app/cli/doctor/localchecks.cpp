#include "localchecks.h"

#include "buildconfig.h"
#include "core/transportsecurity.h"

#include <QHostAddress>
#include <QNetworkProxyFactory>
#include <QProcessEnvironment>
#include <QSysInfo>
#include <QTcpServer>

namespace clipshelf::cli::doctor {

namespace {

QString proxyText(const QNetworkProxy &proxy)
{
    if (proxy.type() == QNetworkProxy::NoProxy || proxy.type() == QNetworkProxy::DefaultProxy)
        return QStringLiteral("direct");
    const QString scheme = proxy.type() == QNetworkProxy::Socks5Proxy ? QStringLiteral("socks5")
                                                                      : QStringLiteral("http");
    return QStringLiteral("%1://%2:%3").arg(scheme, proxy.hostName()).arg(proxy.port());
}

/// A proxy variable's value without any user:password@ part.
QString withoutCredentials(const QString &value)
{
    QUrl url(value.contains(QLatin1String("://")) ? value : QStringLiteral("http://") + value);
    if (!url.isValid())
        return QStringLiteral("(unparsable)");
    return url.adjusted(QUrl::RemoveUserInfo).toString();
}

} // namespace

QJsonObject ConfigCheck::describe(const Config &config)
{
    QJsonObject out;
    for (Config::Key key : Config::allKeys()) {
        QString value = config.value(key);
        if (Config::isSensitive(key))
            value = value.isEmpty() ? QStringLiteral("not set") : QStringLiteral("set");
        out.insert(Config::keyName(key),
                   QJsonObject{{QStringLiteral("value"), value},
                               {QStringLiteral("source"), config.source(key)}});
    }
    return out;
}

void ConfigCheck::start()
{
    const Config &c = env().config;
    const QString id = QStringLiteral("config");
    const QUrl issuer(c.issuer());
    if (transport::isPlainHttp(issuer)) {
        report({CheckResult::fail(
            id,
            QStringLiteral("The issuer %1 uses plain http, which is only allowed on this computer.")
                .arg(c.issuer()),
            QStringLiteral("Use the provider's https issuer URL (%1).")
                .arg(whereSet(Config::Key::Issuer)))});
        return;
    }
    if (transport::isPlainHttp(c.apiUrl())) {
        report({CheckResult::fail(
            id,
            QStringLiteral("The API URL %1 uses plain http, which would send your sign-in "
                           "unencrypted; it is only allowed on this computer.")
                .arg(c.apiUrl().toString()),
            QStringLiteral("Use the service's https URL (%1).")
                .arg(whereSet(Config::Key::ApiUrl)))});
        return;
    }
    const QString missing = c.missingForSignIn();
    if (!missing.isEmpty()) {
        report({CheckResult::fail(
            id, missing,
            QStringLiteral(
                "Set issuer and client-id (flags, CLIPSHELF_ISSUER / CLIPSHELF_CLIENT_ID "
                "or clipshelf.conf), or install a build that has them built in."))});
        return;
    }
    if (c.apiUrl().isEmpty()) {
        report({CheckResult::warn(
            id,
            QStringLiteral("Profile \"%1\": no API URL is configured, so only sign-in works.")
                .arg(c.profile()),
            QStringLiteral("Set api-url (%1).").arg(whereSet(Config::Key::ApiUrl)))});
        return;
    }
    report({CheckResult::ok(id,
                            QStringLiteral("Profile \"%1\": issuer, client id and API URL are set.")
                                .arg(c.profile()))});
}

void RedirectPortsCheck::start()
{
    const QString id = QStringLiteral("redirect_ports");
    const QList<quint16> ports = env().config.redirectPorts();
    QTcpServer server;
    if (ports.isEmpty()) {
        if (server.listen(QHostAddress::LocalHost, 0)) {
            report({CheckResult::ok(
                id, QStringLiteral("No fixed redirect ports: each sign-in listens on a free "
                                   "port of 127.0.0.1 (tried one: fine)."))});
        } else {
            report({CheckResult::fail(
                id, QStringLiteral("Cannot listen on 127.0.0.1: %1.").arg(server.errorString()),
                QStringLiteral("Allow Clipshelf to listen on the loopback interface (firewall or "
                               "sandbox settings)."))});
        }
        return;
    }
    QStringList busy, free;
    for (quint16 port : ports) {
        if (server.listen(QHostAddress::LocalHost, port))
            free << QString::number(port);
        else
            busy << QString::number(port);
        server.close();
    }
    const QString fix =
        QStringLiteral(
            "Stop the program that uses %1 (see `ss -ltnp`), or register other ports with "
            "the provider and set redirect-ports.")
            .arg(busy.join(QStringLiteral(", ")));
    if (free.isEmpty())
        report({CheckResult::fail(id,
                                  QStringLiteral("Every redirect port is in use on 127.0.0.1: %1.")
                                      .arg(busy.join(QStringLiteral(", "))),
                                  fix)});
    else if (!busy.isEmpty())
        report({CheckResult::warn(id,
                                  QStringLiteral("Redirect port(s) %1 in use; sign-in will use %2.")
                                      .arg(busy.join(QStringLiteral(", ")), free.constFirst()),
                                  fix)});
    else
        report({CheckResult::ok(id, QStringLiteral("Redirect port(s) %1 free on 127.0.0.1.")
                                        .arg(free.join(QStringLiteral(", "))))});
}

QJsonObject VersionsCheck::versions()
{
    return {{QStringLiteral("clipshelf"), QStringLiteral(CLIPSHELF_VERSION)},
            {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
            {QStringLiteral("qt_build"), QStringLiteral(QT_VERSION_STR)},
            {QStringLiteral("qtkeychain"), QStringLiteral(CLIPSHELF_QTKEYCHAIN_VERSION)},
            {QStringLiteral("os"), QSysInfo::prettyProductName()},
            {QStringLiteral("kernel"),
             QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion()},
            {QStringLiteral("cpu"), QSysInfo::currentCpuArchitecture()}};
}

void VersionsCheck::start()
{
    const QJsonObject v = versions();
    auto s = [&v](const char *key) { return v.value(QLatin1String(key)).toString(); };
    QString qt = s("qt");
    if (s("qt") != s("qt_build"))
        qt += QStringLiteral(" (built with %1)").arg(s("qt_build"));
    report({CheckResult::ok(QStringLiteral("versions"),
                            QStringLiteral("Clipshelf %1, Qt %2, qtkeychain %3 on %4 (%5).")
                                .arg(s("clipshelf"), qt, s("qtkeychain"), s("os"), s("cpu")))});
}

void ProxyCheck::start()
{
    const QProcessEnvironment sys = QProcessEnvironment::systemEnvironment();
    QStringList variables;
    for (const char *name : {"http_proxy", "https_proxy", "all_proxy", "no_proxy", "HTTP_PROXY",
                             "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"}) {
        const QString key = QString::fromLatin1(name);
        if (!sys.contains(key))
            continue;
        const QString value = key.compare(QLatin1String("no_proxy"), Qt::CaseInsensitive) == 0
                                  ? sys.value(key)
                                  : withoutCredentials(sys.value(key));
        variables << QStringLiteral("%1=%2").arg(key, value);
    }
    QStringList routes;
    const struct
    {
        const char *what;
        QUrl url;
    } targets[] = {
        {"provider", QUrl(env().config.issuer())},
        {"API", env().config.apiUrl()},
    };
    for (const auto &t : targets) {
        if (t.url.isEmpty())
            continue;
        const QList<QNetworkProxy> proxies =
            QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(t.url));
        routes << QStringLiteral("%1 %2").arg(QString::fromLatin1(t.what),
                                              proxies.isEmpty() ? QStringLiteral("direct")
                                                                : proxyText(proxies.constFirst()));
    }
    const QString summary = QStringLiteral("%1; connections: %2.")
                                .arg(variables.isEmpty() ? QStringLiteral("No proxy variables set")
                                                         : QStringLiteral("Proxy variables: ") +
                                                               variables.join(QStringLiteral(", ")),
                                     routes.isEmpty() ? QStringLiteral("none configured")
                                                      : routes.join(QStringLiteral(", ")));
    report({CheckResult::ok(QStringLiteral("proxy"), summary)});
}

} // namespace clipshelf::cli::doctor
