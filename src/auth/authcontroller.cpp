#include "auth/authcontroller.h"

#include "auth/browserlauncher.h"
#include "auth/oidcdiscovery.h"
#include "auth/sessionmanager.h"
#include "auth/signinflow.h"
#include "auth/signoutlanding.h"
#include "auth/tokenclient.h"
#include "core/logging.h"

#include <climits>
#include <QClipboard>
#include <QGuiApplication>
#include <QNetworkAccessManager>

namespace clipshelf {

namespace {
/// How long the local page waits for the browser to come back from the provider's sign-out page.
constexpr int kProviderSignOutTimeoutMs = 2 * 60 * 1000;
} // namespace

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
        if (m_sessions->isActive()) {
            qCInfo(lcAuth) << "Restored the stored session";
            noticeMissingRefreshToken();
        }
        setState(m_sessions->isActive() ? SignedIn : SignedOut);
        emit restoreFinished();
    });
}

void AuthController::signIn()
{
    if (m_flow || m_state == SignedIn || m_state == SigningOut)
        return;
    setError({});
    m_browserFailed = false;
    m_signInFailure = SignInFlow::Failure::Other;
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
        m_countdown.start();
        // Launched before the URL is announced: who shows it knows whether the browser failed at
        // once.
        launchBrowser(url);
        emit authorizationUrlChanged();
        emit secondsLeftChanged();
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
    connect(flow, &SignInFlow::failed, this, [this, flow, finishFlow](const QString &message) {
        m_signInFailure = flow->failure();
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
        noticeMissingRefreshToken();
        setState(SignedIn);
    });
}

QString AuthController::noRefreshTokenNotice(const Session &session, const QDateTime &now)
{
    if (!session.isValid() || session.hasRefreshToken())
        return {};
    if (!session.accessTokenExpiry.isValid())
        return tr("You will need to sign in again when this sign-in expires — your provider did "
                  "not allow "
                  "staying signed in.");
    const qint64 minutes = std::max<qint64>(1, (now.secsTo(session.accessTokenExpiry) + 59) / 60);
    return tr("You will need to sign in again in %n minute(s) — your provider did not allow "
              "staying signed in.",
              nullptr, int(std::min<qint64>(minutes, INT_MAX)));
}

void AuthController::noticeMissingRefreshToken()
{
    // Shown where keychain warnings are ("Your sign-in won't be remembered"): the same consequence.
    const QString notice = noRefreshTokenNotice(session());
    if (!notice.isEmpty() && m_keychainWarning.isEmpty()) {
        qCInfo(lcAuth) << "The provider granted no refresh token";
        m_refreshNotice = notice;
        setKeychainWarning(notice);
    }
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
        connect(m_browser, &BrowserLauncher::failed, this, [this](const QString &message) {
            if (!m_flow || m_state != WaitingForBrowser)
                return; // a browser ending badly after the sign-in is no news
            m_browserFailed = true;
            setError(message);
            emit browserLaunchFailed(message);
        });
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
    // The provider's own sign-in in the browser ends too (RP-initiated logout), where it offers
    // that.
    m_endProviderSession = true;
    if (m_state == SignedIn) {
        signOut();
        return;
    }
    // Not signed in (e.g. the session ended): the stored session may still exist.
    m_endProviderSession = false;
    m_sessions->forget([this](const SecretResult &, const QString &) { emit signOutFinished(); });
}

void AuthController::signOut()
{
    if (m_state != SignedIn)
        return;
    setState(SigningOut);
    setSignOutNotice({});
    const QString idToken = session().idToken;
    const bool atProvider = std::exchange(m_endProviderSession, false);
    // Local tokens go first: a slow or failing provider never keeps anyone signed in.
    m_sessions->forget([this, idToken, atProvider](const SecretResult &result,
                                                   const QString &refreshToken) {
        if (!result.ok() && result.status != SecretResult::Status::NotFound)
            setError(tr("The stored session could not be removed from the keychain: %1").arg(result.message));
        auto done = [this, idToken, atProvider](bool revoked) {
            qCInfo(lcAuth) << "Signed out; refresh token revoked at the provider:" << revoked;
            if (atProvider)
                startProviderSignOut(idToken);
            setState(SignedOut);
            emit signOutFinished();
        };
        TokenClient *tokens = m_sessions->tokenClient();
        auto revoke = [tokens, refreshToken, done] {
            if (refreshToken.isEmpty())
                done(false);
            else
                tokens->revoke(refreshToken, QStringLiteral("refresh_token"), done);
        };
        if (refreshToken.isEmpty() && !atProvider) {
            done(false);
            return;
        }
        if (!tokens->metadata().tokenEndpoint.isEmpty()) {
            revoke();
            return;
        }
        auto *discovery = new OidcDiscovery(m_nam, this);
        connect(discovery, &OidcDiscovery::finished, this,
                [discovery, tokens, revoke, done](const std::optional<ProviderMetadata> &metadata,
                                                  const QString &) {
                    discovery->deleteLater();
                    if (!metadata) {
                        done(false);
                        return;
                    }
                    tokens->setMetadata(*metadata);
                    revoke();
                });
        discovery->fetch(m_config.issuer());
    });
}

void AuthController::setSignOutNotice(const QString &notice)
{
    if (m_signOutNotice == notice)
        return;
    m_signOutNotice = notice;
    emit signOutNoticeChanged();
}

void AuthController::startProviderSignOut(const QString &idToken)
{
    const QUrl endpoint = m_sessions->tokenClient()->metadata().endSessionEndpoint;
    if (endpoint.isEmpty() || idToken.isEmpty()) {
        setSignOutNotice(tr("%1 offers no sign-out for apps: if this computer is shared, sign out "
                            "on its website "
                            "in your browser.")
                             .arg(providerName()));
        return;
    }
    auto *landing = new SignOutLanding(this);
    if (!landing->listen(kProviderSignOutTimeoutMs)) {
        delete landing;
        setSignOutNotice(tr("Clipshelf could not open %1's sign-out page: if this computer is "
                            "shared, sign out on "
                            "its website in your browser.")
                             .arg(providerName()));
        return;
    }
    m_providerSignOut = landing;
    auto finish = [this, landing](bool reached, const QString &notice) {
        if (m_providerSignOut != landing)
            return;
        m_providerSignOut.clear();
        landing->deleteLater();
        setSignOutNotice(notice);
        emit providerSignOutFinished(reached);
    };
    connect(landing, &SignOutLanding::reached, this, [this, finish] {
        finish(
            true,
            tr("You are signed out of Clipshelf and of %1 in your browser.").arg(providerName()));
    });
    connect(landing, &SignOutLanding::timedOut, this, [this, finish] {
        finish(false, tr("%1's sign-out page did not come back to Clipshelf; if this computer is "
                         "shared, make sure "
                         "you are signed out there.")
                          .arg(providerName()));
    });
    // The URL carries the ID token (id_token_hint): it goes to the browser only, never to a log.
    const QUrl url = endSessionUrl(endpoint, idToken, m_config.clientId(), landing->redirectUri());
    auto *launcher = new BrowserLauncher(m_config.browserCommand(), landing);
    connect(launcher, &BrowserLauncher::failed, this, [this, finish](const QString &) {
        finish(false, tr("The browser could not be opened for %1's sign-out page: if this computer "
                         "is shared, sign "
                         "out on its website.")
                          .arg(providerName()));
    });
    setSignOutNotice(
        tr("Clipshelf opened %1's sign-out page in your browser, to sign you out there too.")
            .arg(providerName()));
    qCInfo(lcAuth) << "Opening the provider's sign-out page:"
                   << endpoint.toString(QUrl::RemoveQuery);
    launcher->launch(url);
}

} // namespace clipshelf
