// SerialQueue: operations run one at a time, in call order, from the event loop.
#include "storage/serialqueue.h"

#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;

class TestSerialQueue : public QObject
{
    Q_OBJECT
private slots:
    void startsLaterNotInsideEnqueue()
    {
        SerialQueue queue;
        bool started = false;
        queue.enqueue([&] { started = true; });
        QVERIFY(!started);
        QCOMPARE(queue.pending(), 1);
        QTRY_VERIFY(started);
        QCOMPARE(queue.pending(), 1); // running until finished()
        queue.finished();
        QCOMPARE(queue.pending(), 0);
    }

    void runsOneAtATimeInCallOrder()
    {
        SerialQueue queue;
        QStringList order;
        queue.enqueue([&] { order << QStringLiteral("a"); });
        queue.enqueue([&] { order << QStringLiteral("b"); });
        queue.enqueue([&] {
            order << QStringLiteral("c");
            queue.finished(); // finishing from inside the start is allowed
        });
        QTRY_COMPARE(order, QStringList{QStringLiteral("a")});
        QCOMPARE(queue.pending(), 3);
        // The second waits for the first to finish, however long the loop runs.
        QTest::qWait(20);
        QCOMPARE(order, QStringList{QStringLiteral("a")});
        queue.finished();
        QTRY_COMPARE(order, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        queue.finished();
        QTRY_COMPARE(queue.pending(), 0);
        QCOMPARE(order,
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    }

    void destroyedQueueDropsWhatIsQueued()
    {
        bool started = false;
        {
            SerialQueue queue;
            queue.enqueue([&] { started = true; });
        }
        QCoreApplication::processEvents();
        QVERIFY(!started);
    }
};

QTEST_GUILESS_MAIN(TestSerialQueue)
#include "tst_serialqueue.moc"
