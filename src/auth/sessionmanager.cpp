#include "auth/sessionmanager.h"

#include "auth/idtokenvalidator.h"
#include "auth/oidcdiscovery.h"
#include "auth/refreshlock.h"
#include "auth/tokenclient.h"
#include "core/logging.h"
#include "storage/memorysecretstore.h"
#include "storage/pendingsecretwork.h"
#include "storage/sessionvault.h"

#include <climits>
#include <QEventLoop>
#include <QPointer>
#include <QRandomGenerator>

namespace clipshelf {

namespace {
constexpr int kWakeCheckMs = 15'000;
constexpr int kMaxBackoffSeconds = 120;
constexpr qint64 kExpiryMarginMs = 2000;
constexpr qint64 kUnknownLifetimeSeconds = 600;
/// Refreshes start at least this far apart, whatever expires_in says (no tight loop).
constexpr int kMinRefreshIntervalMs = 2000;
/// A renewed session the keychain refused: attempts during the refresh, then
/// attempts in the background at growing intervals (up to the cap).
constexpr int kStoreAttempts = 3;
constexpr int kStoreRetryMs = 250;
constexpr int kStoreRetryCapMs = 5 * 60 * 1000;
} // namespace

/// A session prestore() is writing: its outcome, or who waits for it.
struct SessionManager::PendingSave
{
    Session session;
    std::optional<SecretResult> result;   ///< set once the write finished
    DoneCallback done;                    ///< adopt()'s completion, while the write runs
};

SessionManager::SessionManager(const Config &config, SecretStore *store, QNetworkAccessManager *nam,
                               QObject *parent)
    : QObject(parent), m_config(config), m_nam(nam),
      m_tokens(std::make_unique<TokenClient>(nam, config.clientId(), config.clientSecret())),
      m_pendingWork(std::make_unique<PendingSecretWork>()),
      m_vault(std::make_unique<SessionVault>(store, m_pendingWork.get())),
      m_lock(std::make_unique<RefreshLock>(RefreshLock::pathFor(config.profile())))
{
    m_proactive.setSingleShot(true);
    // Precise: a coarse timer may fire 5% late (the refresh) or early (a Retry-After).
    m_proactive.setTimerType(Qt::PreciseTimer);
    connect(&m_proactive, &QTimer::timeout, this, [this] { startRefresh(false); });
    // Timers stop while a computer sleeps; a periodic look at the wall clock
    // notices an expiry that passed meanwhile.
    m_wakeCheck.setInterval(kWakeCheckMs);
    connect(&m_wakeCheck, &QTimer::timeout, this, [this] {
        if (isActive() && needsRefresh() && !m_refreshing && !m_retry.isActive())
            startRefresh(false);
    });
    m_retry.setSingleShot(true);
    m_retry.setTimerType(Qt::PreciseTimer);
    connect(&m_retry, &QTimer::timeout, this, [this] { startRefresh(false); });
    m_throttle.setSingleShot(true);
    connect(&m_throttle, &QTimer::timeout, this, [this] { startRefresh(false); });
    m_storeRetry.setSingleShot(true);
    connect(&m_storeRetry, &QTimer::timeout, this, &SessionManager::retryUnsaved);
}

SessionManager::~SessionManager() = default;

void SessionManager::setConnection(ConnectionState state)
{
    if (m_connection == state)
        return;
    m_connection = state;
    emit connectionStateChanged();
}

int SessionManager::reconnectInSeconds() const
{
    if (!m_retry.isActive())
        return 0;
    return (m_retry.remainingTime() + 999) / 1000;
}

void SessionManager::fallBackToMemory(const QString &why)
{
    if (!m_memoryStore) {
        m_memoryStore = std::make_unique<MemorySecretStore>();
        m_vault = std::make_unique<SessionVault>(m_memoryStore.get(), m_pendingWork.get());
    }
    qCWarning(lcAuth) << "Keychain unavailable; the session is kept in memory only:" << why;
    m_storageWarning = tr("%1 Until then, Clipshelf keeps you signed in only while it is open.").arg(why);
    emit storageWarningChanged();
}

qint64 SessionManager::refreshLeadSeconds(qint64 lifetimeSeconds)
{
    return std::min<qint64>(60, std::max<qint64>(0, lifetimeSeconds / 10));
}

qint64 SessionManager::expiryMarginMs(qint64 lifetimeSeconds)
{
    // The token's `exp` is whole seconds, so it may lie up to 1 s before our
    // computed expiry; the rest is for the request to reach the API.
    return std::min<qint64>(kExpiryMarginMs, std::max<qint64>(0, lifetimeSeconds * 1000 / 2));
}

qint64 SessionManager::lifetimeSeconds() const
{
    return m_session.accessTokenReceivedAt.isValid()
               ? m_session.accessTokenReceivedAt.secsTo(m_session.accessTokenExpiry)
               : kUnknownLifetimeSeconds;
}

bool SessionManager::needsRefresh(const QDateTime &now) const
{
    if (!m_session.accessTokenExpiry.isValid())
        return false; // no expires_in: rely on the API's 401
    const qint64 lifetime = lifetimeSeconds();
    return now.msecsTo(m_session.accessTokenExpiry)
           <= refreshLeadSeconds(lifetime) * 1000 + expiryMarginMs(lifetime);
}

bool SessionManager::hasUsableAccessToken(const QDateTime &now) const
{
    if (!isActive() || m_rejected)
        return false;
    if (!m_session.accessTokenExpiry.isValid())
        return true;
    return now.msecsTo(m_session.accessTokenExpiry) > expiryMarginMs(lifetimeSeconds());
}

SessionManager::TokenProblem SessionManager::backingOff() const
{
    QString why = m_lastFailure.isEmpty() ? tr("The sign-in service could not be reached.") : m_lastFailure;
    if (!why.endsWith(u'.'))
        why += u'.';
    return {TokenProblem::Transient,
            tr("%1 Trying again in %n s.", nullptr, reconnectInSeconds()).arg(why),
            m_lastFailureStatus,
            m_lastProblem.isError() ? m_lastProblem
                                    : Problem(Problem::Kind::NetworkUnreachable, Problem::Source::Provider)};
}

void SessionManager::load(DoneCallback done)
{
    // The store outlives this object: every vault callback checks that it still exists.
    m_vault->load([this, self = QPointer(this), done = std::move(done)](const SecretResult &result,
                                                                          const Session &stored) {
        if (!self)
            return;
        if (result.backendUnavailable())
            fallBackToMemory(result.message);
        if (result.ok() && stored.isValid() && stored.profile.issuer == m_config.issuer()) {
            m_session = stored;
            m_rejected = false;
            m_failures = 0;
            setConnection(Online);
            scheduleProactiveRefresh();
            emit sessionChanged();
        }
        done(result);
    });
}

void SessionManager::adopt(const Session &session, DoneCallback done)
{
    const std::shared_ptr<PendingSave> pending = std::exchange(m_prestored, nullptr);
    m_session = session;
    m_rejected = false;
    m_failures = 0;
    setConnection(Online);
    scheduleProactiveRefresh();
    emit sessionChanged();
    auto finish = [this, self = QPointer(this), done = std::move(done)](const SecretResult &result) {
        if (self)
            finishAdoption(result, done);
    };
    if (pending && pending->session == session) {
        // prestore() is writing (or wrote) exactly this: wait for it, don't write twice.
        if (pending->result)
            QMetaObject::invokeMethod(this, [finish, result = *pending->result] { finish(result); },
                                      Qt::QueuedConnection);
        else
            pending->done = std::move(finish);
        return;
    }
    // Nothing prestored, or the profile changed since: this write lands after that one.
    m_vault->save(session, std::move(finish));
}

void SessionManager::finishAdoption(const SecretResult &result, const DoneCallback &done)
{
    if (result.backendUnavailable()) {
        fallBackToMemory(result.message);
        m_vault->save(m_session, [](const SecretResult &) {});
    }
    done(result);
}

void SessionManager::prestore(const Session &session)
{
    auto pending = std::make_shared<PendingSave>();
    pending->session = session;
    m_prestored = pending;
    m_vault->save(session, [pending](const SecretResult &result) {
        pending->result = result;
        if (pending->done)
            std::exchange(pending->done, nullptr)(result);
    });
}

void SessionManager::discardPrestored()
{
    if (!std::exchange(m_prestored, nullptr))
        return;
    // Queued after the write: the store runs its operations in call order.
    m_vault->clear([](const SecretResult &) {});
}

void SessionManager::forget(std::function<void(SecretResult, QString)> done)
{
    const QString refreshToken = m_session.refreshToken;
    m_session = Session();
    setUnsaved(false);
    m_proactive.stop();
    m_wakeCheck.stop();
    m_retry.stop();
    failWaiters({TokenProblem::Ended, tr("You signed out."), 0, Problem(Problem::Kind::SignedOut)});
    emit sessionChanged();
    m_vault->clear([done = std::move(done), refreshToken](const SecretResult &result) {
        done(result, refreshToken);
    });
}

void SessionManager::withAccessToken(TokenCallback done)
{
    if (!isActive()) {
        done({}, TokenProblem{TokenProblem::Ended, tr("You are not signed in."), 0, Problem(Problem::Kind::SignedOut)});
        return;
    }
    if (!needsRefresh() && !m_refreshing) {
        done(m_session.accessToken, std::nullopt);
        return;
    }
    const bool usable = hasUsableAccessToken();
    if (m_retry.isActive() && !m_refreshing) {
        // Backing off: callers never shorten the wait (that would be a tight loop).
        if (usable)
            done(m_session.accessToken, std::nullopt);
        else
            done({}, backingOff());
        return;
    }
    if (usable) {
        // Refreshing ahead of expiry: the current token serves in the meantime.
        if (m_session.hasRefreshToken())
            startRefresh(false);
        done(m_session.accessToken, std::nullopt);
        return;
    }
    m_waiters.append(std::move(done));
    startRefresh(false);
}

void SessionManager::refreshAfterRejection(const QString &rejectedToken, TokenCallback done)
{
    if (!isActive()) {
        done({}, TokenProblem{TokenProblem::Ended, tr("You are not signed in."), 0, Problem(Problem::Kind::SignedOut)});
        return;
    }
    if (rejectedToken != m_session.accessToken && !m_refreshing) {
        done(m_session.accessToken, std::nullopt); // already replaced by another refresh
        return;
    }
    if (rejectedToken == m_session.accessToken)
        m_rejected = true;
    if (m_retry.isActive() && !m_refreshing) {
        done({}, backingOff());
        return;
    }
    m_waiters.append(std::move(done));
    startRefresh(true);
}

void SessionManager::startRefresh(bool force)
{
    if (m_refreshing || !isActive())
        return;
    if (!m_session.hasRefreshToken()) {
        endSession(tr("Your session has ended — please sign in again."));
        return;
    }
    if (m_lastRefreshStart.isValid() && m_lastRefreshStart.elapsed() < kMinRefreshIntervalMs) {
        // Too soon after the last one (e.g. expires_in 0): waiters wait for the deferred refresh.
        if (!m_throttle.isActive())
            m_throttle.start(int(kMinRefreshIntervalMs - m_lastRefreshStart.elapsed()));
        return;
    }
    m_lastRefreshStart.start();
    m_refreshing = true;
    m_retry.stop();
    m_lock->acquire([this, force](bool held) { onLocked(force && held); }, 30'000);
}

void SessionManager::onLocked(bool force)
{
    if (!m_lock->isHeld()) {
        releaseAndNotify(TokenProblem{TokenProblem::Transient,
                                      tr("Another Clipshelf window is still renewing the session."), 0,
                                      Problem(Problem::Kind::Timeout, Problem::Source::Provider)});
        scheduleRetry(-1);
        return;
    }
    // Another process may have refreshed while we waited: its tokens are in the vault.
    m_vault->load([this, self = QPointer(this), force](const SecretResult &result, const Session &stored) {
        if (!self)
            return;
        Session base = m_session;
        if (result.ok() && stored.isValid() && stored.profile.subject == m_session.profile.subject
            && stored.refreshToken != m_session.refreshToken) {
            qCInfo(lcAuth) << "Adopting tokens another Clipshelf process refreshed";
            base = stored;
            m_session = stored;
            m_rejected = false;
            emit sessionChanged();
            if (!needsRefresh()) {
                scheduleProactiveRefresh();
                releaseAndNotify(std::nullopt);
                return;
            }
        } else if (!force && !m_rejected && !needsRefresh()) {
            releaseAndNotify(std::nullopt);
            return;
        }
        refreshWith(base);
    });
}

void SessionManager::refreshWith(const Session &base)
{
    auto go = [this, base] {
        m_refreshSentAt = QDateTime::currentDateTimeUtc();
        m_tokens->refresh(base.refreshToken, m_config.resource(),
                          [this, base](const TokenResponse *response, const TokenError *error) {
                              if (response) {
                                  onRefreshResponse(base, *response);
                              } else if (error->kind == TokenError::Kind::InvalidGrant) {
                                  endSession(error->message);
                              } else {
                                  qCWarning(lcAuth) << "Refresh failed; will retry:" << error->message;
                                  m_lastFailure = error->message;
                                  m_lastFailureStatus = error->httpStatus;
                                  m_lastProblem = error->toProblem();
                                  setConnection(error->httpStatus == 0 ? Offline : Reconnecting);
                                  releaseAndNotify(TokenProblem{TokenProblem::Transient, error->message,
                                                                error->httpStatus, m_lastProblem});
                                  scheduleRetry(error->retryAfterSeconds);
                              }
                          });
    };
    if (!m_tokens->metadata().tokenEndpoint.isEmpty()) {
        go();
        return;
    }
    auto *discovery = new OidcDiscovery(m_nam, this);
    connect(discovery, &OidcDiscovery::finished, this,
            [this, discovery, go](const std::optional<ProviderMetadata> &metadata, const QString &error) {
                discovery->deleteLater();
                if (!metadata) {
                    m_lastFailure = error;
                    m_lastFailureStatus = 0;
                    m_lastProblem = Problem(Problem::Kind::NetworkUnreachable, Problem::Source::Provider);
                    m_lastProblem.setDetail(error);
                    setConnection(Offline);
                    releaseAndNotify(TokenProblem{TokenProblem::Transient, error, 0, m_lastProblem});
                    scheduleRetry(-1);
                    return;
                }
                m_tokens->setMetadata(*metadata);
                go();
            });
    discovery->fetch(m_config.issuer());
}

void SessionManager::onRefreshResponse(const Session &base, const TokenResponse &response)
{
    Session next = base;
    next.accessToken = response.accessToken;
    next.tokenType = response.tokenType;
    // expires_in counts from when the provider issued the token, which is
    // after the request left and before the answer arrived: the earlier bound is safe.
    const QDateTime issued = m_refreshSentAt.isValid() ? std::min(m_refreshSentAt, response.receivedAt)
                                                       : response.receivedAt;
    next.accessTokenReceivedAt = issued;
    next.accessTokenExpiry = response.expiresIn >= 0 ? issued.addSecs(response.expiresIn) : QDateTime();
    if (!response.refreshToken.isEmpty()) // no new one: the old one stays valid
        next.refreshToken = response.refreshToken;
    if (!response.scope.isEmpty())
        next.scope = response.scope;
    if (response.idToken.isEmpty()) {
        storeRefreshed(next, 1);
        return;
    }
    IdTokenValidator::Expectations expect;
    expect.issuer = base.profile.issuer;
    expect.clientId = m_config.clientId();
    expect.subject = base.profile.subject;
    // The provider's tokens are judged by the provider's clock (its Date header), not the API's.
    expect.now =
        response.providerDate.isValid() ? response.providerDate : QDateTime::currentDateTimeUtc();
    IdTokenValidator::check(
        m_tokens->signingKeys(), m_tokens->metadata().jwksUri, response.idToken, expect,
        [this, self = QPointer(this), next, expect,
         idToken = response.idToken](const IdTokenValidator::Checked &checked) mutable {
            if (!self)
                return;
            using Failure = IdTokenValidator::Failure;
            Failure failure = checked.failure;
            QString unused;
            if (failure == Failure::KeysUnavailable) // the claims can still tell another account
                IdTokenValidator::validate(idToken, expect, &unused, &failure);
            if (failure == Failure::Refused) {
                qCWarning(lcAuth) << "Refresh returned an ID token that was refused:"
                                  << checked.error;
                const auto parts = JwtParts::decode(idToken);
                const bool sameAccount =
                    parts &&
                    parts->claims.value(QStringLiteral("sub")).toString() == expect.subject &&
                    parts->claims.value(QStringLiteral("iss")).toString() == expect.issuer;
                endSession(
                    sameAccount
                        ? tr("Your session has ended because the provider's answer could not be "
                             "trusted — please sign in again.")
                        : tr("Your session has ended because the provider answered for another "
                             "account — please sign in again."));
                return;
            }
            if (checked.failure == Failure::None) {
                next.idToken = idToken;
            } else {
                // Its times (or the keys to check it) are the only problem: keep the session and
                // the new tokens (the rotated refresh token must not be lost), not this ID token.
                // The next refresh checks again.
                qCWarning(lcAuth) << "Keeping the session without the refreshed ID token:"
                                  << checked.error;
            }
            storeRefreshed(next, 1);
        });
}

// The rotated refresh token is stored before anyone gets the new access
// token and before the old one is dropped: a crash must not lose the only
// valid refresh token unseen. The refresh (its lock included) lasts until then.
void SessionManager::storeRefreshed(const Session &next, int attempt)
{
    m_vault->save(next, [this, self = QPointer(this), next, attempt](const SecretResult &result) {
        if (!self)
            return;
        if (!result.ok() && attempt < kStoreAttempts) {
            qCWarning(lcAuth) << "The renewed session could not be stored; trying again:"
                              << result.message;
            QTimer::singleShot(kStoreRetryMs * attempt, this,
                               [this, next, attempt] { storeRefreshed(next, attempt + 1); });
            return;
        }
        m_session = next;
        // Not stored: this process keeps it (and says so), and keeps trying.
        setUnsaved(!result.ok(), result.message);
        m_rejected = false;
        m_failures = 0;
        m_lastFailure.clear();
        m_lastFailureStatus = 0;
        m_lastProblem = {};
        setConnection(Online);
        scheduleProactiveRefresh();
        emit sessionChanged();
        emit refreshed();
        releaseAndNotify(std::nullopt);
    });
}

void SessionManager::setUnsaved(bool unsaved, const QString &why)
{
    if (!unsaved) {
        m_storeRetry.stop();
        m_storeFailures = 0;
        if (std::exchange(m_unsaved, false)) {
            qCInfo(lcAuth) << "The renewed session is now stored";
            m_storageWarning.clear();
            emit storageWarningChanged();
        }
        return;
    }
    qCWarning(lcAuth) << "The renewed session could not be stored:" << why;
    m_unsaved = true;
    m_storageWarning =
        tr("Your renewed sign-in could not be saved in the keychain (%1). Clipshelf keeps trying "
           "while it is open; if it is closed first, you will have to sign in again.")
            .arg(why);
    emit storageWarningChanged();
    // 2 s, 4 s, ... up to 5 minutes between attempts.
    const int exponent = std::min(m_storeFailures++, 8);
    m_storeRetry.start(std::min(kStoreRetryCapMs, kStoreRetryMs * 8 * (1 << exponent)));
}

void SessionManager::retryUnsaved()
{
    if (!m_unsaved || !isActive() || m_refreshing)
        return;
    const Session current = m_session;
    m_vault->save(current, [this, self = QPointer(this), current](const SecretResult &result) {
        if (!self || !m_unsaved || m_session != current)
            return; // ended, or a newer refresh stored (or failed to store) its own
        setUnsaved(!result.ok(), result.message);
    });
}

void SessionManager::endSession(const QString &message)
{
    qCWarning(lcAuth) << "The session has ended";
    const bool wasActive = isActive();
    m_session = Session();
    setUnsaved(false);
    m_proactive.stop();
    m_wakeCheck.stop();
    m_retry.stop();
    // Removed from the keychain once; finishPendingWork() lets the removal land before an exit.
    if (wasActive)
        m_vault->clear([](const SecretResult &result) {
            if (!result.ok() && result.status != SecretResult::Status::NotFound)
                qCWarning(lcAuth) << "The ended session could not be removed from the keychain:"
                                  << result.message;
        });
    setConnection(SessionEnded);
    Problem ended(Problem::Kind::SessionExpired, Problem::Source::Provider);
    ended.setDetail(message);
    releaseAndNotify(TokenProblem{TokenProblem::Ended, message, 0, ended});
    emit sessionChanged();
    emit sessionEnded(message);
}

void SessionManager::releaseAndNotify(std::optional<TokenProblem> problem)
{
    m_lock->release();
    m_refreshing = false;
    if (problem) {
        failWaiters(*problem);
        return;
    }
    notifyWaiters(m_session.accessToken);
}

void SessionManager::notifyWaiters(const QString &accessToken)
{
    const QList<TokenCallback> waiters = std::exchange(m_waiters, {});
    for (const TokenCallback &w : waiters)
        w(accessToken, std::nullopt);
}

void SessionManager::failWaiters(const TokenProblem &problem)
{
    const QList<TokenCallback> waiters = std::exchange(m_waiters, {});
    for (const TokenCallback &w : waiters)
        w({}, problem);
}

void SessionManager::scheduleProactiveRefresh()
{
    m_wakeCheck.start();
    if (!m_session.accessTokenExpiry.isValid() || !m_session.hasRefreshToken()) {
        m_proactive.stop();
        return;
    }
    const qint64 lifetime = lifetimeSeconds();
    const qint64 dueInMs = QDateTime::currentDateTimeUtc().msecsTo(m_session.accessTokenExpiry)
                           - refreshLeadSeconds(lifetime) * 1000 - expiryMarginMs(lifetime);
    m_proactive.start(int(std::clamp<qint64>(dueInMs, 0, 24LL * 3600 * 1000)));
}

void SessionManager::scheduleRetry(int retryAfterSeconds)
{
    // Exponential backoff with full jitter, at least what the server asked for.
    const int exponent = std::min(m_failures, 7);
    ++m_failures;
    const double cap = std::min<double>(kMaxBackoffSeconds, 1 << exponent);
    double seconds = cap * (0.5 + 0.5 * QRandomGenerator::global()->generateDouble());
    if (retryAfterSeconds >= 0)
        seconds = std::max<double>(seconds, retryAfterSeconds);
    m_retry.start(int(seconds * 1000));
    if (m_connection == Online)
        setConnection(Reconnecting);
    emit connectionStateChanged(); // reconnectInSeconds changed
}

bool SessionManager::finishPendingWork(QDeadlineTimer deadline)
{
    if (m_refreshing) {
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
    if (m_unsaved && !deadline.hasExpired())
        retryUnsaved(); // one more attempt before the only copy of the refresh token goes
    const bool stored = m_pendingWork->waitUntilDone(deadline) && !m_unsaved;
    if (m_refreshing || !stored) {
        qCWarning(lcAuth) << "Exiting with keychain work unfinished; refreshing:" << m_refreshing
                          << "pending keychain operations:" << m_pendingWork->count();
        return false;
    }
    return true;
}

int SessionManager::pendingKeychainWork() const
{
    return m_pendingWork->count();
}

QString SessionManager::unfinishedWorkMessage()
{
    return tr("Clipshelf could not finish updating your sign-in in the keychain before closing, so "
              "you may have to sign in again.");
}

void SessionManager::noteServerTime(const QDateTime &serverNow)
{
    if (serverNow.isValid())
        m_skewSeconds = QDateTime::currentDateTimeUtc().secsTo(serverNow);
}

void SessionManager::noteNetworkReachable(bool reachable)
{
    if (m_connection == SessionEnded)
        return;
    if (!reachable)
        setConnection(Offline);
    else if (!m_retry.isActive())
        setConnection(Online);
}

} // namespace clipshelf
