// VideoListModel: the JSON fast path, sorting, merging without resets,
// filtering with the server's rules, paging hooks, and 100,000 rows.
#include "library/videojson.h"
#include "library/videolistmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;

namespace {

QString ytId(int i)
{
    return QStringLiteral("v%1").arg(i, 10, 10, QLatin1Char('0'));
}

/// A GET /videos body with \a n videos, newest first (id n is the newest).
QByteArray makePage(int n, const QString &cursor = {})
{
    static const char *const tagPool[] = {"music",  "cooking", "legs", "workout",
                                          "travel", "news",    "kids", "diy"};
    QByteArray out = "{\"videos\":[";
    out.reserve(qsizetype(n) * 400);
    for (int k = 0; k < n; ++k) {
        const int id = n - k;
        const QByteArray yt = ytId(id).toLatin1();
        const QByteArray time =
            videojson::formatTimeMs(1'700'000'000'000LL + qint64(id) * 60'000).toLatin1();
        if (k)
            out += ',';
        out += "{\"id\":" + QByteArray::number(id) +
               ",\"url\":\"https://www.youtube.com/watch?v=" + yt + "\",\"youtube_id\":\"" + yt +
               "\",\"title\":";
        out += id % 7 == 0 ? QByteArray("null")
                           : "\"Video number " + QByteArray::number(id) + " about " +
                                 tagPool[id % 8] + "\"";
        out += ",\"notes\":";
        out += id % 3 == 0
                   ? "\"Notes for " + QByteArray::number(id) + ", \\u00dcn\u00efcode \u2713\""
                   : QByteArray("null");
        out += ",\"thumbnail_url\":\"https://img.youtube.com/vi/" + yt +
               "/hqdefault.jpg\",\"tags\":[\"";
        out += QByteArray(tagPool[id % 8]) + "\",\"" + tagPool[(id / 8) % 8] +
               "\"],\"created_at\":\"" + time + "\",\"updated_at\":\"" + time + "\"}";
    }
    out += "],\"count\":" + QByteArray::number(n) + ",\"next_cursor\":" +
           (cursor.isEmpty() ? QByteArray("null") : "\"" + cursor.toUtf8() + "\"") + "}";
    return out;
}

VideoRow row(qint64 id, qint64 createdMs, const QString &title = {}, const QStringList &tags = {})
{
    VideoRow r;
    r.id = id;
    r.createdMs = r.updatedMs = createdMs;
    r.youtubeId = ytId(int(id));
    r.title = title;
    r.tags = tags;
    return r;
}

QList<qint64> visibleIds(const VideoListModel &m)
{
    QList<qint64> ids;
    for (int i = 0; i < m.rowCount(); ++i)
        ids << m.data(m.index(i), VideoListModel::VideoIdRole).toLongLong();
    return ids;
}

} // namespace

class TestVideoListModel : public QObject
{
    Q_OBJECT

private slots:
    void parsesAPageWithEveryKindOfValue()
    {
        // (No raw string literal here: moc would not see the test class after it.)
        const QByteArray json =
            "{\"count\": 2, \"extra\": {\"nested\": [1, 2.5e3, true, null, \"x\"]},\n"
            "\"videos\": [\n"
            "{\"id\": 12, \"url\": \"https://www.youtube.com/watch?v=abcdefghijk\", "
            "\"youtube_id\": \"abcdefghijk\",\n"
            "\"title\": \"Caf\\u00e9 \\\"quoted\\\" \\\\ back \\ud83d\\ude00\", \"notes\": null, "
            "\"thumbnail_url\": \"t\",\n"
            "\"tags\": [\"music\", \"caf\\u00e9\"], \"created_at\": \"2026-01-03T10:15:00Z\",\n"
            "\"updated_at\": \"2026-01-03T10:15:00.250Z\", \"future_field\": {\"a\": [1]}},\n"
            "{\"id\": 3, \"url\": \"https://youtu.be/ABCDEFGHIJK\", \"youtube_id\": "
            "\"ABCDEFGHIJK\",\n"
            "\"title\": null, \"notes\": \"line\\nbreak\", \"thumbnail_url\": \"t\", \"tags\": "
            "[],\n"
            "\"created_at\": \"2026-01-03T11:15:00+01:00\", \"updated_at\": "
            "\"2026-01-03T10:15:00Z\"}],\n"
            "\"next_cursor\": \"abc\"}\n";
        VideoListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        int count = 0;
        QString cursor, error;
        QVERIFY2(m.loadFromJson(json, &count, &cursor, &error), qPrintable(error));
        QCOMPARE(count, 2);
        QCOMPARE(cursor, QString("abc"));
        QCOMPARE(m.count(), 2);
        // Same created_at: the higher id comes first, as the server sorts.
        QCOMPARE(visibleIds(m), (QList<qint64>{12, 3}));
        const QModelIndex first = m.index(0);
        QCOMPARE(m.data(first, VideoListModel::TitleRole).toString(),
                 QString::fromUtf8("Café \"quoted\" \\ back 😀"));
        QCOMPARE(m.data(first, VideoListModel::TagsRole).toStringList(),
                 (QStringList{"music", QString::fromUtf8("café")}));
        QCOMPARE(m.data(first, VideoListModel::CreatedAtRole).toDateTime(),
                 QDateTime::fromString("2026-01-03T10:15:00Z", Qt::ISODate));
        QCOMPARE(m.data(first, VideoListModel::UpdatedAtRole).toDateTime().toMSecsSinceEpoch() %
                     1000,
                 250);
        QCOMPARE(m.data(first, VideoListModel::ThumbnailSourceRole).toString(),
                 QString("image://thumbnail/abcdefghijk"));
        QCOMPARE(m.data(first, VideoListModel::ThumbnailUrlRole).toString(),
                 QString("https://img.youtube.com/vi/abcdefghijk/hqdefault.jpg"));
        const QModelIndex second = m.index(1);
        QCOMPARE(m.data(second, VideoListModel::TitleRole).toString(), QString());
        // Untitled: the URL stands in (and a non-canonical URL is kept as sent).
        QCOMPARE(m.data(second, VideoListModel::DisplayTitleRole).toString(),
                 QString("https://youtu.be/ABCDEFGHIJK"));
        QCOMPARE(m.data(second, VideoListModel::NotesRole).toString(), QString("line\nbreak"));
        QCOMPARE(m.roleNames().value(VideoListModel::PendingDeleteRole),
                 QByteArray("pendingDelete"));
    }

    void refusesMalformedJsonAndKeepsRows()
    {
        VideoListModel m;
        QVERIFY(m.loadFromJson(makePage(3)));
        for (const QByteArray &bad :
             {QByteArray("{\"videos\":[{\"id\":1}]}"), QByteArray("{\"videos\":[}"),
              QByteArray("{\"videos\":[] } x"), QByteArray("\"str"), QByteArray()}) {
            QString error;
            QVERIFY2(!m.loadFromJson(bad, nullptr, nullptr, &error), bad.constData());
            QVERIFY(!error.isEmpty());
        }
        QCOMPARE(m.count(), 3);
    }

    void writesWhatItReads()
    {
        VideoListModel a;
        QVERIFY(a.loadFromJson(makePage(50, "cur")));
        const QByteArray json = a.toJson(50, "cur");
        QVERIFY(!QJsonDocument::fromJson(json).isNull()); // valid JSON for anyone else too
        VideoListModel b;
        QString cursor;
        QVERIFY(b.loadFromJson(json, nullptr, &cursor));
        QCOMPARE(cursor, QString("cur"));
        QCOMPARE(b.count(), 50);
        for (int i = 0; i < 50; ++i)
            for (int role : {int(VideoListModel::VideoIdRole), int(VideoListModel::TitleRole),
                             int(VideoListModel::NotesRole), int(VideoListModel::TagsRole),
                             int(VideoListModel::CreatedAtRole), int(VideoListModel::UrlRole)})
                QCOMPARE(b.data(b.index(i), role), a.data(a.index(i), role));
    }

    void queuedAddsInTheSameMillisecondKeepNewestFirst()
    {
        // Local ids are -outbox sequence: -2 was added after -1. Both come before a
        // server row of the same millisecond, which is older news to the person.
        const VideoSortKey first{5000, -1}, second{5000, -2}, server{5000, 7}, olderServer{5000, 3};
        QVERIFY(second.before(first));
        QVERIFY(!first.before(second));
        QVERIFY(first.before(server));
        QVERIFY(!server.before(first));
        QVERIFY(server.before(olderServer));
        QVERIFY(VideoSortKey({6000, 1}).before(second));
    }

    void sortsNewestFirstAndMergesWithoutReset()
    {
        VideoListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setRows({row(1, 1000), row(3, 3000), row(2, 2000)});
        QCOMPARE(visibleIds(m), (QList<qint64>{3, 2, 1}));

        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        // A next page: older rows at the end, one known row updated in place.
        m.mergeRows({row(0, 500), row(-5, 400), row(2, 2000, "renamed")});
        QCOMPARE(visibleIds(m), (QList<qint64>{3, 2, 1, 0, -5}));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 3);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m.data(m.index(1), VideoListModel::TitleRole).toString(), QString("renamed"));

        // A row in the middle, and one that moved (new created time).
        m.mergeRows({row(7, 2500), row(1, 5000)});
        QCOMPARE(visibleIds(m), (QList<qint64>{1, 3, 7, 2, 0, -5}));
        QCOMPARE(reset.count(), 0);

        m.replace(-5, row(9, 6000, "now on the server"));
        QCOMPARE(visibleIds(m), (QList<qint64>{9, 1, 3, 7, 2, 0}));
        m.remove(3);
        QCOMPARE(visibleIds(m), (QList<qint64>{9, 1, 7, 2, 0}));
        QCOMPARE(m.indexOf(7), 2);
        QCOMPARE(m.indexOf(3), -1);
        QCOMPARE(reset.count(), 0);
    }

    void filtersLikeTheServer()
    {
        VideoListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        VideoRow a = row(1, 1000, "Leg Day", {"workout", "legs"});
        a.notes = "Squats and LUNGES";
        VideoRow b = row(2, 2000, "", {"Workout"});
        VideoRow c = row(3, 3000, "Pasta", {"cooking"});
        m.setRows({a, b, c});
        m.setFilter("lunges", {});
        QCOMPARE(visibleIds(m), (QList<qint64>{1}));
        m.setFilter("  DAY ", {});
        QCOMPARE(visibleIds(m), (QList<qint64>{1}));
        m.setFilter("youtube.com/watch?v=" + ytId(2).toUpper(),
                    {}); // the URL is searched, case-insensitively
        QCOMPARE(visibleIds(m), (QList<qint64>{2}));
        m.setFilter({}, {"WORKOUT"});
        QCOMPARE(visibleIds(m), (QList<qint64>{2, 1}));
        m.setFilter({}, {"workout", "legs"}); // AND
        QCOMPARE(visibleIds(m), (QList<qint64>{1}));
        m.setFilter({}, {"workout", "nosuchtag"});
        QCOMPARE(m.count(), 0);
        m.setFilter("pasta", {"workout"});
        QCOMPARE(m.count(), 0);
        m.setFilter({}, {});
        QCOMPARE(m.count(), 3);

        // Rows being deleted are hidden, and come back on undo.
        m.setPendingDelete(2, true);
        QCOMPARE(visibleIds(m), (QList<qint64>{3, 1}));
        QVERIFY(m.find(2));
        QVERIFY(!m.findByYoutubeId(ytId(2)));
        m.setPendingDelete(2, false);
        QCOMPARE(visibleIds(m), (QList<qint64>{3, 2, 1}));

        // Only the verified part of the list: rows after the bound stay hidden.
        m.setLowerBound(VideoSortKey{2000, 2});
        QCOMPARE(visibleIds(m), (QList<qint64>{3, 2}));
        m.setLowerBound(std::nullopt);
        QCOMPARE(m.count(), 3);
    }

    void searchesAnyScriptAndKeepsTagSpellings()
    {
        VideoListModel m;
        VideoRow a = row(1, 1000, QString::fromUtf8("Ünïcode GRÜSSE aus Köln"), {"Music", "music"});
        a.notes = QString::fromUtf8("ΣΟΦΙΑ and plain ASCII");
        VideoRow b = row(2, 2000, "Plain Title", {"MUSIC"});
        b.notes = "Mixed CASE notes";
        b.url = "https://youtu.be/" +
                ytId(2); // kept as sent, but the canonical URL is what is searched
        m.setRows({a, b});
        m.setFilter(QString::fromUtf8("grüsse"), {});
        QCOMPARE(visibleIds(m), (QList<qint64>{1}));
        m.setFilter(QString::fromUtf8("σοφια"), {});
        QCOMPARE(visibleIds(m), (QList<qint64>{1}));
        m.setFilter("plain", {}); // ASCII words in a row with other scripts, and in a plain row
        QCOMPARE(visibleIds(m), (QList<qint64>{2, 1}));
        m.setFilter("case notes", {});
        QCOMPARE(visibleIds(m), (QList<qint64>{2}));
        m.setFilter("youtu.be", {});
        QCOMPARE(m.count(), 0);
        m.setFilter("watch?v=", {}); // in every canonical URL
        QCOMPARE(m.count(), 2);
        m.setFilter("v=" + ytId(2), {});
        QCOMPARE(visibleIds(m), (QList<qint64>{2}));
        m.setFilter("title\x1fmixed", {});
        QCOMPARE(m.count(), 0);
        m.setFilter({}, {"music"});
        QCOMPARE(visibleIds(m), (QList<qint64>{2, 1}));
        // Each row keeps its own spelling of a tag.
        QCOMPARE(m.data(m.index(0), VideoListModel::TagsRole).toStringList(), QStringList{"MUSIC"});
        QCOMPARE(m.data(m.index(1), VideoListModel::TagsRole).toStringList(),
                 (QStringList{"Music", "music"}));
        QCOMPARE(m.find(2)->url, QString("https://youtu.be/" + ytId(2)));
        QCOMPARE(m.find(1)->notes, QString::fromUtf8("ΣΟΦΙΑ and plain ASCII"));
    }

    // The rows' text lives in one arena per table; edits leave the old text
    // behind until it is copied away. Rows, searches and copies handed out
    // before (the cache writer's) must read right across that.
    void keepsTextRightThroughManyEdits()
    {
        VideoListModel m;
        std::vector<VideoRow> rows;
        for (int id = 1; id <= 200; ++id) {
            VideoRow r = row(id, 1000 + id, QStringLiteral("first %1").arg(id), {"t"});
            if (id % 2)
                r.notes =
                    QString::fromUtf8("Grüße %1").arg(id); // non-ASCII: a stored lower-case copy
            rows.push_back(r);
        }
        m.setRows(rows);
        const videojson::Library before = m.serverRows();
        // Well over the 1 MiB of dead text that makes the model copy the live text away.
        const QString padding(600, QLatin1Char('x'));
        for (int round = 1; round <= 20; ++round) {
            std::vector<VideoRow> edited;
            for (int id = 1; id <= 200; ++id) {
                VideoRow r =
                    row(id, 1000 + id,
                        QStringLiteral("round %1 of %2 %3").arg(round).arg(id).arg(padding),
                        {"t", QStringLiteral("r%1").arg(round)});
                if (id % 2)
                    r.notes = QString::fromUtf8("ÄRGER %1 in round %2").arg(id).arg(round);
                edited.push_back(r);
            }
            m.mergeRows(std::move(edited));
        }
        QCOMPARE(m.count(), 200);
        for (int id = 1; id <= 200; ++id) {
            const std::optional<VideoRow> r = m.find(id);
            QVERIFY(r);
            QCOMPARE(r->title, QStringLiteral("round 20 of %1 %2").arg(id).arg(padding));
            QCOMPARE(r->tags, (QStringList{"t", "r20"}));
            QCOMPARE(r->notes,
                     id % 2 ? QString::fromUtf8("ÄRGER %1 in round 20").arg(id) : QString());
        }
        m.setFilter(QString::fromUtf8("ärger 7 in round 20"), {});
        QCOMPARE(visibleIds(m), (QList<qint64>{7}));
        m.setFilter("round 19", {});
        QCOMPARE(m.count(), 0);
        m.setFilter({}, {});
        // The copy taken before every edit still reads its own text.
        QCOMPARE(int(before.rows.size()), 200);
        for (const VideoRecord &r : before.rows) {
            QCOMPARE(r.title(), QStringLiteral("first %1").arg(r.id));
            QCOMPARE(r.notes(), r.id % 2 ? QString::fromUtf8("Grüße %1").arg(r.id) : QString());
        }
        // Removing rows frees their text too; the rest stays readable.
        m.removeIf([](const VideoRecord &r) { return r.id > 10; });
        QCOMPARE(m.count(), 10);
        QCOMPARE(m.find(3)->title, QStringLiteral("round 20 of 3 %1").arg(padding));
    }

    void timesRoundTrip()
    {
        for (qint64 ms : {0LL, 951'782'400'000LL /* 2000-02-29 */, 1'767'435'300'250LL,
                          -86'400'001LL, 4'102'444'800'000LL /* 2100-01-01 */}) {
            const QString text = videojson::formatTimeMs(ms);
            QCOMPARE(text,
                     videojson::utcFromMs(ms).toString(ms % 1000 ? "yyyy-MM-ddTHH:mm:ss.zzz'Z'"
                                                                 : "yyyy-MM-ddTHH:mm:ss'Z'"));
            QCOMPARE(videojson::parseTimeMs(text), ms);
        }
        QCOMPARE(videojson::parseTimeMs(u"2026-01-03T11:15:00+01:00"),
                 videojson::parseTimeMs(u"2026-01-03T10:15:00Z"));
        QCOMPARE(videojson::parseTimeMs(u"2026-13-03T10:15:00Z"), -1);
        QCOMPARE(videojson::parseTimeMs(u"yesterday"), -1);
    }

    void asksForMoreOnlyWhenThereIsMore()
    {
        VideoListModel m;
        QSignalSpy more(&m, &VideoListModel::moreRequested);
        QVERIFY(!m.canFetchMore({}));
        m.fetchMore({});
        QCOMPARE(more.count(), 0);
        m.setHasMore(true);
        QVERIFY(m.canFetchMore({}));
        m.fetchMore({});
        QCOMPARE(more.count(), 1);
    }

    void getReturnsEveryRole()
    {
        VideoListModel m;
        m.setRows({row(4, 1000, "Title", {"a"})});
        const QVariantMap map = m.get(0);
        QCOMPARE(map.value("videoId").toLongLong(), 4);
        QCOMPARE(map.value("displayTitle").toString(), QString("Title"));
        QCOMPARE(map.value("pending").toBool(), false);
        QVERIFY(m.get(1).isEmpty());
    }

    void hundredThousandRows()
    {
        // Functional checks at full size; the timings live in bench/ (clipshelf-bench-model).
        std::vector<VideoRow> rows;
        rows.reserve(100'000);
        static const QString tagPool[] = {"music",  "cooking", "legs", "workout",
                                          "travel", "news",    "kids", "diy"};
        for (int id = 100'000; id >= 1; --id) {
            VideoRow r =
                row(id, 1'700'000'000'000LL + qint64(id) * 60'000,
                    id % 7 ? QStringLiteral("Video number %1 about %2").arg(id).arg(tagPool[id % 8])
                           : QString(),
                    {tagPool[id % 8], tagPool[(id / 8) % 8]});
            if (id % 3 == 0)
                r.notes = QStringLiteral("Notes for %1, Ünïcode ✓").arg(id);
            rows.push_back(std::move(r));
        }
        const QByteArray json = videojson::writePage(rows, 100'000, "next");
        rows.clear();
        VideoListModel m;
        QVERIFY(m.loadFromJson(json));
        QCOMPARE(m.count(), 100'000);
        QCOMPARE(m.data(m.index(0), VideoListModel::VideoIdRole).toLongLong(), 100'000);
        QCOMPARE(m.data(m.index(99'999), VideoListModel::VideoIdRole).toLongLong(), 1);

        m.setFilter("number 4242", {});
        QVERIFY(m.count() >= 1);
        m.setFilter({}, {"legs", "music"});
        QVERIFY(m.count() > 0);
        m.setFilter("notes for", {"cooking"});
        m.setFilter({}, {});
        m.mergeRows({row(200'000, 1'700'000'000'000LL + 200'000LL * 60'000, "newest")});
        QCOMPARE(m.count(), 100'001);
        QCOMPARE(m.indexOf(200'000), 0);
        const QByteArray written = m.toJson(100'001, {});
        QVERIFY(written.size() > json.size() / 2);
    }
};

QTEST_GUILESS_MAIN(TestVideoListModel)
#include "tst_videolistmodel.moc"
