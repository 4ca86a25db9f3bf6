// The reference server's fixes for API contract 1.1, one test each: bodies
// that are not JSON objects answer 422, avatar types must match the bytes,
// Idempotency-Key rules, '+' in query strings, BCP 47 language tags, HEAD,
// header and body size limits (431/413 before buffering), bounded tag
// filters, and both forms of 401.
#include "serverfixture.h"

#include <QtCore/QElapsedTimer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QTest>

using namespace testsupport;

namespace {

QByteArray png()
{
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(32, 'p');
}
QByteArray jpeg()
{
    return QByteArray("\xff\xd8\xff\xe0", 4) + QByteArray(32, 'j');
}
const Headers kJson{{"Content-Type", "application/json"}};

QString firstField(const TestReply &r)
{
    const QJsonArray errors = r.jsonArray(QStringLiteral("errors"));
    return errors.isEmpty() ? QStringLiteral("<none>")
                            : errors.first().toObject().value(QStringLiteral("field")).toString();
}

} // namespace

class TestApiServerFixes : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerFixture> f;
    QByteArray alice;
    QByteArray request(const QByteArray &method, const QString &path,
                       const QByteArray &extraHeaders, const QByteArray &body = {}) const;

private Q_SLOTS:
    void init();
    void cleanup();

    void malformedBodiesAre422_data();
    void malformedBodiesAre422();
    void avatarTypeMustMatchTheBytes_data();
    void avatarTypeMustMatchTheBytes();
    void invalidIdempotencyKeyIs422();
    void idempotencyComparesParsedJson();
    void plusInQueryIsASpace();
    void languageIsAnyWellFormedBcp47Tag_data();
    void languageIsAnyWellFormedBcp47Tag();
    void headHasNoBody_data();
    void headHasNoBody();
    void headKeepsAKeptAliveConnectionInStep();
    void tooManyHeadersAre431();
    void headersWithinTheLimitsPass();
    void declaredOversizedBodyIs413BeforeItIsSent_data();
    void declaredOversizedBodyIs413BeforeItIsSent();
    void receivedOversizedBodyIs413();
    void chunkedBodiesAreCountedToo();
    void hugeChunkSizesAre413();
    void tagFilterIsBounded();
    void unauthorizedForms();
};

void TestApiServerFixes::init()
{
    f = std::make_unique<ServerFixture>();
    QVERIFY(f->start());
    alice = f->alice();
}

void TestApiServerFixes::cleanup()
{
    f.reset();
}

QByteArray TestApiServerFixes::request(const QByteArray &method, const QString &path,
                                       const QByteArray &extraHeaders, const QByteArray &body) const
{
    const QUrl base = f->url();
    return method + ' ' + (base.path() + path).toUtf8() +
           " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(base.port()) +
           "\r\nAuthorization: Bearer " + alice + "\r\n" + extraHeaders + "\r\n" + body;
}

void TestApiServerFixes::malformedBodiesAre422_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    const QList<QPair<QByteArray, QString>> ops{{"POST", QStringLiteral("/videos")},
                                                {"PATCH", QStringLiteral("/videos/1")},
                                                {"PATCH", QStringLiteral("/settings")},
                                                {"POST", QStringLiteral("/api-keys")}};
    const QList<QPair<const char *, QByteArray>> bodies{
        {"not json", "{oops"},
        {"truncated", "{\"name\":"},
        {"not utf-8", "{\"name\":\"caf\xe9\"}"},
        {"overlong utf-8", "{\"name\":\"\xc0\xaf\"}"},
        {"array", "[]"},
        {"string", "\"name\""},
        {"number", "42"},
        {"null", "null"},
        {"empty", ""},
    };
    for (const auto &[method, path] : ops) {
        for (const auto &[name, body] : bodies)
            QTest::addRow("%s %s: %s", method.constData(), qPrintable(path), name)
                << method << path << body;
    }
}

void TestApiServerFixes::malformedBodiesAre422()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QCOMPARE(f->addVideo(alice, youtubeId(1)).value(QStringLiteral("id")).toInteger(), 1);
    const TestReply r = f->callRaw(method, path, alice, body, kJson);
    QCOMPARE(r.status, 422);
    QVERIFY(!r.json().value(QStringLiteral("detail")).toString().isEmpty());
    QCOMPARE(firstField(r), QStringLiteral("body"));
    QVERIFY(!r.jsonArray(QStringLiteral("errors"))
                 .first()
                 .toObject()
                 .value(QStringLiteral("message"))
                 .toString()
                 .isEmpty());
}

void TestApiServerFixes::avatarTypeMustMatchTheBytes_data()
{
    QTest::addColumn<QByteArray>("contentType"); // null: no header
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::newRow("png as image/png") << QByteArray("image/png") << png() << 200;
    QTest::newRow("jpeg as image/jpeg") << QByteArray("image/jpeg") << jpeg() << 200;
    QTest::newRow("png, type in capitals with a parameter")
        << QByteArray("Image/PNG; q=1") << png() << 200;
    QTest::newRow("png as octet-stream") << QByteArray("application/octet-stream") << png() << 415;
    QTest::newRow("png without a type") << QByteArray() << png() << 415;
    QTest::newRow("png as image/jpeg") << QByteArray("image/jpeg") << png() << 415;
    QTest::newRow("jpeg as image/png") << QByteArray("image/png") << jpeg() << 415;
    QTest::newRow("gif as image/gif")
        << QByteArray("image/gif") << QByteArray("GIF89a......") << 415;
    QTest::newRow("text as image/png") << QByteArray("image/png") << QByteArray("hello") << 415;
}

void TestApiServerFixes::avatarTypeMustMatchTheBytes()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    Headers headers;
    if (!contentType.isNull())
        headers.append({"Content-Type", contentType});
    const TestReply r = f->callRaw("PUT", QStringLiteral("/me/avatar"), alice, bytes, headers);
    QCOMPARE(r.status, status);
    const TestReply avatar = f->call("GET", QStringLiteral("/me/avatar"), alice);
    QCOMPARE(avatar.status, status == 200 ? 200 : 404); // a refused upload stores nothing
    if (status == 415)
        QVERIFY(!r.json().value(QStringLiteral("detail")).toString().isEmpty());
}

void TestApiServerFixes::invalidIdempotencyKeyIs422()
{
    for (const QByteArray &bad : {QByteArray(""), QByteArray(129, 'k'), QByteArray("has space"),
                                  QByteArray("t\xc3\xa4st"), QByteArray("tab\there")}) {
        for (const auto &[path, body] :
             {qMakePair(QStringLiteral("/videos"),
                        QJsonObject{{QStringLiteral("url"), watchUrl(youtubeId(1))}}),
              qMakePair(QStringLiteral("/api-keys"),
                        QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}})}) {
            const TestReply r = f->call("POST", path, alice, body, {{"Idempotency-Key", bad}});
            QCOMPARE(r.status, 422);
            QCOMPARE(firstField(r), QStringLiteral("Idempotency-Key"));
        }
    }
    QCOMPARE(f->call("GET", QStringLiteral("/videos"), alice)
                 .json()
                 .value(QStringLiteral("count"))
                 .toInt(),
             0);
    QCOMPARE(f->call("GET", QStringLiteral("/api-keys"), alice)
                 .jsonArray(QStringLiteral("api_keys"))
                 .size(),
             0);
}

void TestApiServerFixes::idempotencyComparesParsedJson()
{
    const Headers key{{"Idempotency-Key", "format-1"}, {"Content-Type", "application/json"}};
    const TestReply first =
        f->callRaw("POST", QStringLiteral("/api-keys"), alice, "{\"name\":\"laptop\"}", key);
    QCOMPARE(first.status, 201);
    // The same JSON with other white space and an escaped character: a replay.
    const TestReply again = f->callRaw("POST", QStringLiteral("/api-keys"), alice,
                                       " {\n  \"name\" : \"l\\u0061ptop\"\n}\n", key);
    QCOMPARE(again.status, 201);
    QCOMPARE(again.body, first.body);
    QCOMPARE(again.header("idempotency-replayed"), QByteArray("true"));
    // Key order does not matter either (POST /videos).
    const Headers vkey{{"Idempotency-Key", "format-2"}, {"Content-Type", "application/json"}};
    const QByteArray url = watchUrl(youtubeId(1)).toUtf8();
    const TestReply v1 = f->callRaw("POST", QStringLiteral("/videos"), alice,
                                    "{\"url\":\"" + url + "\",\"title\":\"t\"}", vkey);
    QCOMPARE(v1.status, 201);
    const TestReply v2 = f->callRaw("POST", QStringLiteral("/videos"), alice,
                                    "{\"title\": \"t\", \"url\": \"" + url + "\"}", vkey);
    QCOMPARE(v2.status, 201);
    QCOMPARE(v2.body, v1.body);
    // A different parsed body with the same key: 422, nothing created.
    const TestReply other =
        f->callRaw("POST", QStringLiteral("/api-keys"), alice, "{\"name\":\"desktop\"}", key);
    QCOMPARE(other.status, 422);
    QCOMPARE(firstField(other), QStringLiteral("Idempotency-Key"));
    QCOMPARE(f->call("GET", QStringLiteral("/api-keys"), alice)
                 .jsonArray(QStringLiteral("api_keys"))
                 .size(),
             1);
    QCOMPARE(f->call("GET", QStringLiteral("/videos"), alice)
                 .json()
                 .value(QStringLiteral("count"))
                 .toInt(),
             1);
}

void TestApiServerFixes::plusInQueryIsASpace()
{
    f->addVideo(alice, youtubeId(1), {{QStringLiteral("title"), QStringLiteral("leg day")}});
    f->addVideo(alice, youtubeId(2), {{QStringLiteral("title"), QStringLiteral("legday")}});
    f->addVideo(alice, youtubeId(3),
                {{QStringLiteral("title"), QStringLiteral("c++ talk")},
                 {QStringLiteral("tags"), QJsonArray{QStringLiteral("leg day")}}});
    const auto count = [&](const QString &query) {
        return f->call("GET", QStringLiteral("/videos?") + query, alice)
            .json()
            .value(QStringLiteral("count"))
            .toInt();
    };
    QCOMPARE(count(QStringLiteral("q=leg+day")), 1);
    QCOMPARE(count(QStringLiteral("q=leg%20day")), 1);
    QCOMPARE(count(QStringLiteral("q=c%2B%2B")), 1); // an encoded plus stays a plus
    QCOMPARE(count(QStringLiteral("q=c++")), 0);     // "c  " matches nothing
    QCOMPARE(count(QStringLiteral("tags=leg+day")), 1);
}

void TestApiServerFixes::languageIsAnyWellFormedBcp47Tag_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<bool>("valid");
    for (const char *ok : {"en",
                           "de",
                           "de-DE",
                           "de-DE-u-co-phonebk",
                           "zh-Hant-TW",
                           "zh-Hans",
                           "x-private",
                           "x-a-b",
                           "sr-Latn-RS",
                           "es-419",
                           "en-US-x-twain",
                           "de-CH-1901",
                           "sl-rozaj-biske",
                           "en-a-bbb-x-a-ccc",
                           "i-klingon",
                           "en-GB-oed",
                           "zh-min-nan",
                           "zh-yue-HK",
                           "hy-Latn-IT-arevela",
                           "qaa-Qaaa-QM-x-southern",
                           "EN-us",
                           "tlh-Latn-x-1"})
        QTest::addRow("ok %s", ok) << QString::fromLatin1(ok) << true;
    for (const char *bad : {"", "e", "english!", "en_US", "en-", "-en", "en--US", "de-DE-u", "x",
                            "x-", "en-x", "abcdefghi", "en-US-abcdefghi", "de-419-u-co-phonebk-x",
                            "a-DE", "12", "en US", "de-DE-x-toolongpart"})
        QTest::addRow("bad '%s'", bad) << QString::fromLatin1(bad) << false;
}

void TestApiServerFixes::languageIsAnyWellFormedBcp47Tag()
{
    QFETCH(QString, tag);
    QFETCH(bool, valid);
    const TestReply r =
        f->call("PATCH", QStringLiteral("/settings"), alice, {{QStringLiteral("language"), tag}});
    QCOMPARE(r.status, valid ? 200 : 422);
    if (valid)
        QCOMPARE(r.json().value(QStringLiteral("language")).toString(), tag);
    else
        QCOMPARE(firstField(r), QStringLiteral("language"));
}

void TestApiServerFixes::headHasNoBody_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("withToken");
    QTest::addColumn<int>("status");
    QTest::newRow("health") << QStringLiteral("/health") << false << 200;
    QTest::newRow("timer") << QStringLiteral("/timer") << false << 200;
    QTest::newRow("videos") << QStringLiteral("/videos") << true << 200;
    QTest::newRow("settings") << QStringLiteral("/settings") << true << 200;
    QTest::newRow("missing video") << QStringLiteral("/videos/999") << true << 404;
    QTest::newRow("no token") << QStringLiteral("/me") << false << 401;
    QTest::newRow("unknown path") << QStringLiteral("/nowhere") << true << 404;
}

void TestApiServerFixes::headHasNoBody()
{
    QFETCH(QString, path);
    QFETCH(bool, withToken);
    QFETCH(int, status);
    const TestReply get = f->call("GET", path, withToken ? alice : QByteArray());
    const TestReply head = f->call("HEAD", path, withToken ? alice : QByteArray());
    QCOMPARE(get.status, status);
    QCOMPARE(head.status, status);
    QVERIFY2(head.body.isEmpty(), head.body.constData());
    QCOMPARE(head.header("content-type"), get.header("content-type"));
    if (status == 200 && path != QLatin1String("/timer")) {
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
        QEXPECT_FAIL(
            "",
            "Qt 6.8's QHttpServerResponder sets Content-Length from the body it sends (0 for HEAD)",
            Continue);
#endif
        QCOMPARE(head.header("content-length"), QByteArray::number(get.body.size()));
    }
}

void TestApiServerFixes::headKeepsAKeptAliveConnectionInStep()
{
    // HEAD, then GET on the same kept-alive connection: what follows the HEAD
    // answer's headers must be the GET answer, not a stray body.
    QTcpSocket socket;
    QByteArray received;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { received += socket.readAll(); });
    socket.connectToHost(f->url().host(), quint16(f->url().port()));
    QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
    socket.write(request("HEAD", QStringLiteral("/videos/999"), {}));
    QTRY_VERIFY(received.contains("\r\n\r\n"));
    const qsizetype headEnd = received.indexOf("\r\n\r\n") + 4;
    QVERIFY2(received.startsWith("HTTP/1.1 404"), received.constData());
    socket.write(request("GET", QStringLiteral("/health"), "Connection: close\r\n"));
    QTRY_COMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    const QByteArray rest = received.mid(headEnd);
    QVERIFY2(rest.startsWith("HTTP/1.1 200"), rest.constData());
    TestReply second;
    QVERIFY(parseReply(rest, second));
    QCOMPARE(second.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
}

void TestApiServerFixes::tooManyHeadersAre431()
{
    Headers many;
    for (int i = 0; i < 101; ++i)
        many.append({"X-Filler-" + QByteArray::number(i), "x"});
    TestReply r = f->call("GET", QStringLiteral("/me"), alice, {}, many);
    QCOMPARE(r.status, 431);
    QVERIFY(!r.json().value(QStringLiteral("detail")).toString().isEmpty());
    r = f->call("GET", QStringLiteral("/me"), alice, {}, {{"X-Big", QByteArray(17 * 1024, 'b')}});
    QCOMPARE(r.status, 431);
    // The server goes on serving.
    QCOMPARE(f->call("GET", QStringLiteral("/me"), alice).status, 200);
}

void TestApiServerFixes::headersWithinTheLimitsPass()
{
    Headers many; // + Host, Connection and Authorization = 100 lines
    for (int i = 0; i < 97; ++i)
        many.append({"X-Filler-" + QByteArray::number(i), "x"});
    QCOMPARE(f->call("GET", QStringLiteral("/me"), alice, {}, many).status, 200);
    QCOMPARE(
        f->call("GET", QStringLiteral("/me"), alice, {}, {{"X-Big", QByteArray(12 * 1024, 'b')}})
            .status,
        200);
}

void TestApiServerFixes::declaredOversizedBodyIs413BeforeItIsSent_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("length");
    QTest::newRow("POST /videos 1 MiB + 1")
        << QByteArray("POST") << QStringLiteral("/videos") << qint64(1024 * 1024 + 1);
    QTest::newRow("PATCH /settings 50 MiB")
        << QByteArray("PATCH") << QStringLiteral("/settings") << qint64(50 * 1024 * 1024);
    QTest::newRow("POST /api-keys 1 GiB")
        << QByteArray("POST") << QStringLiteral("/api-keys") << qint64(1) * 1024 * 1024 * 1024;
    QTest::newRow("PUT /me/avatar 2 MiB + 1")
        << QByteArray("PUT") << QStringLiteral("/me/avatar") << qint64(2 * 1024 * 1024 + 1);
}

void TestApiServerFixes::declaredOversizedBodyIs413BeforeItIsSent()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(qint64, length);
    // Only the headers are sent: the answer may not wait for the body.
    QElapsedTimer timer;
    timer.start();
    const TestReply r =
        f->callRaw(method, path, alice, {}, {{"Content-Length", QByteArray::number(length)}}, 3000);
    QVERIFY(!r.timedOut);
    QCOMPARE(r.status, 413);
    QVERIFY(!r.json().value(QStringLiteral("detail")).toString().isEmpty());
    QVERIFY(timer.elapsed() < 2000);
    QCOMPARE(f->call("GET", QStringLiteral("/health")).status, 200);
}

void TestApiServerFixes::receivedOversizedBodyIs413()
{
    const QByteArray big = "{\"name\":\"" + QByteArray(1024 * 1024, 'n') + "\"}";
    QCOMPARE(f->callRaw("POST", QStringLiteral("/api-keys"), alice, big, kJson, 10000).status, 413);
    // Right at the limits: read and judged normally.
    const QByteArray atLimit = "{\"name\":\"" + QByteArray(1024 * 1024 - 11, 'n') + "\"}";
    QCOMPARE(atLimit.size(), 1024 * 1024);
    QCOMPARE(f->callRaw("POST", QStringLiteral("/api-keys"), alice, atLimit, kJson, 10000).status,
             422);
    const QByteArray avatar =
        QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(2 * 1024 * 1024 - 8, 'p');
    QCOMPARE(f->callRaw("PUT", QStringLiteral("/me/avatar"), alice, avatar,
                        {{"Content-Type", "image/png"}}, 10000)
                 .status,
             200);
    QCOMPARE(f->callRaw("PUT", QStringLiteral("/me/avatar"), alice, avatar + 'p',
                        {{"Content-Type", "image/png"}}, 10000)
                 .status,
             413);
}

void TestApiServerFixes::chunkedBodiesAreCountedToo()
{
    // 2 chunks of 600 KiB: the second passes 1 MiB; the answer comes without
    // waiting for the last chunk.
    const QByteArray chunk =
        QByteArray::number(600 * 1024, 16) + "\r\n" + QByteArray(600 * 1024, 'c') + "\r\n";
    bool timedOut = false;
    const QByteArray received = rawExchange(
        f->url(),
        request("POST", QStringLiteral("/api-keys"),
                "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", chunk + chunk),
        5000, &timedOut);
    TestReply r;
    QVERIFY2(parseReply(received, r), received.left(200).constData());
    QCOMPARE(r.status, 413);
    QCOMPARE(f->call("GET", QStringLiteral("/health")).status, 200);
}

void TestApiServerFixes::hugeChunkSizesAre413()
{
    // A small chunk, then one declaring 2^63 - 6 bytes: the running total must
    // not overflow (and so wrap below the limit); the answer is 413 at once.
    const QByteArray chunks = "a\r\n0123456789\r\n7ffffffffffffffa\r\n";
    bool timedOut = false;
    const QByteArray received = rawExchange(
        f->url(),
        request("POST", QStringLiteral("/api-keys"),
                "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", chunks),
        5000, &timedOut);
    TestReply r;
    QVERIFY2(parseReply(received, r), received.left(200).constData());
    QCOMPARE(r.status, 413);
    QCOMPARE(f->call("GET", QStringLiteral("/health")).status, 200);
}

void TestApiServerFixes::tagFilterIsBounded()
{
    QStringList twenty, twentyOne;
    for (int i = 0; i < 21; ++i)
        (i < 20 ? twenty : twentyOne).append(QStringLiteral("t%1").arg(i));
    twentyOne = twenty + twentyOne;
    QCOMPARE(f->call("GET", QStringLiteral("/videos?tags=") + twenty.join(u','), alice).status,
             200);
    TestReply r = f->call("GET", QStringLiteral("/videos?tags=") + twentyOne.join(u','), alice);
    QCOMPARE(r.status, 400);
    QVERIFY(!r.json().value(QStringLiteral("detail")).toString().isEmpty());
    QCOMPARE(f->call("GET", QStringLiteral("/videos?tags=") + QString(40, u'a'), alice).status,
             200);
    QCOMPARE(f->call("GET", QStringLiteral("/videos?tags=") + QString(41, u'a'), alice).status,
             400);
}

void TestApiServerFixes::unauthorizedForms()
{
    // No token (or another scheme): the bare challenge.
    for (const Headers &h : {Headers{}, Headers{{"Authorization", "Basic YWxpY2U6cHc="}},
                             Headers{{"Authorization", "Bearer"}}}) {
        const TestReply r = f->callRaw("GET", QStringLiteral("/me"), {}, {}, h);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.header("www-authenticate"), QByteArray("Bearer"));
    }
    // A token that was refused: error="invalid_token" with a description.
    for (const QByteArray &token :
         {QByteArray("not-a-jwt"),
          f->issuer.token(ServerFixture::rsaKey(), {{QStringLiteral("exp"), 1000}})}) {
        const TestReply r = f->call("GET", QStringLiteral("/me"), token);
        QCOMPARE(r.status, 401);
        const QByteArray challenge = r.header("www-authenticate");
        QVERIFY2(challenge.startsWith("Bearer error=\"invalid_token\", error_description=\""),
                 challenge.constData());
        QVERIFY(challenge.endsWith('"'));
    }
}

QTEST_GUILESS_MAIN(TestApiServerFixes)
#include "tst_apiserver_fixes.moc"
