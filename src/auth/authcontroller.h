#pragma once

#include "auth/keychainnotice.h"
#include "auth/providersignout.h"
#include "auth/session.h"
#include "auth/sessionmanager.h"
#include "auth/sessionsignout.h"
#include "auth/signinattempt.h"
#include "auth/signinflow.h"
#include "core/config.h"

#include <chrono>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace clipshelf {

class SecretStore;

/**
 * The sign-in state of the app, for QML and the CLI alike: restores a stored
 * session at start, runs a browser sign-in, signs out. Owns the Session and
 * where it is stored (the keychain, or memory when no keychain is usable).
 */
class AuthController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY stateChanged)
    Q_PROPERTY(QString providerName READ providerName CONSTANT)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(QString keychainWarning READ keychainWarning NOTIFY keychainWarningChanged)
    Q_PROPERTY(QUrl authorizationUrl READ authorizationUrl NOTIFY authorizationUrlChanged)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY secondsLeftChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY profileChanged)
    Q_PROPERTY(QString email READ email NOTIFY profileChanged)
    Q_PROPERTY(QUrl pictureUrl READ pictureUrl NOTIFY profileChanged)
    Q_PROPERTY(QString signOutNotice READ signOutNotice NOTIFY signOutNoticeChanged)
    Q_PROPERTY(clipshelf::SessionManager *sessions READ sessions CONSTANT)

public:
    enum State {
        Restoring,         ///< reading a stored session from the keychain
        SignedOut,         ///< nobody signed in; errorMessage may say why
        Discovering,       ///< fetching the provider's discovery document
        WaitingForBrowser, ///< the browser is out; waiting for the loopback callback
        CompletingSignIn,  ///< exchanging the code, validating, fetching the profile
        SignedIn,
        SigningOut,
    };
    Q_ENUM(State)

    /// \a store: where the session lives (normally a KeychainSecretStore for the profile).
    AuthController(const Config &config, SecretStore *store, QNetworkAccessManager *nam,
                   QObject *parent = nullptr);
    ~AuthController() override;

    State state() const { return m_state; }
    bool isSignedIn() const { return m_state == SignedIn; }
    QString providerName() const { return m_config.providerName(); }
    QString errorMessage() const { return m_errorMessage; }
    QString keychainWarning() const { return m_keychainNotice->text(); }
    QUrl authorizationUrl() const { return m_attempt->authorizationUrl(); }
    int secondsLeft() const { return m_attempt->secondsLeft(); }
    QString userName() const { return session().profile.name; }
    QString email() const { return session().profile.email; }
    QUrl pictureUrl() const { return QUrl(session().profile.pictureUrl); }

    const Session &session() const { return m_sessions->session(); }
    /// The owner of the tokens; the API client asks it for fresh access tokens.
    SessionManager *sessions() const { return m_sessions; }
    const Config &config() const { return m_config; }
    /// True when the session lives only in memory because no keychain is usable.
    bool isSessionInMemoryOnly() const { return m_sessions->isMemoryOnly(); }
    /// Why the last sign-in failed (meaningful once it has failed).
    SignInFlow::Failure signInFailure() const { return m_attempt->failure(); }
    /// For a session without a refresh token: that the person must sign in again when
    /// the access token expires, and when ("" for a session with a refresh token).
    static QString noRefreshTokenNotice(const Session &session,
                                        const QDateTime &now = QDateTime::currentDateTimeUtc())
    {
        return KeychainNotice::noRefreshTokenNotice(session, now);
    }
    /// What "Sign out and forget this device" did at the provider ("" before one).
    QString signOutNotice() const { return m_signOut->provider()->notice(); }
    /// True while the provider's sign-out page is open in the browser and not come back yet.
    bool isSigningOutAtProvider() const { return m_signOut->provider()->isRunning(); }
    /// True when keychainWarning() is the noRefreshTokenNotice() (not a keychain problem).
    bool keychainWarningIsNoRefreshTokenNotice() const
    {
        return m_keychainNotice->isNoRefreshTokenNotice();
    }
    /// True when the browser of the current sign-in could not be opened (the link must be opened by
    /// hand).
    bool browserFailed() const { return m_browserFailed; }

    /// When false, sign-in only publishes authorizationUrl (for `clipshelf-cli login
    /// --no-browser`).
    void setOpensBrowser(bool opens) { m_attempt->setOpensBrowser(opens); }
    /// Sign-in attempt timeout (default 5 minutes).
    void setSignInTimeout(std::chrono::milliseconds timeout) { m_attempt->setTimeout(timeout); }

public slots:
    /// Restores a stored session without opening the browser (call once at start).
    void restore();
    /// Starts a sign-in in the system browser (or the configured --browser command).
    void signIn();
    /// Ends a sign-in that is waiting for the browser.
    void cancel();
    /// Opens the authorization URL again (the person closed the tab).
    void openBrowserAgain();
    /// Puts the authorization URL on the clipboard, to paste into another browser.
    void copyLinkToClipboard();
    /// Deletes the local tokens, then revokes the refresh token at the provider.
    void signOut();
    /// Signs out and removes every stored thing of the profile: emits
    /// forgetLocalDataRequested() (the Workspace wipes cache, outbox and
    /// thumbnails), then signs out as signOut() does. Where the provider
    /// offers RP-initiated logout it also opens its end_session_endpoint in
    /// the browser (id_token_hint, post_logout_redirect_uri to a local page),
    /// and signOutNotice says what it did.
    void signOutAndForget();

signals:
    void stateChanged();
    void errorMessageChanged();
    void keychainWarningChanged();
    void authorizationUrlChanged();
    void secondsLeftChanged();
    void profileChanged();
    /// Emitted once the sign-out (including the revocation attempt) has finished.
    void signOutFinished();
    void signOutNoticeChanged();
    /// The browser came back from the provider's sign-out page (\a reached), or did not in time.
    void providerSignOutFinished(bool reached);
    /// Emitted once restore() has decided (signed in, or signed out).
    void restoreFinished();
    /// signOutAndForget() asks everyone holding local data of the profile to delete it.
    void forgetLocalDataRequested();
    /// The browser for the current sign-in could not be opened or failed at once;
    /// errorMessage says why and the sign-in goes on waiting for the link to be opened by hand.
    void browserLaunchFailed(const QString &message);

private:
    void setState(State s);
    void setError(const QString &message);
    void onSignInSucceeded(const Session &session);
    void onSignInFailed(const QString &message);
    void onBrowserFailed(const QString &message);

    Config m_config;
    SessionManager *m_sessions;
    SignInAttempt *m_attempt;
    SessionSignOut *m_signOut;
    KeychainNotice *m_keychainNotice;
    bool m_browserFailed = false;
    State m_state = SignedOut;
    QString m_errorMessage;
    bool m_endProviderSession =
        false; ///< the sign-out under way also ends the provider's browser session
};

} // namespace clipshelf
