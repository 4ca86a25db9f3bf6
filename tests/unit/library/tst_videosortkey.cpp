// VideoSortKey: the library's order.
#include "library/videosortkey.h"

#include <QTest>

using namespace clipshelf;

class TestVideoSortKey : public QObject
{
    Q_OBJECT
private slots:
    void newestFirst()
    {
        QVERIFY((VideoSortKey{2000, 1}.before({1000, 9})));
        QVERIFY(!(VideoSortKey{1000, 9}.before({2000, 1})));
    }

    void sameTimeHigherServerIdFirst()
    {
        QVERIFY((VideoSortKey{1000, 9}.before({1000, 8})));
        QVERIFY(!(VideoSortKey{1000, 8}.before({1000, 9})));
    }

    void queuedAddsBeforeServerRowsAndLaterAddsFirst()
    {
        QVERIFY((VideoSortKey{1000, -1}.before({1000, 50})));
        QVERIFY(!(VideoSortKey{1000, 50}.before({1000, -1})));
        // Local ids are -seq: the later add (-5) comes before the earlier one (-2).
        QVERIFY((VideoSortKey{1000, -5}.before({1000, -2})));
    }

    void aKeyIsNotBeforeItself()
    {
        const VideoSortKey k{1000, 3};
        QVERIFY(!k.before(k));
        QCOMPARE(k, (VideoSortKey{1000, 3}));
    }
};

QTEST_GUILESS_MAIN(TestVideoSortKey)
#include "tst_videosortkey.moc"
