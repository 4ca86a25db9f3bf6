// The test-only fault switch: off by default; status (503/429 + Retry-After),
// drop, stall (client timeout and the server's own close), drop_after with an
// idempotent retry that creates exactly one video, request statistics.
#include "serverfixture.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace testsupport;

class TestApiServerFaults : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerFixture> f;
    QByteArray alice;
    void arm(const QJsonObject &fault);
    int videoCount();

private Q_SLOTS:
    void init();
    void cleanup();

    void offByDefault();
    void statusFault();
    void tooManyRequests();
    void methodFilter();
    void dropFault();
    void stallUntilClientGivesUp();
    void stallIsClosedByServer();
    void dropAfterThenIdempotentRetry();
    void statsAndClear();
    void invalidFaults();
    void underBasePath();
};

void TestApiServerFaults::init()
{
    f = std::make_unique<ServerFixture>();
    QVERIFY(f->start());
    alice = f->alice();
    QCOMPARE(f->call("GET", QStringLiteral("/me"), alice).status, 200); // keys cached, user created
}

void TestApiServerFaults::cleanup()
{
    f.reset();
}

void TestApiServerFaults::arm(const QJsonObject &fault)
{
    const TestReply r = f->call("POST", QStringLiteral("/__faults"), {}, fault);
    QCOMPARE(r.status, 201);
    QVERIFY(r.json().value(QStringLiteral("id")).toInt() > 0);
}

int TestApiServerFaults::videoCount()
{
    return f->call("GET", QStringLiteral("/videos"), alice)
        .json()
        .value(QStringLiteral("count"))
        .toInt();
}

void TestApiServerFaults::offByDefault()
{
    apiserver::ServerConfig config = f->defaultConfig();
    config.enableFaults = false;
    QVERIFY(f->start(config));
    const QJsonObject fault{{QStringLiteral("path_prefix"), QStringLiteral("/")},
                            {QStringLiteral("action"), QStringLiteral("drop")}};
    QCOMPARE(f->call("POST", QStringLiteral("/__faults"), {}, fault).status, 404);
    QCOMPARE(f->call("POST", QStringLiteral("/__faults"), alice, fault).status, 404);
    QCOMPARE(f->call("GET", QStringLiteral("/__faults/stats")).status, 404);
    QCOMPARE(f->call("DELETE", QStringLiteral("/__faults")).status, 404);
    QCOMPARE(f->call("GET", QStringLiteral("/health")).status, 200);
}

void TestApiServerFaults::statusFault()
{
    arm({{QStringLiteral("path_prefix"), QStringLiteral("/videos")},
         {QStringLiteral("action"), QStringLiteral("status")},
         {QStringLiteral("status"), 503},
         {QStringLiteral("retry_after"), 2},
         {QStringLiteral("count"), 2}});
    for (int i = 0; i < 2; ++i) {
        const TestReply r = f->call("GET", QStringLiteral("/videos"), alice);
        QCOMPARE(r.status, 503);
        QCOMPARE(r.header("retry-after"), QByteArray("2"));
        QVERIFY(!r.json().value(QStringLiteral("detail")).toString().isEmpty());
    }
    QCOMPARE(f->call("GET", QStringLiteral("/me"), alice).status, 200); // other paths unaffected
    QCOMPARE(f->call("GET", QStringLiteral("/videos"), alice).status, 200);
    // Other codes carry no Retry-After.
    arm({{QStringLiteral("path_prefix"), QStringLiteral("/tags")},
         {QStringLiteral("action"), QStringLiteral("status")},
         {QStringLiteral("status"), 500}});
    const TestReply r = f->call("GET", QStringLiteral("/tags"), alice);
    QCOMPARE(r.status, 500);
    QVERIFY(r.header("retry-after").isEmpty());
}

void TestApiServerFaults::tooManyRequests()
{
    arm({{QStringLiteral("path_prefix"), QString()},
         {QStringLiteral("action"), QStringLiteral("status")},
         {QStringLiteral("status"), 429},
         {QStringLiteral("retry_after"), 7}});
    const TestReply r = f->call("GET", QStringLiteral("/health"));
    QCOMPARE(r.status, 429);
    QCOMPARE(r.header("retry-after"), QByteArray("7"));
    QCOMPARE(f->call("GET", QStringLiteral("/health")).status, 200);
}

void TestApiServerFaults::methodFilter()
{
    arm({{QStringLiteral("path_prefix"), QStringLiteral("/videos")},
         {QStringLiteral("method"), QStringLiteral("POST")},
         {QStringLiteral("action"), QStringLiteral("status")},
         {QStringLiteral("status"), 502}});
    QCOMPARE(f->call("GET", QStringLiteral("/videos"), alice).status, 200);
    QCOMPARE(f->call("POST", QStringLiteral("/videos"), alice,
                     {{QStringLiteral("url"), watchUrl(youtubeId(1))}})
                 .status,
             502);
    QCOMPARE(videoCount(), 0); // nothing was processed
}

void TestApiServerFaults::dropFault()
{
    arm({{QStringLiteral("path_prefix"), QStringLiteral("/me")},
         {QStringLiteral("action"), QStringLiteral("drop")}});
    QSignalSpy finished(f->server.get(), &apiserver::ApiServer::requestFinished);
    const TestReply r = f->call("GET", QStringLiteral("/me"), alice);
    QVERIFY(r.closedWithoutReply);
    QVERIFY(!r.timedOut);
    QCOMPARE(r.status, 0);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(2).toInt(), -1);
    QCOMPARE(f->call("GET", QStringLiteral("/me"), alice).status, 200);
}

void TestApiServerFaults::stallUntilClientGivesUp()
{
    arm({{QStringLiteral("path_prefix"), QStringLiteral("/videos")},
         {QStringLiteral("action"), QStringLiteral("stall")}});
    const TestReply r = f->call("GET", QStringLiteral("/videos"), alice, {}, {}, 300);
    QVERIFY(r.timedOut);
    QCOMPARE(r.status, 0);
    QCOMPARE(f->call("GET", QStringLiteral("/videos"), alice).status, 200);
}

void TestApiServerFaults::stallIsClosedByServer()
{
    arm({{QStringLiteral("path_prefix"), QStringLiteral("/videos")},
         {QStringLiteral("action"), QStringLiteral("stall")},
         {QStringLiteral("stall_ms"), 200}});
    const TestReply r = f->call("GET", QStringLiteral("/videos"), alice, {}, {}, 10000);
    QVERIFY(!r.timedOut);
    QVERIFY(r.closedWithoutReply);
}

void TestApiServerFaults::dropAfterThenIdempotentRetry()
{
    arm({{QStringLiteral("path_prefix"), QStringLiteral("/videos")},
         {QStringLiteral("method"), QStringLiteral("POST")},
         {QStringLiteral("action"), QStringLiteral("drop_after")}});
    const Headers key{{"Idempotency-Key", "lost-response-1"}};
    const QJsonObject body{{QStringLiteral("url"), watchUrl(youtubeId(42))},
                           {QStringLiteral("title"), QStringLiteral("t")}};
    const TestReply lost = f->call("POST", QStringLiteral("/videos"), alice, body, key);
    QVERIFY(lost.closedWithoutReply);
    QCOMPARE(videoCount(), 1); // committed although the response was lost

    const TestReply retry = f->call("POST", QStringLiteral("/videos"), alice, body, key);
    QCOMPARE(retry.status, 201);
    QCOMPARE(retry.header("idempotency-replayed"), QByteArray("true"));
    const QJsonArray videos =
        f->call("GET", QStringLiteral("/videos"), alice).jsonArray(QStringLiteral("videos"));
    QCOMPARE(videos.size(), 1);
    QCOMPARE(retry.json(), videos.first().toObject());
    QVERIFY(retry.header("location")
                .endsWith("/videos/" + QByteArray::number(
                                           retry.json().value(QStringLiteral("id")).toInteger())));
    // A retry without the key would have been a 409.
    QCOMPARE(f->call("POST", QStringLiteral("/videos"), alice, body).status, 409);
    QCOMPARE(videoCount(), 1);
}

void TestApiServerFaults::statsAndClear()
{
    QCOMPARE(f->call("DELETE", QStringLiteral("/__faults")).status, 204);
    f->call("GET", QStringLiteral("/videos"), alice);
    f->call("GET", QStringLiteral("/videos"), alice);
    f->call("GET", QStringLiteral("/videos/1"), alice);
    f->call("GET", QStringLiteral("/health"));
    arm({{QStringLiteral("path_prefix"), QStringLiteral("/health")},
         {QStringLiteral("action"), QStringLiteral("drop")},
         {QStringLiteral("count"), 5}});
    f->call("GET", QStringLiteral("/health")); // dropped requests are counted too
    TestReply r = f->call("GET", QStringLiteral("/__faults/stats"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("requests")).toInt(), 5);
    QCOMPARE(r.json().value(QStringLiteral("by_path")).toObject(),
             (QJsonObject{{QStringLiteral("/videos"), 2},
                          {QStringLiteral("/videos/1"), 1},
                          {QStringLiteral("/health"), 2}}));
    QCOMPARE(r.json()
                 .value(QStringLiteral("by_method_path"))
                 .toObject()
                 .value(QStringLiteral("GET /videos"))
                 .toInt(),
             2);
    QCOMPARE(f->call("DELETE", QStringLiteral("/__faults")).status, 204);
    QCOMPARE(f->call("GET", QStringLiteral("/health")).status, 200); // rule cleared
    r = f->call("GET", QStringLiteral("/__faults/stats"));
    QCOMPARE(r.json().value(QStringLiteral("requests")).toInt(), 1);
}

void TestApiServerFaults::invalidFaults()
{
    const QList<QJsonObject> bad{
        {{QStringLiteral("action"), QStringLiteral("explode")}},
        {{QStringLiteral("action"), QStringLiteral("status")}, {QStringLiteral("status"), 999}},
        {{QStringLiteral("action"), QStringLiteral("drop")}, {QStringLiteral("count"), 0}},
    };
    for (const QJsonObject &fault : bad)
        QCOMPARE(f->call("POST", QStringLiteral("/__faults"), {}, fault).status, 422);
    QCOMPARE(f->callRaw("POST", QStringLiteral("/__faults"), {}, "nope").status, 400);
    QCOMPARE(f->call("PUT", QStringLiteral("/__faults")).status, 405);
    QCOMPARE(f->call("GET", QStringLiteral("/health")).status, 200);
}

void TestApiServerFaults::underBasePath()
{
    apiserver::ServerConfig config = f->defaultConfig();
    config.basePath = QStringLiteral("/api/v1");
    QVERIFY(f->start(config));
    arm({{QStringLiteral("path_prefix"), QStringLiteral("/health")},
         {QStringLiteral("action"), QStringLiteral("status")},
         {QStringLiteral("status"), 503}});
    QCOMPARE(f->call("GET", QStringLiteral("/health")).status, 503);
    QCOMPARE(f->call("GET", QStringLiteral("/__faults/stats"))
                 .json()
                 .value(QStringLiteral("by_path"))
                 .toObject(),
             (QJsonObject{{QStringLiteral("/health"), 1}}));
    // Also reachable at the root, for harnesses that only know the origin.
    const QUrl root(f->url().toString(QUrl::RemovePath));
    QCOMPARE(httpRequest(root, "GET", QStringLiteral("/__faults/stats")).status, 200);
}

QTEST_GUILESS_MAIN(TestApiServerFaults)
#include "tst_apiserver_faults.moc"
