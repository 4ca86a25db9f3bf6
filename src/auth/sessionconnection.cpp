#include "auth/sessionconnection.h"

#include <algorithm>
#include <QCoreApplication>
#include <QRandomGenerator>

namespace clipshelf {

namespace {
constexpr int kMaxBackoffSeconds = 120;
} // namespace

SessionConnection::SessionConnection(QObject *parent) : QObject(parent)
{
    m_retry.setSingleShot(true);
    // Precise: a coarse timer may fire 5% early, before a Retry-After has passed.
    m_retry.setTimerType(Qt::PreciseTimer);
    connect(&m_retry, &QTimer::timeout, this, &SessionConnection::retryDue);
}

void SessionConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit changed();
}

int SessionConnection::reconnectInSeconds() const
{
    if (!m_retry.isActive())
        return 0;
    return (m_retry.remainingTime() + 999) / 1000;
}

void SessionConnection::sessionStarted()
{
    m_failures = 0;
    setState(Online);
}

void SessionConnection::refreshSucceeded()
{
    m_failures = 0;
    m_lastFailure.clear();
    m_lastFailureStatus = 0;
    m_lastProblem = {};
    setState(Online);
}

void SessionConnection::noteRefreshFailure(const QString &why, int httpStatus,
                                           const Problem &problem)
{
    m_lastFailure = why;
    m_lastFailureStatus = httpStatus;
    m_lastProblem = problem;
    setState(httpStatus == 0 ? Offline : Reconnecting);
}

void SessionConnection::backOff(int retryAfterSeconds)
{
    // Exponential backoff with full jitter, at least what the server asked for.
    const int exponent = std::min(m_failures, 7);
    ++m_failures;
    const double cap = std::min<double>(kMaxBackoffSeconds, 1 << exponent);
    double seconds = cap * (0.5 + 0.5 * QRandomGenerator::global()->generateDouble());
    if (retryAfterSeconds >= 0)
        seconds = std::max<double>(seconds, retryAfterSeconds);
    m_retry.start(int(seconds * 1000));
    if (m_state == Online)
        setState(Reconnecting);
    emit changed(); // reconnectInSeconds changed
}

// The messages keep the SessionManager's translation context (they were its own).
TokenProblem SessionConnection::backingOffProblem() const
{
    QString why = m_lastFailure.isEmpty()
                      ? QCoreApplication::translate("clipshelf::SessionManager",
                                                    "The sign-in service could not be reached.")
                      : m_lastFailure;
    if (!why.endsWith(u'.'))
        why += u'.';
    return {TokenProblem::Transient,
            QCoreApplication::translate("clipshelf::SessionManager", "%1 Trying again in %n s.",
                                        nullptr, reconnectInSeconds())
                .arg(why),
            m_lastFailureStatus,
            m_lastProblem.isError()
                ? m_lastProblem
                : Problem(Problem::Kind::NetworkUnreachable, Problem::Source::Provider)};
}

void SessionConnection::noteReachable(bool reachable)
{
    if (m_state == SessionEnded)
        return;
    if (!reachable)
        setState(Offline);
    else if (!m_retry.isActive())
        setState(Online);
}

} // namespace clipshelf
