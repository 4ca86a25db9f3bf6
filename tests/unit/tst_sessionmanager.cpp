// SessionManager against a scripted token endpoint: proactive and single-flight
// refresh, rotation, invalid_grant, transient failures, foreign ID tokens.
#include "auth/sessionmanager.h"
#include "auth/tokenclient.h"
#include "fakeprovider.h"
#include "storage/memorysecretstore.h"
#include "storage/sessionvault.h"

#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

class TestSessionManager : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    Config configFor(const FakeProvider &p)
    {
        Config c;
        c.set(Config::Key::Issuer, p.issuer(), "test");
        c.set(Config::Key::ClientId, "clipshelf-desktop", "test");
        c.set(Config::Key::Resource, "urn:clipshelf:api", "test");
        // Each test its own profile, so the cross-process lock files never meet.
        c.set(Config::Key::Profile, QStringLiteral("unit-%1").arg(QRandomGenerator::global()->generate()), "test");
        return c;
    }

    static Session session(const FakeProvider &p, int expiresInSeconds, const QString &refresh = "RT-1")
    {
        Session s;
        s.accessToken = "AT-0";
        s.refreshToken = refresh;
        s.accessTokenReceivedAt = QDateTime::currentDateTimeUtc();
        s.accessTokenExpiry = s.accessTokenReceivedAt.addSecs(expiresInSeconds);
        s.profile.subject = "user_alice";
        s.profile.issuer = p.issuer();
        s.profile.name = "Alice";
        return s;
    }

    // A rotating token endpoint: RT-n -> AT-n, RT-(n+1); a reused refresh token is invalid_grant.
    static void rotate(FakeProvider &p, int *refreshes, int expiresIn = 300, bool sendRefresh = true,
                       const QString &idSub = {})
    {
        p.token = [&p, refreshes, expiresIn, sendRefresh, idSub](const FakeRequest &r) {
            const QUrlQuery form(QString::fromLatin1(r.body));
            const QString presented = form.queryItemValue("refresh_token", QUrl::FullyDecoded);
            if (presented != QStringLiteral("RT-%1").arg(*refreshes + 1))
                return FakeProvider::json({{"error", "invalid_grant"}}, 400);
            ++*refreshes;
            QJsonObject body{{"access_token", QStringLiteral("AT-%1").arg(*refreshes)},
                             {"token_type", "Bearer"}, {"expires_in", expiresIn}};
            if (sendRefresh)
                body.insert("refresh_token", QStringLiteral("RT-%1").arg(*refreshes + 1));
            if (!idSub.isEmpty())
                body.insert("id_token", makeJwt({{"iss", p.issuer()}, {"sub", idSub}, {"aud", "clipshelf-desktop"},
                                                 {"exp", double(QDateTime::currentSecsSinceEpoch() + 300)},
                                                 {"iat", double(QDateTime::currentSecsSinceEpoch())}}));
            return FakeProvider::json(body);
        };
    }

    static QString tokenNow(SessionManager &m, std::optional<SessionManager::TokenProblem> *problem = nullptr)
    {
        QString token;
        bool done = false;
        m.withAccessToken([&](const QString &t, std::optional<SessionManager::TokenProblem> p) {
            token = t;
            if (problem)
                *problem = p;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10'000))
            qWarning("no answer");
        return token;
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
            m.withAccessToken([&](const QString &t, std::optional<SessionManager::TokenProblem> problem) {
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

    void proactiveRefreshBeforeExpiry()
    {
        FakeProvider p;
        int refreshes = 0;
        rotate(p, &refreshes, 3);
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        QSignalSpy refreshed(&m, &SessionManager::refreshed);
        Session s = session(p, 1);  // expires in 1 s: lead 0 s, refresh is due at once
        m.adopt(s, [](const SecretResult &) {});
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(m.session().accessToken, QString("AT-1"));
        // And again before the next (3 s) token runs out, without anyone asking.
        QVERIFY(refreshed.wait(6000));
        QCOMPARE(m.session().accessToken, QString("AT-2"));
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
        p.token = [](const FakeRequest &) { return FakeProvider::json({{"error", "invalid_grant"}}, 400); };
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
        SessionVault(&store).load([&](const SecretResult &r, const Session &s) { result = r; stored = s; });
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
            return FakeProvider::json({{"access_token", "AT-1"}, {"token_type", "Bearer"}, {"expires_in", 300},
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
        m.refreshAfterRejection("AT-0", [&](const QString &t, auto) { token = t; });
        QTRY_COMPARE(token, QString("AT-1"));
        // A second 401 for the old token (a request that was already in flight) gets the new one.
        token.clear();
        m.refreshAfterRejection("AT-0", [&](const QString &t, auto) { token = t; });
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
        // The second still holds RT-1, already used: it must take RT-2 from the store, not present RT-1.
        QCOMPARE(tokenNow(second), QString("AT-1"));
        QCOMPARE(refreshes, 1);
        QCOMPARE(p.count("/token"), 1);
    }
};

QTEST_GUILESS_MAIN(TestSessionManager)
#include "tst_sessionmanager.moc"
