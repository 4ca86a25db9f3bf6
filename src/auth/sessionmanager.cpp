#include "auth/sessionmanager.h"

#include "api/connectivity.h"
#include "auth/sessionconnection.h"
#include "auth/sessionkeeper.h"
#include "auth/sessionvault.h"
#include "auth/tokentiming.h"
#include "core/logging.h"

#include <QPointer>

namespace clipshelf {

namespace {
static_assert(int(SessionManager::Online) == int(SessionConnection::Online) &&
              int(SessionManager::Reconnecting) == int(SessionConnection::Reconnecting) &&
              int(SessionManager::Offline) == int(SessionConnection::Offline) &&
              int(SessionManager::SessionEnded) == int(SessionConnection::SessionEnded));
} // namespace

SessionManager::SessionManager(const Config &config, SecretStore *store, QNetworkAccessManager *nam,
                               QObject *parent)
    : QObject(parent), m_config(config), m_keeper(std::make_unique<SessionKeeper>(store)),
      m_connection(std::make_unique<SessionConnection>()),
      m_renewal(
          std::make_unique<TokenRenewal>(config, nam, &m_state, m_keeper.get(), m_connection.get()))
{
    connect(m_keeper.get(), &SessionKeeper::storageWarningChanged, this,
            &SessionManager::storageWarningChanged);
    connect(m_keeper.get(), &SessionKeeper::storeRetryDue, m_renewal.get(),
            &TokenRenewal::retryUnsaved);
    connect(m_connection.get(), &SessionConnection::changed, this,
            &SessionManager::connectionStateChanged);
    connect(m_renewal.get(), &TokenRenewal::sessionChanged, this, &SessionManager::sessionChanged);
    connect(m_renewal.get(), &TokenRenewal::refreshed, this, &SessionManager::refreshed);
    connect(m_renewal.get(), &TokenRenewal::ended, this, &SessionManager::endSession);
}

SessionManager::~SessionManager() = default;

TokenClient *SessionManager::tokenClient() const
{
    return m_renewal->tokenClient();
}
bool SessionManager::isMemoryOnly() const
{
    return m_keeper->isMemoryOnly();
}
QString SessionManager::storageWarning() const
{
    return m_keeper->storageWarning();
}
bool SessionManager::hasUnsavedSession() const
{
    return m_keeper->hasUnsavedSession();
}

SessionManager::ConnectionState SessionManager::connectionState() const
{
    return ConnectionState(m_connection->state());
}

int SessionManager::reconnectInSeconds() const
{
    return m_connection->reconnectInSeconds();
}

qint64 SessionManager::refreshLeadSeconds(qint64 lifetimeSeconds)
{
    return tokentiming::refreshLeadSeconds(lifetimeSeconds);
}

qint64 SessionManager::expiryMarginMs(qint64 lifetimeSeconds)
{
    return tokentiming::expiryMarginMs(lifetimeSeconds);
}

bool SessionManager::needsRefresh(const QDateTime &now) const
{
    return tokentiming::needsRefresh(m_state.session, now);
}

bool SessionManager::hasUsableAccessToken(const QDateTime &now) const
{
    return isActive() && !m_state.rejected && tokentiming::beforeExpiryMargin(m_state.session, now);
}

Problem SessionManager::lastProblem() const
{
    return m_connection->lastProblem();
}

void SessionManager::begin(const Session &session)
{
    m_state.session = session;
    m_state.rejected = false;
    m_connection->sessionStarted();
    m_renewal->plan();
    emit sessionChanged();
}

void SessionManager::load(DoneCallback done)
{
    // The store outlives this object: every vault callback checks that it still exists.
    m_keeper->vault().load([this, self = QPointer(this), done = std::move(done)](
                               const SecretResult &result, const Session &stored) {
        if (!self)
            return;
        if (result.backendUnavailable())
            m_keeper->fallBackToMemory(result.message);
        if (result.ok() && stored.isValid() && stored.profile.issuer == m_config.issuer())
            begin(stored);
        done(result);
    });
}

void SessionManager::adopt(const Session &session, DoneCallback done)
{
    const auto pending = m_keeper->takePrestored();
    begin(session);
    m_keeper->saveUnlessPrestored(
        session, pending,
        [this, self = QPointer(this), done = std::move(done)](const SecretResult &result) {
            if (self)
                finishAdoption(result, done);
        });
}

void SessionManager::finishAdoption(const SecretResult &result, const DoneCallback &done)
{
    if (result.backendUnavailable()) {
        m_keeper->fallBackToMemory(result.message);
        m_keeper->vault().save(m_state.session, [](const SecretResult &) {});
    }
    done(result);
}

void SessionManager::prestore(const Session &session)
{
    m_keeper->prestore(session);
}

void SessionManager::discardPrestored()
{
    m_keeper->discardPrestored();
}

void SessionManager::forget(std::function<void(SecretResult, QString)> done)
{
    const QString refreshToken = m_state.session.refreshToken;
    m_state.session = Session();
    m_keeper->setUnsaved(false);
    m_renewal->stop();
    m_renewal->failWaiters(
        {TokenProblem::Ended, tr("You signed out."), 0, Problem(Problem::Kind::SignedOut)});
    emit sessionChanged();
    m_keeper->vault().clear([done = std::move(done), refreshToken](const SecretResult &result) {
        done(result, refreshToken);
    });
}

void SessionManager::withAccessToken(TokenCallback done)
{
    if (!isActive()) {
        done({}, TokenProblem{TokenProblem::Ended, tr("You are not signed in."), 0,
                              Problem(Problem::Kind::SignedOut)});
        return;
    }
    if (!needsRefresh() && !m_renewal->isRefreshing()) {
        done(m_state.session.accessToken, std::nullopt);
        return;
    }
    const bool usable = hasUsableAccessToken();
    if (m_connection->isBackingOff() && !m_renewal->isRefreshing()) {
        // Backing off: callers never shorten the wait (that would be a tight loop).
        if (usable)
            done(m_state.session.accessToken, std::nullopt);
        else
            done({}, m_connection->backingOffProblem());
        return;
    }
    if (usable) {
        // Refreshing ahead of expiry: the current token serves in the meantime.
        if (m_state.session.hasRefreshToken())
            m_renewal->start(false);
        done(m_state.session.accessToken, std::nullopt);
        return;
    }
    m_renewal->await(std::move(done));
    m_renewal->start(false);
}

void SessionManager::tokenRejected(const QString &rejectedToken, TokenCallback done)
{
    if (!isActive()) {
        done({}, TokenProblem{TokenProblem::Ended, tr("You are not signed in."), 0,
                              Problem(Problem::Kind::SignedOut)});
        return;
    }
    if (rejectedToken != m_state.session.accessToken && !m_renewal->isRefreshing()) {
        done(m_state.session.accessToken, std::nullopt); // already replaced by another refresh
        return;
    }
    if (rejectedToken == m_state.session.accessToken)
        m_state.rejected = true;
    if (m_connection->isBackingOff() && !m_renewal->isRefreshing()) {
        done({}, m_connection->backingOffProblem());
        return;
    }
    m_renewal->await(std::move(done));
    m_renewal->start(true);
}

void SessionManager::endSession(const QString &message)
{
    qCWarning(lcAuth) << "The session has ended";
    const bool wasActive = isActive();
    m_state.session = Session();
    m_keeper->setUnsaved(false);
    m_renewal->stop();
    // Removed from the keychain once; finishPendingWork() lets the removal land before an exit.
    if (wasActive)
        m_keeper->vault().clear([](const SecretResult &result) {
            if (!result.ok() && result.status != SecretResult::Status::NotFound)
                qCWarning(lcAuth) << "The ended session could not be removed from the keychain:"
                                  << result.message;
        });
    m_connection->setState(SessionConnection::SessionEnded);
    Problem ended(Problem::Kind::SessionExpired, Problem::Source::Provider);
    ended.setDetail(message);
    m_renewal->release(TokenProblem{TokenProblem::Ended, message, 0, ended});
    emit sessionChanged();
    emit sessionEnded(message);
}

bool SessionManager::finishPendingWork(QDeadlineTimer deadline)
{
    if (m_renewal->isRefreshing())
        m_renewal->waitForRefresh(deadline);
    if (m_keeper->hasUnsavedSession() && !deadline.hasExpired())
        m_renewal
            ->retryUnsaved(); // one more attempt before the only copy of the refresh token goes
    const bool stored = m_keeper->waitUntilDone(deadline) && !m_keeper->hasUnsavedSession();
    if (m_renewal->isRefreshing() || !stored) {
        qCWarning(lcAuth) << "Exiting with keychain work unfinished; refreshing:"
                          << m_renewal->isRefreshing()
                          << "pending keychain operations:" << m_keeper->pendingWork();
        return false;
    }
    return true;
}

int SessionManager::pendingKeychainWork() const
{
    return m_keeper->pendingWork();
}

QString SessionManager::unfinishedWorkMessage()
{
    return tr("Clipshelf could not finish updating your sign-in in the keychain before closing, so "
              "you may have to sign in again.");
}

void SessionManager::followConnectivity(const Connectivity *connectivity)
{
    connect(connectivity, &Connectivity::reachabilityNoted, m_connection.get(),
            &SessionConnection::noteReachable);
}

} // namespace clipshelf
