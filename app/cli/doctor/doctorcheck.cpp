#include "doctorcheck.h"

#include "core/boundedreply.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace clipshelf::cli::doctor {

QString CheckResult::statusName(Status status)
{
    switch (status) {
    case Status::Ok:
        return QStringLiteral("ok");
    case Status::Warn:
        return QStringLiteral("warn");
    case Status::Fail:
        return QStringLiteral("fail");
    }
    return {};
}

QJsonObject CheckResult::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("status"), statusName(status)},
            {QStringLiteral("summary"), summary},
            {QStringLiteral("fix"), fix}};
}

void DoctorCheck::report(QList<CheckResult> results)
{
    if (m_finished)
        return;
    m_finished = true;
    m_results = std::move(results);
    emit finished();
}

void DoctorCheck::get(const QUrl &url, std::function<void(QNetworkReply *)> done)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_env.networkTimeoutMs);
    QNetworkReply *reply = m_env.network->get(request);
    BoundedReply::bound(reply, limits::kDiscoveryBytes, limits::kProviderDeadlineMs);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        done(reply);
    });
}

QString DoctorCheck::whereSet(Config::Key key) const
{
    return QStringLiteral("--%1, %2 or %1= in clipshelf.conf; now from %3")
        .arg(Config::keyName(key), Config::envName(key), m_env.config.source(key));
}

} // namespace clipshelf::cli::doctor
