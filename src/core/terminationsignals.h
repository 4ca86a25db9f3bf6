#pragma once

#include <QObject>

class QSocketNotifier;

namespace clipshelf {

/**
 * SIGTERM, SIGINT and SIGHUP (a desktop session ending, Ctrl+C, a closed
 * terminal) delivered as a Qt signal on the thread that made this object, so
 * that a process quits through its orderly path. The C handler only write()s
 * the signal number to a self-pipe that a QSocketNotifier reads. Once the
 * first of them has arrived (or markShuttingDown() was called), a further one
 * ends the process at once with _exit(128 + signal): everything the program
 * stores is written atomically (SQLite transactions, QSaveFile), so nothing is
 * left half-written. One instance at a time; on other systems than Unix it
 * does nothing.
 */
class TerminationSignals : public QObject
{
    Q_OBJECT
public:
    explicit TerminationSignals(QObject *parent = nullptr);
    /// Puts the previous handlers back.
    ~TerminationSignals() override;

    /// The orderly shutdown has begun (e.g. the window closed): the next signal exits at once.
    static void markShuttingDown();
    /// True once a signal arrived or markShuttingDown() was called.
    static bool isShuttingDown();
    /// The exit status a shell reports for \a signalNumber (128 + it: 143 for SIGTERM, 130 for
    /// SIGINT).
    static int exitCodeFor(int signalNumber) { return 128 + signalNumber; }

signals:
    /// The first of SIGTERM, SIGINT or SIGHUP arrived.
    void received(int signalNumber);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace clipshelf
