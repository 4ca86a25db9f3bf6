// CachedLibrary: the library cache file read into the models and written back (a real cache in a
// temporary directory).
#include "library/cachedlibrary.h"
#include "library/taglistmodel.h"
#include "library/videolistmodel.h"
#include "testdata.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

class TestCachedLibrary : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<LibraryCache> m_cache;
    VideoListModel m_videos;
    TagListModel m_tags;

    void seed(const QByteArray &json)
    {
        m_cache->writeLibraryAsync([json] { return json; });
        m_cache->waitForWrites();
        m_cache->setLibraryState({"c-3", false, 41});
        m_cache->setTags({{"music", 2}});
    }

private slots:
    void init()
    {
        m_cache = std::make_unique<LibraryCache>(m_dir.path() + "/cache");
        m_cache->clear(); // nothing from the test before
        m_cache->setOwnerSub("user_alice");
        m_videos.clear();
        m_tags.setTags({});
    }

    void loadsAtOnce()
    {
        seed(testData("library/page.json"));
        CachedLibrary file(m_cache.get(), &m_videos, &m_tags);
        qint64 ms = -1;
        const auto state = file.load(&ms);
        QVERIFY(state);
        QCOMPARE(state->count, 41);
        QCOMPARE(state->nextCursor, QString("c-3"));
        QVERIFY(ms >= 0);
        QCOMPARE(m_videos.totalRows(), 3);
        QCOMPARE(m_tags.count(), 1);
    }

    void nothingShownFromAMissingOrBrokenFile()
    {
        CachedLibrary file(m_cache.get(), &m_videos, &m_tags);
        QVERIFY(!file.load());
        seed("{\"videos\":[{\"id\":");
        QVERIFY(!file.load());
        QCOMPARE(m_videos.totalRows(), 0);
    }

    void loadsInTheBackground()
    {
        seed(testData("library/page.json"));
        CachedLibrary file(m_cache.get(), &m_videos, &m_tags);
        QSignalSpy loaded(&file, &CachedLibrary::loaded);
        file.loadInBackground();
        QVERIFY(file.isLoading());
        QVERIFY(loaded.wait(5000));
        QVERIFY(!file.isLoading());
        QCOMPARE(loaded.at(0).at(0).toBool(), true);
        QCOMPARE(m_videos.totalRows(), 3);
    }

    void aCancelledReadIsDropped()
    {
        seed(testData("library/page.json"));
        CachedLibrary file(m_cache.get(), &m_videos, &m_tags);
        QSignalSpy loaded(&file, &CachedLibrary::loaded);
        file.loadInBackground();
        QVERIFY(file.cancel());
        file.waitForBackgroundWork();
        QCOMPARE(loaded.count(), 0);
        QCOMPARE(m_videos.totalRows(), 0);
        QVERIFY(!file.cancel());
    }

    void writesTheServersRows()
    {
        VideoRow server, queued;
        server.id = 8, server.createdMs = 100, server.youtubeId = "abcdefghijk",
        server.title = "Kept";
        queued.id = -2, queued.createdMs = 200, queued.youtubeId = "bbbbbbbbbbb",
        queued.title = "Not yet";
        m_videos.setRows({server, queued});
        CachedLibrary file(m_cache.get(), &m_videos, &m_tags);
        file.write(17, "next");
        m_cache->waitForWrites();
        videojson::Page page;
        QVERIFY(videojson::parsePage(m_cache->readLibraryJson(), &page));
        QCOMPARE(page.rows.size(), size_t(1));
        QCOMPARE(page.rows[0].title, QString("Kept"));
        QCOMPARE(page.count, 17);
        QCOMPARE(page.nextCursor, QString("next"));
    }
};

QTEST_GUILESS_MAIN(TestCachedLibrary)
#include "tst_cachedlibrary.moc"
