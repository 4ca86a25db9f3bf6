// SessionManager against a scripted token endpoint: what callers get while a
// refresh runs or waits out its backoff, and that a manager destroyed with
// keychain work in flight is never called back.
#include "auth/sessionmanager.h"
#include "fakeprovider.h"
#include "storage/memorysecretstore.h"
#include "unitsession.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

class TestSessionBackoff : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    static Config configFor(const FakeProvider &p) { return unitConfig(p.issuer()); }

    /// A session whose token lived \a lifetime seconds and has \a left seconds left.
    static Session session(const FakeProvider &p, int lifetime, int left)
    {
        Session s;
        s.accessToken = "AT-0";
        s.refreshToken = "RT-0";
        s.accessTokenExpiry = QDateTime::currentDateTimeUtc().addSecs(left);
        s.accessTokenReceivedAt = s.accessTokenExpiry.addSecs(-lifetime);
        s.profile.subject = "user_alice";
        s.profile.issuer = p.issuer();
        return s;
    }

    struct Answer
    {
        bool called = false;
        QString token;
        std::optional<SessionManager::TokenProblem> problem;
    };
    /// Asks for a token; the answer may come synchronously.
    static std::shared_ptr<Answer> ask(SessionManager &m)
    {
        auto answer = std::make_shared<Answer>();
        m.withAccessToken(
            [answer](const QString &t, std::optional<SessionManager::TokenProblem> p) {
                answer->called = true;
                answer->token = t;
                answer->problem = p;
            });
        return answer;
    }

private slots:
    void marginKeepsShortTokensAhead()
    {
        QCOMPARE(SessionManager::expiryMarginMs(3600), 2000);
        QCOMPARE(SessionManager::expiryMarginMs(4), 2000);
        QCOMPARE(SessionManager::expiryMarginMs(2), 1000); // at most half the lifetime
        QCOMPARE(SessionManager::expiryMarginMs(0), 0);
    }

    void usableTokenServesWhileRefreshingAhead()
    {
        FakeProvider p;
        p.token = [](const FakeRequest &) {
            return FakeProvider::json({{"access_token", "AT-1"},
                                       {"token_type", "Bearer"},
                                       {"expires_in", 300},
                                       {"refresh_token", "RT-1"}});
        };
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        m.adopt(session(p, 300, 20),
                [](const SecretResult &) {}); // inside the 30 s lead, 20 s to go
        QVERIFY(m.needsRefresh());
        QVERIFY(m.hasUsableAccessToken());
        QSignalSpy refreshed(&m, &SessionManager::refreshed);
        const auto answer = ask(m);
        QVERIFY(answer->called); // at once, no waiting for the provider
        QCOMPARE(answer->token, QString("AT-0"));
        QVERIFY(m.isRefreshing());
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(ask(m)->token, QString("AT-1"));
    }

    void callersNeverShortenTheBackoff()
    {
        FakeProvider p;
        p.token = [](const FakeRequest &) { return FakeResponse{503, "{}"}; };
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        m.adopt(session(p, 300, -1), [](const SecretResult &) {}); // expired
        const auto first = ask(m);
        QTRY_VERIFY_WITH_TIMEOUT(first->called, 5000);
        QVERIFY(first->problem);
        QCOMPARE(p.count("/token"), 1);
        QVERIFY(m.reconnectInSeconds() >= 1);

        // An app asking every 10 ms for 3 s: answered at once, as transient,
        // while the provider sees only the backoff's own retries (~0.75 s, ~1.5 s later).
        QElapsedTimer clock;
        clock.start();
        int asked = 0;
        while (clock.elapsed() < 3000) {
            const auto answer = ask(m);
            if (answer->called) {
                QVERIFY(answer->problem);
                QCOMPARE(answer->problem->kind, SessionManager::TokenProblem::Transient);
                QVERIFY2(answer->problem->message.contains("Trying again in"),
                         qPrintable(answer->problem->message));
            }
            ++asked;
            QTest::qWait(10);
        }
        QVERIFY(asked > 100);
        QVERIFY2(p.count("/token") <= 3, qPrintable(QString::number(p.count("/token"))));
        QVERIFY(m.isActive());
        QVERIFY(m.connectionState() == SessionManager::Reconnecting);
    }

    void rejectionDuringBackoffWaitsForTheRetry()
    {
        FakeProvider p;
        p.token = [](const FakeRequest &) { return FakeResponse{503, "{}"}; };
        MemorySecretStore store;
        SessionManager m(configFor(p), &store, &m_nam);
        m.adopt(session(p, 300, -1), [](const SecretResult &) {});
        const auto first = ask(m);
        QTRY_VERIFY_WITH_TIMEOUT(first->called, 5000);
        bool called = false;
        m.tokenRejected(
            "AT-0", [&](const QString &, std::optional<SessionManager::TokenProblem> problem) {
                called = true;
                QVERIFY(problem && problem->kind == SessionManager::TokenProblem::Transient);
            });
        QVERIFY(called);
        QCOMPARE(p.count("/token"), 1);
        QVERIFY(!m.hasUsableAccessToken());
    }

    void destroyedWithKeychainWorkInFlight()
    {
        FakeProvider p;
        MemorySecretStore store; // outlives the manager, as the app's store does
        auto m = std::make_unique<SessionManager>(configFor(p), &store, &m_nam);
        m->adopt(session(p, 300, -1),
                 [](const SecretResult &) { QFAIL("called back after destruction"); });
        ask(*m); // starts a refresh: the lock, then a keychain read
        QVERIFY(m->isRefreshing());
        m.reset();
        // The store answers in order: once this read is answered, the manager's would have been.
        bool drained = false;
        store.read("unrelated", [&](const SecretResult &, const QByteArray &) { drained = true; });
        QTRY_VERIFY(drained);
        QCOMPARE(p.count("/token"), 0);
    }
};

QTEST_GUILESS_MAIN(TestSessionBackoff)
#include "tst_sessionbackoff.moc"
