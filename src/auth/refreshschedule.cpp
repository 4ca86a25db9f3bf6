#include "auth/refreshschedule.h"

#include "auth/tokentiming.h"

#include <algorithm>

namespace clipshelf {

namespace {
constexpr int kWakeCheckMs = 15'000;
/// Refreshes start at least this far apart, whatever expires_in says (no tight loop).
constexpr int kMinRefreshIntervalMs = 2000;
} // namespace

RefreshSchedule::RefreshSchedule(QObject *parent) : QObject(parent)
{
    m_proactive.setSingleShot(true);
    // Precise: a coarse timer may fire 5% late.
    m_proactive.setTimerType(Qt::PreciseTimer);
    connect(&m_proactive, &QTimer::timeout, this, &RefreshSchedule::due);
    // Timers stop while a computer sleeps; a periodic look at the wall clock
    // notices an expiry that passed meanwhile.
    m_wakeCheck.setInterval(kWakeCheckMs);
    connect(&m_wakeCheck, &QTimer::timeout, this, &RefreshSchedule::wakeCheck);
    m_throttle.setSingleShot(true);
    connect(&m_throttle, &QTimer::timeout, this, &RefreshSchedule::due);
}

void RefreshSchedule::plan(const Session &session)
{
    m_wakeCheck.start();
    if (!session.accessTokenExpiry.isValid() || !session.hasRefreshToken()) {
        m_proactive.stop();
        return;
    }
    const qint64 dueInMs = tokentiming::msUntilRefreshDue(session, QDateTime::currentDateTimeUtc());
    m_proactive.start(int(std::clamp<qint64>(dueInMs, 0, 24LL * 3600 * 1000)));
}

void RefreshSchedule::stop()
{
    m_proactive.stop();
    m_wakeCheck.stop();
}

bool RefreshSchedule::admit()
{
    if (m_lastStart.isValid() && m_lastStart.elapsed() < kMinRefreshIntervalMs) {
        // Too soon after the last one (e.g. expires_in 0): waiters wait for the deferred refresh.
        if (!m_throttle.isActive())
            m_throttle.start(int(kMinRefreshIntervalMs - m_lastStart.elapsed()));
        return false;
    }
    m_lastStart.start();
    return true;
}

} // namespace clipshelf
