// VideoRow: one video as the library's logic handles it.
#include "library/videorow.h"

#include <QTest>

using namespace clipshelf;

class TestVideoRow : public QObject
{
    Q_OBJECT
private slots:
    void theCanonicalUrlIsDerivedFromTheId()
    {
        VideoRow r;
        r.youtubeId = "dQw4w9WgXcQ";
        QCOMPARE(r.effectiveUrl(), QString("https://www.youtube.com/watch?v=dQw4w9WgXcQ"));
        r.url = "https://youtu.be/dQw4w9WgXcQ";
        QCOMPARE(r.effectiveUrl(), QString("https://youtu.be/dQw4w9WgXcQ"));
    }

    void anUntitledVideoShowsItsUrl()
    {
        VideoRow r;
        r.youtubeId = "dQw4w9WgXcQ";
        QCOMPARE(r.displayTitle(), QString("https://www.youtube.com/watch?v=dQw4w9WgXcQ"));
        r.title = "Song";
        QCOMPARE(r.displayTitle(), QString("Song"));
    }

    void itsKeyIsTimeAndId()
    {
        VideoRow r;
        r.id = -4;
        r.createdMs = 1234;
        QCOMPARE(r.key(), (VideoSortKey{1234, -4}));
    }
};

QTEST_GUILESS_MAIN(TestVideoRow)
#include "tst_videorow.moc"
