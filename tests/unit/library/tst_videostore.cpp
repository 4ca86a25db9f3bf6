// VideoStore: the records of the library list in stable slots, in list order.
#include "library/textarena.h"
#include "library/videostore.h"

#include <QTest>

using namespace clipshelf;

namespace {

VideoRow row(qint64 id, qint64 createdMs, const QString &title = {}, const QString &youtubeId = {})
{
    VideoRow r;
    r.id = id;
    r.createdMs = r.updatedMs = createdMs;
    r.youtubeId = youtubeId.isEmpty() ? QStringLiteral("yt%1").arg(id) : youtubeId;
    r.title = title;
    return r;
}

QList<qint64> ids(const VideoStore &s)
{
    QList<qint64> out;
    for (int slot : s.order())
        out << s.at(slot).id;
    return out;
}

} // namespace

class TestVideoStore : public QObject
{
    Q_OBJECT
private slots:
    void resetSortsNewestFirst()
    {
        VideoStore s;
        s.reset({row(1, 100), row(3, 300), row(2, 200)});
        QCOMPARE(ids(s), (QList<qint64>{3, 2, 1}));
        QCOMPARE(s.at(s.slotOf(2)).id, 2);
        QCOMPARE(s.slotOf(99), -1);
    }

    void mergeUpdatesInPlaceAndInsertsInOrder()
    {
        VideoStore s;
        s.reset({row(1, 100), row(3, 300)});
        const int slotOf3 = s.slotOf(3);
        const VideoStore::Merge m = s.merge({row(3, 300, "renamed"), row(2, 200)});
        QCOMPARE(ids(s), (QList<qint64>{3, 2, 1}));
        QCOMPARE(m.changed, std::vector<int>{slotOf3}); // same key: the same slot
        QVERIFY(m.dropped.empty());
        QCOMPARE(s.at(slotOf3).title(), QString("renamed"));
    }

    void aRowThatMovesGetsANewSlotAndTheOldOneIsReleasedLater()
    {
        VideoStore s;
        s.reset({row(1, 100), row(2, 200)});
        const int old = s.slotOf(1);
        const VideoStore::Merge m = s.merge({row(1, 300)}); // now the newest
        QCOMPARE(ids(s), (QList<qint64>{1, 2}));
        QCOMPARE(m.dropped, std::vector<int>{old});
        QVERIFY(s.slotOf(1) != old);
        QCOMPARE(s.at(old).id, 1); // still readable until released (a view may point at it)
        s.release(m.dropped);
        QCOMPARE(s.at(old).id, 0);
        s.merge({row(5, 50)});
        QCOMPARE(s.slotOf(5), old); // the free slot is used again
    }

    void takeIfLeavesTheOrderAtOnce()
    {
        VideoStore s;
        s.reset({row(1, 100), row(2, 200), row(3, 300)});
        const std::vector<int> taken = s.takeIf([](const VideoRecord &r) { return r.id % 2 == 1; });
        QCOMPARE(taken.size(), size_t(2));
        QCOMPARE(ids(s), QList<qint64>{2});
        QCOMPARE(s.slotOf(1), -1);
        s.release(taken);
        QVERIFY(s.takeIf([](const VideoRecord &) { return false; }).empty());
    }

    void findsByYoutubeIdUnlessBeingDeleted()
    {
        VideoStore s;
        s.reset({row(1, 100, "a", "abcdefghijk"), row(2, 200)});
        QCOMPARE(s.findByYoutubeId("abcdefghijk")->id, 1);
        s.at(s.slotOf(1)).setPendingDelete(true);
        QVERIFY(!s.findByYoutubeId("abcdefghijk"));
        QVERIFY(!s.findByYoutubeId("nothere"));
    }

    void serverRowsLeaveQueuedAddsOut()
    {
        VideoStore s;
        s.reset({row(-4, 500, "queued"), row(2, 200, "server")});
        const videojson::Library lib = s.serverRows();
        QCOMPARE(lib.rows.size(), size_t(1));
        QCOMPARE(lib.rows[0].title(), QString("server"));
    }

    void replacedTextIsCompactedOnceMostlyDead()
    {
        VideoStore s;
        s.reset({row(1, 100, "x")});
        const QString big(60'000, QChar(u'a'));
        for (int i = 0; i < 40; ++i)
            s.release(s.merge({row(1, 100, QString::number(i) + big)}).dropped);
        // 40 x 60 kB written, one live: each time more than 1 MiB was dead, the live text moved to
        // a fresh arena.
        const videojson::Library lib = s.serverRows();
        QVERIFY(lib.text->bytesUsed() < 20 * 60'000);
        QCOMPARE(s.at(s.slotOf(1)).title(), "39" + big);
    }
};

QTEST_GUILESS_MAIN(TestVideoStore)
#include "tst_videostore.moc"
