#include "refreshstormbench.h"

#include "api/apiclient.h"
#include "auth/sessionmanager.h"
#include "auth/sessionvault.h"
#include "auth/tokenclient.h"
#include "benchclock.h"
#include "benchcontext.h"
#include "samples.h"

#include <QNetworkAccessManager>

namespace clipshelf::bench {

namespace {

constexpr int kTimeoutMs = 60'000;

/// Rewrites the stored session so that its access token expired a while ago
/// (or, with \a expired false, is fresh for an hour).
bool storeSession(SecretStore *store, bool expired)
{
    SessionVault vault(store);
    Session session;
    bool loaded = false, saved = false;
    vault.load([&](const SecretResult &result, const Session &stored) {
        loaded = true;
        if (result.ok())
            session = stored;
    });
    if (!BenchContext::waitUntil([&] { return loaded; }, 20'000) || !session.isValid())
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (expired) {
        session.accessTokenReceivedAt = now.addSecs(-400);
        session.accessTokenExpiry = now.addSecs(-100);
    } else if (session.accessTokenExpiry < now.addSecs(600)) {
        return false; // only a storm refreshes; the token must really be fresh
    } else {
        session.accessTokenReceivedAt = now;
    }
    bool ok = false;
    vault.save(session, [&](const SecretResult &result) {
        saved = true;
        ok = result.ok();
    });
    return BenchContext::waitUntil([&] { return saved; }, 20'000) && ok;
}

struct StormResult
{
    double ms = -1;
    int refreshes = 0;
    QString error;
};

/// One round: \a count requests on the stored session, its token \a expired
/// or fresh; ms until all answered.
StormResult storm(BenchContext &context, const ProviderMetadata &metadata, int count,
                  bool expired = true)
{
    StormResult out;
    if (!storeSession(context.keychain(), expired)) {
        out.error = QStringLiteral("could not store the session for the round");
        return out;
    }
    QNetworkAccessManager network;
    SessionManager sessions(context.config(), context.keychain(), &network);
    sessions.tokenClient()->setMetadata(metadata); // a running app has discovered already
    ApiClient api(context.config().apiUrl(), &sessions, &network);
    QObject::connect(&sessions, &SessionManager::refreshed, &sessions, [&] { ++out.refreshes; });

    int answered = 0, failures = 0;
    qint64 start = -1, end = -1;
    sessions.load([&](const SecretResult &) {
        // Same turn as the load: the proactive refresh timer has not fired yet.
        start = monotonicNs();
        for (int i = 0; i < count; ++i) {
            api.send(ApiRequest::get(QStringLiteral("/me")), &api, [&](const ApiResult &result) {
                if (!result.ok())
                    ++failures;
                if (++answered == count)
                    end = monotonicNs();
            });
        }
    });
    if (!BenchContext::waitUntil([&] { return answered >= count; }, kTimeoutMs))
        out.error = QStringLiteral("%1 of %2 requests answered in time").arg(answered).arg(count);
    else if (failures > 0)
        out.error = QStringLiteral("%1 of %2 requests failed").arg(failures).arg(count);
    else
        out.ms = msBetween(start, end);
    return out;
}

} // namespace

QJsonObject runRefreshStormBench(BenchContext &context, int rounds, int concurrency)
{
    QString error;
    const std::optional<ProviderMetadata> metadata = context.metadata(&error);
    if (!metadata)
        return {{"error", error}};

    // One unmeasured round of each, to warm the token endpoint and the connections.
    for (int count : {1, concurrency}) {
        const StormResult warm = storm(context, *metadata, count);
        if (!warm.error.isEmpty())
            return {{"error", warm.error}};
    }

    Samples many, one, fresh;
    int maxRefreshes = 0;
    for (int round = 0; round < rounds; ++round) {
        const QList<int> order =
            round % 2 ? QList<int>{1, concurrency} : QList<int>{concurrency, 1};
        for (int count : order) {
            const StormResult r = storm(context, *metadata, count);
            if (!r.error.isEmpty())
                return {{"error", r.error}};
            maxRefreshes = std::max(maxRefreshes, r.refreshes);
            (count == 1 ? one : many).add(r.ms);
        }
        // The same requests on a fresh token: what the server needs for them alone.
        const StormResult r = storm(context, *metadata, concurrency, false);
        if (!r.error.isEmpty())
            return {{"error", r.error}};
        fresh.add(r.ms);
    }
    return {
        {"rounds", rounds},
        {"concurrency", concurrency},
        {"storm_ms", many.median()},
        {"one_refresh_one_request_ms", one.median()},
        {"ratio", many.median() / one.median()},
        {"max_refreshes_per_round", maxRefreshes},
        {"same_requests_fresh_token_ms", fresh.median()},
        {"storm_samples_ms", many.toJson()},
        {"baseline_samples_ms", one.toJson()},
    };
}

} // namespace clipshelf::bench
