// videojson: GET /videos bodies and single videos in, the cache file out (fixtures in
// tests/data/library).
#include "library/videojson.h"
#include "testdata.h"

#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

class TestVideoJson : public QObject
{
    Q_OBJECT
private slots:
    void readsAPage()
    {
        videojson::Page page;
        QString error;
        QVERIFY2(videojson::parsePage(testData("library/page.json"), &page, &error),
                 qPrintable(error));
        QCOMPARE(page.count, 41);
        QCOMPARE(page.nextCursor, QString("c-3"));
        QCOMPARE(page.rows.size(), size_t(3));
        const VideoRow &a = page.rows[0];
        QCOMPARE(a.id, 12);
        QCOMPARE(a.youtubeId, QString("dQw4w9WgXcQ"));
        QVERIFY(a.url.isEmpty()); // canonical: derived, not stored
        QCOMPARE(a.notes, QString("Classic.\nSecond line with a \"quote\""));
        QCOMPARE(a.tags, (QStringList{"music", "80s"}));
        QCOMPARE(a.createdMs, videojson::parseTimeMs(u"2026-01-03T10:15:00Z"));
        QCOMPARE(a.updatedMs - videojson::parseTimeMs(u"2026-01-04T08:00:00Z"), 250);
        const VideoRow &b = page.rows[1];
        QCOMPARE(b.url, QString("https://youtu.be/9bZkp7q19f0")); // not canonical: kept
        QVERIFY(b.title.isEmpty());
        QVERIFY(b.notes.isEmpty());
        QCOMPARE(b.tags, (QStringList{"Music", "K-Pop"}));
        QCOMPARE(b.createdMs,
                 videojson::parseTimeMs(u"2026-01-02T08:00:00Z")); // the offset applied
        QCOMPARE(page.rows[2].title, QString("Über Café"));
    }

    void aLibraryInternsItsTags()
    {
        videojson::Library lib;
        QVERIFY(videojson::parseLibrary(testData("library/page.json"), &lib));
        QCOMPARE(lib.rows.size(), size_t(3));
        QCOMPARE(lib.tags.fold(lib.rows[0].tagId(0)),
                 lib.tags.fold(lib.rows[1].tagId(0))); // music, Music
    }

    void readsOneVideo()
    {
        VideoRow row;
        QString error;
        QVERIFY2(videojson::parseVideo(testData("library/video.json"), &row, &error),
                 qPrintable(error));
        QCOMPARE(row.id, 1001);
        QCOMPARE(row.title, QString("Saved"));
        QVERIFY(row.notes.isEmpty());
        QCOMPARE(row.tags, QStringList{"music"});
        QCOMPARE(row.updatedMs - row.createdMs, 30 * 60 * 1000);
    }

    void refusesWhatIsNotAVideo_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("no id") << QByteArray(R"({"youtube_id":"abcdefghijk"})");
        QTest::newRow("no youtube_id") << QByteArray(R"({"id":3})");
        QTest::newRow("id out of range")
            << QByteArray(R"({"id":18014398509481984,"youtube_id":"a"})");
        QTest::newRow("not JSON") << QByteArray("{\"id\":");
        QTest::newRow("trailing") << QByteArray(R"({"id":1,"youtube_id":"a"} x)");
        QTest::newRow("an array") << QByteArray("[]");
    }
    void refusesWhatIsNotAVideo()
    {
        QFETCH(QByteArray, json);
        VideoRow row;
        row.id = 77;
        QString error;
        QVERIFY(!videojson::parseVideo(json, &row, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(row.id, 77); // untouched
    }

    void refusesABrokenPage()
    {
        videojson::Page page;
        QString error;
        QVERIFY(!videojson::parsePage(R"({"videos":[{"id":1}]})", &page, &error));
        QVERIFY(!error.isEmpty());
    }

    void theCacheFileRoundTrips()
    {
        videojson::Library lib;
        QVERIFY(videojson::parseLibrary(testData("library/page.json"), &lib));
        const QByteArray written = videojson::writeLibrary(lib);
        videojson::Page again;
        QVERIFY(videojson::parsePage(written, &again));
        videojson::Page original;
        QVERIFY(videojson::parsePage(testData("library/page.json"), &original));
        QCOMPARE(again.count, original.count);
        QCOMPARE(again.nextCursor, original.nextCursor);
        QCOMPARE(again.rows.size(), original.rows.size());
        for (size_t i = 0; i < again.rows.size(); ++i) {
            QCOMPARE(again.rows[i].id, original.rows[i].id);
            QCOMPARE(again.rows[i].effectiveUrl(), original.rows[i].effectiveUrl());
            QCOMPARE(again.rows[i].title, original.rows[i].title);
            QCOMPARE(again.rows[i].notes, original.rows[i].notes);
            QCOMPARE(again.rows[i].tags, original.rows[i].tags);
            QCOMPARE(again.rows[i].createdMs, original.rows[i].createdMs);
            QCOMPARE(again.rows[i].updatedMs, original.rows[i].updatedMs);
        }
        QVERIFY(
            written.contains(R"("title":null)")); // an untitled video is null, as the API writes it
    }

    void writesControlCharactersEscaped()
    {
        VideoRow r;
        r.id = 1;
        r.youtubeId = "abcdefghijk";
        r.title = QString("tab\there \x01");
        const QByteArray json = videojson::writePage({r}, 1, {});
        QVERIFY(json.contains(R"(tab\there \u0001)"));
        videojson::Page page;
        QVERIFY(videojson::parsePage(json, &page));
        QCOMPARE(page.rows[0].title, r.title);
    }

    void times()
    {
        QCOMPARE(videojson::formatTimeMs(videojson::parseTimeMs(u"2026-01-03T10:15:00Z")),
                 QString("2026-01-03T10:15:00Z"));
        QCOMPARE(videojson::formatTimeMs(videojson::parseTimeMs(u"2026-01-03T10:15:00.5Z")),
                 QString("2026-01-03T10:15:00.500Z"));
        QCOMPARE(videojson::parseTimeMs(u"yesterday"), -1);
        QCOMPARE(videojson::utcFromMs(0).toString(Qt::ISODate), QString("1970-01-01T00:00:00Z"));
    }
};

QTEST_GUILESS_MAIN(TestVideoJson)
#include "tst_videojson.moc"
