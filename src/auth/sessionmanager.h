#pragma once

#include "auth/session.h"
#include "core/config.h"
#include "core/problem.h"
#include "storage/secretstore.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace clipshelf {

class PendingSecretWork;
class RefreshLock;
class SessionVault;
class TokenClient;
struct TokenResponse;

/**
 * The one owner of the signed-in session: its tokens, where they are stored
 * (the keychain, or memory when no keychain is usable), and keeping the access
 * token fresh. Refreshes run ahead of expiry, one at a time per profile across
 * processes (RefreshLock), and never present a refresh token twice.
 */
class SessionManager : public QObject
{
    Q_OBJECT
    Q_PROPERTY(ConnectionState connectionState READ connectionState NOTIFY connectionStateChanged)
    Q_PROPERTY(int reconnectInSeconds READ reconnectInSeconds NOTIFY connectionStateChanged)

public:
    enum ConnectionState { Online, Reconnecting, Offline, SessionEnded };
    Q_ENUM(ConnectionState)

    /// Why no access token could be had.
    struct TokenProblem
    {
        enum Kind {
            Transient,     ///< network, timeout, 5xx, 429: the session goes on; try later
            Ended,         ///< not signed in, or the provider ended the session
        };
        Kind kind = Transient;
        QString message;
        /// For Transient: the provider's HTTP status (5xx, 429), or 0 when it could not be reached.
        int httpStatus = 0;
        /// What it was (TLS, offline, the provider's trouble, …), carried up to the UI and the CLI.
        Problem problem = {};
    };
    /// Receives either a token (problem empty) or a problem.
    using TokenCallback = std::function<void(const QString &accessToken, std::optional<TokenProblem>)>;
    using DoneCallback = std::function<void(SecretResult)>;

    SessionManager(const Config &config, SecretStore *store, QNetworkAccessManager *nam,
                   QObject *parent = nullptr);
    ~SessionManager() override;

    const Session &session() const { return m_session; }
    bool isActive() const { return m_session.isValid(); }
    TokenClient *tokenClient() const { return m_tokens.get(); }
    /// True when no keychain is usable and the session lives in memory only.
    bool isMemoryOnly() const { return m_memoryStore != nullptr; }
    /// Plain words about the keychain when it could not be used ("" when fine).
    QString storageWarning() const { return m_storageWarning; }
    /// True while the keychain lacks the current refresh token (a renewed session it refused);
    /// Clipshelf keeps trying to store it, and storageWarning() says so.
    bool hasUnsavedSession() const { return m_unsaved; }

    /// Restores the stored session (if any, and if it belongs to the configured issuer).
    void load(DoneCallback done);
    /// Takes a new session (after sign-in) and stores it. When prestore() already
    /// began writing this very session, \a done waits for that write instead of
    /// writing again.
    void adopt(const Session &session, DoneCallback done);
    /// Starts writing \a session to storage ahead of adopt(), without making it
    /// the current session (a sign-in whose profile is still being fetched):
    /// the keychain write overlaps the rest of the sign-in.
    void prestore(const Session &session);
    /// The sign-in that called prestore() failed: removes what it stored.
    /// Does nothing when nothing was prestored (or adopt() took it).
    void discardPrestored();
    /// Forgets the session here and in storage; \a done gets the refresh token to revoke.
    void forget(std::function<void(SecretResult, QString refreshToken)> done);

    /// Hands a fresh access token to \a done, refreshing first when it is about
    /// to expire. Calls \a done synchronously when no refresh is needed, and
    /// also while a refresh runs in the background but the token is still usable.
    /// During a backoff after a failed refresh it never contacts the provider:
    /// a still-usable token or a Transient problem comes back at once (the retry
    /// timer, not the callers, makes the next attempt).
    void withAccessToken(TokenCallback done);
    /// The API answered 401 invalid_token for \a rejectedToken: refresh once
    /// (unless another refresh already replaced that token) and hand over the new one.
    /// During a backoff the answer is a Transient problem at once.
    void refreshAfterRejection(const QString &rejectedToken, TokenCallback done);

    /// Records the API's clock (its Date header or /timer). The provider's tokens are
    /// judged by the provider's own clock (its token responses' Date), never by this.
    void noteServerTime(const QDateTime &serverNow);
    qint64 clockSkewSeconds() const { return m_skewSeconds; }
    /// Why the last refresh failed (None once one succeeds).
    Problem lastProblem() const { return m_lastProblem; }
    /// Reports a request's outcome at the network level (from the API client).
    void noteNetworkReachable(bool reachable);

    /// True while a refresh is under way (waiting for the lock, the keychain or the provider).
    bool isRefreshing() const { return m_refreshing; }
    /**
     * What every process calls before it exits, after its event loop has ended
     * (or from its shutdown path): lets a refresh under way finish and lets
     * every keychain write and delete answer (a rotated refresh token stored,
     * an ended session removed), running the event loop until \a deadline at
     * most. Returns false when some of it could not finish in time; then say
     * so (unfinishedWorkMessage()).
     */
    bool finishPendingWork(QDeadlineTimer deadline = QDeadlineTimer(5000));
    /// Keychain writes and deletes that have not answered yet.
    int pendingKeychainWork() const;
    /// The sentence for a process that exits with keychain work unfinished.
    static QString unfinishedWorkMessage();

    ConnectionState connectionState() const { return m_connection; }
    int reconnectInSeconds() const;

    /// Seconds before expiry at which a refresh starts: 60 s or a tenth of the lifetime
    /// (plus expiryMarginMs(), which covers whole-second `exp` claims and transit).
    static qint64 refreshLeadSeconds(qint64 lifetimeSeconds);
    /// How long before its expiry an access token is no longer sent: 2 s, at most half the lifetime.
    static qint64 expiryMarginMs(qint64 lifetimeSeconds);
    bool needsRefresh(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    /// True while the access token may still be sent: not rejected, not within the margin of expiry.
    bool hasUsableAccessToken(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

signals:
    void sessionChanged();
    /// The provider ended the session (invalid_grant, or a foreign ID token).
    void sessionEnded(const QString &message);
    void connectionStateChanged();
    void storageWarningChanged();
    /// A refresh finished with new tokens (tests and benchmarks count these).
    void refreshed();

private:
    void setConnection(ConnectionState state);
    void fallBackToMemory(const QString &why);
    void startRefresh(bool force);
    void onLocked(bool force);
    void refreshWith(const Session &base);
    void onRefreshResponse(const Session &base, const TokenResponse &response);
    void storeRefreshed(const Session &next, int attempt);
    void retryUnsaved();
    void setUnsaved(bool unsaved, const QString &why = {});
    void endSession(const QString &message);
    void failWaiters(const TokenProblem &problem);
    void scheduleProactiveRefresh();
    void scheduleRetry(int retryAfterSeconds);
    void releaseAndNotify(std::optional<TokenProblem> problem);
    void notifyWaiters(const QString &accessToken);
    void finishAdoption(const SecretResult &result, const DoneCallback &done);
    qint64 lifetimeSeconds() const;
    TokenProblem backingOff() const;

    Config m_config;
    QNetworkAccessManager *m_nam;
    std::unique_ptr<TokenClient> m_tokens;
    std::unique_ptr<SecretStore> m_memoryStore;
    std::unique_ptr<PendingSecretWork>
        m_pendingWork; ///< the vault's saves and clears until they answer
    std::unique_ptr<SessionVault> m_vault;
    std::unique_ptr<RefreshLock> m_lock;
    struct PendingSave;
    std::shared_ptr<PendingSave> m_prestored; ///< a sign-in's session being written ahead of adopt()
    Session m_session;
    QString m_storageWarning;
    bool m_refreshing = false;
    QList<TokenCallback> m_waiters;
    QTimer m_proactive;     ///< fires shortly before the access token expires
    QTimer m_wakeCheck;     ///< catches a computer waking from sleep past the expiry
    QTimer m_retry;         ///< backoff after a failed refresh
    QTimer m_throttle;      ///< a refresh asked for too soon after the last one
    QElapsedTimer m_lastRefreshStart;
    QTimer m_storeRetry;    ///< stores a renewed session the keychain refused, later
    bool m_unsaved = false; ///< the keychain does not hold the current (rotated) refresh token
    int m_storeFailures = 0;
    int m_failures = 0;
    QString m_lastFailure;   ///< why the last refresh failed (while backing off)
    int m_lastFailureStatus = 0; ///< the provider's HTTP status of that failure (0: unreachable)
    Problem m_lastProblem;       ///< that failure as a Problem
    QDateTime m_refreshSentAt; ///< when the current refresh request left: expiry counts from here
    bool m_rejected = false; ///< the API refused the current access token
    qint64 m_skewSeconds = 0;
    ConnectionState m_connection = Online;
    QDateTime m_reconnectAt;
};

} // namespace clipshelf
