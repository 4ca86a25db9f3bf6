#include "doctorcommand.h"

#include "../clicontext.h"
#include "discoverycheck.h"
#include "doctorrunner.h"
#include "localchecks.h"
#include "servicechecks.h"
#include "storagechecks.h"

#include <QJsonArray>
#include <QJsonObject>

namespace clipshelf::cli {

namespace {

using doctor::CheckResult;

void printReport(const CliContext &ctx, const QList<CheckResult> &results)
{
    ctx.out(QStringLiteral(
        "Clipshelf doctor: safe to paste into a public bug report (no tokens, no secrets).\n"));
    qsizetype idWidth = 0;
    for (const CheckResult &r : results)
        idWidth = std::max(idWidth, r.id.size());
    const QString indent(2 + 6 + idWidth + 2, QLatin1Char(' '));
    for (const CheckResult &r : results) {
        QString status = CheckResult::statusName(r.status);
        if (r.status == CheckResult::Status::Fail)
            status = status.toUpper(); // easy to spot when scrolling
        ctx.out(QStringLiteral("  %1%2  %3")
                    .arg(status.leftJustified(6), r.id.leftJustified(idWidth), r.summary));
        if (!r.fix.isEmpty())
            ctx.out(indent + QStringLiteral("fix: ") + r.fix);
    }
    ctx.out(QStringLiteral("\nConfiguration (profile %1):").arg(ctx.config.profile()));
    const QJsonObject config = doctor::ConfigCheck::describe(ctx.config);
    QList<QStringList> rows{
        {QStringLiteral("  KEY"), QStringLiteral("VALUE"), QStringLiteral("SOURCE")}};
    for (Config::Key key : Config::allKeys()) {
        const QJsonObject entry = config.value(Config::keyName(key)).toObject();
        const QString value = entry.value(QStringLiteral("value")).toString();
        rows.append({QStringLiteral("  ") + Config::keyName(key),
                     value.isEmpty() ? QStringLiteral("(empty)") : value,
                     entry.value(QStringLiteral("source")).toString()});
    }
    ctx.printTable(rows);
}

QJsonObject summaryOf(const QList<CheckResult> &results)
{
    int counts[3] = {0, 0, 0};
    for (const CheckResult &r : results)
        ++counts[int(r.status)];
    return {{QStringLiteral("ok"), counts[0]},
            {QStringLiteral("warn"), counts[1]},
            {QStringLiteral("fail"), counts[2]}};
}

void runDoctor(CliContext &ctx)
{
    doctor::DoctorEnv env;
    env.config = ctx.config;
    env.network = ctx.network;
    env.auth = ctx.auth;
    QList<doctor::DoctorCheck *> checks{
        new doctor::ConfigCheck(env),        new doctor::DiscoveryCheck(env),
        new doctor::RedirectPortsCheck(env), new doctor::KeychainCheck(env),
        new doctor::ClockCheck(env),         new doctor::ApiHealthCheck(env),
        new doctor::SessionCheck(env),       new doctor::VersionsCheck(env),
        new doctor::ProxyCheck(env),
    };
    auto *runner = new doctor::DoctorRunner(checks, 5000, ctx.auth);
    QObject::connect(runner, &doctor::DoctorRunner::finished, runner, [&ctx, runner] {
        const QList<CheckResult> results = runner->results();
        const QJsonObject summary = summaryOf(results);
        if (ctx.json) {
            QJsonArray list;
            for (const CheckResult &r : results)
                list.append(r.toJson());
            ctx.printJson(
                QJsonObject{{QStringLiteral("checks"), list},
                            {QStringLiteral("config"), doctor::ConfigCheck::describe(ctx.config)},
                            {QStringLiteral("versions"), doctor::VersionsCheck::versions()},
                            {QStringLiteral("summary"), summary}});
        } else {
            printReport(ctx, results);
            ctx.out(QStringLiteral("\nResult: %1 ok, %2 warn, %3 fail.")
                        .arg(summary.value(QStringLiteral("ok")).toInt())
                        .arg(summary.value(QStringLiteral("warn")).toInt())
                        .arg(summary.value(QStringLiteral("fail")).toInt()));
        }
        ctx.finish(summary.value(QStringLiteral("fail")).toInt() > 0 ? OtherError : Ok);
    });
    runner->start();
}

} // namespace

CommandSpec doctorCommand()
{
    return {
        {QStringLiteral("doctor")},
        QStringLiteral(
            "Check the installation; the report is safe to paste into a public bug report."),
        QStringLiteral(
            "Checks the configuration and where each value came from, the provider (discovery, "
            "issuer, PKCE S256, revocation), the redirect ports, the keychain (writes and deletes "
            "a "
            "probe entry), the clock against the API and the provider, the API's health, the "
            "session "
            "(never any token), the versions and the proxy settings. Each check reports ok, warn "
            "or "
            "fail with a one-line fix. It takes at most about 5 seconds. Exit code 0 when nothing "
            "failed, 1 when a check failed."),
        {},
        {},
        0,
        0,
        runDoctor};
}

} // namespace clipshelf::cli
