#include "discoverycheck.h"

#include "auth/providermetadata.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace clipshelf::cli::doctor {

namespace {
const QString kDiscovery = QStringLiteral("provider.discovery");
const QString kIssuer = QStringLiteral("provider.issuer");
const QString kPkce = QStringLiteral("provider.pkce");
const QString kRevocation = QStringLiteral("provider.revocation");
} // namespace

QList<CheckResult> DiscoveryCheck::notChecked(const QString &why)
{
    const QString summary = QStringLiteral("Not checked: %1.").arg(why);
    const QString fix = QStringLiteral("Fix provider.discovery first.");
    return {CheckResult::warn(kIssuer, summary, fix), CheckResult::warn(kPkce, summary, fix),
            CheckResult::warn(kRevocation, summary, fix)};
}

QList<CheckResult> DiscoveryCheck::timedOut() const
{
    const QString issuer = env().config.issuer();
    return QList<CheckResult>{CheckResult::fail(
               kDiscovery,
               QStringLiteral("The provider at %1 did not answer within 5 seconds.").arg(issuer),
               QStringLiteral("Check your network and proxy settings, and that %1 is up.")
                   .arg(issuer))} +
           notChecked(QStringLiteral("the provider did not answer"));
}

void DiscoveryCheck::start()
{
    const QString issuer = env().config.issuer();
    if (issuer.isEmpty()) {
        report(QList<CheckResult>{CheckResult::fail(
                   kDiscovery, QStringLiteral("No issuer is configured."),
                   QStringLiteral("Set issuer (%1).").arg(whereSet(Config::Key::Issuer)))} +
               notChecked(QStringLiteral("no issuer")));
        return;
    }
    const QUrl url = ProviderMetadata::discoveryUrl(issuer);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    get(url, [this, url, issuer, timer](QNetworkReply *reply) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0) {
            report(QList<CheckResult>{CheckResult::fail(
                       kDiscovery,
                       QStringLiteral("Could not reach the provider at %1: %2.")
                           .arg(issuer, reply->errorString()),
                       QStringLiteral(
                           "Check the issuer (%1), your network and the proxy settings below.")
                           .arg(whereSet(Config::Key::Issuer)))} +
                   notChecked(QStringLiteral("the provider could not be reached")));
            return;
        }
        if (status != 200) {
            report(QList<CheckResult>{CheckResult::fail(
                       kDiscovery,
                       QStringLiteral("%1 answered HTTP %2 instead of the discovery document.")
                           .arg(url.toString())
                           .arg(status),
                       QStringLiteral("Check the issuer (%1): the provider's issuer URL serves "
                                      "/.well-known/openid-configuration.")
                           .arg(whereSet(Config::Key::Issuer)))} +
                   notChecked(QStringLiteral("no discovery document")));
            return;
        }
        evaluate(reply->readAll(), url.toString(), timer->elapsed());
    });
}

void DiscoveryCheck::evaluate(const QByteArray &body, const QString &url, qint64 elapsedMs)
{
    const QJsonObject doc = QJsonDocument::fromJson(body).object();
    const QString configured = env().config.issuer();
    const QString announced = doc.value(QStringLiteral("issuer")).toString();
    if (doc.isEmpty() || announced.isEmpty()) {
        report(QList<CheckResult>{CheckResult::fail(
                   kDiscovery, QStringLiteral("%1 is not an OpenID discovery document.").arg(url),
                   QStringLiteral("Check the issuer (%1).").arg(whereSet(Config::Key::Issuer)))} +
               notChecked(QStringLiteral("no discovery document")));
        return;
    }
    QList<CheckResult> results;
    // Endpoints are validated as sign-in would; PKCE is reported on its own below.
    QJsonObject withS256 = doc;
    withS256.insert(QStringLiteral("code_challenge_methods_supported"),
                    QJsonArray{QStringLiteral("S256")});
    QString problem;
    const auto metadata =
        ProviderMetadata::fromJson(QJsonDocument(withS256).toJson(), announced, &problem);
    if (metadata)
        results << CheckResult::ok(kDiscovery,
                                   QStringLiteral("Loaded %1 in %2 ms.").arg(url).arg(elapsedMs));
    else
        results << CheckResult::fail(
            kDiscovery, problem,
            QStringLiteral("Ask the provider's administrator, or check the issuer."));

    if (announced == configured)
        results << CheckResult::ok(
            kIssuer, QStringLiteral("The provider's issuer matches: %1.").arg(announced));
    else
        results << CheckResult::fail(
            kIssuer,
            QStringLiteral("The provider says its issuer is \"%1\", but Clipshelf is configured "
                           "for \"%2\"; they must match exactly.")
                .arg(announced, configured),
            QStringLiteral("Set issuer to exactly \"%1\" (%2).")
                .arg(announced, whereSet(Config::Key::Issuer)));

    QStringList methods;
    for (const QJsonValue &v :
         doc.value(QStringLiteral("code_challenge_methods_supported")).toArray())
        methods << v.toString();
    if (methods.contains(QLatin1String("S256")))
        results << CheckResult::ok(kPkce, QStringLiteral("PKCE with S256 is supported."));
    else if (methods.isEmpty())
        results << CheckResult::warn(
            kPkce,
            QStringLiteral("The provider does not say which PKCE methods it supports; "
                           "Clipshelf will use S256 anyway."),
            QStringLiteral(
                "Nothing to do if sign-in works; otherwise enable PKCE S256 for the client."));
    else
        results << CheckResult::fail(
            kPkce,
            QStringLiteral("The provider does not support PKCE with S256 (only %1).")
                .arg(methods.join(QStringLiteral(", "))),
            QStringLiteral("Enable PKCE S256 for this client at the provider."));

    const QString revocation = doc.value(QStringLiteral("revocation_endpoint")).toString();
    if (!revocation.isEmpty())
        results << CheckResult::ok(kRevocation,
                                   QStringLiteral("Revocation endpoint: %1.").arg(revocation));
    else
        results << CheckResult::warn(
            kRevocation,
            QStringLiteral("The provider has no revocation endpoint: signing out forgets the "
                           "session on this computer but cannot end it at the provider."),
            QStringLiteral(
                "Nothing to do; to end sessions at the provider, use its account page."));
    report(results);
}

} // namespace clipshelf::cli::doctor
