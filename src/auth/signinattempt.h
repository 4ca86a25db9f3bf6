#pragma once

#include "auth/session.h"
#include "auth/signinflow.h"
#include "core/config.h"

#include <chrono>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

namespace clipshelf {

class BrowserLauncher;
class SessionManager;

/**
 * AuthController's browser sign-in: runs one SignInFlow at a time, opens its
 * authorization URL in the browser (again on request, or copies it to the clipboard),
 * counts down the seconds left, and overlaps the keychain write with the rest of the
 * sign-in (SessionManager::prestore()).
 */
class SignInAttempt : public QObject
{
    Q_OBJECT

public:
    SignInAttempt(const Config &config, QNetworkAccessManager *nam, SessionManager *sessions,
                  QObject *parent = nullptr);
    ~SignInAttempt() override;

    /// Starts a new sign-in (does nothing while one runs).
    void start();
    /// Ends the sign-in under way (emits cancelled()).
    void cancel();
    bool isRunning() const { return !m_flow.isNull(); }
    int secondsLeft() const;
    QUrl authorizationUrl() const { return m_authorizationUrl; }
    /// Why the last sign-in failed (meaningful once it has failed).
    SignInFlow::Failure failure() const { return m_failure; }
    /// Opens the authorization URL in the browser again.
    void openBrowserAgain() { launchBrowser(m_authorizationUrl); }
    /// Puts the authorization URL on the clipboard (in a GUI application only).
    void copyLinkToClipboard() const;

    /// When false, only authorizationUrl() is published; no browser opens.
    void setOpensBrowser(bool opens) { m_opensBrowser = opens; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

signals:
    void stageChanged(clipshelf::SignInFlow::Stage stage);
    void authorizationUrlChanged();
    void secondsLeftChanged();
    /// The browser could not be opened, or failed at once.
    void browserFailed(const QString &message);
    /// The provider's metadata is on the token client; \a session is still to be adopted.
    void succeeded(const clipshelf::Session &session);
    void failed(const QString &message);
    void cancelled();

private:
    void launchBrowser(const QUrl &url);
    void finish(SignInFlow *flow);

    Config m_config;
    QNetworkAccessManager *m_nam;
    SessionManager *m_sessions;
    QPointer<SignInFlow> m_flow;
    BrowserLauncher *m_browser = nullptr;
    bool m_opensBrowser = true;
    SignInFlow::Failure m_failure = SignInFlow::Failure::Other;
    QUrl m_authorizationUrl;
    QTimer m_countdown;
    std::chrono::milliseconds m_timeout{5 * 60 * 1000};
};

} // namespace clipshelf
