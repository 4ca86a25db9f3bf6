// LibrarySearch: the typed text (debounced) and the selected tags, set as the list's filter.
#include "library/librarysearch.h"
#include "library/taglistmodel.h"
#include "library/videolistmodel.h"

#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;

class TestLibrarySearch : public QObject
{
    Q_OBJECT

    VideoListModel m_videos;
    TagListModel m_tags;

private slots:
    void init()
    {
        VideoRow a, b;
        a.id = 1, a.createdMs = 100, a.youtubeId = "aaaaaaaaaaa", a.title = "Pasta",
        a.tags = {"food"};
        b.id = 2, b.createdMs = 200, b.youtubeId = "bbbbbbbbbbb", b.title = "Running",
        b.tags = {"sport"};
        m_videos.setRows({a, b});
        m_videos.setFilter({}, {});
        m_tags.setTags({{"food", 1}, {"sport", 1}});
    }

    void textWaitsForTheDebounce()
    {
        LibrarySearch s(&m_videos, &m_tags, 30);
        QSignalSpy applied(&s, &LibrarySearch::applied);
        QSignalSpy text(&s, &LibrarySearch::textChanged);
        s.setText("pas");
        s.setText("pasta");
        QCOMPARE(text.count(), 2);
        QCOMPARE(m_videos.count(), 2); // not yet
        QVERIFY(applied.wait(2000));
        QCOMPARE(applied.count(), 1); // once, after the last keystroke
        QCOMPARE(applied.at(0).at(0).toBool(), true);
        QCOMPARE(m_videos.count(), 1);
        QCOMPARE(m_videos.filterText(), QString("pasta"));
    }

    void applyNowSkipsTheWait()
    {
        LibrarySearch s(&m_videos, &m_tags, 10'000);
        s.setText("run");
        s.applyNow();
        QCOMPARE(m_videos.count(), 1);
        QSignalSpy applied(&s, &LibrarySearch::applied);
        s.applyNow();
        QCOMPARE(applied.at(0).at(0).toBool(), false); // nothing changed
    }

    void tagsToggleAtOnceAndShowAsSelected()
    {
        LibrarySearch s(&m_videos, &m_tags, 10'000);
        QSignalSpy tags(&s, &LibrarySearch::selectedTagsChanged);
        s.toggleTag(" Food ");
        QCOMPARE(s.selectedTags(), QStringList{"food"});
        QCOMPARE(m_videos.count(), 1);
        QVERIFY(m_tags.data(m_tags.index(0), TagListModel::SelectedRole).toBool());
        s.toggleTag("food");
        QVERIFY(s.selectedTags().isEmpty());
        QCOMPARE(m_videos.count(), 2);
        QCOMPARE(tags.count(), 2);
        s.toggleTag("  ");
        QCOMPARE(tags.count(), 2);
    }

    void clearDropsTextAndTags()
    {
        LibrarySearch s(&m_videos, &m_tags, 10'000);
        s.toggleTag("sport");
        s.setText("x");
        QSignalSpy text(&s, &LibrarySearch::textChanged);
        s.clear();
        QVERIFY(s.text().isEmpty());
        QVERIFY(s.selectedTags().isEmpty());
        QCOMPARE(text.count(), 1);
        QVERIFY(!m_videos.isFiltered());
        QCOMPARE(m_videos.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestLibrarySearch)
#include "tst_librarysearch.moc"
