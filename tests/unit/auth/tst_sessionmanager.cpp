// SessionManager against a scripted token endpoint: proactive and single-flight
// refresh, rotation, invalid_grant, transient failures, foreign ID tokens.
#include "auth/sessionmanager.h"
#include "auth/sessionvault.h"
#include "auth/tokenclient.h"
#include "fakeprovider.h"
#include "storage/memorysecretstore.h"
#include "unitsession.h"

#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

class TestSessionManager : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    // Each test its own profile (unitConfig), so the cross-process lock files never meet.
    Config configFor(const FakeProvider &p)
    {
        Config c = unitConfig(p.issuer());
        c.set(Config::Key::Resource, "urn:clipshelf:api", "test");
        return c;
    }

    static Session session(const FakeProvider &p, int expiresInSeconds,
                           const QString &refresh = "RT-1")
    {
        Session s = unitSession(p.issuer(), "AT-0", refresh, expiresInSeconds);
        s.profile.name = "Alice";
        return s;
    }

    // A rotating token endpoint: RT-n -> AT-n, RT-(n+1); a reused refresh token is invalid_grant.
    /// Makes the refreshed ID token from its default claims (iss, sub, aud, exp, iat).
    using IdTokenMaker = std::function<QString(QJsonObject claims)>;

    static void rotate(FakeProvider &p, int *refreshes, int expiresIn = 300,
                       bool sendRefresh = true, const QString &idSub = {},
                       const IdTokenMaker &makeIdToken = {})
    {
        p.token = [&p, refreshes, expiresIn, sendRefresh, idSub,
                   makeIdToken](const FakeRequest &r) {
            const QUrlQuery form(QString::fromLatin1(r.body));
            const QString presented = form.queryItemValue("refresh_token", QUrl::FullyDecoded);
            if (presented != QStringLiteral("RT-%1").arg(*refreshes + 1))
                return FakeProvider::json({{"error", "invalid_grant"}}, 400);
            ++*refreshes;
            QJsonObject body{{"access_token", QStringLiteral("AT-%1").arg(*refreshes)},
                             {"token_type", "Bearer"},
                             {"expires_in", expiresIn}};
            if (sendRefresh)
                body.insert("refresh_token", QStringLiteral("RT-%1").arg(*refreshes + 1));
            if (!idSub.isEmpty()) {
                const QJsonObject claims{{"iss", p.issuer()},
                                         {"sub", idSub},
                                         {"aud", "clipshelf-desktop"},
                                         {"exp", double(QDateTime::currentSecsSinceEpoch() + 300)},
                                         {"iat", double(QDateTime::currentSecsSinceEpoch())}};
                body.insert("id_token", makeIdToken ? makeIdToken(claims) : makeJwt(claims));
            }
            return FakeProvider::json(body);
        };
    }

    static QString tokenNow(SessionManager &m,
                            std::optional<SessionManager::TokenProblem> *problem = nullptr)
    {
        const TokenAnswer answer = waitForAccessToken(m);
        if (problem)
            *problem = answer.problem;
        return answer.token;
    }

private slots:
    void leadTime()
    {
        QCOMPARE(SessionManager::refreshLeadSeconds(3600), 60);
        QCOMPARE(SessionManager::refreshLeadSeconds(300), 30);
        QCOMPARE(SessionManager::refreshLeadSeconds(5), 0);
    }

    void freshTokenNeedsNoRequest()
    {
        FakeProvider p;
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        QSignalSpy adopted(&m, &SessionManager::sessionChanged);
        m.adopt(session(p, 3600), [](const SecretResult &) {});
        QCOMPARE(tokenNow(m), QString("AT-0"));
        QCOMPARE(p.count("/token"), 0);
    }

    void fiftyConcurrentRequestsShareOneRefresh()
    {
        FakeProvider p;
        int refreshes = 0;
        rotate(p, &refreshes);
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        m.adopt(session(p, -10), [](const SecretResult &) {}); // already expired
        QStringList tokens;
        for (int i = 0; i < 50; ++i)
            m.withAccessToken(
                [&](const QString &t, std::optional<SessionManager::TokenProblem> problem) {
                    tokens << (problem ? QStringLiteral("problem") : t);
                });
        QTRY_COMPARE(tokens.size(), 50);
        QCOMPARE(refreshes, 1);
        QCOMPARE(p.count("/token"), 1);
        QCOMPARE(tokens.count("AT-1"), 50);
        // The rotated refresh token reached the store.
        QSignalSpy loaded(&store, &QObject::destroyed);
        Session stored;
        SessionVault(&store).load([&](const SecretResult &, const Session &s) { stored = s; });
        QTRY_COMPARE(stored.refreshToken, QString("RT-2"));
    }

    void waitersGetTheNewTokenOnceTheRotatedOneIsStored()
    {
        // Issue 13, item 15: the new access token is handed out only once the
        // rotated refresh token is in the store (a crash before that must not
        // lose the only valid refresh token unseen).
        FakeProvider p;
        int refreshes = 0;
        rotate(p, &refreshes);
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        m.adopt(session(p, -10), [](const SecretResult &) {}); // already expired
        QSignalSpy refreshed(&m, &SessionManager::refreshed);
        QString token, refreshTokenMeanwhile;
        int refreshedMeanwhile = -1;
        m.withAccessToken([&](const QString &t, std::optional<SessionManager::TokenProblem>) {
            token = t;
            refreshTokenMeanwhile = m.session().refreshToken;
            refreshedMeanwhile = int(refreshed.count());
        });
        QTRY_COMPARE(token, QString("AT-1"));
        QCOMPARE(refreshTokenMeanwhile, QString("RT-2"));
        QCOMPARE(refreshedMeanwhile, 1);
        QVERIFY(!m.isRefreshing());
        QVERIFY(m.storageWarning().isEmpty());
        Session stored;
        SessionVault(&store).load([&](const SecretResult &, const Session &s) { stored = s; });
        QTRY_COMPARE(stored.refreshToken, QString("RT-2"));
    }

    void rotatedTokenTheStoreRefusesIsRetriedAndWarnedAbout_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("error") << int(SecretResult::Status::Error);
        QTest::newRow("locked") << int(SecretResult::Status::Locked);
    }
    void rotatedTokenTheStoreRefusesIsRetriedAndWarnedAbout()
    {
        // Issue 13, item 15: the write is retried; when it keeps failing the
        // person is warned before the new access token is handed out, and the
        // rotated token reaches the keychain as soon as it works again.
        QFETCH(int, status);
        FakeProvider p;
        int refreshes = 0;
        rotate(p, &refreshes);
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        bool adopted = false;
        m.adopt(session(p, -10), [&](const SecretResult &) { adopted = true; });
        QTRY_VERIFY(adopted);
        store.setFailure(SecretResult::Status(status), MemorySecretStore::Operation::Write);
        const int before = store.operationCount();
        QString token, warningMeanwhile;
        m.withAccessToken([&](const QString &t, std::optional<SessionManager::TokenProblem>) {
            token = t;
            warningMeanwhile = m.storageWarning();
        });
        QTRY_COMPARE_WITH_TIMEOUT(token, QString("AT-1"), 10'000);
        QVERIFY2(warningMeanwhile.contains("could not be saved"), qPrintable(warningMeanwhile));
        QVERIFY(store.operationCount() - before >= 3);       // three writes
        QCOMPARE(m.session().refreshToken, QString("RT-2")); // this process keeps it
        QCOMPARE(refreshes, 1);
        // Until the keychain works again; then the next attempt stores it and the warning goes.
        store.clearFailure();
        Session stored;
        QTRY_VERIFY_WITH_TIMEOUT(m.storageWarning().isEmpty(), 15'000);
        SessionVault(&store).load([&](const SecretResult &, const Session &s) { stored = s; });
        QTRY_COMPARE(stored.refreshToken, QString("RT-2"));
        QCOMPARE(refreshes, 1);
    }

    void finishPendingWorkLetsTheKeychainWorkLand()
    {
        // Issue 13, item 7: an ended session's removal is still queued when the
        // event loop ends; finishPendingWork() lets it land (once).
        FakeProvider p;
        p.token = [](const FakeRequest &) {
            return FakeProvider::json({{"error", "invalid_grant"}}, 400);
        };
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        bool adopted = false;
        m.adopt(session(p, -1), [&](const SecretResult &) { adopted = true; });
        QTRY_VERIFY(adopted);
        QVERIFY(store.contains(SessionVault::entryKey()));
        QSignalSpy ended(&m, &SessionManager::sessionEnded);
        m.withAccessToken([](const QString &, std::optional<SessionManager::TokenProblem>) {});
        QVERIFY(ended.wait(10'000));
        QCOMPARE(m.pendingKeychainWork(), 1); // the removal has not answered yet
        QVERIFY(m.finishPendingWork(QDeadlineTimer(5000)));
        QVERIFY(!store.contains(SessionVault::entryKey()));
        QCOMPARE(m.pendingKeychainWork(), 0);
        const int operations = store.operationCount();
        m.withAccessToken([](const QString &, std::optional<SessionManager::TokenProblem>) {});
        QVERIFY(m.finishPendingWork(QDeadlineTimer(5000)));
        QCOMPARE(store.operationCount(), operations); // no second removal
    }

    void finishPendingWorkSaysWhenItCannotFinish()
    {
        FakeProvider p;
        int refreshes = 0;
        rotate(p, &refreshes);
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        bool adopted = false;
        m.adopt(session(p, -10), [&](const SecretResult &) { adopted = true; });
        QTRY_VERIFY(adopted);
        store.setFailure(SecretResult::Status::Error, MemorySecretStore::Operation::Write);
        QCOMPARE(waitForAccessToken(m).token, QString("AT-1"));
        QVERIFY(m.hasUnsavedSession());
        QVERIFY(!m.finishPendingWork(QDeadlineTimer(2000)));
        QVERIFY(!SessionManager::unfinishedWorkMessage().isEmpty());
    }

    void prestoredSessionIsWrittenOnce()
    {
        FakeProvider p;
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        const Session s = session(p, 3600);
        m.prestore(s);
        QVERIFY(!m.isActive()); // stored ahead, not adopted
        bool done = false;
        m.adopt(s, [&](const SecretResult &result) {
            QVERIFY(result.ok());
            done = true;
        });
        QTRY_VERIFY(done);
        QCOMPARE(store.operationCount(), 1);
        QCOMPARE(m.session().accessToken, QString("AT-0"));

        // A profile amended after prestore() is written again, after the first write.
        SessionManager other(configFor(p), &store, &m_nam);
        Session amended = s;
        amended.profile.name = "Alice L.";
        other.prestore(s);
        done = false;
        other.adopt(amended, [&](const SecretResult &) { done = true; });
        QTRY_VERIFY(done);
        QCOMPARE(store.operationCount(), 3);
        Session stored;
        SessionVault(&store).load(
            [&](const SecretResult &, const Session &loaded) { stored = loaded; });
        QTRY_COMPARE(stored.profile.name, QString("Alice L."));
    }

    void failedPrestoreIsReportedByAdopt()
    {
        FakeProvider p;
        MemorySecretStore store;
        store.setFailure(SecretResult::Status::Error, MemorySecretStore::Operation::Write);
        SessionManager m(configFor(p), &store, &m_nam);
        const Session s = session(p, 3600);
        m.prestore(s);
        bool probed = false; // the store answers in call order: after this, the write has failed
        SessionVault(&store).load([&](const SecretResult &, const Session &) { probed = true; });
        QTRY_VERIFY(probed);
        std::optional<SecretResult> outcome;
        m.adopt(s, [&](const SecretResult &result) { outcome = result; });
        QVERIFY(!outcome.has_value()); // never synchronously
        QTRY_VERIFY(outcome.has_value());
        QCOMPARE(outcome->status, SecretResult::Status::Error);
        QVERIFY(m.isActive());               // the session is kept in memory
        QCOMPARE(store.operationCount(), 2); // the write and the probe: nothing written again
    }

    void discardedPrestoreLeavesNothingStored()
    {
        FakeProvider p;
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        m.prestore(session(p, 3600));
        m.discardPrestored();
        QTRY_COMPARE(store.operationCount(), 2);
        QCOMPARE(store.entryCount(), 0);
        QVERIFY(!m.isActive());
        m.discardPrestored(); // nothing left to discard
        QCOMPARE(store.operationCount(), 2);
    }

    void proactiveRefreshBeforeExpiry()
    {
        FakeProvider p;
        int refreshes = 0;
        rotate(p, &refreshes, 3);
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        QSignalSpy refreshed(&m, &SessionManager::refreshed);
        Session s = session(p, 1); // expires in 1 s: lead 0 s, refresh is due at once
        m.adopt(s, [](const SecretResult &) {});
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(m.session().accessToken, QString("AT-1"));
        // And again before the next (3 s) token runs out, without anyone asking.
        QVERIFY(refreshed.wait(6000));
        QCOMPARE(m.session().accessToken, QString("AT-2"));
    }

    // Issue 13 item 3: expires_in 0 (or any token that is due at once) never makes
    // refreshes back to back: they start at least 2 s apart.
    void refreshesNeverRunBackToBack()
    {
        FakeProvider p;
        int refreshes = 0;
        rotate(p, &refreshes, 0);
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        m.adopt(session(p, 0), [](const SecretResult &) {});
        QTest::qWait(4500);
        QVERIFY2(refreshes >= 1 && refreshes <= 3, qPrintable(QString::number(refreshes)));
        QVERIFY(m.isActive());
    }

    void responseWithoutRefreshTokenKeepsTheOldOne()
    {
        FakeProvider p;
        int refreshes = 0;
        rotate(p, &refreshes, 300, false);
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        m.adopt(session(p, -1), [](const SecretResult &) {});
        QCOMPARE(tokenNow(m), QString("AT-1"));
        QCOMPARE(m.session().refreshToken, QString("RT-1"));
    }

    void invalidGrantEndsTheSessionOnce()
    {
        FakeProvider p;
        p.token = [](const FakeRequest &) {
            return FakeProvider::json({{"error", "invalid_grant"}}, 400);
        };
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        QSignalSpy ended(&m, &SessionManager::sessionEnded);
        m.adopt(session(p, -1), [](const SecretResult &) {});
        std::optional<SessionManager::TokenProblem> problem;
        QCOMPARE(tokenNow(m, &problem), QString());
        QVERIFY(problem);
        QCOMPARE(problem->kind, SessionManager::TokenProblem::Ended);
        QCOMPARE(ended.count(), 1);
        QVERIFY(ended.first().first().toString().contains("Your session has ended"));
        QVERIFY(!m.isActive());
        QCOMPARE(m.connectionState(), SessionManager::SessionEnded);
        // Asking again does not go back to the provider: no loop.
        tokenNow(m, &problem);
        QCOMPARE(p.count("/token"), 1);
        QCOMPARE(ended.count(), 1);
        Session stored;
        SecretResult result;
        SessionVault(&store).load([&](const SecretResult &r, const Session &s) {
            result = r;
            stored = s;
        });
        QTRY_COMPARE(result.status, SecretResult::Status::NotFound);
    }

    void transientFailureKeepsSessionAndRetries()
    {
        FakeProvider p;
        int refreshes = 0;
        int failuresLeft = 2;
        p.token = [&](const FakeRequest &r) {
            if (failuresLeft-- > 0)
                return FakeResponse{503, "{}"};
            const QUrlQuery form(QString::fromLatin1(r.body));
            if (form.queryItemValue("refresh_token") != "RT-1")
                return FakeProvider::json({{"error", "invalid_grant"}}, 400);
            ++refreshes;
            return FakeProvider::json({{"access_token", "AT-1"},
                                       {"token_type", "Bearer"},
                                       {"expires_in", 300},
                                       {"refresh_token", "RT-2"}});
        };
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        QSignalSpy refreshed(&m, &SessionManager::refreshed);
        m.adopt(session(p, -1), [](const SecretResult &) {});
        std::optional<SessionManager::TokenProblem> problem;
        tokenNow(m, &problem);
        QVERIFY(problem);
        QCOMPARE(problem->kind, SessionManager::TokenProblem::Transient);
        QVERIFY(m.isActive());
        QCOMPARE(m.connectionState(), SessionManager::Reconnecting);
        QVERIFY(m.reconnectInSeconds() >= 1);
        // Backoff retries by itself (≈0.5–1 s, then ≈1–2 s) until the provider recovers.
        QVERIFY(refreshed.wait(10'000));
        QCOMPARE(refreshes, 1);
        QCOMPARE(p.count("/token"), 3);
        QCOMPARE(m.connectionState(), SessionManager::Online);
        QCOMPARE(m.session().accessToken, QString("AT-1"));
    }

    void rejectionRefreshesOnceAndReplaysNotLoops()
    {
        FakeProvider p;
        int refreshes = 0;
        rotate(p, &refreshes);
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        m.adopt(session(p, 3600), [](const SecretResult &) {});
        QString token;
        m.tokenRejected("AT-0", [&](const QString &t, auto) { token = t; });
        QTRY_COMPARE(token, QString("AT-1"));
        // A second 401 for the old token (a request that was already in flight) gets the new one.
        token.clear();
        m.tokenRejected("AT-0", [&](const QString &t, auto) { token = t; });
        QCOMPARE(token, QString("AT-1"));
        QCOMPARE(refreshes, 1);
    }

    void foreignIdTokenIsRejected()
    {
        FakeProvider p;
        int refreshes = 0;
        rotate(p, &refreshes, 300, true, "user_mallory");
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        QSignalSpy ended(&m, &SessionManager::sessionEnded);
        m.adopt(session(p, -1), [](const SecretResult &) {});
        std::optional<SessionManager::TokenProblem> problem;
        QCOMPARE(tokenNow(m, &problem), QString());
        QCOMPARE(ended.count(), 1);
        QVERIFY(!m.isActive());
    }

    void refreshedIdTokenIsVerifiedAndKept()
    {
        FakeProvider p;
        int refreshes = 0;
        rotate(p, &refreshes, 300, true, "user_alice");
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        m.adopt(session(p, -1), [](const SecretResult &) {});
        QCOMPARE(tokenNow(m), QString("AT-1"));
        QTRY_COMPARE(m.session().refreshToken, QString("RT-2"));
        QVERIFY(m.session().idToken.startsWith("ey"));
        QCOMPARE(p.count("/jwks"), 1);
    }

    void untrustworthyRefreshedIdTokenEndsTheSession_data()
    {
        QTest::addColumn<QString>("forgery");
        QTest::addColumn<QString>("message");
        QTest::newRow("key not in the provider's JWKS") << "impostor"
                                                        << "could not be trusted";
        QTest::newRow("HS256 with the public key as secret") << "hs256"
                                                             << "could not be trusted";
        QTest::newRow("another issuer") << "iss"
                                        << "another account";
        QTest::newRow("another subject") << "sub"
                                         << "another account";
    }

    void untrustworthyRefreshedIdTokenEndsTheSession()
    {
        QFETCH(QString, forgery);
        QFETCH(QString, message);
        FakeProvider p;
        int refreshes = 0;
        const TestSigningKey impostor = TestSigningKey::rsa(fakeProviderKey().kid);
        rotate(p, &refreshes, 300, true, "user_alice", [&](QJsonObject claims) {
            if (forgery == "impostor")
                return QString::fromLatin1(impostor.token(claims));
            if (forgery == "hs256")
                return QString::fromLatin1(TestSigningKey::compact(
                    {{"alg", "HS256"}, {"kid", fakeProviderKey().kid}}, claims,
                    [](const QByteArray &in) {
                        return TestSigningKey::hs256(fakeProviderKey().publicPem(), in);
                    }));
            claims[forgery] =
                forgery == "iss" ? QString("https://evil.example") : QString("user_mallory");
            return makeJwt(claims);
        });
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        QSignalSpy ended(&m, &SessionManager::sessionEnded);
        m.adopt(session(p, -1), [](const SecretResult &) {});
        std::optional<SessionManager::TokenProblem> problem;
        QCOMPARE(tokenNow(m, &problem), QString());
        QVERIFY(problem);
        QCOMPARE(problem->kind, SessionManager::TokenProblem::Ended);
        QCOMPARE(ended.count(), 1);
        QVERIFY2(ended.first().first().toString().contains(message),
                 qPrintable(ended.first().first().toString()));
        QVERIFY(!m.isActive());
    }

    void clockProblemsOfARefreshedIdTokenKeepTheSession_data()
    {
        QTest::addColumn<qint64>("iatOffset");
        QTest::addColumn<qint64>("expOffset");
        QTest::newRow("issued in the future") << qint64(7200) << qint64(7500);
        QTest::newRow("expired") << qint64(-7200) << qint64(-6900);
        QTest::newRow("too old") << qint64(-3 * 86400) << qint64(3600);
    }

    void clockProblemsOfARefreshedIdTokenKeepTheSession()
    {
        QFETCH(qint64, iatOffset);
        QFETCH(qint64, expOffset);
        FakeProvider p;
        int refreshes = 0;
        rotate(p, &refreshes, 300, true, "user_alice", [&](QJsonObject claims) {
            const qint64 now = QDateTime::currentSecsSinceEpoch();
            claims["iat"] = double(now + iatOffset);
            claims["exp"] = double(now + expOffset);
            return makeJwt(claims);
        });
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        QSignalSpy ended(&m, &SessionManager::sessionEnded);
        QSignalSpy refreshed(&m, &SessionManager::refreshed);
        Session s = session(p, -1);
        s.idToken = "the sign-in's ID token";
        m.adopt(s, [](const SecretResult &) {});
        std::optional<SessionManager::TokenProblem> problem;
        QCOMPARE(tokenNow(m, &problem), QString("AT-1"));
        QVERIFY(!problem);
        QVERIFY(refreshed.count() == 1 || refreshed.wait(5000));
        QCOMPARE(ended.count(), 0);
        QVERIFY(m.isActive());
        // The rotated refresh token is kept (presenting RT-1 again would be reuse), the ID token is
        // not.
        QCOMPARE(m.session().refreshToken, QString("RT-2"));
        QCOMPARE(m.session().idToken, QString("the sign-in's ID token"));
        Session stored;
        SessionVault(&store).load([&](const SecretResult &, const Session &st) { stored = st; });
        QTRY_COMPARE(stored.refreshToken, QString("RT-2"));
        // And no refresh loop: the next one waits for the new access token's lifetime.
        QVERIFY(!m.needsRefresh());
        QCOMPARE(p.count("/token"), 1);
    }

    void unavailableKeysAtRefreshKeepTheSession()
    {
        FakeProvider p;
        int refreshes = 0;
        rotate(p, &refreshes, 300, true, "user_alice");
        p.jwks = [](const FakeRequest &) { return FakeResponse{503, "{}"}; };
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        QSignalSpy ended(&m, &SessionManager::sessionEnded);
        QSignalSpy refreshed(&m, &SessionManager::refreshed);
        m.adopt(session(p, -1), [](const SecretResult &) {});
        QCOMPARE(tokenNow(m), QString("AT-1"));
        QVERIFY(refreshed.count() == 1 || refreshed.wait(5000));
        QCOMPARE(ended.count(), 0);
        QCOMPARE(m.session().refreshToken, QString("RT-2"));
        QVERIFY(m.session().idToken.isEmpty());
    }

    void adoptsTokensAnotherProcessRefreshed()
    {
        // Two managers on one profile and one store play two processes.
        FakeProvider p;
        int refreshes = 0;
        rotate(p, &refreshes);
        MemorySecretStore store;
        const Config config = configFor(p);
        SessionManager first(config, &store, &m_nam);
        SessionManager second(config, &store, &m_nam);
        first.adopt(session(p, -1), [](const SecretResult &) {});
        bool loaded = false;
        second.load([&](const SecretResult &) { loaded = true; });
        QTRY_VERIFY(loaded);
        QCOMPARE(tokenNow(first), QString("AT-1"));
        // The second still holds RT-1, already used: it must take RT-2 from the store, not present
        // RT-1.
        QCOMPARE(tokenNow(second), QString("AT-1"));
        QCOMPARE(refreshes, 1);
        QCOMPARE(p.count("/token"), 1);
    }
};

QTEST_GUILESS_MAIN(TestSessionManager)
#include "tst_sessionmanager.moc"
