// Every operation of api/openapi.yaml: status codes, bodies and headers,
// paging over 250 videos, filters, settings ETags, API keys, avatars,
// activity, Idempotency-Key, and isolation between two users.
#include "apikeyrepository.h"
#include "database.h"
#include "router.h"
#include "serverfixture.h"

#include <algorithm>
#include <limits>
#include <QtCore/QDateTime>
#include <QtCore/QFile>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtSql/QSqlRecord>
#include <QtTest/QTest>

using namespace testsupport;

namespace {

const QRegularExpression kTimestamp(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"));

QStringList strings(const QJsonArray &a)
{
    QStringList out;
    for (const QJsonValue &v : a)
        out.append(v.toString());
    return out;
}

QList<qint64> ids(const QJsonArray &videos)
{
    QList<qint64> out;
    for (const QJsonValue &v : videos)
        out.append(v.toObject().value(QStringLiteral("id")).toInteger());
    return out;
}

QByteArray png(int extra = 0)
{
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(16 + extra, 'p');
}

} // namespace

class TestApiServerApi : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerFixture> f;
    QByteArray alice, bob;
    QStringList activityKinds(const QByteArray &token) const;
    QString fieldOf422(const TestReply &r) const;

private Q_SLOTS:
    void init();
    void cleanup();

    void contractAndRouterAgree();
    void healthAndTimer();
    void meCreatedOnFirstUse();
    void createVideoFromEveryForm_data();
    void createVideoFromEveryForm();
    void createVideoValidation_data();
    void createVideoValidation();
    void tagsAreNormalised();
    void duplicateIs409();
    void getPatchDeleteVideo();
    void patchValidation();
    void nonNumericAndUnknownIdsAre404();
    void pagingOver250Videos();
    void pagingParameters();
    void tagFilterAndSearch();
    void tagCounts();
    void settingsEtagAndMergePatch();
    void settingsValidation();
    void apiKeys();
    void apiKeyIdempotency();
    void videoIdempotency();
    void idempotencyExpiresAfter24h();
    void avatar();
    void activityIsNewestFirstAndCapped();
    void usersAreIsolated();
    void unknownRoutesAndMethods();
    void basePath();
};

void TestApiServerApi::init()
{
    f = std::make_unique<ServerFixture>();
    QVERIFY(f->start());
    alice = f->alice();
    bob = f->bob();
}

void TestApiServerApi::cleanup()
{
    f.reset();
}

QStringList TestApiServerApi::activityKinds(const QByteArray &token) const
{
    QStringList kinds;
    const QJsonArray events =
        f->call("GET", QStringLiteral("/activity"), token).jsonArray(QStringLiteral("events"));
    for (const QJsonValue &e : events)
        kinds.append(e.toObject().value(QStringLiteral("kind")).toString());
    return kinds;
}

QString TestApiServerApi::fieldOf422(const TestReply &r) const
{
    const QJsonArray errors = r.jsonArray(QStringLiteral("errors"));
    return errors.isEmpty() ? QStringLiteral("<none>")
                            : errors.first().toObject().value(QStringLiteral("field")).toString();
}

void TestApiServerApi::contractAndRouterAgree()
{
    // Every path+method of api/openapi.yaml is routed, and nothing else is.
    QFile yaml(QStringLiteral(CLIPSHELF_OPENAPI_YAML));
    QVERIFY(yaml.open(QIODevice::ReadOnly));
    QSet<QString> contract;
    QString path;
    const QRegularExpression pathLine(QStringLiteral("^  (/[^:]*):\\s*$"));
    const QRegularExpression methodLine(QStringLiteral("^    (get|put|post|patch|delete):"));
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
            contract.insert(mm.captured(1).toUpper() + u' ' + path);
    }
    QSet<QString> routed;
    for (const apiserver::Route &r : f->server->router().routes())
        routed.insert(QString::fromLatin1(r.method) + u' ' + r.pattern);
    QCOMPARE(contract.size(), 18);
    QCOMPARE(routed, contract);
}

void TestApiServerApi::healthAndTimer()
{
    const TestReply health = f->call("GET", QStringLiteral("/health"));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.header("content-type"), QByteArray("application/json"));
    QCOMPARE(health.json(), (QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}}));
    const TestReply timer = f->call("GET", QStringLiteral("/timer"));
    QCOMPARE(timer.status, 200);
    const qint64 epoch = timer.json().value(QStringLiteral("epoch_ms")).toInteger();
    QVERIFY(qAbs(epoch - QDateTime::currentMSecsSinceEpoch()) < 5000);
    const QString serverTime = timer.json().value(QStringLiteral("server_time")).toString();
    QVERIFY2(kTimestamp.match(serverTime).hasMatch(), qPrintable(serverTime));
    QCOMPARE(QDateTime::fromString(serverTime, Qt::ISODate).toSecsSinceEpoch(), epoch / 1000);
}

void TestApiServerApi::meCreatedOnFirstUse()
{
    const TestReply r = f->call("GET", QStringLiteral("/me"), alice);
    QCOMPARE(r.status, 200);
    const QJsonObject me = r.json();
    QCOMPARE(me.keys(), (QStringList{QStringLiteral("avatar_url"), QStringLiteral("created_at"),
                                     QStringLiteral("email"), QStringLiteral("id"),
                                     QStringLiteral("name"), QStringLiteral("sub")}));
    QVERIFY(kTimestamp.match(me.value(QStringLiteral("created_at")).toString()).hasMatch());
    QCOMPARE(activityKinds(alice), QStringList{QStringLiteral("account_created")});
    // A token without a name claim (and no userinfo): name stays as it was.
    const TestReply again =
        f->call("GET", QStringLiteral("/me"),
                f->tokenFor(QStringLiteral("user_alice"), QStringLiteral("alice@example.com")));
    QCOMPARE(again.json().value(QStringLiteral("name")).toString(), QStringLiteral("Alice"));
    QCOMPARE(activityKinds(alice).size(), 1);
}

void TestApiServerApi::createVideoFromEveryForm_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("watch") << QStringLiteral("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    QTest::newRow("watch + params")
        << QStringLiteral("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1s");
    QTest::newRow("youtu.be") << QStringLiteral("https://youtu.be/dQw4w9WgXcQ");
    QTest::newRow("shorts") << QStringLiteral("https://www.youtube.com/shorts/dQw4w9WgXcQ");
    QTest::newRow("mobile") << QStringLiteral("https://m.youtube.com/watch?v=dQw4w9WgXcQ");
    QTest::newRow("embed") << QStringLiteral("https://www.youtube.com/embed/dQw4w9WgXcQ");
}

void TestApiServerApi::createVideoFromEveryForm()
{
    QFETCH(QString, url);
    const TestReply r = f->call("POST", QStringLiteral("/videos"), alice,
                                {{QStringLiteral("url"), url},
                                 {QStringLiteral("title"), QStringLiteral("Never")},
                                 {QStringLiteral("notes"), QStringLiteral("classic")}});
    QCOMPARE(r.status, 201);
    const QJsonObject v = r.json();
    QCOMPARE(v.value(QStringLiteral("url")).toString(),
             QStringLiteral("https://www.youtube.com/watch?v=dQw4w9WgXcQ"));
    QCOMPARE(v.value(QStringLiteral("youtube_id")).toString(), QStringLiteral("dQw4w9WgXcQ"));
    QCOMPARE(v.value(QStringLiteral("thumbnail_url")).toString(),
             QStringLiteral("https://img.youtube.com/vi/dQw4w9WgXcQ/hqdefault.jpg"));
    QCOMPARE(v.value(QStringLiteral("title")).toString(), QStringLiteral("Never"));
    QCOMPARE(v.value(QStringLiteral("notes")).toString(), QStringLiteral("classic"));
    QCOMPARE(v.value(QStringLiteral("tags")).toArray(), QJsonArray());
    QVERIFY(kTimestamp.match(v.value(QStringLiteral("created_at")).toString()).hasMatch());
    QCOMPARE(v.value(QStringLiteral("updated_at")), v.value(QStringLiteral("created_at")));
    const QByteArray location = r.header("location");
    QCOMPARE(location, f->url().toString().toUtf8() + "/videos/" +
                           QByteArray::number(v.value(QStringLiteral("id")).toInteger()));
    const TestReply get =
        f->call("GET", QString::fromUtf8(location.mid(f->url().toString().size())), alice);
    QCOMPARE(get.status, 200);
    QCOMPARE(get.json(), v);
}

void TestApiServerApi::createVideoValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    const QByteArray ok = "\"url\":\"https://youtu.be/dQw4w9WgXcQ\"";
    QTest::newRow("not json") << QByteArray("{oops") << 422 << QStringLiteral("body");
    QTest::newRow("json array") << QByteArray("[]") << 422 << QStringLiteral("body");
    QTest::newRow("missing url") << QByteArray("{}") << 422 << QStringLiteral("url");
    QTest::newRow("url not string") << QByteArray("{\"url\":5}") << 422 << QStringLiteral("url");
    QTest::newRow("vimeo") << QByteArray("{\"url\":\"https://vimeo.com/1\"}") << 422
                           << QStringLiteral("url");
    QTest::newRow("ftp") << QByteArray("{\"url\":\"ftp://youtu.be/dQw4w9WgXcQ\"}") << 422
                         << QStringLiteral("url");
    QTest::newRow("short id") << QByteArray("{\"url\":\"https://youtu.be/dQw4w9WgXc\"}") << 422
                              << QStringLiteral("url");
    QTest::newRow("title 301") << "{" + ok + ",\"title\":\"" + QByteArray(301, 't') + "\"}" << 422
                               << QStringLiteral("title");
    QTest::newRow("title number") << "{" + ok + ",\"title\":1}" << 422 << QStringLiteral("title");
    QTest::newRow("notes 10001") << "{" + ok + ",\"notes\":\"" + QByteArray(10001, 'n') + "\"}"
                                 << 422 << QStringLiteral("notes");
    QByteArray many = "[";
    for (int i = 0; i < 21; ++i)
        many += (i ? ",\"t" : "\"t") + QByteArray::number(i) + '"';
    QTest::newRow("21 tags") << "{" + ok + ",\"tags\":" + many + "]}" << 422
                             << QStringLiteral("tags");
    QTest::newRow("tag 41") << "{" + ok + ",\"tags\":[\"" + QByteArray(41, 'x') + "\"]}" << 422
                            << QStringLiteral("tags[0]");
    QTest::newRow("blank tag") << "{" + ok + ",\"tags\":[\"a\",\"   \"]}" << 422
                               << QStringLiteral("tags[1]");
    QTest::newRow("tag number") << "{" + ok + ",\"tags\":[1]}" << 422 << QStringLiteral("tags[0]");
    QTest::newRow("tags object") << "{" + ok + ",\"tags\":{}}" << 422 << QStringLiteral("tags");
    QTest::newRow("title 300 ok") << "{" + ok + ",\"title\":\"" + QByteArray(300, 't') + "\"}"
                                  << 201 << QString();
}

void TestApiServerApi::createVideoValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    const TestReply r = f->callRaw("POST", QStringLiteral("/videos"), alice, body,
                                   {{"Content-Type", "application/json"}});
    QCOMPARE(r.status, status);
    QVERIFY(!r.json().value(QStringLiteral("detail")).toString().isEmpty() || status == 201);
    if (status == 422) {
        QCOMPARE(fieldOf422(r), field);
        QVERIFY(!r.jsonArray(QStringLiteral("errors"))
                     .first()
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .isEmpty());
    }
    if (status != 201)
        QCOMPARE(f->call("GET", QStringLiteral("/videos"), alice)
                     .json()
                     .value(QStringLiteral("count"))
                     .toInt(),
                 0);
}

void TestApiServerApi::tagsAreNormalised()
{
    const QJsonObject v = f->addVideo(
        alice, youtubeId(1),
        {{QStringLiteral("tags"), QJsonArray{QStringLiteral(" Workout "), QStringLiteral("workout"),
                                             QStringLiteral("LEGS"), QStringLiteral("Ünïcode")}}});
    QCOMPARE(strings(v.value(QStringLiteral("tags")).toArray()),
             (QStringList{QStringLiteral("workout"), QStringLiteral("legs"),
                          QStringLiteral("ünïcode")}));
}

void TestApiServerApi::duplicateIs409()
{
    const QJsonObject first = f->addVideo(alice, youtubeId(7));
    const TestReply r =
        f->call("POST", QStringLiteral("/videos"), alice,
                {{QStringLiteral("url"), QStringLiteral("https://youtu.be/") + youtubeId(7)}});
    QCOMPARE(r.status, 409);
    QVERIFY(!r.json().value(QStringLiteral("detail")).toString().isEmpty());
    QCOMPARE(r.json().value(QStringLiteral("video")).toObject(), first);
    // Another user may save the same video.
    QCOMPARE(f->call("POST", QStringLiteral("/videos"), bob,
                     {{QStringLiteral("url"), watchUrl(youtubeId(7))}})
                 .status,
             201);
}

void TestApiServerApi::getPatchDeleteVideo()
{
    const QJsonObject v = f->addVideo(alice, youtubeId(3),
                                      {{QStringLiteral("title"), QStringLiteral("Old")},
                                       {QStringLiteral("tags"), QJsonArray{QStringLiteral("a")}}});
    const QString path =
        QStringLiteral("/videos/%1").arg(v.value(QStringLiteral("id")).toInteger());
    *f->clockOffsetMs += 2000;
    TestReply r = f->call("PATCH", path, alice, {{QStringLiteral("title"), QStringLiteral("New")}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("title")).toString(), QStringLiteral("New"));
    QCOMPARE(r.json().value(QStringLiteral("tags")).toArray(), QJsonArray{QStringLiteral("a")});
    QCOMPARE(r.json().value(QStringLiteral("created_at")), v.value(QStringLiteral("created_at")));
    QVERIFY(r.json().value(QStringLiteral("updated_at")).toString() >
            v.value(QStringLiteral("updated_at")).toString());
    r = f->call("PATCH", path, alice,
                {{QStringLiteral("tags"), QJsonArray{QStringLiteral("B"), QStringLiteral("c")}},
                 {QStringLiteral("notes"), QStringLiteral("n")},
                 {QStringLiteral("title"), QJsonValue::Null}});
    QCOMPARE(r.status, 200);
    QCOMPARE(strings(r.json().value(QStringLiteral("tags")).toArray()),
             (QStringList{QStringLiteral("b"), QStringLiteral("c")}));
    QVERIFY(r.json().value(QStringLiteral("title")).isNull());
    QCOMPARE(r.json().value(QStringLiteral("notes")).toString(), QStringLiteral("n"));
    QCOMPARE(f->call("GET", path, alice).json(), r.json());

    r = f->call("DELETE", path, alice);
    QCOMPARE(r.status, 204);
    QVERIFY(r.body.isEmpty());
    QCOMPARE(f->call("GET", path, alice).status, 404);
    QCOMPARE(f->call("DELETE", path, alice).status, 404);
    QCOMPARE(f->call("PATCH", path, alice, {{QStringLiteral("title"), QStringLiteral("x")}}).status,
             404);
    QCOMPARE(activityKinds(alice).first(), QStringLiteral("video_deleted"));
}

void TestApiServerApi::patchValidation()
{
    const QString path =
        QStringLiteral("/videos/%1")
            .arg(f->addVideo(alice, youtubeId(4)).value(QStringLiteral("id")).toInteger());
    TestReply r = f->call("PATCH", path, alice, {});
    QCOMPARE(r.status, 422);
    r = f->call("PATCH", path, alice, {{QStringLiteral("unknown"), 1}});
    QCOMPARE(r.status, 422);
    r = f->call("PATCH", path, alice, {{QStringLiteral("title"), 5}});
    QCOMPARE(r.status, 422);
    QCOMPARE(fieldOf422(r), QStringLiteral("title"));
    r = f->call("PATCH", path, alice, {{QStringLiteral("tags"), QJsonValue::Null}});
    QCOMPARE(r.status, 422);
    QCOMPARE(fieldOf422(r), QStringLiteral("tags"));
    r = f->call("PATCH", path, alice, {{QStringLiteral("notes"), QString(10001, u'n')}});
    QCOMPARE(fieldOf422(r), QStringLiteral("notes"));
    QCOMPARE(f->callRaw("PATCH", path, alice, "nope").status, 422);
}

void TestApiServerApi::nonNumericAndUnknownIdsAre404()
{
    f->addVideo(alice, youtubeId(5));
    for (const QString &id : {QStringLiteral("abc"), QStringLiteral("0"), QStringLiteral("-1"),
                              QStringLiteral("1.5"), QStringLiteral("999999"),
                              QStringLiteral("99999999999999999999"), QStringLiteral("%20")}) {
        for (const QByteArray &method :
             {QByteArray("GET"), QByteArray("DELETE"), QByteArray("PATCH")}) {
            const TestReply r = f->call(method, QStringLiteral("/videos/") + id, alice,
                                        {{QStringLiteral("title"), QStringLiteral("x")}});
            QCOMPARE(r.status, 404);
            QCOMPARE(r.json().value(QStringLiteral("detail")).toString(),
                     QStringLiteral("Video not found"));
        }
    }
}

void TestApiServerApi::pagingOver250Videos()
{
    for (int i = 0; i < 250; ++i)
        QVERIFY(f->addVideo(alice, youtubeId(i)).contains(QStringLiteral("id")));
    QList<qint64> seen;
    QString cursor;
    int pages = 0;
    do {
        const QString query = QStringLiteral("/videos?limit=100") +
                              (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor);
        const TestReply r = f->call("GET", query, alice);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("count")).toInt(), pages == 0 ? 250 : 251);
        seen += ids(r.jsonArray(QStringLiteral("videos")));
        cursor = r.json().value(QStringLiteral("next_cursor")).toString();
        QCOMPARE(r.json().value(QStringLiteral("next_cursor")).isNull(), pages == 2);
        if (++pages == 1) {
            // New videos arriving between pages do not shift the next pages.
            f->addVideo(alice, youtubeId(9001));
        }
    } while (!cursor.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(seen.size(), 250);
    QCOMPARE(QSet<qint64>(seen.begin(), seen.end()).size(), 250);
    QList<qint64> sorted = seen;
    std::sort(sorted.begin(), sorted.end(), std::greater<qint64>());
    QCOMPARE(seen, sorted); // newest first
    const TestReply all = f->call("GET", QStringLiteral("/videos"), alice);
    QCOMPARE(all.jsonArray(QStringLiteral("videos")).size(), 251);
    QVERIFY(all.json().value(QStringLiteral("next_cursor")).isNull());
    QCOMPARE(all.json().value(QStringLiteral("count")).toInt(), 251);
}

void TestApiServerApi::pagingParameters()
{
    for (int i = 0; i < 3; ++i)
        f->addVideo(alice, youtubeId(i));
    for (const QString &bad : {QStringLiteral("0"), QStringLiteral("1001"), QStringLiteral("abc"),
                               QStringLiteral("-5"), QStringLiteral("2.5"), QString()}) {
        const TestReply r = f->call("GET", QStringLiteral("/videos?limit=") + bad, alice);
        QCOMPARE(r.status, 400);
        QVERIFY(!r.json().value(QStringLiteral("detail")).toString().isEmpty());
    }
    for (const QString &bad :
         {QStringLiteral("garbage"), QStringLiteral("bm9wZQ"), QStringLiteral("%25%25")}) {
        const TestReply r = f->call("GET", QStringLiteral("/videos?limit=1&cursor=") + bad, alice);
        QCOMPARE(r.status, 400);
    }
    QCOMPARE(f->call("GET", QStringLiteral("/videos?limit=1000"), alice)
                 .jsonArray(QStringLiteral("videos"))
                 .size(),
             3);
    const TestReply one = f->call("GET", QStringLiteral("/videos?limit=1"), alice);
    QCOMPARE(one.jsonArray(QStringLiteral("videos")).size(), 1);
    const TestReply rest = f->call("GET",
                                   QStringLiteral("/videos?cursor=") +
                                       one.json().value(QStringLiteral("next_cursor")).toString(),
                                   alice);
    QCOMPARE(rest.status, 200);
    QCOMPARE(rest.jsonArray(QStringLiteral("videos")).size(), 2);
    QVERIFY(rest.json().value(QStringLiteral("next_cursor")).isNull());
}

void TestApiServerApi::tagFilterAndSearch()
{
    f->addVideo(
        alice, youtubeId(1),
        {{QStringLiteral("title"), QStringLiteral("Leg Day")},
         {QStringLiteral("tags"), QJsonArray{QStringLiteral("workout"), QStringLiteral("legs")}}});
    f->addVideo(
        alice, youtubeId(2),
        {{QStringLiteral("title"), QStringLiteral("Arm day")},
         {QStringLiteral("tags"), QJsonArray{QStringLiteral("workout"), QStringLiteral("arms")}}});
    f->addVideo(alice, youtubeId(3),
                {{QStringLiteral("notes"), QStringLiteral("Stretch your LEGS after")},
                 {QStringLiteral("tags"), QJsonArray{QStringLiteral("legs")}}});
    f->addVideo(alice, QStringLiteral("Zz_Special1"),
                {{QStringLiteral("title"), QStringLiteral("Crème brûlée")}});
    const auto count = [this](const QString &query) {
        const TestReply r = f->call("GET", QStringLiteral("/videos?") + query, alice);
        return r.status == 200 && r.json().value(QStringLiteral("count")).toInt() ==
                                      r.jsonArray(QStringLiteral("videos")).size()
                   ? r.json().value(QStringLiteral("count")).toInt()
                   : -1;
    };
    QCOMPARE(count(QStringLiteral("tags=workout")), 2);
    QCOMPARE(count(QStringLiteral("tags=workout,legs")), 1);
    QCOMPARE(count(QStringLiteral("tags=WORKOUT,%20Legs")), 1);
    QCOMPARE(count(QStringLiteral("tags=legs")), 2);
    QCOMPARE(count(QStringLiteral("tags=workout,legs,arms")), 0);
    QCOMPARE(count(QStringLiteral("tags=nope")), 0);
    QCOMPARE(count(QStringLiteral("q=day")), 2);
    QCOMPARE(count(QStringLiteral("q=LEG")), 2); // title and notes
    QCOMPARE(count(QStringLiteral("q=leg&tags=workout")), 1);
    QCOMPARE(count(QStringLiteral("q=zz_special")), 1); // url
    QCOMPARE(count(QStringLiteral("q=youtube.com/watch")), 4);
    QCOMPARE(count(QStringLiteral("q=CR%C3%88ME")), 1); // non-ASCII, case-insensitive
    QCOMPARE(count(QStringLiteral("q=%25")), 0);        // no LIKE wildcards
    QCOMPARE(count(QStringLiteral("q=")), 4);
}

void TestApiServerApi::tagCounts()
{
    QCOMPARE(f->call("GET", QStringLiteral("/tags"), alice).json(),
             (QJsonObject{{QStringLiteral("tags"), QJsonArray()}}));
    f->addVideo(alice, youtubeId(1),
                {{QStringLiteral("tags"), QJsonArray{QStringLiteral("b"), QStringLiteral("a")}}});
    f->addVideo(alice, youtubeId(2),
                {{QStringLiteral("tags"), QJsonArray{QStringLiteral("c"), QStringLiteral("a")}}});
    f->addVideo(alice, youtubeId(3),
                {{QStringLiteral("tags"),
                  QJsonArray{QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("d")}}});
    const QJsonArray tags =
        f->call("GET", QStringLiteral("/tags"), alice).jsonArray(QStringLiteral("tags"));
    QStringList got;
    for (const QJsonValue &t : tags)
        got.append(t.toObject().value(QStringLiteral("name")).toString() + u'=' +
                   QString::number(t.toObject().value(QStringLiteral("count")).toInt()));
    QCOMPARE(got, (QStringList{QStringLiteral("a=3"), QStringLiteral("c=2"), QStringLiteral("b=1"),
                               QStringLiteral("d=1")}));
}

void TestApiServerApi::settingsEtagAndMergePatch()
{
    TestReply r = f->call("GET", QStringLiteral("/settings"), alice);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json(), (QJsonObject{{QStringLiteral("display_name"), QJsonValue::Null},
                                    {QStringLiteral("theme"), QStringLiteral("system")},
                                    {QStringLiteral("language"), QStringLiteral("en")},
                                    {QStringLiteral("notifications"),
                                     QJsonObject{{QStringLiteral("email_digest"), false},
                                                 {QStringLiteral("product_updates"), false},
                                                 {QStringLiteral("security_alerts"), true}}}}));
    const QByteArray etag1 = r.header("etag");
    QVERIFY(etag1.startsWith('"') && etag1.endsWith('"'));
    QCOMPARE(f->call("GET", QStringLiteral("/settings"), alice).header("etag"), etag1);

    r = f->call(
        "PATCH", QStringLiteral("/settings"), alice,
        {{QStringLiteral("theme"), QStringLiteral("dark")},
         {QStringLiteral("notifications"), QJsonObject{{QStringLiteral("email_digest"), true}}}},
        {{"If-Match", etag1}});
    QCOMPARE(r.status, 200);
    const QByteArray etag2 = r.header("etag");
    QVERIFY(!etag2.isEmpty() && etag2 != etag1);
    QCOMPARE(r.json().value(QStringLiteral("theme")).toString(), QStringLiteral("dark"));
    QCOMPARE(r.json().value(QStringLiteral("language")).toString(),
             QStringLiteral("en")); // untouched
    QCOMPARE(r.json().value(QStringLiteral("notifications")).toObject(),
             (QJsonObject{{QStringLiteral("email_digest"), true},
                          {QStringLiteral("product_updates"), false},
                          {QStringLiteral("security_alerts"), true}}));

    // A stale ETag: 412 and nothing changes.
    r = f->call("PATCH", QStringLiteral("/settings"), alice,
                {{QStringLiteral("theme"), QStringLiteral("light")}}, {{"If-Match", etag1}});
    QCOMPARE(r.status, 412);
    QVERIFY(!r.json().value(QStringLiteral("detail")).toString().isEmpty());
    r = f->call("GET", QStringLiteral("/settings"), alice);
    QCOMPARE(r.json().value(QStringLiteral("theme")).toString(), QStringLiteral("dark"));
    QCOMPARE(r.header("etag"), etag2);

    // No If-Match: applied.
    r = f->call("PATCH", QStringLiteral("/settings"), alice,
                {{QStringLiteral("display_name"), QStringLiteral("Ally")},
                 {QStringLiteral("language"), QStringLiteral("de-DE")}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("display_name")).toString(), QStringLiteral("Ally"));
    QCOMPARE(r.json().value(QStringLiteral("language")).toString(), QStringLiteral("de-DE"));
    // "*" matches, null clears a nullable field.
    r = f->call("PATCH", QStringLiteral("/settings"), alice,
                {{QStringLiteral("display_name"), QJsonValue::Null}}, {{"If-Match", "*"}});
    QCOMPARE(r.status, 200);
    QVERIFY(r.json().value(QStringLiteral("display_name")).isNull());
    QCOMPARE(activityKinds(alice).count(QStringLiteral("settings_changed")), 3);
}

void TestApiServerApi::settingsValidation()
{
    const QByteArray etag = f->call("GET", QStringLiteral("/settings"), alice).header("etag");
    const QList<QPair<QJsonObject, QString>> cases = {
        {{}, QString()},
        {{{QStringLiteral("theme"), QStringLiteral("blue")}}, QStringLiteral("theme")},
        {{{QStringLiteral("theme"), QJsonValue::Null}}, QStringLiteral("theme")},
        {{{QStringLiteral("language"), QStringLiteral("english!")}}, QStringLiteral("language")},
        {{{QStringLiteral("language"), 7}}, QStringLiteral("language")},
        {{{QStringLiteral("display_name"), QString(101, u'd')}}, QStringLiteral("display_name")},
        {{{QStringLiteral("notifications"),
           QJsonObject{{QStringLiteral("email_digest"), QStringLiteral("yes")}}}},
         QStringLiteral("notifications.email_digest")},
        {{{QStringLiteral("notifications"), QJsonObject()}}, QStringLiteral("notifications")},
        {{{QStringLiteral("notifications"), QJsonValue::Null}}, QStringLiteral("notifications")},
        {{{QStringLiteral("colour"), QStringLiteral("red")}}, QStringLiteral("colour")},
    };
    for (const auto &[body, field] : cases) {
        const TestReply r = f->call("PATCH", QStringLiteral("/settings"), alice, body);
        QCOMPARE(r.status, 422);
        QCOMPARE(fieldOf422(r), field);
    }
    QCOMPARE(f->callRaw("PATCH", QStringLiteral("/settings"), alice, "[1]").status, 422);
    QCOMPARE(f->call("GET", QStringLiteral("/settings"), alice).header("etag"), etag);
    QVERIFY(!activityKinds(alice).contains(QStringLiteral("settings_changed")));
}

void TestApiServerApi::apiKeys()
{
    QCOMPARE(f->call("GET", QStringLiteral("/api-keys"), alice).json(),
             (QJsonObject{{QStringLiteral("api_keys"), QJsonArray()}}));
    TestReply r = f->call("POST", QStringLiteral("/api-keys"), alice,
                          {{QStringLiteral("name"), QStringLiteral("CI")}});
    QCOMPARE(r.status, 201);
    const QJsonObject created = r.json();
    const QString secret = created.value(QStringLiteral("secret")).toString();
    const QString prefix = created.value(QStringLiteral("prefix")).toString();
    QVERIFY(!prefix.isEmpty());
    QVERIFY(secret.startsWith(prefix));
    QVERIFY(secret.size() >= prefix.size() + 20);
    QCOMPARE(created.value(QStringLiteral("name")).toString(), QStringLiteral("CI"));
    QVERIFY(created.value(QStringLiteral("last_used_at")).isNull());
    QVERIFY(kTimestamp.match(created.value(QStringLiteral("created_at")).toString()).hasMatch());

    const QJsonArray list =
        f->call("GET", QStringLiteral("/api-keys"), alice).jsonArray(QStringLiteral("api_keys"));
    QCOMPARE(list.size(), 1);
    QJsonObject withoutSecret = created;
    withoutSecret.remove(QStringLiteral("secret"));
    QCOMPARE(list.first().toObject(), withoutSecret);

    // Only a hash is stored.
    QSqlQuery q = f->server->database().exec(QStringLiteral("SELECT * FROM api_keys"));
    QVERIFY(q.next());
    for (int i = 0; i < q.record().count(); ++i)
        QVERIFY(!q.value(i).toString().contains(secret.mid(prefix.size())));
    QVERIFY(f->server->apiKeys().findBySecret(secret, 1).has_value());
    QVERIFY(!f->server->apiKeys().findBySecret(secret + u'x', 1).has_value());

    for (const QJsonObject &bad : {QJsonObject{}, QJsonObject{{QStringLiteral("name"), QString()}},
                                   QJsonObject{{QStringLiteral("name"), QStringLiteral("   ")}},
                                   QJsonObject{{QStringLiteral("name"), QString(101, u'n')}},
                                   QJsonObject{{QStringLiteral("name"), 3}}}) {
        r = f->call("POST", QStringLiteral("/api-keys"), alice, bad);
        QCOMPARE(r.status, 422);
        QCOMPARE(fieldOf422(r), QStringLiteral("name"));
    }

    const QString path =
        QStringLiteral("/api-keys/") + created.value(QStringLiteral("id")).toString();
    QCOMPARE(f->call("DELETE", path, alice).status, 204);
    QCOMPARE(f->call("DELETE", path, alice).status, 404);
    QCOMPARE(f->call("DELETE", QStringLiteral("/api-keys/key_nope"), alice).status, 404);
    QCOMPARE(f->call("GET", QStringLiteral("/api-keys"), alice)
                 .jsonArray(QStringLiteral("api_keys"))
                 .size(),
             0);
    const QStringList kinds = activityKinds(alice);
    QCOMPARE(kinds.mid(0, 2),
             (QStringList{QStringLiteral("api_key_revoked"), QStringLiteral("api_key_created")}));
}

void TestApiServerApi::apiKeyIdempotency()
{
    const Headers key{{"Idempotency-Key", "4b8f7c1e-retry-me"}};
    const TestReply first = f->call("POST", QStringLiteral("/api-keys"), alice,
                                    {{QStringLiteral("name"), QStringLiteral("laptop")}}, key);
    QCOMPARE(first.status, 201);
    const TestReply again = f->call("POST", QStringLiteral("/api-keys"), alice,
                                    {{QStringLiteral("name"), QStringLiteral("laptop")}}, key);
    QCOMPARE(again.status, 201);
    QCOMPARE(again.body, first.body); // same id, same secret
    QCOMPARE(again.header("location"), first.header("location"));
    QCOMPARE(again.header("idempotency-replayed"), QByteArray("true"));
    QCOMPARE(f->call("GET", QStringLiteral("/api-keys"), alice)
                 .jsonArray(QStringLiteral("api_keys"))
                 .size(),
             1);
    QCOMPARE(activityKinds(alice).count(QStringLiteral("api_key_created")), 1);

    // Same key, different request: refused.
    TestReply r = f->call("POST", QStringLiteral("/api-keys"), alice,
                          {{QStringLiteral("name"), QStringLiteral("desktop")}}, key);
    QCOMPARE(r.status, 422);
    QCOMPARE(fieldOf422(r), QStringLiteral("Idempotency-Key"));
    // The same key belongs to each user separately.
    r = f->call("POST", QStringLiteral("/api-keys"), bob,
                {{QStringLiteral("name"), QStringLiteral("laptop")}}, key);
    QCOMPARE(r.status, 201);
    QVERIFY(r.body != first.body);
    // Bad keys.
    for (const QByteArray &bad : {QByteArray(""), QByteArray(129, 'k'), QByteArray("has space"),
                                  QByteArray("t\xc3\xa4st")}) {
        r = f->call("POST", QStringLiteral("/api-keys"), alice,
                    {{QStringLiteral("name"), QStringLiteral("x")}}, {{"Idempotency-Key", bad}});
        QCOMPARE(r.status, 422);
    }
    QCOMPARE(f->call("POST", QStringLiteral("/api-keys"), alice,
                     {{QStringLiteral("name"), QStringLiteral("x")}},
                     {{"Idempotency-Key", QByteArray(128, '~')}})
                 .status,
             201);
    // The stored response is sealed: the secret is not in the database.
    const QString secret = first.json().value(QStringLiteral("secret")).toString();
    QSqlQuery q = f->server->database().exec(QStringLiteral("SELECT * FROM idempotency"));
    while (q.next()) {
        for (int i = 0; i < q.record().count(); ++i) {
            QVERIFY(!q.value(i).toByteArray().contains(secret.toUtf8()));
            QVERIFY(!q.value(i).toByteArray().contains("4b8f7c1e-retry-me"));
        }
    }
}

void TestApiServerApi::videoIdempotency()
{
    const Headers key{{"Idempotency-Key", "video-1"}};
    const QJsonObject body{{QStringLiteral("url"), watchUrl(youtubeId(1))}};
    const TestReply first = f->call("POST", QStringLiteral("/videos"), alice, body, key);
    QCOMPARE(first.status, 201);
    const TestReply again = f->call("POST", QStringLiteral("/videos"), alice, body, key);
    QCOMPARE(again.status, 201); // not 409: the first response again
    QCOMPARE(again.body, first.body);
    QCOMPARE(again.header("location"), first.header("location"));
    QCOMPARE(f->call("GET", QStringLiteral("/videos"), alice)
                 .json()
                 .value(QStringLiteral("count"))
                 .toInt(),
             1);
    // Without a key the duplicate is a 409.
    QCOMPARE(f->call("POST", QStringLiteral("/videos"), alice, body).status, 409);
}

void TestApiServerApi::idempotencyExpiresAfter24h()
{
    const Headers key{{"Idempotency-Key", "daily"}};
    const QJsonObject body{{QStringLiteral("name"), QStringLiteral("k")}};
    // The server's clock moves forward a day; the token must stay valid.
    const QByteArray token =
        f->issuer.token(ServerFixture::rsaKey(),
                        {{QStringLiteral("exp"), QDateTime::currentSecsSinceEpoch() + 3 * 86400}});
    const QByteArray first = f->call("POST", QStringLiteral("/api-keys"), token, body, key).body;
    *f->clockOffsetMs += 23 * 3600 * 1000;
    QCOMPARE(f->call("POST", QStringLiteral("/api-keys"), token, body, key).body, first);
    *f->clockOffsetMs += 2 * 3600 * 1000;
    const TestReply later = f->call("POST", QStringLiteral("/api-keys"), token, body, key);
    QCOMPARE(later.status, 201);
    QVERIFY(later.body != first);
    QVERIFY(later.header("idempotency-replayed").isEmpty());
}

void TestApiServerApi::avatar()
{
    QCOMPARE(f->call("GET", QStringLiteral("/me/avatar"), alice).status, 404);
    const QByteArray image = png(100);
    TestReply r = f->callRaw("PUT", QStringLiteral("/me/avatar"), alice, image,
                             {{"Content-Type", "image/png"}});
    QCOMPARE(r.status, 200);
    const QString avatarUrl = r.json().value(QStringLiteral("avatar_url")).toString();
    QVERIFY2(avatarUrl.startsWith(f->url().toString() + QStringLiteral("/me/avatar")),
             qPrintable(avatarUrl));
    QCOMPARE(r.json().value(QStringLiteral("sub")).toString(), QStringLiteral("user_alice"));
    QCOMPARE(f->call("GET", QStringLiteral("/me"), alice)
                 .json()
                 .value(QStringLiteral("avatar_url"))
                 .toString(),
             avatarUrl);
    // avatar_url is directly fetchable (with the token).
    r = f->call("GET", avatarUrl.mid(f->url().toString().size()), alice);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), QByteArray("image/png"));
    QCOMPARE(r.body, image);

    const QByteArray jpeg = QByteArray("\xff\xd8\xff\xe0", 4) + QByteArray(50, 'j');
    QCOMPARE(f->callRaw("PUT", QStringLiteral("/me/avatar"), alice, jpeg,
                        {{"Content-Type", "image/jpeg"}})
                 .status,
             200);
    r = f->call("GET", QStringLiteral("/me/avatar"), alice);
    QCOMPARE(r.header("content-type"), QByteArray("image/jpeg"));
    QCOMPARE(r.body, jpeg);

    // Too large (2 MiB + 1) and not an image.
    const QByteArray big = png(2 * 1024 * 1024 + 1 - 24);
    QCOMPARE(big.size(), 2 * 1024 * 1024 + 1);
    r = f->callRaw("PUT", QStringLiteral("/me/avatar"), alice, big,
                   {{"Content-Type", "image/png"}});
    QCOMPARE(r.status, 413);
    QCOMPARE(f->callRaw("PUT", QStringLiteral("/me/avatar"), alice, png(2 * 1024 * 1024 - 24),
                        {{"Content-Type", "image/png"}})
                 .status,
             200);
    r = f->callRaw("PUT", QStringLiteral("/me/avatar"), alice, "GIF89a....",
                   {{"Content-Type", "image/png"}});
    QCOMPARE(r.status, 415);
    QVERIFY(!r.json().value(QStringLiteral("detail")).toString().isEmpty());
    QCOMPARE(
        f->callRaw("PUT", QStringLiteral("/me/avatar"), alice, {}, {{"Content-Type", "image/png"}})
            .status,
        415);

    QCOMPARE(f->call("DELETE", QStringLiteral("/me/avatar"), alice).status, 204);
    QCOMPARE(f->call("GET", QStringLiteral("/me/avatar"), alice).status, 404);
    QVERIFY(f->call("GET", QStringLiteral("/me"), alice)
                .json()
                .value(QStringLiteral("avatar_url"))
                .isNull());
    QCOMPARE(f->call("DELETE", QStringLiteral("/me/avatar"), alice).status, 204);
    QCOMPARE(activityKinds(alice).count(QStringLiteral("avatar_changed")), 4);
}

void TestApiServerApi::activityIsNewestFirstAndCapped()
{
    for (int i = 0; i < 104; ++i) {
        const QString theme = (i % 2) ? QStringLiteral("dark") : QStringLiteral("light");
        QCOMPARE(
            f->call("PATCH", QStringLiteral("/settings"), alice, {{QStringLiteral("theme"), theme}})
                .status,
            200);
    }
    const QJsonArray events =
        f->call("GET", QStringLiteral("/activity"), alice).jsonArray(QStringLiteral("events"));
    QCOMPARE(events.size(), 100);
    qint64 previous = std::numeric_limits<qint64>::max();
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        QCOMPARE(e.keys(), (QStringList{QStringLiteral("at"), QStringLiteral("detail"),
                                        QStringLiteral("id"), QStringLiteral("kind")}));
        QVERIFY(e.value(QStringLiteral("id")).toInteger() < previous);
        previous = e.value(QStringLiteral("id")).toInteger();
        QCOMPARE(e.value(QStringLiteral("kind")).toString(), QStringLiteral("settings_changed"));
        QVERIFY(kTimestamp.match(e.value(QStringLiteral("at")).toString()).hasMatch());
        QVERIFY(!e.value(QStringLiteral("detail")).toString().isEmpty());
    }
}

void TestApiServerApi::usersAreIsolated()
{
    const QJsonObject video = f->addVideo(
        alice, youtubeId(1), {{QStringLiteral("tags"), QJsonArray{QStringLiteral("secret-tag")}}});
    const QString videoPath =
        QStringLiteral("/videos/%1").arg(video.value(QStringLiteral("id")).toInteger());
    const QJsonObject key = f->call("POST", QStringLiteral("/api-keys"), alice,
                                    {{QStringLiteral("name"), QStringLiteral("a")}})
                                .json();
    QCOMPARE(f->call("PATCH", QStringLiteral("/settings"), alice,
                     {{QStringLiteral("theme"), QStringLiteral("dark")}})
                 .status,
             200);
    QCOMPARE(f->callRaw("PUT", QStringLiteral("/me/avatar"), alice, png(),
                        {{"Content-Type", "image/png"}})
                 .status,
             200);

    // Bob sees nothing of it, and her ids look exactly like missing ones.
    const TestReply missing = f->call("GET", QStringLiteral("/videos/987654"), bob);
    for (const QByteArray &method :
         {QByteArray("GET"), QByteArray("PATCH"), QByteArray("DELETE")}) {
        const TestReply r =
            f->call(method, videoPath, bob, {{QStringLiteral("title"), QStringLiteral("mine")}});
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body, missing.body);
    }
    TestReply r = f->call("GET", QStringLiteral("/videos"), bob);
    QCOMPARE(r.json().value(QStringLiteral("count")).toInt(), 0);
    QCOMPARE(r.jsonArray(QStringLiteral("videos")).size(), 0);
    QCOMPARE(f->call("GET", QStringLiteral("/videos?tags=secret-tag"), bob)
                 .json()
                 .value(QStringLiteral("count"))
                 .toInt(),
             0);
    QCOMPARE(f->call("GET", QStringLiteral("/tags"), bob).jsonArray(QStringLiteral("tags")).size(),
             0);
    QCOMPARE(f->call("GET", QStringLiteral("/settings"), bob)
                 .json()
                 .value(QStringLiteral("theme"))
                 .toString(),
             QStringLiteral("system"));
    QCOMPARE(f->call("GET", QStringLiteral("/api-keys"), bob)
                 .jsonArray(QStringLiteral("api_keys"))
                 .size(),
             0);
    QCOMPARE(f->call("DELETE",
                     QStringLiteral("/api-keys/") + key.value(QStringLiteral("id")).toString(), bob)
                 .status,
             404);
    QCOMPARE(f->call("GET", QStringLiteral("/me/avatar"), bob).status, 404);
    QCOMPARE(activityKinds(bob), QStringList{QStringLiteral("account_created")});
    QVERIFY(f->call("GET", QStringLiteral("/me"), bob)
                .json()
                .value(QStringLiteral("avatar_url"))
                .isNull());
    // A cursor taken from Alice's list does not reveal her videos to Bob.
    f->addVideo(alice, youtubeId(2));
    const QString cursor = f->call("GET", QStringLiteral("/videos?limit=1"), alice)
                               .json()
                               .value(QStringLiteral("next_cursor"))
                               .toString();
    QCOMPARE(f->call("GET", QStringLiteral("/videos?cursor=") + cursor, bob)
                 .json()
                 .value(QStringLiteral("count"))
                 .toInt(),
             0);

    // ...and Alice still has everything.
    QCOMPARE(f->call("GET", videoPath, alice).status, 200);
    QCOMPARE(f->call("GET", QStringLiteral("/api-keys"), alice)
                 .jsonArray(QStringLiteral("api_keys"))
                 .size(),
             1);
    QCOMPARE(f->call("GET", QStringLiteral("/me/avatar"), alice).status, 200);
}

void TestApiServerApi::unknownRoutesAndMethods()
{
    TestReply r = f->call("GET", QStringLiteral("/nope"), alice);
    QCOMPARE(r.status, 404);
    QVERIFY(!r.json().value(QStringLiteral("detail")).toString().isEmpty());
    QCOMPARE(f->call("GET", QStringLiteral("/videos/"), alice).status, 404);
    r = f->call("PUT", QStringLiteral("/videos"), alice);
    QCOMPARE(r.status, 405);
    QCOMPARE(r.header("allow"), QByteArray("GET, POST, HEAD")); // HEAD wherever GET is
    QCOMPARE(f->call("POST", QStringLiteral("/health")).status, 405);
}

void TestApiServerApi::basePath()
{
    apiserver::ServerConfig config = f->defaultConfig();
    config.basePath = QStringLiteral("/api/v1/");
    QVERIFY(f->start(config));
    QVERIFY(f->url().toString().endsWith(QLatin1String("/api/v1")));
    QCOMPARE(f->call("GET", QStringLiteral("/health")).status, 200);
    const QUrl root(f->url().toString(QUrl::RemovePath));
    QCOMPARE(httpRequest(root, "GET", QStringLiteral("/health")).status, 404);
    QCOMPARE(httpRequest(root, "GET", QStringLiteral("/api/v1")).status, 404);
    const TestReply created = f->call("POST", QStringLiteral("/videos"), alice,
                                      {{QStringLiteral("url"), watchUrl(youtubeId(1))}});
    QVERIFY(created.header("location").startsWith(f->url().toString().toUtf8() + "/videos/"));
}

QTEST_GUILESS_MAIN(TestApiServerApi)
#include "tst_apiserver_api.moc"
