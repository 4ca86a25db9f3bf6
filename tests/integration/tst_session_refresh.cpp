// The session against the real parts: the oidc-provider test provider with
// 4-second access tokens (rotation on), the reference API server refusing
// expired tokens with only 1 s of leeway, gnome-keyring, and one chromium
// sign-in for the whole file. Each test restores that session from the
// keychain as the app does at start and drives it through the real ApiClient;
// a RecordingNam sees every raw HTTP status on the way.
//
// Order matters: the last test revokes the grant.
#include "api/endpoints.h"
#include "sessiontestkit.h"

#include <QJsonArray>

using namespace clipshelf;
using namespace clipshelf::test;

class TestSessionRefresh : public QObject, protected SignedInSessionStack
{
    Q_OBJECT

    QString providerPrefix() const { return m_provider.issuer() + '/'; }
    QString apiPrefix() const { return m_api.url() + '/'; }

    /// Records every connection state the session goes through.
    static QList<SessionManager::ConnectionState> *recordStates(SessionManager *sessions,
                                                                QObject *context)
    {
        auto *states = new QList<SessionManager::ConnectionState>{sessions->connectionState()};
        connect(context, &QObject::destroyed, context, [states] { delete states; });
        connect(sessions, &SessionManager::connectionStateChanged, context, [states, sessions] {
            if (states->last() != sessions->connectionState())
                states->append(sessions->connectionState());
        });
        return states;
    }

    /// Calls sent all at once, and their answers as they come in.
    struct Burst
    {
        QList<ApiResult> results;
        qint64 lastAnswerMs = 0; ///< on the RecordingNam's clock

        qsizetype okCount() const
        {
            return std::count_if(results.begin(), results.end(),
                                 [](const ApiResult &r) { return r.ok(); });
        }
        /// How many of \a exchanges left before the last answer came in.
        qsizetype sentBeforeLastAnswer(const QList<Exchange> &exchanges) const
        {
            return std::count_if(exchanges.begin(), exchanges.end(),
                                 [this](const Exchange &e) { return e.sentMs <= lastAnswerMs; });
        }
    };

    /// Sends GET /me \a count times without waiting for any answer (both
    /// single-flight tests: many requests meeting one stale token).
    static std::shared_ptr<Burst> sendAtOnce(RestoredApp &app, int count)
    {
        auto burst = std::make_shared<Burst>();
        for (int i = 0; i < count; ++i)
            app.api.send(endpoints::me(), nullptr, [burst, &app](const ApiResult &r) {
                burst->results << r;
                burst->lastAnswerMs = app.nam.nowMs();
            });
        return burst;
    }

private slots:
    void initTestCase() { startSignedIn(QStringLiteral("session")); }
    void cleanupTestCase() { stopStack(); }

    void steadyStreamOfCallsSeesNo401()
    {
        RestoredApp app(m_config, m_store.get());
        QVERIFY(app.restore());
        const int grants = stat("refresh_grants");
        const int failures = stat("refresh_failures");
        const QString idTokenAtStart = app.auth.session().idToken;
        // How much life the old access token still had when each refresh left.
        QList<qint64> aheadMs;
        app.nam.onSent = [&](const Exchange &e) {
            if (e.method == "POST" && e.url.path().endsWith(QLatin1String("/token")))
                aheadMs << QDateTime::currentDateTimeUtc().msecsTo(
                    app.auth.session().accessTokenExpiry);
        };
        QSignalSpy refreshed(app.sessions(), &SessionManager::refreshed);

        ApiCallStream stream(&app.api, endpoints::me(), 100);
        QElapsedTimer clock;
        clock.start();
        stream.start();
        // At least three access-token lifetimes, and at least three refreshes.
        QTRY_VERIFY_WITH_TIMEOUT(
            clock.elapsed() > (3 * kAccessTtlSeconds + 1) * 1000 && refreshed.count() >= 3, 60'000);
        stream.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stream.answered(), stream.sent(), 20'000);

        QCOMPARE(app.nam.countStatus(apiPrefix(), 401), 0);
        QCOMPARE(stream.countStatus(401), 0);
        QCOMPARE(stream.okCount(), stream.sent());
        QVERIFY2(stream.sent() >= 100, qPrintable(QString::number(stream.sent())));
        QVERIFY(stat("refresh_grants") - grants >= 3);
        QCOMPARE(stat("refresh_failures"), failures);
        qInfo() << "calls:" << stream.sent() << "refreshes:" << refreshed.count()
                << "ms of life left in the old token when each refresh left:" << aheadMs;
        QVERIFY(aheadMs.size() >= 3);
        // Ahead of expiry by a real margin (the API allows 1 s of leeway, `exp` has whole seconds).
        for (qint64 ahead : std::as_const(aheadMs))
            QVERIFY2(
                ahead >= 1000,
                qPrintable(QStringLiteral("a refresh left only %1 ms before expiry").arg(ahead)));
        // The API's Date header was read: same machine, so (almost) no skew.
        QVERIFY(qAbs(app.connectivity.clockSkewSeconds()) <= 2);
        QCOMPARE(app.auth.state(), AuthController::SignedIn);
        // The refreshed ID tokens (RS256, signed by the provider) were verified against
        // its published keys, fetched once, and taken.
        QVERIFY(!idTokenAtStart.isEmpty());
        QVERIFY(app.auth.session().idToken != idTokenAtStart);
        const QList<Exchange> exchanges = app.nam.exchanges();
        QCOMPARE(std::count_if(exchanges.begin(), exchanges.end(),
                               [](const Exchange &e) {
                                   return e.url.path().endsWith(QLatin1String("/jwks"));
                               }),
                 1);
    }

    void fiftyConcurrentRequestsWithAnExpiredTokenShareOneRefresh()
    {
        QVERIFY(waitUntilExpiredAtTheApi(storedSession(m_store.get())));
        RestoredApp app(m_config, m_store.get());
        QVERIFY(app.restore());
        QVERIFY(!app.sessions()->hasUsableAccessToken());
        const int grants = stat("refresh_grants");

        const auto burst = sendAtOnce(app, 50);
        QTRY_COMPARE_WITH_TIMEOUT(burst->results.size(), 50, 30'000);
        const auto refreshes = app.tokenRequests();

        QCOMPARE(burst->okCount(), 50);
        QCOMPARE(burst->sentBeforeLastAnswer(refreshes), 1);
        // The provider saw what this client sent: one refresh (plus, at most, a
        // later proactive one that the client counts as well).
        QCOMPARE(stat("refresh_grants") - grants, int(app.tokenRequests().size()));
        QCOMPARE(app.nam.countStatus(apiPrefix(), 401), 0); // the expired token never left
    }

    void fiftyRequestsRejectedTogetherShareOneRefresh()
    {
        // This computer believes its token is good for an hour (a clock jump, a
        // wrong expires_in); only the API's 401s tell otherwise.
        Session stored = storedSession(m_store.get());
        QVERIFY(waitUntilExpiredAtTheApi(stored));
        stored.accessTokenReceivedAt = QDateTime::currentDateTimeUtc();
        stored.accessTokenExpiry = stored.accessTokenReceivedAt.addSecs(3600);
        QVERIFY(storeSession(m_store.get(), stored));
        RestoredApp app(m_config, m_store.get());
        QVERIFY(app.restore());
        QVERIFY(app.sessions()->hasUsableAccessToken());
        const int grants = stat("refresh_grants");

        const auto burst = sendAtOnce(app, 50);
        QTRY_COMPARE_WITH_TIMEOUT(burst->results.size(), 50, 30'000);
        const auto refreshes = app.tokenRequests();

        QCOMPARE(app.nam.countStatus(apiPrefix(), 401), 50); // every first attempt refused...
        QCOMPARE(burst->okCount(), 50);
        QCOMPARE(burst->sentBeforeLastAnswer(refreshes),
                 1); // ...and one refresh served all 50 replays
        QCOMPARE(stat("refresh_grants") - grants, int(app.tokenRequests().size()));
        QCOMPARE(stat("refresh_failures"), 0);
    }

    void apiRetryAfterIsWaitedOut_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("retryAfter");
        QTest::newRow("503") << 503 << 2;
        QTest::newRow("429") << 429 << 1;
    }

    void apiRetryAfterIsWaitedOut()
    {
        QFETCH(int, status);
        QFETCH(int, retryAfter);
        RestoredApp app(m_config, m_store.get());
        QVERIFY(app.restore());
        m_api.clearFaults();
        m_api.addFault({{"path_prefix", "/videos"},
                        {"method", "GET"},
                        {"action", "status"},
                        {"status", status},
                        {"retry_after", retryAfter},
                        {"count", 1}});
        ApiResult result;
        bool done = false;
        app.api.send(endpoints::listVideos({}), nullptr, [&](const ApiResult &r) {
            result = r;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30'000);
        QVERIFY2(result.ok(), qPrintable(result.error.message));

        const auto attempts = app.nam.to(m_api.url() + "/videos");
        QCOMPARE(attempts.size(), 2);
        QCOMPARE(attempts[0].status, status);
        QCOMPARE(attempts[1].status, 200);
        const qint64 waitedMs = attempts[1].sentMs - attempts[0].finishedMs;
        QVERIFY2(waitedMs >= retryAfter * 1000,
                 qPrintable(QStringLiteral("retried after %1 ms").arg(waitedMs)));
        QVERIFY2(waitedMs < retryAfter * 1000 + 5000,
                 qPrintable(QStringLiteral("retried after %1 ms").arg(waitedMs)));
        QCOMPARE(m_api.stats().value("by_method_path").toObject().value("GET /videos").toInt(), 2);
    }

    void providerErrorsAreRetriedWithBackoff()
    {
        RestoredApp app(m_config, m_store.get());
        QVERIFY(app.restore());
        QSignalSpy refreshed(app.sessions(), &SessionManager::refreshed);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1,
                                 15'000); // a fresh token, and the provider's metadata
        const qint64 from = app.nam.nowMs();
        m_provider.call("POST", "/__test/fail-next?endpoint=token&status=503&count=2");
        auto *states = recordStates(app.sessions(), &app.auth);
        QSignalSpy signInState(&app.auth, &AuthController::stateChanged);
        QSignalSpy ended(app.sessions(), &SessionManager::sessionEnded);
        int reconnectIn = 0;
        connect(app.sessions(), &SessionManager::connectionStateChanged, &app.auth,
                [&] { reconnectIn = std::max(reconnectIn, app.sessions()->reconnectInSeconds()); });

        ApiCallStream stream(&app.api, endpoints::me(), 200);
        stream.start();
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 2, 30'000);
        stream.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stream.answered(), stream.sent(), 20'000);

        const auto attempts = app.tokenRequests(from);
        QVERIFY(attempts.size() >= 3);
        QCOMPARE(attempts[0].status, 503);
        QCOMPARE(attempts[1].status, 503);
        QCOMPARE(attempts[2].status, 200);
        // Retry-After: 1 (the provider's) is the least wait; never a tight loop.
        for (int i = 1; i < 3; ++i) {
            const qint64 gap = attempts[i].sentMs - attempts[i - 1].finishedMs;
            QVERIFY2(gap >= 1000,
                     qPrintable(QStringLiteral("retry %1 after %2 ms").arg(i).arg(gap)));
        }
        QVERIFY(states->contains(SessionManager::Reconnecting));
        QVERIFY(reconnectIn >= 1);
        QCOMPARE(app.sessions()->connectionState(), SessionManager::Online);
        QCOMPARE(signInState.count(), 0); // never signed out, never a sign-in prompt
        QCOMPARE(ended.count(), 0);
        QVERIFY(app.auth.isSignedIn());
        QCOMPARE(stream.countStatus(401), 0);
        QCOMPARE(app.nam.countStatus(apiPrefix(), 401), 0);
        // Calls made while it could not refresh failed as transient (the provider's 503:
        // a server error), not as "signed out".
        QCOMPARE(stream.okCount() + stream.countError(ApiError::Server), stream.answered());
    }

    void providerDownThenBackOnTheSamePort()
    {
        RestoredApp app(m_config, m_store.get());
        QVERIFY(app.restore());
        QSignalSpy refreshed(app.sessions(), &SessionManager::refreshed);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1, 15'000);
        auto *states = recordStates(app.sessions(), &app.auth);
        QSignalSpy signInState(&app.auth, &AuthController::stateChanged);
        QSignalSpy ended(app.sessions(), &SessionManager::sessionEnded);
        ApiCallStream stream(&app.api, endpoints::me(), 250);
        stream.start();

        const QString issuer = m_provider.issuer();
        const int port = m_provider.port();
        m_provider.stop();
        const qint64 downAt = app.nam.nowMs();
        // The wait scheduled after each failed attempt (whole seconds, rounded
        // up), read when it is scheduled: the first signal with the retry timer
        // running after each new attempt. Load cannot change these.
        QList<int> scheduledWaits;
        qsizetype attemptsSeen = 0;
        QObject waitsContext;
        connect(app.sessions(), &SessionManager::connectionStateChanged, &waitsContext, [&] {
            const qsizetype attemptsNow = app.tokenRequests(downAt).size();
            const int wait = app.sessions()->reconnectInSeconds();
            if (attemptsNow > attemptsSeen && wait > 0) {
                attemptsSeen = attemptsNow;
                scheduledWaits << wait;
            }
        });
        // The token expires while the provider is gone: the refresh fails, again and again.
        QTRY_VERIFY_WITH_TIMEOUT(app.tokenRequests(downAt).size() >= 3 &&
                                     app.tokenRequests(downAt).last().finished(),
                                 30'000);
        QCOMPARE(app.sessions()->connectionState(), SessionManager::Offline);
        QVERIFY(app.sessions()->reconnectInSeconds() >= 1);
        QVERIFY(app.auth.isSignedIn());
        const int sentWhileDown = stream.sent();
        const int failedAttempts = int(app.tokenRequests(downAt).size());

        QVERIFY(m_provider.start(shortLivedTokens(m_providerState.path()), port));
        QCOMPARE(m_provider.issuer(), issuer);
        const qint64 upAt = app.nam.nowMs();
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 2, 40'000); // by itself, without a sign-in
        QCOMPARE(app.sessions()->connectionState(), SessionManager::Online);
        const int okBefore = stream.okCount();
        QTRY_VERIFY_WITH_TIMEOUT(stream.okCount() >= okBefore + 2, 10'000);
        stream.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stream.answered(), stream.sent(), 20'000);

        const auto attempts = app.tokenRequests(downAt);
        QList<qint64> gaps;
        for (qsizetype i = 1; i < attempts.size(); ++i)
            gaps << attempts[i].sentMs - attempts[i - 1].sentMs;
        qInfo() << "refresh attempts while the provider was down, ms apart:" << gaps
                << "; calls made meanwhile:" << sentWhileDown;
        for (int i = 0; i < failedAttempts; ++i)
            QCOMPARE(attempts[i].status, 0);
        QVERIFY(attempts.last().status == 200);
        QVERIFY(attempts.last().sentMs >= upAt);
        // Backoff: never a tight loop (each wait >= 0.4 s), and the waits grow.
        for (qint64 gap : std::as_const(gaps))
            QVERIFY2(gap >= 400, qPrintable(QStringLiteral("attempts %1 ms apart").arg(gap)));
        // The scheduled waits grow (1 s at most after the first failure, 2 s at
        // least after the third), whatever the load did to the measured gaps.
        qInfo() << "waits scheduled after each failed attempt, s:" << scheduledWaits;
        QVERIFY2(scheduledWaits.size() >= 3, "a wait was scheduled after each failed attempt");
        QVERIFY2(scheduledWaits.last() > scheduledWaits.first(), "the retry delays do not grow");
        // The calls made during the outage did not trigger refreshes of their own.
        QVERIFY2(
            failedAttempts <= 6 && sentWhileDown > 2 * failedAttempts,
            qPrintable(
                QStringLiteral("%1 attempts for %2 calls").arg(failedAttempts).arg(sentWhileDown)));
        QVERIFY(states->contains(SessionManager::Offline));
        QCOMPARE(signInState.count(), 0);
        QCOMPARE(ended.count(), 0);
        QCOMPARE(app.nam.countStatus(apiPrefix(), 401), 0);
        QCOMPARE(stream.okCount() + stream.countError(ApiError::Network), stream.answered());
        // The restarted provider (grants kept in PROVIDER_STATE_DIR) refreshed; nobody signed in.
        QCOMPARE(stat("authorization_requests"), 0);
        QVERIFY(stat("refresh_grants") >= 1);
        QCOMPARE(stat("refresh_failures"), 0);
    }

    void apiDownThenBack()
    {
        RestoredApp app(m_config, m_store.get());
        QVERIFY(app.restore());
        QSignalSpy signInState(&app.auth, &AuthController::stateChanged);
        QSignalSpy ended(app.sessions(), &SessionManager::sessionEnded);
        ApiCallStream stream(&app.api, endpoints::me(), 200);
        stream.start();
        QTRY_VERIFY_WITH_TIMEOUT(stream.okCount() >= 2, 15'000);

        const int port = m_api.port();
        m_api.stop();
        QTRY_VERIFY_WITH_TIMEOUT(stream.countError(ApiError::Network) >= 3 &&
                                     app.sessions()->connectionState() == SessionManager::Offline,
                                 20'000);
        QVERIFY(app.auth.isSignedIn());
        QVERIFY(m_api.start(m_provider.issuer(), QStringLiteral("/api/v1"), strictApiArgs(), port));
        const int okBefore = stream.okCount();
        QTRY_VERIFY_WITH_TIMEOUT(stream.okCount() >= okBefore + 3 &&
                                     app.sessions()->connectionState() == SessionManager::Online,
                                 20'000);
        stream.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stream.answered(), stream.sent(), 20'000);
        QCOMPARE(signInState.count(), 0);
        QCOMPARE(ended.count(), 0);
        QCOMPARE(app.nam.countStatus(apiPrefix(), 401), 0);
        QCOMPARE(stream.okCount() + stream.countError(ApiError::Network), stream.answered());
    }

    // Last: this ends the grant for good.
    void revokedRefreshTokenEndsTheSessionOnce()
    {
        RestoredApp app(m_config, m_store.get());
        QVERIFY(app.restore());
        QSignalSpy refreshed(app.sessions(), &SessionManager::refreshed);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1,
                                 15'000); // nothing in flight when the grant goes
        QSignalSpy ended(app.sessions(), &SessionManager::sessionEnded);
        QSignalSpy errors(&app.auth, &AuthController::errorMessageChanged);
        QSignalSpy signInState(&app.auth, &AuthController::stateChanged);
        ApiCallStream stream(&app.api, endpoints::me(), 200);
        stream.start();

        const int tokenRequests = stat("token_requests");
        const int failures = stat("refresh_failures");
        m_provider.call("POST", "/__test/revoke?sub=user_alice");
        QTRY_COMPARE_WITH_TIMEOUT(app.auth.state(), AuthController::SignedOut, 30'000);
        QCOMPARE(app.auth.errorMessage(), kSessionEndedMessage);
        QCOMPARE(app.sessions()->connectionState(), SessionManager::SessionEnded);

        // Two more token lifetimes of calls: nothing goes to the provider or the API any more.
        const qint64 endedAt = app.nam.nowMs();
        const int sentAtEnd = stream.sent();
        QTRY_VERIFY_WITH_TIMEOUT(stream.sent() >= sentAtEnd + 2 * kAccessTtlSeconds * 1000 / 200,
                                 30'000);
        stream.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stream.answered(), stream.sent(), 10'000);
        QCOMPARE(app.nam.to(providerPrefix(), endedAt).size(), 0);
        QCOMPARE(app.nam.to(apiPrefix(), endedAt).size(), 0);
        QCOMPARE(stat("token_requests") - tokenRequests, 1);
        QCOMPARE(stat("refresh_failures") - failures, 1);
        QCOMPARE(ended.count(), 1);
        QCOMPARE(errors.count(), 1);
        QCOMPARE(signInState.count(), 1); // SignedIn -> SignedOut, once
        QCOMPARE(stream.results().last().error.kind, ApiError::SessionEnded);
        QCOMPARE(app.nam.countStatus(apiPrefix(), 401), 0);

        // The next start asks to sign in, without asking the provider anything.
        SecretResult status;
        QVERIFY(!storedSession(m_store.get(), &status).isValid());
        QCOMPARE(status.status, SecretResult::Status::NotFound);
        RestoredApp next(m_config, m_store.get());
        QVERIFY(!next.restore());
        QCOMPARE(next.auth.state(), AuthController::SignedOut);
        QVERIFY(next.nam.exchanges().isEmpty());
        QCOMPARE(stat("token_requests") - tokenRequests, 1);
    }
};

QTEST_GUILESS_MAIN(TestSessionRefresh)
#include "tst_session_refresh.moc"
