#pragma once

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <vector>

class QNetworkReply;

namespace clipshelf {

/**
 * Aborts replies that receive nothing for their timeout, with one coarse timer
 * for all of them. QNetworkRequest::setTransferTimeout() gives every reply a
 * QTimer of its own, restarted through a queued call at each step of the
 * transfer: a measurable part of a small request. Progress is what arrived
 * (bytesAvailable() grew), looked at on each tick; the reply is never read here.
 * Replies with a body to send keep Qt's timer, which also sees upload progress.
 */
class ReplyWatchdog
{
public:
    /// The timer's callbacks run in \a owner's context.
    explicit ReplyWatchdog(QObject *owner);

    /// Watches \a reply until unwatch(); aborts it after \a timeoutMs without progress
    /// (0 or less: no inactivity timeout, as with setTransferTimeout()) and, in any
    /// case, \a overallMs after now (a server dripping bytes never times out otherwise).
    void watch(QNetworkReply *reply, int timeoutMs, int overallMs);
    /// Stops watching \a reply (it finished).
    void unwatch(QNetworkReply *reply);

private:
    struct Entry
    {
        QPointer<QNetworkReply> reply;
        qint64 deadline = 0; ///< on m_clock
        int timeoutMs = 0;
        qint64 received = 0;        ///< bytesAvailable() at the last tick
        qint64 overallDeadline = 0; ///< on m_clock, whatever the progress
    };

    void check();

    std::vector<Entry> m_entries;
    QElapsedTimer m_clock;
    QTimer m_timer;
};

} // namespace clipshelf
