// UndoWindow: the undo windows of deleted videos.
#include "library/undowindow.h"

#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;

class TestUndoWindow : public QObject
{
    Q_OBJECT
private slots:
    void aWindowEndsWithExpired()
    {
        UndoWindow w;
        w.setDurationMs(20);
        QSignalSpy expired(&w, &UndoWindow::expired);
        w.open(5, 101);
        QVERIFY(w.isHeld(5));
        QVERIFY(w.holdsSeq(101));
        QVERIFY(!w.holdsSeq(102));
        QVERIFY(expired.wait(2000));
        QCOMPARE(expired.takeFirst().at(0).toLongLong(), 5);
        QVERIFY(w.isHeld(5)); // held until closed: the owner decides what happens
        QCOMPARE(w.close(5), std::optional<qint64>(101));
        QVERIFY(!w.isHeld(5));
        QCOMPARE(w.close(5), std::nullopt);
    }

    void closingEarlyStopsTheTimer()
    {
        UndoWindow w;
        w.setDurationMs(20);
        QSignalSpy expired(&w, &UndoWindow::expired);
        w.open(5, 101);
        QCOMPARE(w.close(5), std::optional<qint64>(101));
        QTest::qWait(80);
        QCOMPARE(expired.count(), 0);
    }

    void retargetMovesTheHoldAndStartsTheWindowAgain()
    {
        UndoWindow w;
        w.setDurationMs(20);
        QSignalSpy expired(&w, &UndoWindow::expired);
        w.open(-3, 7);
        w.retarget(-3, 42);
        QVERIFY(!w.isHeld(-3));
        QVERIFY(w.isHeld(42));
        QVERIFY(expired.wait(2000));
        QCOMPARE(expired.takeFirst().at(0).toLongLong(), 42);
        w.retarget(99, 100); // nothing held: nothing happens
        QVERIFY(!w.isHeld(100));
    }

    void stoppedTimersKeepTheHolds()
    {
        UndoWindow w;
        w.setDurationMs(20);
        QSignalSpy expired(&w, &UndoWindow::expired);
        w.open(1, 11);
        w.open(2, 12);
        w.stopTimers();
        QTest::qWait(80);
        QCOMPARE(expired.count(), 0);
        QCOMPARE(w.heldIds().size(), 2);
        w.clear();
        QVERIFY(w.heldIds().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUndoWindow)
#include "tst_undowindow.moc"
