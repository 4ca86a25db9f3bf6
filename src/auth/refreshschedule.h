#pragma once

#include "auth/session.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace clipshelf {

/**
 * When the next refresh is due: shortly before the access token expires (a
 * precise timer), when a look at the wall clock finds that a computer woke from
 * sleep past that point, and never sooner than 2 s after the last refresh began.
 */
class RefreshSchedule : public QObject
{
    Q_OBJECT
public:
    explicit RefreshSchedule(QObject *parent = nullptr);

    /// Plans the refresh ahead of \a session's expiry and starts the wake-up checks.
    void plan(const Session &session);
    /// Nothing is due any more (the session ended).
    void stop();
    /// True when a refresh may begin now (and records that it does); false when the
    /// last one began less than 2 s ago: due() then comes once they have passed.
    bool admit();

signals:
    /// Time to refresh: ahead of expiry, or once a refresh asked for too soon may begin.
    void due();
    /// The periodic wall-clock look: a refresh may be overdue after a sleep.
    void wakeCheck();

private:
    QTimer m_proactive; ///< fires shortly before the access token expires
    QTimer m_wakeCheck; ///< catches a computer waking from sleep past the expiry
    QTimer m_throttle;  ///< a refresh asked for too soon after the last one
    QElapsedTimer m_lastStart;
};

} // namespace clipshelf
