// videolinks: a video's link and details for the library page's dialogs.
#include "library/videolinks.h"
#include "library/videolistmodel.h"

#include <QTest>

using namespace clipshelf;

class TestVideoLinks : public QObject
{
    Q_OBJECT

    VideoListModel m_videos;

private slots:
    void init()
    {
        VideoRow saved, broken;
        saved.id = 5, saved.createdMs = 100, saved.youtubeId = "dQw4w9WgXcQ", saved.title = "Saved";
        saved.url = "https://youtu.be/dQw4w9WgXcQ";
        broken.id = 6, broken.createdMs = 50, broken.youtubeId = "bad id!",
        broken.url = "javascript:alert(1)";
        m_videos.setRows({saved, broken});
    }

    void aValidNewLink()
    {
        const QVariantMap m = videolinks::check("https://youtu.be/9bZkp7q19f0", m_videos);
        QVERIFY(m.value("valid").toBool());
        QCOMPARE(m.value("youtubeId").toString(), QString("9bZkp7q19f0"));
        QCOMPARE(m.value("canonicalUrl").toString(),
                 QString("https://www.youtube.com/watch?v=9bZkp7q19f0"));
        QCOMPARE(m.value("thumbnailSource").toString(), QString("image://thumbnail/9bZkp7q19f0"));
        QCOMPARE(m.value("existingId").toLongLong(), 0);
        QVERIFY(m.value("message").toString().isEmpty());
    }

    void aLinkAlreadySaved()
    {
        const QVariantMap m =
            videolinks::check("https://www.youtube.com/watch?v=dQw4w9WgXcQ", m_videos);
        QCOMPARE(m.value("existingId").toLongLong(), 5);
        QCOMPARE(m.value("message").toString(), QString("Already in your library"));
    }

    void notAYoutubeLink()
    {
        const QVariantMap m = videolinks::check("https://example.com/video", m_videos);
        QVERIFY(!m.value("valid").toBool());
        QVERIFY(m.value("message").toString().startsWith("This link is not a YouTube video: it "));
        QVERIFY(videolinks::check("   ", m_videos)
                    .value("message")
                    .toString()
                    .isEmpty()); // nothing typed yet
    }

    void theBrowserGetsOnlyARebuiltHttpsLink()
    {
        QCOMPARE(videolinks::safeBrowserUrl(m_videos, 5),
                 QString("https://www.youtube.com/watch?v=dQw4w9WgXcQ"));
        QVERIFY(videolinks::safeBrowserUrl(m_videos, 6).isEmpty()); // its stored URL is never used
        QVERIFY(videolinks::safeBrowserUrl(m_videos, 99).isEmpty());
    }

    void detailsOfShownAndFilteredOutVideos()
    {
        QCOMPARE(videolinks::details(m_videos, 5).value("title").toString(), QString("Saved"));
        m_videos.setFilter("nothing matches this", {});
        const QVariantMap hidden = videolinks::details(m_videos, 5);
        QCOMPARE(hidden.value("url").toString(), QString("https://youtu.be/dQw4w9WgXcQ"));
        QCOMPARE(hidden.value("displayTitle").toString(), QString("Saved"));
        QVERIFY(videolinks::details(m_videos, 99).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestVideoLinks)
#include "tst_videolinks.moc"
