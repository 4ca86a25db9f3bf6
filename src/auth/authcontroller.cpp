#include "auth/authcontroller.h"

#include "core/logging.h"

namespace clipshelf {

AuthController::AuthController(const Config &config, SecretStore *store, QNetworkAccessManager *nam,
                               QObject *parent)
    : QObject(parent), m_config(config), m_sessions(new SessionManager(config, store, nam, this)),
      m_attempt(new SignInAttempt(config, nam, m_sessions, this)),
      m_signOut(new SessionSignOut(config, nam, m_sessions, this)),
      m_keychainNotice(new KeychainNotice(this))
{
    connect(m_sessions, &SessionManager::storageWarningChanged, this,
            [this] { m_keychainNotice->set(m_sessions->storageWarning()); });
    connect(m_keychainNotice, &KeychainNotice::changed, this,
            &AuthController::keychainWarningChanged);
    connect(m_sessions, &SessionManager::sessionChanged, this, &AuthController::profileChanged);
    // The provider ended the session: back to the sign-in page, saying why once.
    connect(m_sessions, &SessionManager::sessionEnded, this, [this](const QString &message) {
        setError(message);
        setState(SignedOut);
    });
    connect(m_attempt, &SignInAttempt::stageChanged, this, [this](SignInFlow::Stage stage) {
        using Stage = SignInFlow::Stage;
        if (stage == Stage::Discovering)
            setState(Discovering);
        else if (stage == Stage::WaitingForBrowser)
            setState(WaitingForBrowser);
        else if (stage == Stage::Completing)
            setState(CompletingSignIn);
    });
    connect(m_attempt, &SignInAttempt::authorizationUrlChanged, this,
            &AuthController::authorizationUrlChanged);
    connect(m_attempt, &SignInAttempt::secondsLeftChanged, this,
            &AuthController::secondsLeftChanged);
    connect(m_attempt, &SignInAttempt::browserFailed, this, &AuthController::onBrowserFailed);
    connect(m_attempt, &SignInAttempt::succeeded, this, &AuthController::onSignInSucceeded);
    connect(m_attempt, &SignInAttempt::failed, this, &AuthController::onSignInFailed);
    connect(m_attempt, &SignInAttempt::cancelled, this, [this] { setState(SignedOut); });
    connect(m_signOut, &SessionSignOut::keychainFailed, this, &AuthController::setError);
    connect(m_signOut->provider(), &ProviderSignOut::noticeChanged, this,
            &AuthController::signOutNoticeChanged);
    connect(m_signOut->provider(), &ProviderSignOut::finished, this,
            &AuthController::providerSignOutFinished);
}

AuthController::~AuthController() = default;

void AuthController::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    emit stateChanged();
}

void AuthController::setError(const QString &message)
{
    if (m_errorMessage == message)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}

void AuthController::restore()
{
    if (const QString problem = m_config.plainHttpProblem(); !problem.isEmpty()) {
        // Nothing is loaded or sent: a stored token must not travel in clear text.
        setError(problem);
        setState(SignedOut);
        QMetaObject::invokeMethod(this, &AuthController::restoreFinished, Qt::QueuedConnection);
        return;
    }
    setState(Restoring);
    m_sessions->load([this](const SecretResult &result) {
        if (result.status == SecretResult::Status::Error)
            qCWarning(lcAuth) << "Stored session unreadable; signed out:" << result.message;
        if (m_sessions->isActive()) {
            qCInfo(lcAuth) << "Restored the stored session";
            m_keychainNotice->noteMissingRefreshToken(session());
        }
        setState(m_sessions->isActive() ? SignedIn : SignedOut);
        emit restoreFinished();
    });
}

void AuthController::signIn()
{
    if (m_attempt->isRunning() || m_state == SignedIn || m_state == SigningOut)
        return;
    setError({});
    m_browserFailed = false;
    m_attempt->start();
}

void AuthController::onSignInSucceeded(const Session &session)
{
    m_sessions->adopt(session, [this](const SecretResult &result) {
        m_keychainNotice->noteSaveResult(result);
        m_keychainNotice->noteMissingRefreshToken(m_sessions->session());
        setState(SignedIn);
    });
}

void AuthController::onSignInFailed(const QString &message)
{
    setError(message);
    setState(SignedOut);
}

void AuthController::cancel()
{
    m_attempt->cancel();
}

void AuthController::onBrowserFailed(const QString &message)
{
    if (!m_attempt->isRunning() || m_state != WaitingForBrowser)
        return; // a browser ending badly after the sign-in is no news
    m_browserFailed = true;
    setError(message);
    emit browserLaunchFailed(message);
}

void AuthController::openBrowserAgain()
{
    if (m_attempt->isRunning() && m_state == WaitingForBrowser)
        m_attempt->openBrowserAgain();
}

void AuthController::copyLinkToClipboard()
{
    m_attempt->copyLinkToClipboard();
}

void AuthController::signOutAndForget()
{
    emit forgetLocalDataRequested();
    if (m_state == SignedIn) {
        // The provider's own sign-in in the browser ends too (RP-initiated logout), where it
        // offers that.
        m_endProviderSession = true;
        signOut();
        return;
    }
    // Not signed in (e.g. the session ended): the stored session may still exist.
    m_sessions->forget([this](const SecretResult &, const QString &) { emit signOutFinished(); });
}

void AuthController::signOut()
{
    if (m_state != SignedIn)
        return;
    setState(SigningOut);
    m_signOut->run(std::exchange(m_endProviderSession, false), [this] {
        setState(SignedOut);
        emit signOutFinished();
    });
}

} // namespace clipshelf
