// core/TerminationSignals: a signal arrives as a Qt signal on the event loop,
// and the previous handlers come back when the object goes. (A second signal
// ends the process at once; tests/integration/tst_shutdown covers that.)
#include "core/terminationsignals.h"

#include <csignal>
#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;

class TestTerminationSignals : public QObject
{
    Q_OBJECT
private slots:
    void aSignalArrivesOnTheEventLoop()
    {
        struct sigaction before = {};
        sigaction(SIGHUP, nullptr, &before);
        {
            TerminationSignals watcher;
            QSignalSpy received(&watcher, &TerminationSignals::received);
            QVERIFY(!TerminationSignals::isShuttingDown());
            QCOMPARE(::raise(SIGHUP), 0); // would end the process without the handler
            QVERIFY(TerminationSignals::isShuttingDown());
            QVERIFY(received.wait(5000));
            QCOMPARE(received.count(), 1);
            QCOMPARE(received.at(0).at(0).toInt(), SIGHUP);
            QCOMPARE(TerminationSignals::exitCodeFor(SIGINT), 130);
            QCOMPARE(TerminationSignals::exitCodeFor(SIGTERM), 143);
        }
        struct sigaction after = {};
        sigaction(SIGHUP, nullptr, &after);
        QVERIFY(after.sa_handler == before.sa_handler);
    }
};

QTEST_GUILESS_MAIN(TestTerminationSignals)
#include "tst_terminationsignals.moc"
