// VideoFilter: which stored rows the library list shows.
#include "library/textarena.h"
#include "library/videofilter.h"
#include "library/videorecord.h"

#include <QTest>

using namespace clipshelf;

class TestVideoFilter : public QObject
{
    Q_OBJECT

    TextArena m_arena;
    TagDictionary m_tags;

    VideoRecord rec(qint64 id, qint64 createdMs, const QString &title, const QStringList &tags)
    {
        VideoRow r;
        r.id = id;
        r.createdMs = createdMs;
        r.youtubeId = "abcdefghijk";
        r.title = title;
        r.tags = tags;
        return VideoRecord::fromRow(r, m_tags, m_arena);
    }

private slots:
    void setNormalisesAndSaysWhenItChanged()
    {
        VideoFilter f;
        QVERIFY(!f.isFiltered());
        QVERIFY(f.set("  Pasta ", {" Food", "food", "Quick"}));
        QCOMPARE(f.text(), QString("pasta"));
        QCOMPARE(f.tags(), (QStringList{"food", "quick"}));
        QVERIFY(f.isFiltered());
        QVERIFY(!f.set("pasta", {"FOOD", "quick"})); // the same filter
    }

    void textAndEveryTagMustMatch()
    {
        const VideoRecord both = rec(1, 100, "Pasta night", {"Food", "quick"});
        const VideoRecord oneTag = rec(2, 200, "Pasta again", {"food"});
        VideoFilter f;
        f.set("pasta", {"food", "quick"});
        QVERIFY(f.prepare(m_tags));
        QVERIFY(f.matches(both, m_tags));
        QVERIFY(!f.matches(oneTag, m_tags));
        f.set("night", {});
        QVERIFY(f.prepare(m_tags));
        QVERIFY(f.shows(both, m_tags));
        QVERIFY(!f.shows(oneTag, m_tags));
    }

    void aTagNoRowHasMatchesNothing()
    {
        const VideoRecord r = rec(1, 100, "t", {"food"});
        VideoFilter f;
        f.set({}, {"unknown"});
        QVERIFY(!f.prepare(m_tags));
        QVERIFY(!f.matches(r, m_tags));
    }

    void deletedRowsAndRowsPastTheBoundAreHidden()
    {
        VideoRecord older = rec(1, 100, "t", {});
        const VideoRecord newer = rec(2, 200, "t", {});
        VideoFilter f;
        f.prepare(m_tags);
        QVERIFY(f.shows(older, m_tags));
        QVERIFY(f.setLowerBound(VideoSortKey{200, 2}));
        QVERIFY(!f.setLowerBound(VideoSortKey{200, 2}));
        QVERIFY(f.shows(newer, m_tags));
        QVERIFY(!f.shows(older, m_tags));  // not paged in yet
        QVERIFY(f.matches(older, m_tags)); // but it matches the filter
        f.setLowerBound(std::nullopt);
        older.setPendingDelete(true);
        QVERIFY(!f.shows(older, m_tags));
    }
};

QTEST_GUILESS_MAIN(TestVideoFilter)
#include "tst_videofilter.moc"
