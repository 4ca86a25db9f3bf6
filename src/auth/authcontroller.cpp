#include "auth/authcontroller.h"

#include "auth/browserlauncher.h"
#include "auth/oidcdiscovery.h"
#include "auth/sessionmanager.h"
#include "auth/signinflow.h"
#include "auth/tokenclient.h"
#include "core/logging.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QNetworkAccessManager>

namespace clipshelf {

AuthController::AuthController(const Config &config, SecretStore *store, QNetworkAccessManager *nam,
                               QObject *parent)
    : QObject(parent), m_config(config), m_nam(nam),
      m_sessions(new SessionManager(config, store, nam, this))
{
    connect(m_sessions, &SessionManager::storageWarningChanged, this,
            [this] { setKeychainWarning(m_sessions->storageWarning()); });
    connect(m_sessions, &SessionManager::sessionChanged, this, &AuthController::profileChanged);
    // The provider ended the session: back to the sign-in page, saying why once.
    connect(m_sessions, &SessionManager::sessionEnded, this, [this](const QString &message) {
        setError(message);
        setState(SignedOut);
    });
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &AuthController::secondsLeftChanged);
}

AuthController::~AuthController() = default;

QString AuthController::providerName() const { return m_config.providerName(); }

int AuthController::secondsLeft() const { return m_flow ? (m_flow->remainingMs() + 999) / 1000 : 0; }

bool AuthController::isSessionInMemoryOnly() const { return m_sessions->isMemoryOnly(); }

const Session &AuthController::session() const { return m_sessions->session(); }

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

void AuthController::setKeychainWarning(const QString &message)
{
    if (m_keychainWarning == message)
        return;
    m_keychainWarning = message;
    emit keychainWarningChanged();
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
        if (m_sessions->isActive())
            qCInfo(lcAuth) << "Restored the stored session";
        setState(m_sessions->isActive() ? SignedIn : SignedOut);
        emit restoreFinished();
    });
}

void AuthController::signIn()
{
    if (m_flow || m_state == SignedIn || m_state == SigningOut)
        return;
    setError({});
    auto *flow = new SignInFlow(m_config, m_nam, m_sessions->tokenClient(), this);
    flow->setTimeout(m_signInTimeout);
    m_flow = flow;
    connect(flow, &SignInFlow::stageChanged, this, [this](SignInFlow::Stage stage) {
        switch (stage) {
        case SignInFlow::Stage::Discovering: setState(Discovering); break;
        case SignInFlow::Stage::WaitingForBrowser: setState(WaitingForBrowser); break;
        case SignInFlow::Stage::Completing: setState(CompletingSignIn); break;
        default: break;
        }
    });
    connect(flow, &SignInFlow::authorizationUrlReady, this, [this](const QUrl &url) {
        m_authorizationUrl = url;
        emit authorizationUrlChanged();
        m_countdown.start();
        emit secondsLeftChanged();
        launchBrowser(url);
    });
    auto finishFlow = [this, flow] {
        m_countdown.stop();
        m_authorizationUrl.clear();
        emit authorizationUrlChanged();
        m_flow.clear();
        flow->deleteLater();
    };
    // The keychain write (the slowest step) runs while the flow fetches the profile;
    // the signed-in state still waits for both.
    connect(flow, &SignInFlow::tokensReceived, m_sessions, &SessionManager::prestore);
    connect(flow, &SignInFlow::succeeded, this, [this, flow, finishFlow](const Session &session) {
        m_lastMetadata = flow->metadata();
        finishFlow();
        onSignInSucceeded(session);
    });
    connect(flow, &SignInFlow::failed, this, [this, finishFlow](const QString &message) {
        finishFlow();
        m_sessions->discardPrestored();
        onSignInFailed(message);
    });
    connect(flow, &SignInFlow::cancelled, this, [this, finishFlow] {
        finishFlow();
        m_sessions->discardPrestored();
        setState(SignedOut);
    });
    flow->start();
}

void AuthController::onSignInSucceeded(const Session &session)
{
    m_sessions->tokenClient()->setMetadata(m_lastMetadata);
    m_sessions->adopt(session, [this](const SecretResult &result) {
        if (!result.ok() && !result.backendUnavailable()) {
            setKeychainWarning(tr("Your session could not be saved in the keychain (%1); you will "
                                  "have to sign in again next time.")
                                   .arg(result.message));
        }
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
    if (m_flow)
        m_flow->cancel();
}

void AuthController::launchBrowser(const QUrl &url)
{
    if (!m_opensBrowser)
        return;
    if (!m_browser) {
        m_browser = new BrowserLauncher(m_config.browserCommand(), this);
        connect(m_browser, &BrowserLauncher::failed, this, &AuthController::setError);
    }
    m_browser->launch(url);
}

void AuthController::openBrowserAgain()
{
    if (m_flow && m_state == WaitingForBrowser)
        launchBrowser(m_authorizationUrl);
}

void AuthController::copyLinkToClipboard()
{
    if (auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance());
        app && !m_authorizationUrl.isEmpty())
        QGuiApplication::clipboard()->setText(m_authorizationUrl.toString(QUrl::FullyEncoded));
}

void AuthController::signOutAndForget()
{
    emit forgetLocalDataRequested();
    if (m_state == SignedIn) {
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
    // Local tokens go first: a slow or failing provider never keeps anyone signed in.
    m_sessions->forget([this](const SecretResult &result, const QString &refreshToken) {
        if (!result.ok() && result.status != SecretResult::Status::NotFound)
            setError(tr("The stored session could not be removed from the keychain: %1").arg(result.message));
        auto done = [this](bool revoked) {
            qCInfo(lcAuth) << "Signed out; refresh token revoked at the provider:" << revoked;
            setState(SignedOut);
            emit signOutFinished();
        };
        TokenClient *tokens = m_sessions->tokenClient();
        if (refreshToken.isEmpty()) {
            done(false);
            return;
        }
        if (!tokens->metadata().tokenEndpoint.isEmpty()) {
            tokens->revoke(refreshToken, QStringLiteral("refresh_token"), done);
            return;
        }
        auto *discovery = new OidcDiscovery(m_nam, this);
        connect(discovery, &OidcDiscovery::finished, this,
                [discovery, tokens, refreshToken, done](const std::optional<ProviderMetadata> &metadata,
                                                         const QString &) {
                    discovery->deleteLater();
                    if (!metadata) {
                        done(false);
                        return;
                    }
                    tokens->setMetadata(*metadata);
                    tokens->revoke(refreshToken, QStringLiteral("refresh_token"), done);
                });
        discovery->fetch(m_config.issuer());
    });
}

} // namespace clipshelf
