#include "requestbench.h"

#include "api/apiclient.h"
#include "auth/authcontroller.h"
#include "benchclock.h"
#include "benchcontext.h"
#include "samples.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace clipshelf::bench {

namespace {

constexpr int kTimeoutMs = 60'000;
constexpr int kWarmUp = 20;

struct Batch
{
    double ms = -1;   ///< wall time, -1 on a failure
    double cpuMs = 0; ///< this process's CPU time (the client's own work)
};

/// Sends \a count requests one after the other.
Batch timeBatch(int count, const std::function<void(std::function<void(bool)>)> &sendOne)
{
    int finished = 0;
    bool failed = false;
    std::function<void()> next;
    next = [&] {
        sendOne([&](bool ok) {
            failed = failed || !ok;
            if (++finished < count && !failed)
                next();
        });
    };
    const double cpuStart = ownCpuMs();
    const qint64 start = monotonicNs();
    next();
    const bool done =
        BenchContext::waitUntil([&] { return finished >= count || failed; }, kTimeoutMs);
    const qint64 end = monotonicNs();
    return {done && !failed ? msBetween(start, end) : -1, ownCpuMs() - cpuStart};
}

/// Both sides of the comparison on one network manager and restored session.
struct Sides
{
    explicit Sides(BenchContext &context)
        : auth(context.config(), context.keychain(), &network),
          api(context.config().apiUrl(), auth.sessions(), &network),
          meUrl(api.urlFor(QStringLiteral("/me")))
    {}

    /// Restores the stored session; false when there is none.
    bool restore()
    {
        auth.restore();
        return BenchContext::waitUntil([&] { return auth.state() != AuthController::Restoring; },
                                       20'000) &&
               auth.state() == AuthController::SignedIn;
    }

    const QUrl &url() const { return meUrl; }

    void viaApiClient(std::function<void(bool)> done)
    {
        api.send(ApiRequest::get(QStringLiteral("/me")), &api,
                 [done](const ApiResult &result) { done(result.ok() && result.status == 200); });
    }

    void raw(std::function<void(bool)> done)
    {
        QNetworkRequest request(meUrl);
        request.setRawHeader("Accept", "application/json");
        request.setRawHeader("Authorization", "Bearer " + auth.session().accessToken.toUtf8());
        QNetworkReply *reply = network.get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, done] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray body = reply->readAll();
            reply->deleteLater();
            done(status == 200 && !body.isEmpty());
        });
    }

    QNetworkAccessManager network; // not the timing one: nothing extra on either side
    AuthController auth;
    ApiClient api;
    const QUrl meUrl; ///< computed once: the raw side builds no URL per request
};

} // namespace

QJsonObject runRequestSide(BenchContext &context, const QString &side, int rounds, int batch)
{
    Sides sides(context);
    if (!sides.restore())
        return {{"error",
                 QStringLiteral("no stored session to restore (run the sign-in benchmark first)")}};
    const bool api = side == QLatin1String("api");
    if (!api && side != QLatin1String("raw"))
        return {{"error", QStringLiteral("--side is \"api\" or \"raw\"")}};
    auto one = [&](std::function<void(bool)> done) {
        if (api)
            sides.viaApiClient(std::move(done));
        else
            sides.raw(std::move(done));
    };
    if (timeBatch(kWarmUp, one).ms < 0)
        return {{"error", QStringLiteral("GET /me failed while warming up")}};
    Samples ms, cpu;
    for (int round = 0; round < rounds; ++round) {
        const Batch b = timeBatch(batch, one);
        if (b.ms < 0)
            return {{"error", QStringLiteral("GET /me failed in round %1").arg(round + 1)}};
        ms.add(b.ms / batch);
        cpu.add(b.cpuMs / batch);
    }
    return {{"side", side},
            {"rounds", rounds},
            {"batch", batch},
            {"ms", ms.median()},
            {"cpu_ms", cpu.median()}};
}

QJsonObject runRequestBench(BenchContext &context, int rounds, int batch)
{
    Sides sides(context);
    if (!sides.restore())
        return {{"error",
                 QStringLiteral("no stored session to restore (run the sign-in benchmark first)")}};
    const QUrl url = sides.url();
    auto viaApiClient = [&](std::function<void(bool)> done) {
        sides.viaApiClient(std::move(done));
    };
    auto raw = [&](std::function<void(bool)> done) { sides.raw(std::move(done)); };

    // Warm up both paths: connection open, user row created, code paged in.
    if (timeBatch(kWarmUp, viaApiClient).ms < 0 || timeBatch(kWarmUp, raw).ms < 0)
        return {{"error", QStringLiteral("GET %1 failed while warming up").arg(url.path())}};

    Samples client, bare, ratios, clientCpu, bareCpu;
    for (int round = 0; round < rounds; ++round) {
        Batch a, b;
        if (round % 2 == 0) {
            a = timeBatch(batch, viaApiClient);
            b = timeBatch(batch, raw);
        } else {
            b = timeBatch(batch, raw);
            a = timeBatch(batch, viaApiClient);
        }
        if (a.ms < 0 || b.ms < 0)
            return {{"error",
                     QStringLiteral("GET %1 failed in round %2").arg(url.path()).arg(round + 1)}};
        client.add(a.ms / batch);
        bare.add(b.ms / batch);
        ratios.add(a.ms / b.ms);
        clientCpu.add(a.cpuMs / batch);
        bareCpu.add(b.cpuMs / batch);
    }
    // Each round pairs two batches run back to back: the median of those
    // paired ratios is steadier than a ratio of medians when the load drifts.
    return {
        {"rounds", rounds},
        {"batch", batch},
        {"path", url.path()},
        {"api_client_ms", client.median()},
        {"raw_ms", bare.median()},
        {"ratio", ratios.median()},
        {"ratio_of_medians", client.median() / bare.median()},
        {"api_client_cpu_ms", clientCpu.median()},
        {"raw_cpu_ms", bareCpu.median()},
        {"round_ratios", ratios.toJson()},
    };
}

} // namespace clipshelf::bench
