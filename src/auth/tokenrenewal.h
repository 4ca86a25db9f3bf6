#pragma once

#include "api/tokensource.h"
#include "auth/session.h"
#include "core/config.h"

#include <memory>
#include <optional>
#include <QDeadlineTimer>
#include <QList>
#include <QObject>

class QNetworkAccessManager;

namespace clipshelf {

class RefreshLock;
class RefreshSchedule;
class SessionConnection;
class SessionKeeper;
class TokenClient;
class TokenRefresher;

/// The session as the SessionManager holds it; TokenRenewal renews it in place.
struct SessionState
{
    Session session;
    bool rejected = false; ///< the API refused the current access token
};

/**
 * Keeps the session's access token fresh: refreshes when RefreshSchedule says
 * so or a caller needs a token, one at a time per profile across processes
 * (RefreshLock; tokens another process renewed meanwhile are taken from the
 * vault instead), stores the rotated refresh token before anyone gets the new
 * access token, and answers the callers waiting for the refresh.
 */
class TokenRenewal : public QObject
{
    Q_OBJECT
public:
    using TokenCallback = TokenSource::TokenCallback;

    TokenRenewal(const Config &config, QNetworkAccessManager *nam, SessionState *state,
                 SessionKeeper *keeper, SessionConnection *connection, QObject *parent = nullptr);
    ~TokenRenewal() override;

    TokenClient *tokenClient() const;
    /// True while a refresh is under way (waiting for the lock, the keychain or the provider).
    bool isRefreshing() const { return m_refreshing; }
    /// A session began: plans its refresh ahead of expiry.
    void plan();
    /// The session is gone: no refresh is due, the backoff ends.
    void stop();
    /// Starts a refresh unless one runs, the last began too recently (it follows
    /// then), or there is no session. \a force: the API refused the token.
    void start(bool force);
    /// \a done gets the outcome of the refresh under way (start one first).
    void await(TokenCallback done) { m_waiters.append(std::move(done)); }
    /// Answers everyone waiting with \a problem.
    void failWaiters(const TokenProblem &problem);
    /// Ends the refresh under way: releases the lock and answers everyone waiting.
    void release(std::optional<TokenProblem> problem);
    /// Stores the session the keychain refused once more (when nothing else runs).
    void retryUnsaved();
    /// Runs the event loop until the refresh under way ended or \a deadline passed.
    void waitForRefresh(QDeadlineTimer deadline);

signals:
    void sessionChanged();
    /// A refresh finished with new tokens.
    void refreshed();
    /// The session cannot go on (no refresh token, or the provider ended it).
    void ended(const QString &message);

private:
    void onLocked(bool force);
    void refreshWith(const Session &base);
    void storeRefreshed(const Session &next);
    bool needsRefresh() const;

    SessionState *m_state;
    SessionKeeper *m_keeper;
    SessionConnection *m_connection;
    std::unique_ptr<TokenRefresher> m_refresher;
    std::unique_ptr<RefreshSchedule> m_schedule;
    std::unique_ptr<RefreshLock> m_lock;
    bool m_refreshing = false;
    QList<TokenCallback> m_waiters;
};

} // namespace clipshelf
