// ReplyPolicy: the origin check for redirects, the 429/503 retry rule and transport errors.
#include "api/apirequest.h"
#include "api/replypolicy.h"

#include <QTest>

using namespace clipshelf;

class TestReplyPolicy : public QObject
{
    Q_OBJECT
private slots:
    void sameOrigin_data()
    {
        QTest::addColumn<QUrl>("a");
        QTest::addColumn<QUrl>("b");
        QTest::addColumn<bool>("same");
        const QUrl api(QStringLiteral("https://api.example.com/v1"));
        QTest::newRow("other path")
            << api << QUrl(QStringLiteral("https://api.example.com/x")) << true;
        QTest::newRow("host case")
            << api << QUrl(QStringLiteral("https://API.Example.com/")) << true;
        QTest::newRow("default port")
            << api << QUrl(QStringLiteral("https://api.example.com:443/")) << true;
        QTest::newRow("other port")
            << api << QUrl(QStringLiteral("https://api.example.com:8443/")) << false;
        QTest::newRow("other scheme")
            << api << QUrl(QStringLiteral("http://api.example.com/v1")) << false;
        QTest::newRow("other host")
            << api << QUrl(QStringLiteral("https://evil.example.com/v1")) << false;
        QTest::newRow("http default port") << QUrl(QStringLiteral("http://127.0.0.1/"))
                                           << QUrl(QStringLiteral("http://127.0.0.1:80/")) << true;
    }

    void sameOrigin()
    {
        QFETCH(QUrl, a);
        QFETCH(QUrl, b);
        QFETCH(bool, same);
        QCOMPARE(ReplyPolicy::sameOrigin(a, b), same);
        QCOMPARE(ReplyPolicy::sameOrigin(b, a), same);
    }

    void retriableRequests()
    {
        QVERIFY(ApiRequest::get(QStringLiteral("/videos")).isRetriable());
        QVERIFY(ApiRequest::del(QStringLiteral("/videos/1")).isRetriable());
        QVERIFY(ApiRequest::json("PUT", QStringLiteral("/videos/1"), {}).isRetriable());
        ApiRequest post = ApiRequest::json("POST", QStringLiteral("/videos"), {});
        QVERIFY(!post.isRetriable());
        post.headers.insert("Idempotency-Key", "k");
        QVERIFY(post.isRetriable());
    }

    void shouldRetry()
    {
        const ApiRequest get = ApiRequest::get(QStringLiteral("/videos"));
        QVERIFY(ReplyPolicy::shouldRetry(get, 429, 1, 0, 2));
        QVERIFY(ReplyPolicy::shouldRetry(get, 503, 0, 1, 2));
        QVERIFY(ReplyPolicy::shouldRetry(get, 503, 60, 0, 2));
        QVERIFY(!ReplyPolicy::shouldRetry(get, 503, 61, 0, 2)); // too long a wait
        QVERIFY(!ReplyPolicy::shouldRetry(get, 503, -1, 0, 2)); // no Retry-After
        QVERIFY(!ReplyPolicy::shouldRetry(get, 429, 1, 2, 2));  // retries used up
        QVERIFY(!ReplyPolicy::shouldRetry(get, 500, 1, 0, 2));  // other status
        const ApiRequest post = ApiRequest::json("POST", QStringLiteral("/videos"), {});
        QVERIFY(!ReplyPolicy::shouldRetry(post, 429, 1, 0, 2)); // not safe to send again
    }

    void crossOriginRedirectIsItsOwnError()
    {
        const ApiError e = ReplyPolicy::transportError(nullptr, true, 0);
        QCOMPARE(e.kind, ApiError::Redirected);
        QVERIFY(!e.message.isEmpty());
    }

    void responseLimitDefaultsToJsonLimit()
    {
        ApiRequest r;
        QVERIFY(r.responseLimit() > 0);
        r.maxResponseBytes = 10;
        QCOMPARE(r.responseLimit(), qint64(10));
    }
};

QTEST_GUILESS_MAIN(TestReplyPolicy)
#include "tst_replypolicy.moc"
