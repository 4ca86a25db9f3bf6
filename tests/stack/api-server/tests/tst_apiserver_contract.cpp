// The contract suite: every operation of api/openapi.yaml with every status it
// documents, and every rule of contract 1.1's text, as one table run against
// the running server with tokens from the suite's own JWKS issuer. Each row
// provokes its status and checks the generic shape the contract promises
// (JSON errors with detail, 422 errors[], 401 challenges, 204 without body,
// the response schema's required fields). A completeness check fails when the
// contract documents an operation/status that the table does not cover.
#include "serverfixture.h"

#include <functional>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtTest/QTest>

using namespace testsupport;

namespace {

struct Ctx
{
    ServerFixture &f;
    QByteArray alice;
    qint64 videoId = 0;
    QString apiKeyId;
};

struct Case
{
    QString op; // "GET /videos/{id}" as in the contract; empty for a rule row
    int status;
    const char *what; // how the status is provoked
    std::function<TestReply(Ctx &)> send;
    std::function<void(const TestReply &)> extra = {};
};

QByteArray png()
{
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(32, 'p');
}
const Headers kJson{{"Content-Type", "application/json"}};
const QByteArray kNoToken = "<no token>"; // a marker for get(): send no Authorization
const QByteArray kBadToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";

QString vid(const Ctx &c)
{
    return QStringLiteral("/videos/") + QString::number(c.videoId);
}

// Required fields of the response schemas, by "METHOD path status".
const QHash<QString, QStringList> &requiredFields()
{
    static const QStringList video{
        QStringLiteral("id"),    QStringLiteral("url"),        QStringLiteral("youtube_id"),
        QStringLiteral("title"), QStringLiteral("notes"),      QStringLiteral("thumbnail_url"),
        QStringLiteral("tags"),  QStringLiteral("created_at"), QStringLiteral("updated_at")};
    static const QStringList user{QStringLiteral("id"),         QStringLiteral("sub"),
                                  QStringLiteral("email"),      QStringLiteral("name"),
                                  QStringLiteral("avatar_url"), QStringLiteral("created_at")};
    static const QStringList settings{QStringLiteral("display_name"), QStringLiteral("theme"),
                                      QStringLiteral("language"), QStringLiteral("notifications")};
    static const QHash<QString, QStringList> map{
        {QStringLiteral("GET /health 200"), {QStringLiteral("status")}},
        {QStringLiteral("GET /timer 200"),
         {QStringLiteral("server_time"), QStringLiteral("epoch_ms")}},
        {QStringLiteral("GET /me 200"), user},
        {QStringLiteral("PUT /me/avatar 200"), user},
        {QStringLiteral("GET /videos 200"),
         {QStringLiteral("videos"), QStringLiteral("count"), QStringLiteral("next_cursor")}},
        {QStringLiteral("POST /videos 201"), video},
        {QStringLiteral("POST /videos 409"), {QStringLiteral("detail"), QStringLiteral("video")}},
        {QStringLiteral("GET /videos/{id} 200"), video},
        {QStringLiteral("PATCH /videos/{id} 200"), video},
        {QStringLiteral("GET /tags 200"), {QStringLiteral("tags")}},
        {QStringLiteral("GET /settings 200"), settings},
        {QStringLiteral("PATCH /settings 200"), settings},
        {QStringLiteral("GET /api-keys 200"), {QStringLiteral("api_keys")}},
        {QStringLiteral("POST /api-keys 201"),
         {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("prefix"),
          QStringLiteral("created_at"), QStringLiteral("last_used_at"), QStringLiteral("secret")}},
        {QStringLiteral("GET /activity 200"), {QStringLiteral("events")}},
    };
    return map;
}

QList<Case> operationCases()
{
    const auto get = [](const QString &path, const QByteArray &token = {}) {
        return [path, token](Ctx &c) {
            return c.f.call("GET", path,
                            token == kNoToken ? QByteArray()
                            : token.isNull()  ? c.alice
                                              : token);
        };
    };
    const auto getId = [](Ctx &c) { return c.f.call("GET", vid(c), c.alice); };
    return {
        {QStringLiteral("GET /health"), 200, "no token needed",
         get(QStringLiteral("/health"), kNoToken)},
        {QStringLiteral("GET /timer"), 200, "no token needed",
         get(QStringLiteral("/timer"), kNoToken)},
        {QStringLiteral("GET /me"), 200, "signed in", get(QStringLiteral("/me"))},
        {QStringLiteral("GET /me"), 401, "no token", get(QStringLiteral("/me"), kNoToken)},
        {QStringLiteral("GET /me/avatar"), 200, "after an upload",
         [](Ctx &c) {
             c.f.callRaw("PUT", QStringLiteral("/me/avatar"), c.alice, png(),
                         {{"Content-Type", "image/png"}});
             return c.f.call("GET", QStringLiteral("/me/avatar"), c.alice);
         },
         [](const TestReply &r) {
             QCOMPARE(r.header("content-type"), QByteArray("image/png"));
             QCOMPARE(r.body, png());
         }},
        {QStringLiteral("GET /me/avatar"), 401, "bad token",
         get(QStringLiteral("/me/avatar"), kBadToken)},
        {QStringLiteral("GET /me/avatar"), 404, "no avatar yet", get(QStringLiteral("/me/avatar"))},
        {QStringLiteral("PUT /me/avatar"), 200, "a PNG",
         [](Ctx &c) {
             return c.f.callRaw("PUT", QStringLiteral("/me/avatar"), c.alice, png(),
                                {{"Content-Type", "image/png"}});
         }},
        {QStringLiteral("PUT /me/avatar"), 401, "no token",
         [](Ctx &c) {
             return c.f.callRaw("PUT", QStringLiteral("/me/avatar"), {}, png(),
                                {{"Content-Type", "image/png"}});
         }},
        {QStringLiteral("PUT /me/avatar"), 413, "Content-Length over 2 MiB",
         [](Ctx &c) {
             return c.f.callRaw("PUT", QStringLiteral("/me/avatar"), c.alice, {},
                                {{"Content-Type", "image/png"},
                                 {"Content-Length", QByteArray::number(2 * 1024 * 1024 + 1)}});
         }},
        {QStringLiteral("PUT /me/avatar"), 415, "a PNG as application/octet-stream",
         [](Ctx &c) {
             return c.f.callRaw("PUT", QStringLiteral("/me/avatar"), c.alice, png(),
                                {{"Content-Type", "application/octet-stream"}});
         }},
        {QStringLiteral("DELETE /me/avatar"), 204, "signed in",
         [](Ctx &c) { return c.f.call("DELETE", QStringLiteral("/me/avatar"), c.alice); }},
        {QStringLiteral("DELETE /me/avatar"), 401, "no token",
         [](Ctx &c) { return c.f.call("DELETE", QStringLiteral("/me/avatar")); }},
        {QStringLiteral("GET /videos"), 200, "one page", get(QStringLiteral("/videos?limit=1"))},
        {QStringLiteral("GET /videos"), 400, "limit=0", get(QStringLiteral("/videos?limit=0"))},
        {QStringLiteral("GET /videos"), 401, "no token", get(QStringLiteral("/videos"), kNoToken)},
        {QStringLiteral("POST /videos"), 201, "a Share-button link",
         [](Ctx &c) {
             return c.f.call("POST", QStringLiteral("/videos"), c.alice,
                             {{QStringLiteral("url"),
                               QStringLiteral("https://youtu.be/jfKfPfyJRdk?si=abc#t=3")}});
         },
         [](const TestReply &r) {
             QVERIFY(!r.header("location").isEmpty());
             QCOMPARE(r.json().value(QStringLiteral("url")).toString(),
                      QStringLiteral("https://www.youtube.com/watch?v=jfKfPfyJRdk"));
         }},
        {QStringLiteral("POST /videos"), 401, "no token",
         [](Ctx &c) {
             return c.f.call("POST", QStringLiteral("/videos"), {},
                             {{QStringLiteral("url"), watchUrl(youtubeId(7))}});
         }},
        {QStringLiteral("POST /videos"), 409, "the same video again",
         [](Ctx &c) {
             return c.f.call(
                 "POST", QStringLiteral("/videos"), c.alice,
                 {{QStringLiteral("url"), QStringLiteral("https://youtu.be/") + youtubeId(1)}});
         }},
        {QStringLiteral("POST /videos"), 422, "a channel page",
         [](Ctx &c) {
             return c.f.call(
                 "POST", QStringLiteral("/videos"), c.alice,
                 {{QStringLiteral("url"), QStringLiteral("https://www.youtube.com/@someone")}});
         }},
        {QStringLiteral("GET /videos/{id}"), 200, "own video", getId},
        {QStringLiteral("GET /videos/{id}"), 401, "bad token",
         [](Ctx &c) { return c.f.call("GET", vid(c), kBadToken); }},
        {QStringLiteral("GET /videos/{id}"), 404, "someone else's",
         [](Ctx &c) { return c.f.call("GET", vid(c), c.f.bob()); }},
        {QStringLiteral("PATCH /videos/{id}"), 200, "new title",
         [](Ctx &c) {
             return c.f.call("PATCH", vid(c), c.alice,
                             {{QStringLiteral("title"), QStringLiteral("t")}});
         }},
        {QStringLiteral("PATCH /videos/{id}"), 401, "no token",
         [](Ctx &c) {
             return c.f.call("PATCH", vid(c), {}, {{QStringLiteral("title"), QStringLiteral("t")}});
         }},
        {QStringLiteral("PATCH /videos/{id}"), 404, "unknown id",
         [](Ctx &c) {
             return c.f.call("PATCH", QStringLiteral("/videos/999"), c.alice,
                             {{QStringLiteral("title"), QStringLiteral("t")}});
         }},
        {QStringLiteral("PATCH /videos/{id}"), 422, "title too long",
         [](Ctx &c) {
             return c.f.call("PATCH", vid(c), c.alice,
                             {{QStringLiteral("title"), QString(301, u't')}});
         }},
        {QStringLiteral("DELETE /videos/{id}"), 204, "own video",
         [](Ctx &c) { return c.f.call("DELETE", vid(c), c.alice); }},
        {QStringLiteral("DELETE /videos/{id}"), 401, "no token",
         [](Ctx &c) { return c.f.call("DELETE", vid(c)); }},
        {QStringLiteral("DELETE /videos/{id}"), 404, "someone else's",
         [](Ctx &c) { return c.f.call("DELETE", vid(c), c.f.bob()); }},
        {QStringLiteral("GET /tags"), 200, "signed in", get(QStringLiteral("/tags"))},
        {QStringLiteral("GET /tags"), 401, "no token", get(QStringLiteral("/tags"), kNoToken)},
        {QStringLiteral("GET /settings"), 200, "signed in", get(QStringLiteral("/settings")),
         [](const TestReply &r) { QVERIFY(!r.header("etag").isEmpty()); }},
        {QStringLiteral("GET /settings"), 401, "no token",
         get(QStringLiteral("/settings"), kNoToken)},
        {QStringLiteral("PATCH /settings"), 200, "a BCP 47 tag with an extension",
         [](Ctx &c) {
             return c.f.call("PATCH", QStringLiteral("/settings"), c.alice,
                             {{QStringLiteral("language"), QStringLiteral("de-DE-u-co-phonebk")}});
         },
         [](const TestReply &r) { QVERIFY(!r.header("etag").isEmpty()); }},
        {QStringLiteral("PATCH /settings"), 401, "no token",
         [](Ctx &c) {
             return c.f.call("PATCH", QStringLiteral("/settings"), {},
                             {{QStringLiteral("theme"), QStringLiteral("dark")}});
         }},
        {QStringLiteral("PATCH /settings"), 412, "stale If-Match",
         [](Ctx &c) {
             return c.f.call("PATCH", QStringLiteral("/settings"), c.alice,
                             {{QStringLiteral("theme"), QStringLiteral("dark")}},
                             {{"If-Match", "\"stale\""}});
         }},
        {QStringLiteral("PATCH /settings"), 422, "unknown theme",
         [](Ctx &c) {
             return c.f.call("PATCH", QStringLiteral("/settings"), c.alice,
                             {{QStringLiteral("theme"), QStringLiteral("blue")}});
         }},
        {QStringLiteral("GET /api-keys"), 200, "signed in", get(QStringLiteral("/api-keys"))},
        {QStringLiteral("GET /api-keys"), 401, "no token",
         get(QStringLiteral("/api-keys"), kNoToken)},
        {QStringLiteral("POST /api-keys"), 201, "a name",
         [](Ctx &c) {
             return c.f.call("POST", QStringLiteral("/api-keys"), c.alice,
                             {{QStringLiteral("name"), QStringLiteral("laptop")}});
         }},
        {QStringLiteral("POST /api-keys"), 401, "no token",
         [](Ctx &c) {
             return c.f.call("POST", QStringLiteral("/api-keys"), {},
                             {{QStringLiteral("name"), QStringLiteral("laptop")}});
         }},
        {QStringLiteral("POST /api-keys"), 422, "blank name",
         [](Ctx &c) {
             return c.f.call("POST", QStringLiteral("/api-keys"), c.alice,
                             {{QStringLiteral("name"), QStringLiteral("  ")}});
         }},
        {QStringLiteral("DELETE /api-keys/{id}"), 204, "own key",
         [](Ctx &c) {
             return c.f.call("DELETE", QStringLiteral("/api-keys/") + c.apiKeyId, c.alice);
         }},
        {QStringLiteral("DELETE /api-keys/{id}"), 401, "no token",
         [](Ctx &c) { return c.f.call("DELETE", QStringLiteral("/api-keys/") + c.apiKeyId); }},
        {QStringLiteral("DELETE /api-keys/{id}"), 404, "someone else's",
         [](Ctx &c) {
             return c.f.call("DELETE", QStringLiteral("/api-keys/") + c.apiKeyId, c.f.bob());
         }},
        {QStringLiteral("GET /activity"), 200, "signed in", get(QStringLiteral("/activity"))},
        {QStringLiteral("GET /activity"), 401, "no token",
         get(QStringLiteral("/activity"), kNoToken)},
    };
}

// The rules of contract 1.1's description text.
QList<Case> ruleCases()
{
    QList<Case> cases;
    const QList<QPair<QByteArray, QString>> bodyOps{{"POST", QStringLiteral("/videos")},
                                                    {"PATCH", QStringLiteral("/videos/{id}")},
                                                    {"PATCH", QStringLiteral("/settings")},
                                                    {"POST", QStringLiteral("/api-keys")}};
    static const QList<QByteArray> badBodies{"{not json", "{\"name\":\"\xff\"}", "[1,2]"};
    static const char *const badNames[]{"invalid JSON", "not UTF-8", "not an object"};
    for (const auto &[method, path] : bodyOps) {
        for (int b = 0; b < badBodies.size(); ++b) {
            cases.append({QString(), 422, badNames[b], [method, path, b](Ctx &c) {
                              QString p = path;
                              p.replace(QLatin1String("{id}"), QString::number(c.videoId));
                              return c.f.callRaw(method, p, c.alice, badBodies.at(b), kJson);
                          }});
        }
    }
    cases += {
        {QString(), 413, "body over 1 MiB declared, not sent",
         [](Ctx &c) {
             return c.f.callRaw("POST", QStringLiteral("/videos"), c.alice, {},
                                {{"Content-Length", QByteArray::number(1024 * 1024 + 1)}}, 3000);
         }},
        {QString(), 431, "101 header lines",
         [](Ctx &c) {
             Headers h;
             for (int i = 0; i < 101; ++i)
                 h.append({"X-N" + QByteArray::number(i), "1"});
             return c.f.call("GET", QStringLiteral("/me"), c.alice, {}, h);
         }},
        {QString(), 431, "17 KiB of headers",
         [](Ctx &c) {
             return c.f.call("GET", QStringLiteral("/me"), c.alice, {},
                             {{"X-Big", QByteArray(17 * 1024, 'x')}});
         }},
        {QString(), 200, "HEAD like GET, without a body",
         [](Ctx &c) { return c.f.call("HEAD", QStringLiteral("/videos"), c.alice); },
         [](const TestReply &r) { QVERIFY(r.body.isEmpty()); }},
        {QString(), 200, "+ in a query string is a space",
         [](Ctx &c) {
             c.f.call("PATCH", vid(c), c.alice,
                      {{QStringLiteral("title"), QStringLiteral("leg day")}});
             return c.f.call("GET", QStringLiteral("/videos?q=leg+day"), c.alice);
         },
         [](const TestReply &r) { QCOMPARE(r.json().value(QStringLiteral("count")).toInt(), 1); }},
        {QString(), 200, "language zh-Hant-TW",
         [](Ctx &c) {
             return c.f.call("PATCH", QStringLiteral("/settings"), c.alice,
                             {{QStringLiteral("language"), QStringLiteral("zh-Hant-TW")}});
         }},
        {QString(), 200, "language x-private",
         [](Ctx &c) {
             return c.f.call("PATCH", QStringLiteral("/settings"), c.alice,
                             {{QStringLiteral("language"), QStringLiteral("x-private")}});
         }},
        {QString(), 422, "invalid Idempotency-Key",
         [](Ctx &c) {
             return c.f.call("POST", QStringLiteral("/api-keys"), c.alice,
                             {{QStringLiteral("name"), QStringLiteral("k")}},
                             {{"Idempotency-Key", "two words"}});
         }},
        {QString(), 201, "Idempotency-Key, same body formatted differently: replay",
         [](Ctx &c) {
             const Headers h{{"Idempotency-Key", "k-1"}, {"Content-Type", "application/json"}};
             c.f.callRaw("POST", QStringLiteral("/api-keys"), c.alice, "{\"name\":\"a\"}", h);
             return c.f.callRaw("POST", QStringLiteral("/api-keys"), c.alice,
                                "{ \"name\" : \"a\" }", h);
         },
         [](const TestReply &r) {
             QCOMPARE(r.header("idempotency-replayed"), QByteArray("true"));
         }},
        {QString(), 422, "Idempotency-Key, different body",
         [](Ctx &c) {
             const Headers h{{"Idempotency-Key", "k-2"}};
             c.f.call("POST", QStringLiteral("/api-keys"), c.alice,
                      {{QStringLiteral("name"), QStringLiteral("a")}}, h);
             return c.f.call("POST", QStringLiteral("/api-keys"), c.alice,
                             {{QStringLiteral("name"), QStringLiteral("b")}}, h);
         }},
        {QString(), 415, "avatar without Content-Type",
         [](Ctx &c) {
             return c.f.callRaw("PUT", QStringLiteral("/me/avatar"), c.alice, png(), {});
         }},
        {QString(), 400, "21 tags in the filter",
         [](Ctx &c) {
             QStringList tags;
             for (int i = 0; i < 21; ++i)
                 tags.append(QString::number(i));
             return c.f.call("GET", QStringLiteral("/videos?tags=") + tags.join(u','), c.alice);
         }},
        {QString(), 401, "no token: bare challenge",
         [](Ctx &c) { return c.f.call("GET", QStringLiteral("/me")); },
         [](const TestReply &r) { QCOMPARE(r.header("www-authenticate"), QByteArray("Bearer")); }},
        {QString(), 401, "refused token: invalid_token",
         [](Ctx &c) { return c.f.call("GET", QStringLiteral("/me"), kBadToken); },
         [](const TestReply &r) {
             QVERIFY(r.header("www-authenticate")
                         .startsWith("Bearer error=\"invalid_token\", error_description=\""));
         }},
    };
    return cases;
}

QList<Case> allCases()
{
    return operationCases() + ruleCases();
}

} // namespace

class TestApiServerContract : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerFixture> f;

private Q_SLOTS:
    void init();
    void cleanup();
    void everyDocumentedStatusIsCovered();
    void table_data();
    void table();
};

void TestApiServerContract::init()
{
    f = std::make_unique<ServerFixture>();
    QVERIFY(f->start());
}

void TestApiServerContract::cleanup()
{
    f.reset();
}

void TestApiServerContract::everyDocumentedStatusIsCovered()
{
    QFile yaml(QStringLiteral(CLIPSHELF_OPENAPI_YAML));
    QVERIFY(yaml.open(QIODevice::ReadOnly));
    QSet<QString> documented;
    QString path, method;
    const QRegularExpression pathLine(QStringLiteral("^  (/[^:]*):\\s*$"));
    const QRegularExpression methodLine(QStringLiteral("^    (get|put|post|patch|delete):"));
    const QRegularExpression statusLine(QStringLiteral("^        \"(\\d{3})\":"));
    bool inPaths = false;
    while (!yaml.atEnd()) {
        const QString line = QString::fromUtf8(yaml.readLine()).chopped(1);
        if (line == QLatin1String("paths:"))
            inPaths = true;
        else if (!line.startsWith(u' ') && !line.isEmpty())
            inPaths = false;
        if (!inPaths)
            continue;
        if (const auto m = pathLine.match(line); m.hasMatch())
            path = m.captured(1);
        else if (const auto mm = methodLine.match(line); mm.hasMatch())
            method = mm.captured(1).toUpper();
        else if (const auto s = statusLine.match(line); s.hasMatch())
            documented.insert(method + u' ' + path + u' ' + s.captured(1));
    }
    QVERIFY(documented.size() > 40);
    QSet<QString> covered;
    for (const Case &c : operationCases())
        covered.insert(c.op + u' ' + QString::number(c.status));
    QCOMPARE(covered - documented, QSet<QString>());
    QCOMPARE(documented - covered, QSet<QString>());
}

void TestApiServerContract::table_data()
{
    QTest::addColumn<int>("index");
    const QList<Case> cases = allCases();
    for (int i = 0; i < cases.size(); ++i) {
        const Case &c = cases.at(i);
        QTest::addRow("%s %d: %s", c.op.isEmpty() ? "rule" : qPrintable(c.op), c.status, c.what)
            << i;
    }
}

void TestApiServerContract::table()
{
    QFETCH(int, index);
    const Case c = allCases().at(index);
    Ctx ctx{*f, f->alice(), 0, QString()};
    // Every row starts from: one video (id 1, youtubeId(1)) and one API key of alice.
    ctx.videoId = f->addVideo(ctx.alice, youtubeId(1)).value(QStringLiteral("id")).toInteger();
    QVERIFY(ctx.videoId > 0);
    ctx.apiKeyId = f->call("POST", QStringLiteral("/api-keys"), ctx.alice,
                           {{QStringLiteral("name"), QStringLiteral("k")}})
                       .json()
                       .value(QStringLiteral("id"))
                       .toString();
    QVERIFY(!ctx.apiKeyId.isEmpty());

    const TestReply r = c.send(ctx);
    QVERIFY2(!r.timedOut, "no answer in time");
    QCOMPARE(r.status, c.status);
    const QByteArray type = r.header("content-type");
    if (c.status == 204) {
        QVERIFY(r.body.isEmpty());
    } else if (c.status >= 400) {
        QCOMPARE(type, QByteArray("application/json"));
        QVERIFY2(!r.json().value(QStringLiteral("detail")).toString().isEmpty(),
                 r.body.constData());
    }
    if (c.status == 422) {
        const QJsonArray errors = r.jsonArray(QStringLiteral("errors"));
        QVERIFY2(!errors.isEmpty(), r.body.constData());
        for (const QJsonValue &e : errors) {
            QVERIFY(e.toObject().value(QStringLiteral("field")).isString());
            QVERIFY(!e.toObject().value(QStringLiteral("message")).toString().isEmpty());
        }
    }
    if (c.status == 401)
        QVERIFY(r.header("www-authenticate").startsWith("Bearer"));
    if (const auto it = requiredFields().constFind(c.op + u' ' + QString::number(c.status));
        it != requiredFields().cend()) {
        QCOMPARE(type, QByteArray("application/json"));
        const QJsonObject body = r.json();
        for (const QString &field : *it)
            QVERIFY2(body.contains(field), qPrintable(field));
    }
    if (c.extra)
        c.extra(r);
}

QTEST_GUILESS_MAIN(TestApiServerContract)
#include "tst_apiserver_contract.moc"
