#include "servicechecks.h"

#include "api/apiclient.h"
#include "auth/providermetadata.h"
#include "core/httpdate.h"

#include <cmath>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace clipshelf::cli::doctor {

namespace {

QUrl apiUrlFor(const Config &config, const QString &path)
{
    return ApiClient(config.apiUrl(), nullptr, nullptr).urlFor(path);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString signedSeconds(double s)
{
    return QStringLiteral("%1%2 s").arg(s >= 0 ? "+" : "").arg(s, 0, 'f', 1);
}

} // namespace

QList<CheckResult> ApiHealthCheck::timedOut() const
{
    return {CheckResult::fail(
        QStringLiteral("api.health"),
        QStringLiteral("The API at %1 did not answer within 5 seconds.")
            .arg(env().config.apiUrl().toString()),
        QStringLiteral("Check that the service is up, and your network and proxy settings."))};
}

void ApiHealthCheck::start()
{
    const QString id = QStringLiteral("api.health");
    const QUrl base = env().config.apiUrl();
    if (base.isEmpty()) {
        report({CheckResult::warn(
            id, QStringLiteral("Not checked: no API URL is configured."),
            QStringLiteral("Set api-url (%1).").arg(whereSet(Config::Key::ApiUrl)))});
        return;
    }
    const QUrl url = apiUrlFor(env().config, QStringLiteral("/health"));
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    get(url, [this, id, url, timer](QNetworkReply *reply) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString fix =
            QStringLiteral(
                "Check api-url (%1), that the service is up, and the proxy settings below.")
                .arg(whereSet(Config::Key::ApiUrl));
        if (status == 0) {
            report({CheckResult::fail(id,
                                      QStringLiteral("Could not reach the API at %1: %2.")
                                          .arg(url.toString(), reply->errorString()),
                                      fix)});
            return;
        }
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        if (status != 200 ||
            body.value(QStringLiteral("status")).toString() != QLatin1String("ok")) {
            report(
                {CheckResult::fail(id,
                                   QStringLiteral("%1 answered HTTP %2, not {\"status\":\"ok\"}.")
                                       .arg(url.toString())
                                       .arg(status),
                                   fix)});
            return;
        }
        report({CheckResult::ok(id, QStringLiteral("The API at %1 is up (%2 ms).")
                                        .arg(env().config.apiUrl().toString())
                                        .arg(timer->elapsed()))});
    });
}

QList<CheckResult> ClockCheck::timedOut() const
{
    return {CheckResult::warn(QStringLiteral("clock"),
                              QStringLiteral("The clocks could not be compared within 5 seconds."),
                              QStringLiteral("See api.health and provider.discovery."))};
}

void ClockCheck::start()
{
    const Config &c = env().config;
    if (!c.apiUrl().isEmpty()) {
        ++m_pending;
        const qint64 sent = nowMs();
        get(apiUrlFor(c, QStringLiteral("/timer")), [this, sent](QNetworkReply *reply) {
            const qint64 received = nowMs();
            const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
            const QJsonValue epoch = body.value(QStringLiteral("epoch_ms"));
            if (reply->error() == QNetworkReply::NoError && epoch.isDouble())
                m_apiSkew = (epoch.toDouble() - double(sent + received) / 2) / 1000.0;
            --m_pending;
            maybeReport();
        });
    }
    if (!c.issuer().isEmpty()) {
        ++m_pending;
        const qint64 sent = nowMs();
        get(ProviderMetadata::discoveryUrl(c.issuer()), [this, sent](QNetworkReply *reply) {
            const qint64 received = nowMs();
            const QDateTime date = parseHttpDate(reply->rawHeader("Date"));
            // Date has whole seconds: the server's clock was somewhere in [date, date + 1 s).
            if (date.isValid())
                m_providerSkew =
                    (double(date.toMSecsSinceEpoch() + 500) - double(sent + received) / 2) / 1000.0;
            --m_pending;
            maybeReport();
        });
    }
    maybeReport();
}

void ClockCheck::maybeReport()
{
    if (m_pending > 0)
        return;
    const QString id = QStringLiteral("clock");
    if (!m_apiSkew && !m_providerSkew) {
        report({CheckResult::warn(id,
                                  QStringLiteral("The clocks could not be compared: neither the "
                                                 "API nor the provider told the time."),
                                  QStringLiteral("See api.health and provider.discovery."))});
        return;
    }
    QStringList parts;
    double worst = 0;
    if (m_apiSkew) {
        parts << QStringLiteral("API %1").arg(signedSeconds(*m_apiSkew));
        worst = std::max(worst, std::abs(*m_apiSkew));
    }
    if (m_providerSkew) {
        parts << QStringLiteral("provider %1").arg(signedSeconds(*m_providerSkew));
        worst = std::max(worst, std::abs(*m_providerSkew));
    }
    const QString summary = QStringLiteral("Clock difference (positive: the server is ahead): %1.")
                                .arg(parts.join(QStringLiteral(", ")));
    const QString fix =
        QStringLiteral("Turn on automatic time synchronisation (e.g. `timedatectl set-ntp true`).");
    if (worst <= kOkSeconds)
        report({CheckResult::ok(id, summary)});
    else if (worst <= kFailSeconds)
        report({CheckResult::warn(id, summary, fix)});
    else
        report({CheckResult::fail(id, summary,
                                  QStringLiteral("Sign-in fails beyond 2 minutes of difference: ") +
                                      fix.at(0).toLower() + fix.mid(1))});
}

} // namespace clipshelf::cli::doctor
