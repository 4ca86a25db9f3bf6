#pragma once

#include "api/tokensource.h"
#include "auth/session.h"
#include "auth/tokenrenewal.h"
#include "core/config.h"
#include "core/problem.h"
#include "storage/secretstore.h"

#include <functional>
#include <memory>
#include <optional>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QObject>

class QNetworkAccessManager;

namespace clipshelf {

class Connectivity;
class SessionConnection;
class SessionKeeper;
class TokenClient;

/**
 * The one owner of the signed-in session: its tokens, where they are stored
 * (SessionKeeper: the keychain, or memory when no keychain is usable), and
 * keeping the access token fresh (TokenRenewal). Refreshes run ahead of
 * expiry, one at a time per profile across processes, and never present a
 * refresh token twice. The connection state and the backoff after a failed
 * refresh are SessionConnection's.
 */
class SessionManager : public QObject, public TokenSource
{
    Q_OBJECT
    Q_PROPERTY(ConnectionState connectionState READ connectionState NOTIFY connectionStateChanged)
    Q_PROPERTY(int reconnectInSeconds READ reconnectInSeconds NOTIFY connectionStateChanged)

public:
    /// The same values as SessionConnection::State.
    enum ConnectionState { Online, Reconnecting, Offline, SessionEnded };
    Q_ENUM(ConnectionState)

    using TokenProblem = clipshelf::TokenProblem;
    using DoneCallback = std::function<void(SecretResult)>;

    SessionManager(const Config &config, SecretStore *store, QNetworkAccessManager *nam,
                   QObject *parent = nullptr);
    ~SessionManager() override;

    const Session &session() const { return m_state.session; }
    bool isActive() const { return m_state.session.isValid(); }
    TokenClient *tokenClient() const;
    /// True when no keychain is usable and the session lives in memory only.
    bool isMemoryOnly() const;
    /// Plain words about the keychain when it could not be used ("" when fine).
    QString storageWarning() const;
    /// True while the keychain lacks the current refresh token (a renewed session it refused);
    /// Clipshelf keeps trying to store it, and storageWarning() says so.
    bool hasUnsavedSession() const;

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
    void withAccessToken(TokenCallback done) override;
    /// The API answered 401 invalid_token for \a rejectedToken: refresh once
    /// (unless another refresh already replaced that token) and hand over the new one.
    /// During a backoff the answer is a Transient problem at once.
    void tokenRejected(const QString &rejectedToken, TokenCallback done) override;

    /// Shows what \a connectivity notes: Offline when the API cannot be reached,
    /// Online again when it can (unless a refresh is backing off).
    void followConnectivity(const Connectivity *connectivity);
    /// Why the last refresh failed (None once one succeeds).
    Problem lastProblem() const;

    /// True while a refresh is under way (waiting for the lock, the keychain or the provider).
    bool isRefreshing() const { return m_renewal->isRefreshing(); }
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

    ConnectionState connectionState() const;
    int reconnectInSeconds() const;

    /// See tokentiming::refreshLeadSeconds().
    static qint64 refreshLeadSeconds(qint64 lifetimeSeconds);
    /// See tokentiming::expiryMarginMs().
    static qint64 expiryMarginMs(qint64 lifetimeSeconds);
    bool needsRefresh(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    /// True while the access token may still be sent: not rejected, not within the margin of
    /// expiry.
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
    void begin(const Session &session);
    void endSession(const QString &message);
    void finishAdoption(const SecretResult &result, const DoneCallback &done);

    Config m_config;
    SessionState m_state;
    std::unique_ptr<SessionKeeper> m_keeper;
    std::unique_ptr<SessionConnection> m_connection;
    std::unique_ptr<TokenRenewal> m_renewal;
};

} // namespace clipshelf
