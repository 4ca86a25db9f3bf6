// Clock skew: the SessionManager learns the server's clock from the API's
// Date header (through the ApiClient) and judges the provider's ID tokens by
// it, so a computer whose clock is off stays signed in.
#include "api/apiclient.h"
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
    return QLocale::c().toString(t.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

} // namespace

class TestSessionClockSkew : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    /// Plays both the provider and the API, whose clock is \a serverOffsetSeconds off ours.
    struct Fixture
    {
        FakeProvider server;
        MemorySecretStore store;
        std::unique_ptr<SessionManager> sessions;
        std::unique_ptr<ApiClient> api;
        qint64 serverOffsetSeconds = 0;

        QDateTime serverNow() const { return QDateTime::currentDateTimeUtc().addSecs(serverOffsetSeconds); }
    };

    std::unique_ptr<Fixture> makeFixture(qint64 serverOffsetSeconds, int expiresInSeconds)
    {
        auto f = std::make_unique<Fixture>();
        f->serverOffsetSeconds = serverOffsetSeconds;
        f->sessions = std::make_unique<SessionManager>(unitConfig(f->server.issuer()), &f->store, &m_nam);
        f->sessions->adopt(unitSession(f->server.issuer(), "AT-0", "RT-0", expiresInSeconds),
                           [](const SecretResult &) {});
        Fixture *raw = f.get();
        f->server.other = [raw](const FakeRequest &) {
            FakeResponse r = FakeProvider::json({{"ok", true}});
            r.headers = {{"Date", httpDate(raw->serverNow())}};
            return r;
        };
        // Refreshes answer with an ID token stamped by the server's clock.
        f->server.token = [raw](const FakeRequest &) {
            const double now = double(raw->serverNow().toSecsSinceEpoch());
            const QString idToken = makeJwt({{"iss", raw->server.issuer()}, {"sub", "user_alice"},
                                             {"aud", "clipshelf-desktop"}, {"iat", now}, {"exp", now + 300}});
            return FakeProvider::json({{"access_token", "AT-1"}, {"token_type", "Bearer"}, {"expires_in", 3600},
                                       {"refresh_token", "RT-1"}, {"id_token", idToken}});
        };
        f->api = std::make_unique<ApiClient>(QUrl(f->server.issuer() + "/api/v1"), f->sessions.get(), &m_nam);
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
        QCOMPARE(f->sessions->clockSkewSeconds(), 0); // nothing measured yet
        QVERIFY(call(*f->api).ok());
        // The Date header has whole seconds: within 2 s of the true offset.
        QVERIFY2(qAbs(f->sessions->clockSkewSeconds() - offset) <= 2,
                 qPrintable(QString::number(f->sessions->clockSkewSeconds())));
        // And it follows the server when its clock moves.
        f->serverOffsetSeconds = offset - 600;
        QVERIFY(call(*f->api).ok());
        QVERIFY(qAbs(f->sessions->clockSkewSeconds() - (offset - 600)) <= 2);
    }

    void idTokensAreJudgedByTheServersClock()
    {
        // The provider's clock is 2 h ahead: its ID token looks issued in the future.
        auto f = makeFixture(7200, 2);
        QVERIFY(call(*f->api).ok()); // learns the skew from the Date header
        QSignalSpy ended(f->sessions.get(), &SessionManager::sessionEnded);
        QTRY_COMPARE_WITH_TIMEOUT(f->sessions->session().accessToken, QString("AT-1"), 10'000);
        QVERIFY(!tokenProblem(*f->sessions));
        QCOMPARE(ended.count(), 0);
        QVERIFY(f->sessions->isActive());
    }

    void withoutTheCorrectionTheSameTokenWouldBeRefused()
    {
        // The control for the test above: no Date header seen, no correction.
        auto f = makeFixture(7200, 2);
        QSignalSpy ended(f->sessions.get(), &SessionManager::sessionEnded);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 10'000);
        QVERIFY(!f->sessions->isActive());
    }
};

QTEST_GUILESS_MAIN(TestSessionClockSkew)
#include "tst_sessionclockskew.moc"
