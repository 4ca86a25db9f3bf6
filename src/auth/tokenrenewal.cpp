#include "auth/tokenrenewal.h"

#include "auth/refreshlock.h"
#include "auth/refreshschedule.h"
#include "auth/sessionconnection.h"
#include "auth/sessionkeeper.h"
#include "auth/sessionvault.h"
#include "auth/tokenrefresher.h"
#include "auth/tokentiming.h"
#include "core/logging.h"

#include <climits>
#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QPointer>
#include <QTimer>

namespace clipshelf {

TokenRenewal::TokenRenewal(const Config &config, QNetworkAccessManager *nam, SessionState *state,
                           SessionKeeper *keeper, SessionConnection *connection, QObject *parent)
    : QObject(parent), m_state(state), m_keeper(keeper), m_connection(connection),
      m_refresher(std::make_unique<TokenRefresher>(config, nam)),
      m_schedule(std::make_unique<RefreshSchedule>()),
      m_lock(std::make_unique<RefreshLock>(RefreshLock::pathFor(config.profile())))
{
    connect(m_connection, &SessionConnection::retryDue, this, [this] { start(false); });
    connect(m_schedule.get(), &RefreshSchedule::due, this, [this] { start(false); });
    connect(m_schedule.get(), &RefreshSchedule::wakeCheck, this, [this] {
        if (m_state->session.isValid() && needsRefresh() && !m_refreshing &&
            !m_connection->isBackingOff())
            start(false);
    });
}

TokenRenewal::~TokenRenewal() = default;

TokenClient *TokenRenewal::tokenClient() const
{
    return m_refresher->tokenClient();
}

bool TokenRenewal::needsRefresh() const
{
    return tokentiming::needsRefresh(m_state->session, QDateTime::currentDateTimeUtc());
}

void TokenRenewal::plan()
{
    m_schedule->plan(m_state->session);
}

void TokenRenewal::stop()
{
    m_schedule->stop();
    m_connection->stopBackoff();
}

void TokenRenewal::start(bool force)
{
    if (m_refreshing || !m_state->session.isValid())
        return;
    if (!m_state->session.hasRefreshToken()) {
        emit ended(QCoreApplication::translate("clipshelf::SessionManager",
                                               "Your session has ended — please sign in again."));
        return;
    }
    if (!m_schedule->admit())
        return; // too soon after the last one: the schedule starts it shortly
    m_refreshing = true;
    m_connection->stopBackoff();
    m_lock->acquire([this, force](bool held) { onLocked(force && held); }, 30'000);
}

void TokenRenewal::onLocked(bool force)
{
    if (!m_lock->isHeld()) {
        release(TokenProblem{
            TokenProblem::Transient,
            QCoreApplication::translate("clipshelf::SessionManager",
                                        "Another Clipshelf window is still renewing the session."),
            0, Problem(Problem::Kind::Timeout, Problem::Source::Provider)});
        m_connection->backOff(-1);
        return;
    }
    // Another process may have refreshed while we waited: its tokens are in the vault.
    m_keeper->vault().load([this, self = QPointer(this), force](const SecretResult &result,
                                                                const Session &stored) {
        if (!self)
            return;
        Session &current = m_state->session;
        Session base = current;
        if (result.ok() && stored.isValid() && stored.profile.subject == current.profile.subject &&
            stored.refreshToken != current.refreshToken) {
            qCInfo(lcAuth) << "Adopting tokens another Clipshelf process refreshed";
            base = stored;
            current = stored;
            m_state->rejected = false;
            emit sessionChanged();
            if (!needsRefresh()) {
                plan();
                release(std::nullopt);
                return;
            }
        } else if (!force && !m_state->rejected && !needsRefresh()) {
            release(std::nullopt);
            return;
        }
        refreshWith(base);
    });
}

void TokenRenewal::refreshWith(const Session &base)
{
    m_refresher->refresh(base, [this](const TokenRefresher::Outcome &outcome) {
        switch (outcome.kind) {
        case TokenRefresher::Outcome::Renewed:
            storeRefreshed(outcome.session);
            return;
        case TokenRefresher::Outcome::Ended:
            emit ended(outcome.message);
            return;
        case TokenRefresher::Outcome::Failed:
            m_connection->noteRefreshFailure(outcome.message, outcome.httpStatus, outcome.problem);
            release(TokenProblem{TokenProblem::Transient, outcome.message, outcome.httpStatus,
                                 outcome.problem});
            m_connection->backOff(outcome.retryAfterSeconds);
            return;
        }
    });
}

// The rotated refresh token is stored before anyone gets the new access
// token and before the old one is dropped: a crash must not lose the only
// valid refresh token unseen. The refresh (its lock included) lasts until then.
void TokenRenewal::storeRefreshed(const Session &next)
{
    m_keeper->saveRenewed(next, [this, next](const SecretResult &result) {
        m_state->session = next;
        // Not stored: this process keeps it (and says so), and keeps trying.
        m_keeper->setUnsaved(!result.ok(), result.message);
        m_state->rejected = false;
        m_connection->refreshSucceeded();
        plan();
        emit sessionChanged();
        emit refreshed();
        release(std::nullopt);
    });
}

void TokenRenewal::retryUnsaved()
{
    if (!m_keeper->hasUnsavedSession() || !m_state->session.isValid() || m_refreshing)
        return;
    const Session current = m_state->session;
    m_keeper->vault().save(
        current, [this, self = QPointer(this), current](const SecretResult &result) {
            if (!self || !m_keeper->hasUnsavedSession() || m_state->session != current)
                return; // ended, or a newer refresh stored (or failed to store) its own
            m_keeper->setUnsaved(!result.ok(), result.message);
        });
}

void TokenRenewal::release(std::optional<TokenProblem> problem)
{
    m_lock->release();
    m_refreshing = false;
    if (problem) {
        failWaiters(*problem);
        return;
    }
    const QList<TokenCallback> waiters = std::exchange(m_waiters, {});
    for (const TokenCallback &w : waiters)
        w(m_state->session.accessToken, std::nullopt);
}

void TokenRenewal::failWaiters(const TokenProblem &problem)
{
    const QList<TokenCallback> waiters = std::exchange(m_waiters, {});
    for (const TokenCallback &w : waiters)
        w({}, problem);
}

void TokenRenewal::waitForRefresh(QDeadlineTimer deadline)
{
    qCInfo(lcAuth) << "Waiting for the session refresh under way before exiting";
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QTimer poll; // m_refreshing has no signal of its own
    connect(&poll, &QTimer::timeout, &loop, [this, &loop] {
        if (!m_refreshing)
            loop.quit();
    });
    poll.start(10);
    if (!deadline.isForever())
        timeout.start(int(std::clamp<qint64>(deadline.remainingTime(), 0, INT_MAX)));
    if (!deadline.hasExpired())
        loop.exec();
}

} // namespace clipshelf
