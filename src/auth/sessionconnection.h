#pragma once

#include "api/tokensource.h"

#include <QObject>
#include <QString>
#include <QTimer>

namespace clipshelf {

/**
 * The session's connection as the user sees it (online, reconnecting, offline,
 * ended) and the backoff after a failed refresh: exponential with full jitter,
 * never shorter than the provider's Retry-After. What the API's answers say
 * about the network comes in through noteReachable().
 */
class SessionConnection : public QObject
{
    Q_OBJECT
public:
    enum State { Online, Reconnecting, Offline, SessionEnded };

    explicit SessionConnection(QObject *parent = nullptr);

    State state() const { return m_state; }
    void setState(State state);
    /// Seconds until the next refresh attempt while backing off (0 otherwise).
    int reconnectInSeconds() const;
    bool isBackingOff() const { return m_retry.isActive(); }

    /// A session was restored or adopted: no failures so far, online.
    void sessionStarted();
    /// A refresh renewed the tokens: the backoff and its reason are over, online.
    void refreshSucceeded();
    /// A refresh failed for \a why (\a httpStatus 0: the provider could not be reached).
    void noteRefreshFailure(const QString &why, int httpStatus, const Problem &problem);
    /// Why the last refresh failed (None once one succeeds).
    Problem lastProblem() const { return m_lastProblem; }
    /// Waits before the next attempt (at least \a retryAfterSeconds, when not negative).
    void backOff(int retryAfterSeconds);
    void stopBackoff() { m_retry.stop(); }
    /// The answer to a caller while backing off: the last failure and the wait.
    TokenProblem backingOffProblem() const;

    /// A request reached the API or failed at the network level (Connectivity).
    void noteReachable(bool reachable);

signals:
    /// The state or the time until the next attempt changed.
    void changed();
    /// The backoff is over: time for the next refresh attempt.
    void retryDue();

private:
    State m_state = Online;
    QTimer m_retry; ///< backoff after a failed refresh
    int m_failures = 0;
    QString m_lastFailure;       ///< why the last refresh failed (while backing off)
    int m_lastFailureStatus = 0; ///< the provider's HTTP status of that failure (0: unreachable)
    Problem m_lastProblem;       ///< that failure as a Problem
};

} // namespace clipshelf
