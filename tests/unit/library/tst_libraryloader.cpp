// LibraryLoader against a scripted API: the cache at once, then GET /videos page by page and GET
// /tags.
#include "library/libraryloader.h"
#include "library/taglistmodel.h"
#include "library/videojson.h"
#include "library/videolistmodel.h"
#include "scriptedapi.h"
#include "testdata.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

class TestLibraryLoader : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    struct Fixture
    {
        explicit Fixture(QNetworkAccessManager &nam)
            : backend(api.base(), api.server.issuer(), &nam),
              loader(backend.client.get(), backend.cache.get(), &videos, &tags)
        {
            backend.cache->setOwnerSub("user_alice");
            api.answer = [this](const FakeRequest &r) {
                if (r.path == "/api/v1/tags")
                    return ScriptedApi::json(
                        R"({"tags":[{"name":"music","count":2},{"name":"80s","count":1}]})");
                if (r.path == "/api/v1/videos") {
                    queries << r.query.toString();
                    return ScriptedApi::json(page);
                }
                return FakeResponse{404, "{}"};
            };
        }
        ScriptedApi api;
        ControllerBackend backend;
        VideoListModel videos;
        TagListModel tags;
        LibraryLoader loader;
        QByteArray page = testData("library/page.json");
        QStringList queries;
    };

private slots:
    void refreshLoadsTheFirstPageAndTheTags()
    {
        Fixture f(m_nam);
        QSignalSpy applied(&f.loader, &LibraryLoader::pageApplied);
        f.loader.refresh();
        QVERIFY(f.loader.isLoading());
        QVERIFY(applied.wait(5000));
        QVERIFY(!f.loader.isLoading());
        QVERIFY(f.loader.hasLoaded());
        QVERIFY(f.loader.hasServerData());
        QCOMPARE(f.queries.size(), 1);
        QVERIFY(f.queries.at(0).contains("limit=100"));
        QCOMPARE(f.videos.totalRows(), 3);
        QCOMPARE(f.loader.totalCount(), 41); // the server's count: more pages to come
        QVERIFY(!f.loader.isComplete());
        QVERIFY(f.videos.canFetchMore({}));
        QTRY_COMPARE(f.tags.count(), 2);
        QCOMPARE(f.backend.cache->libraryState().count, 41);
        QCOMPARE(f.backend.cache->libraryState().nextCursor, QString("c-3"));
    }

    void theNextPageUsesTheCursor()
    {
        Fixture f(m_nam);
        QSignalSpy applied(&f.loader, &LibraryLoader::pageApplied);
        f.loader.refresh();
        QVERIFY(applied.wait(5000));
        f.page = R"({"videos":[],"count":41,"next_cursor":null})";
        f.videos.fetchMore({});
        QVERIFY(applied.wait(5000));
        QVERIFY(f.queries.at(1).contains("cursor=c-3"));
        QVERIFY(f.loader.isComplete());
        QCOMPARE(f.loader.totalCount(), 3); // everything known: counted locally
    }

    void aCompletePageDropsRowsDeletedElsewhere()
    {
        Fixture f(m_nam);
        VideoRow gone, queued;
        gone.id = 99, gone.createdMs = 1, gone.youtubeId = "ggggggggggg";
        queued.id = -3, queued.createdMs = 2, queued.youtubeId = "qqqqqqqqqqq",
        queued.pending = true;
        f.videos.setRows({gone, queued});
        f.page =
            R"({"videos":[{"id":5,"youtube_id":"abcdefghijk","created_at":"2026-01-01T00:00:00Z"}],"count":1,"next_cursor":null})";
        QSignalSpy applied(&f.loader, &LibraryLoader::pageApplied);
        f.loader.refresh();
        QVERIFY(applied.wait(5000));
        QVERIFY(!f.videos.find(99)); // the server no longer has it
        QVERIFY(f.videos.find(-3));  // a queued add stays
        QVERIFY(f.videos.find(5));
    }

    void anUnreadablePageSaysSo()
    {
        Fixture f(m_nam);
        f.page = "{\"videos\":[";
        QSignalSpy failed(&f.loader, &LibraryLoader::failed);
        f.loader.refresh();
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.at(0).at(0).toString().contains("could not read"));
        QCOMPARE(f.videos.totalRows(), 0);
    }

    void offlineNothingIsFetchedAndFiltersRunLocally()
    {
        Fixture f(m_nam);
        f.loader.setOnline(false);
        f.loader.refresh();
        QTest::qWait(150);
        QVERIFY(f.queries.isEmpty());
        VideoRow a;
        a.id = 1, a.createdMs = 1, a.youtubeId = "aaaaaaaaaaa", a.title = "Pasta";
        f.videos.setRows({a});
        f.videos.setFilter("nothing", {});
        f.loader.filterChanged();
        QCOMPARE(f.loader.totalCount(), 0);
        QVERIFY(f.queries.isEmpty());
    }

    void theCacheIsShownAndWrittenBack()
    {
        Fixture f(m_nam);
        const QByteArray json = testData("library/page.json");
        f.backend.cache->writeLibraryAsync([json] { return json; });
        f.backend.cache->waitForWrites();
        f.backend.cache->setLibraryState({"c-3", true, 3});
        f.loader.setOnline(false);
        f.loader.loadCache();
        QCOMPARE(f.videos.totalRows(), 3);
        QVERIFY(f.loader.isComplete());
        QVERIFY(f.loader.hasLoaded());
        f.videos.remove(12);
        f.loader.flushCache();
        f.backend.cache->waitForWrites();
        videojson::Page page;
        QVERIFY(videojson::parsePage(f.backend.cache->readLibraryJson(), &page));
        QCOMPARE(page.rows.size(), size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestLibraryLoader)
#include "tst_libraryloader.moc"
