// ApiClient against a scripted API and token endpoint: bearer, redirects, 401
// refresh-and-replay, 403, Retry-After, typed errors.
#include "api/apiclient.h"
#include "api/apitypes.h"
#include "api/connectivity.h"
#include "auth/sessionmanager.h"
#include "auth/tokenclient.h"
#include "fakeprovider.h"
#include "storage/memorysecretstore.h"
#include "unitsession.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

class TestApiClient : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    struct Fixture
    {
        FakeProvider server; // plays both the provider's token endpoint and the API
        MemorySecretStore store;
        std::unique_ptr<SessionManager> sessions;
        std::unique_ptr<ApiClient> api;
        Connectivity connectivity;
        int refreshes = 0;
    };

    std::unique_ptr<Fixture> makeFixture(QNetworkAccessManager *nam)
    {
        auto f = std::make_unique<Fixture>();
        f->sessions =
            std::make_unique<SessionManager>(unitConfig(f->server.issuer()), &f->store, nam);
        f->sessions->adopt(unitSession(f->server.issuer(), "AT-0", "RT-0", 3600),
                           [](const SecretResult &) {});
        Fixture *raw = f.get();
        f->server.token = [raw](const FakeRequest &) {
            ++raw->refreshes;
            return FakeProvider::json(
                {{"access_token", QStringLiteral("AT-%1").arg(raw->refreshes)},
                 {"token_type", "Bearer"},
                 {"expires_in", 3600},
                 {"refresh_token", QStringLiteral("RT-%1").arg(raw->refreshes)}});
        };
        f->api = std::make_unique<ApiClient>(QUrl(f->server.issuer() + "/api/v1/"),
                                             f->sessions.get(), nam);
        f->connectivity.follow(f->api.get());
        f->sessions->followConnectivity(&f->connectivity);
        return f;
    }

    static ApiResult call(ApiClient &api, const ApiRequest &request)
    {
        ApiResult result;
        bool done = false;
        api.send(request, nullptr, [&](const ApiResult &r) {
            result = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 15000))
            qWarning("no answer within 15 s");
        return result;
    }

private slots:
    void idsOutOfRangeAreNoIds()
    {
        // Found by fuzzing (UBSan): an id of 1e300 was converted to a 64-bit integer, which is
        // undefined (on x86 the smallest integer). Ids are whole numbers within +-2^53.
        for (const double id : {1e300, -1e300, 1e19}) {
            const QJsonObject o{{"id", id}, {"youtube_id", "dQw4w9WgXcQ"}};
            QCOMPARE(Video::fromJson(o).id, 0);
            QCOMPARE(UserInfo::fromJson(o).id, 0);
            QCOMPARE(ActivityEvent::fromJson(o).id, 0);
        }
        QCOMPARE(Video::fromJson({{"id", 9007199254740992.0}}).id, Q_INT64_C(9007199254740992));
        QCOMPARE(Video::fromJson({{"id", 42}}).id, 42);
    }

    void sendsBearerUnderTheBasePath()
    {
        auto f = makeFixture(&m_nam);
        f->server.other = [](const FakeRequest &r) {
            if (r.path != "/api/v1/videos" || r.headers.value("authorization") != "Bearer AT-0" ||
                r.query.queryItemValue("limit") != "5")
                return FakeProvider::json({{"detail", "bad"}}, 400);
            return FakeProvider::json({{"videos", QJsonArray()}, {"count", 0}});
        };
        QUrlQuery q;
        q.addQueryItem("limit", "5");
        const ApiResult r = call(*f->api, ApiRequest::get("/videos", q));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.json().value("count").toInt(), 0);
    }

    void unauthorizedRefreshesOnceAndReplays()
    {
        auto f = makeFixture(&m_nam);
        f->server.other = [](const FakeRequest &r) {
            if (r.headers.value("authorization") == "Bearer AT-1")
                return FakeProvider::json({{"id", 1}});
            FakeResponse resp = FakeProvider::json({{"detail", "expired"}}, 401);
            resp.headers = {{"WWW-Authenticate",
                             R"(Bearer error="invalid_token", error_description="expired")"}};
            return resp;
        };
        const ApiResult r = call(*f->api, ApiRequest::get("/me"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(f->refreshes, 1);
        QCOMPARE(f->server.count("/api/v1/me"), 2);
    }

    void secondUnauthorizedIsFinal()
    {
        auto f = makeFixture(&m_nam);
        f->server.other = [](const FakeRequest &) {
            FakeResponse resp = FakeProvider::json({{"detail", "no"}}, 401);
            resp.headers = {{"WWW-Authenticate", R"(Bearer error="invalid_token")"}};
            return resp;
        };
        const ApiResult r = call(*f->api, ApiRequest::get("/me"));
        QCOMPARE(r.error.kind, ApiError::Unauthorized);
        QCOMPARE(f->refreshes, 1);                  // one refresh …
        QCOMPARE(f->server.count("/api/v1/me"), 2); // … one replay, no loop
    }

    void insufficientScopeDoesNotRefresh()
    {
        auto f = makeFixture(&m_nam);
        f->server.other = [](const FakeRequest &) {
            FakeResponse resp = FakeProvider::json({{"detail", "scope"}}, 403);
            resp.headers = {{"WWW-Authenticate", R"(Bearer error="insufficient_scope")"}};
            return resp;
        };
        const ApiResult r = call(*f->api, ApiRequest::get("/me"));
        QCOMPARE(r.error.kind, ApiError::Forbidden);
        QCOMPARE(f->refreshes, 0);
    }

    void crossOriginRedirectIsNotFollowed()
    {
        auto f = makeFixture(&m_nam);
        FakeProvider elsewhere; // another port: another origin
        const QString target = elsewhere.issuer() + "/steal";
        f->server.other = [target](const FakeRequest &) {
            FakeResponse resp{302, ""};
            resp.headers = {{"Location", target.toLatin1()}};
            return resp;
        };
        const ApiResult r = call(*f->api, ApiRequest::get("/me"));
        QCOMPARE(r.error.kind, ApiError::Redirected);
        QCOMPARE(elsewhere.requests.size(), 0);
    }

    void sameOriginRedirectIsFollowed()
    {
        auto f = makeFixture(&m_nam);
        const QString target = f->server.issuer() + "/api/v1/moved";
        f->server.other = [target](const FakeRequest &r) {
            if (r.path == "/api/v1/moved")
                return FakeProvider::json(
                    {{"auth", QString::fromLatin1(r.headers.value("authorization"))}});
            FakeResponse resp{307, ""};
            resp.headers = {{"Location", target.toLatin1()}};
            return resp;
        };
        const ApiResult r = call(*f->api, ApiRequest::get("/old"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.json().value("auth").toString(), QString("Bearer AT-0"));
    }

    void retryAfterIsHonouredForRetriableRequests()
    {
        auto f = makeFixture(&m_nam);
        int busy = 1;
        f->server.other = [&busy](const FakeRequest &) {
            if (busy-- > 0) {
                FakeResponse resp = FakeProvider::json({{"detail", "busy"}}, 503);
                resp.headers = {{"Retry-After", "1"}};
                return resp;
            }
            return FakeProvider::json({{"status", "ok"}});
        };
        QElapsedTimer clock;
        clock.start();
        const ApiResult r = call(*f->api, ApiRequest::get("/videos"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QVERIFY2(clock.elapsed() >= 950, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(f->server.count("/api/v1/videos"), 2);
    }

    void postWithoutIdempotencyKeyIsNotRetried()
    {
        auto f = makeFixture(&m_nam);
        f->server.other = [](const FakeRequest &) {
            FakeResponse resp = FakeProvider::json({{"detail", "slow down"}}, 429);
            resp.headers = {{"Retry-After", "1"}};
            return resp;
        };
        const ApiResult r = call(
            *f->api, ApiRequest::json("POST", "/videos", QJsonDocument(QJsonObject{{"url", "x"}})));
        QCOMPARE(r.error.kind, ApiError::RateLimited);
        QCOMPARE(r.error.retryAfterSeconds, 1);
        QCOMPARE(r.error.message, QString("slow down"));
        QCOMPARE(f->server.count("/api/v1/videos"), 1);
    }

    void validationErrorsPerField()
    {
        auto f = makeFixture(&m_nam);
        f->server.other = [](const FakeRequest &) {
            return FakeProvider::json(
                {{"detail", "Invalid video"},
                 {"errors",
                  QJsonArray{QJsonObject{{"field", "url"}, {"message", "Not a YouTube link"}}}}},
                422);
        };
        const ApiResult r = call(
            *f->api, ApiRequest::json("POST", "/videos", QJsonDocument(QJsonObject{{"url", "x"}})));
        QCOMPARE(r.error.kind, ApiError::Validation);
        QCOMPARE(r.error.fieldMessage("url"), QString("Not a YouTube link"));
    }

    void networkErrorIsTyped()
    {
        auto f = makeFixture(&m_nam);
        ApiClient offline(QUrl("http://127.0.0.1:1/api"), f->sessions.get(), &m_nam);
        f->connectivity.follow(&offline);
        const ApiResult r = call(offline, ApiRequest::get("/me"));
        QCOMPARE(r.error.kind, ApiError::Network);
        QVERIFY(r.error.isTransient());
        QCOMPARE(f->sessions->connectionState(), SessionManager::Offline);
    }

    void notSignedInIsSessionEnded()
    {
        auto f = makeFixture(&m_nam);
        bool forgotten = false;
        f->sessions->forget([&](const SecretResult &, const QString &) { forgotten = true; });
        QTRY_VERIFY(forgotten);
        const ApiResult r = call(*f->api, ApiRequest::get("/me"));
        QCOMPARE(r.error.kind, ApiError::SessionEnded);
        QCOMPARE(f->server.count("/api/v1/me"), 0);
    }

    void silentServerTimesOut()
    {
        // Accepts the connection, reads the request, never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, &silent, [&] {
            while (QTcpSocket *socket = silent.nextPendingConnection())
                held.append(socket);
        });
        auto f = makeFixture(&m_nam);
        ApiClient api(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/").arg(silent.serverPort())),
                      f->sessions.get(), &m_nam);
        for (const QByteArray &method : {QByteArray("GET"), QByteArray("DELETE")}) {
            ApiRequest request = ApiRequest::get("/me");
            request.method = method;
            request.timeoutMs = 300;
            const ApiResult r = call(api, request);
            QCOMPARE(r.error.kind, ApiError::Timeout);
            QCOMPARE(r.status, 0);
        }
        QVERIFY(!held.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
