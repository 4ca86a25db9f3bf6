// Clock skew: the SessionManager learns the API's clock from its Date header
// (through the ApiClient), but judges the provider's ID tokens by the
// provider's own clock (the Date header of its token response), so neither a
// computer nor a proxy whose clock is off signs anyone out; and a refreshed ID
// token whose times are still off keeps the session.
#include "api/apiclient.h"
#include "api/connectivity.h"
#include "auth/sessionmanager.h"
#include "fakeprovider.h"
#include "storage/memorysecretstore.h"
#include "unitsession.h"

#include <QLocale>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

namespace {

QByteArray httpDate(const QDateTime &t)
{
    return QLocale::c()
        .toString(t.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

} // namespace

class TestSessionClockSkew : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    /// Plays both the provider and the API, whose clock is \a serverOffsetSeconds off ours
    /// (the provider's is \a providerOffsetSeconds off, the same unless set).
    struct Fixture
    {
        FakeProvider server;
        MemorySecretStore store;
        std::unique_ptr<SessionManager> sessions;
        std::unique_ptr<ApiClient> api;
        Connectivity connectivity;
        qint64 serverOffsetSeconds = 0;
        qint64 providerOffsetSeconds = 0;
        bool providerSendsDate = true;
        QString lastIdToken;

        QDateTime serverNow() const
        {
            return QDateTime::currentDateTimeUtc().addSecs(serverOffsetSeconds);
        }
        QDateTime providerNow() const
        {
            return QDateTime::currentDateTimeUtc().addSecs(providerOffsetSeconds);
        }
    };

    std::unique_ptr<Fixture> makeFixture(qint64 serverOffsetSeconds, int expiresInSeconds,
                                         std::optional<qint64> providerOffsetSeconds = std::nullopt)
    {
        auto f = std::make_unique<Fixture>();
        f->serverOffsetSeconds = serverOffsetSeconds;
        f->providerOffsetSeconds = providerOffsetSeconds.value_or(serverOffsetSeconds);
        f->sessions =
            std::make_unique<SessionManager>(unitConfig(f->server.issuer()), &f->store, &m_nam);
        Session signedIn = unitSession(f->server.issuer(), "AT-0", "RT-0", expiresInSeconds);
        signedIn.idToken = QStringLiteral("the sign-in's ID token");
        f->sessions->adopt(signedIn, [](const SecretResult &) {});
        Fixture *raw = f.get();
        f->server.other = [raw](const FakeRequest &) {
            FakeResponse r = FakeProvider::json({{"ok", true}});
            r.headers = {{"Date", httpDate(raw->serverNow())}};
            return r;
        };
        // Refreshes answer with an ID token stamped by the provider's clock.
        f->server.token = [raw](const FakeRequest &) {
            const double now = double(raw->providerNow().toSecsSinceEpoch());
            raw->lastIdToken = makeJwt({{"iss", raw->server.issuer()},
                                        {"sub", "user_alice"},
                                        {"aud", "clipshelf-desktop"},
                                        {"iat", now},
                                        {"exp", now + 300}});
            FakeResponse r = FakeProvider::json({{"access_token", "AT-1"},
                                                 {"token_type", "Bearer"},
                                                 {"expires_in", 3600},
                                                 {"refresh_token", "RT-1"},
                                                 {"id_token", raw->lastIdToken}});
            if (raw->providerSendsDate)
                r.headers = {{"Date", httpDate(raw->providerNow())}};
            return r;
        };
        f->api = std::make_unique<ApiClient>(QUrl(f->server.issuer() + "/api/v1"),
                                             f->sessions.get(), &m_nam);
        f->connectivity.follow(f->api.get());
        f->sessions->followConnectivity(&f->connectivity);
        return f;
    }

    static ApiResult call(ApiClient &api)
    {
        ApiResult result;
        bool done = false;
        api.send(ApiRequest::get("/timer"), nullptr, [&](const ApiResult &r) {
            result = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10'000))
            qWarning("no answer within 10 s");
        return result;
    }

    static std::optional<SessionManager::TokenProblem> tokenProblem(SessionManager &m)
    {
        return waitForAccessToken(m).problem;
    }

private slots:
    void skewFollowsTheDateHeader_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::newRow("in step") << qint64(0);
        QTest::newRow("server an hour ahead") << qint64(3600);
        QTest::newRow("server 90 s behind") << qint64(-90);
    }

    void skewFollowsTheDateHeader()
    {
        QFETCH(qint64, offset);
        auto f = makeFixture(offset, 3600);
        QCOMPARE(f->connectivity.clockSkewSeconds(), 0); // nothing measured yet
        QVERIFY(call(*f->api).ok());
        // The Date header has whole seconds: within 2 s of the true offset.
        QVERIFY2(qAbs(f->connectivity.clockSkewSeconds() - offset) <= 2,
                 qPrintable(QString::number(f->connectivity.clockSkewSeconds())));
        // And it follows the server when its clock moves.
        f->serverOffsetSeconds = offset - 600;
        QVERIFY(call(*f->api).ok());
        QVERIFY(qAbs(f->connectivity.clockSkewSeconds() - (offset - 600)) <= 2);
    }

    void idTokensAreJudgedByTheProvidersClock()
    {
        // The provider's clock is 2 h ahead: by ours, its ID token was issued in the future.
        // No API call: the provider's Date header is what counts.
        auto f = makeFixture(7200, 2);
        QSignalSpy ended(f->sessions.get(), &SessionManager::sessionEnded);
        QSignalSpy refreshed(f->sessions.get(), &SessionManager::refreshed);
        QVERIFY(refreshed.wait(10'000));
        QCOMPARE(f->sessions->session().accessToken, QString("AT-1"));
        QCOMPARE(f->sessions->session().idToken, f->lastIdToken); // checked and taken
        QVERIFY(!tokenProblem(*f->sessions));
        QCOMPARE(ended.count(), 0);
        QVERIFY(f->sessions->isActive());
    }

    void theApisClockDoesNotJudgeTheProvidersTokens()
    {
        // A proxy in front of the API has its clock 2 h ahead; the provider's is right.
        auto f = makeFixture(7200, 2, 0);
        QVERIFY(call(*f->api).ok()); // learns the API's skew from its Date header
        QVERIFY(qAbs(f->connectivity.clockSkewSeconds() - 7200) <= 2);
        QSignalSpy ended(f->sessions.get(), &SessionManager::sessionEnded);
        QSignalSpy refreshed(f->sessions.get(), &SessionManager::refreshed);
        QVERIFY(refreshed.wait(10'000));
        QCOMPARE(f->sessions->session().idToken, f->lastIdToken);
        QCOMPARE(ended.count(), 0);
        QVERIFY(f->sessions->isActive());
    }

    void aClockProblemAtRefreshKeepsTheSession()
    {
        // The provider's clock is 2 h ahead and it does not say so (no Date header):
        // its ID token looks issued in the future. That is no reason to sign anyone out.
        auto f = makeFixture(7200, 2);
        f->providerSendsDate = false;
        const QString oldIdToken = f->sessions->session().idToken;
        QSignalSpy ended(f->sessions.get(), &SessionManager::sessionEnded);
        QSignalSpy refreshed(f->sessions.get(), &SessionManager::refreshed);
        QVERIFY(refreshed.wait(10'000));
        QCOMPARE(ended.count(), 0);
        QVERIFY(f->sessions->isActive());
        // The new tokens are kept (the rotated refresh token above all), the unchecked ID token is
        // not.
        QCOMPARE(f->sessions->session().accessToken, QString("AT-1"));
        QCOMPARE(f->sessions->session().refreshToken, QString("RT-1"));
        QCOMPARE(f->sessions->session().idToken, oldIdToken);
        QVERIFY(!tokenProblem(*f->sessions));
        // No tight loop: the next refresh waits for the new access token's lifetime.
        QCOMPARE(f->server.count("/token"), 1);
        QVERIFY(!f->sessions->needsRefresh());
    }
};

QTEST_GUILESS_MAIN(TestSessionClockSkew)
#include "tst_sessionclockskew.moc"
