#include "api/replywatchdog.h"

#include "core/boundedreply.h"

#include <algorithm>
#include <limits>
#include <QNetworkReply>

namespace clipshelf {

ReplyWatchdog::ReplyWatchdog(QObject *owner)
{
    m_clock.start();
    m_timer.setTimerType(Qt::CoarseTimer);
    QObject::connect(&m_timer, &QTimer::timeout, owner, [this] { check(); });
}

void ReplyWatchdog::watch(QNetworkReply *reply, int timeoutMs, int overallMs)
{
    const qint64 now = m_clock.elapsed();
    const qint64 idle = timeoutMs > 0 ? now + timeoutMs : std::numeric_limits<qint64>::max();
    m_entries.push_back({reply, idle, timeoutMs, 0, now + overallMs});
    const int tick =
        std::clamp(std::min(timeoutMs > 0 ? timeoutMs : overallMs, overallMs) / 8, 10, 1000);
    if (!m_timer.isActive() || m_timer.interval() > tick)
        m_timer.start(tick);
}

void ReplyWatchdog::unwatch(QNetworkReply *reply)
{
    const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                                 [reply](const Entry &e) { return e.reply == reply; });
    if (it == m_entries.end())
        return;
    *it = std::move(m_entries.back());
    m_entries.pop_back();
}

void ReplyWatchdog::check()
{
    const qint64 now = m_clock.elapsed();
    QList<QPointer<QNetworkReply>> expired;
    QList<QPointer<QNetworkReply>> overdue;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (!it->reply || it->reply->isFinished()) {
            *it = std::move(m_entries.back());
            m_entries.pop_back();
            continue;
        }
        const qint64 received = it->reply->bytesAvailable();
        if (now >= it->overallDeadline) {
            overdue.append(it->reply);
        } else if (it->timeoutMs <= 0) {
            // no inactivity timeout: Qt's own transfer timeout watches uploads
        } else if (received != it->received) {
            it->received = received;
            it->deadline = now + it->timeoutMs;
        } else if (now >= it->deadline) {
            expired.append(it->reply);
        }
        ++it;
    }
    if (m_entries.empty())
        m_timer.stop();
    // Aborting finishes the reply at once (and unwatches it): after the loop.
    for (const QPointer<QNetworkReply> &reply : expired) {
        if (reply)
            reply->abort();
    }
    for (const QPointer<QNetworkReply> &reply : overdue) {
        if (reply)
            BoundedReply::abortForDeadline(reply);
    }
}

} // namespace clipshelf
