#include "auth/signinattempt.h"

#include "auth/browserlauncher.h"
#include "auth/sessionmanager.h"
#include "auth/tokenclient.h"

#include <QClipboard>
#include <QGuiApplication>

namespace clipshelf {

SignInAttempt::SignInAttempt(const Config &config, QNetworkAccessManager *nam,
                             SessionManager *sessions, QObject *parent)
    : QObject(parent), m_config(config), m_nam(nam), m_sessions(sessions)
{
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &SignInAttempt::secondsLeftChanged);
}

SignInAttempt::~SignInAttempt() = default;

int SignInAttempt::secondsLeft() const
{
    return m_flow ? (m_flow->remainingMs() + 999) / 1000 : 0;
}

void SignInAttempt::start()
{
    if (m_flow)
        return;
    m_failure = SignInFlow::Failure::Other;
    auto *flow = new SignInFlow(m_config, m_nam, m_sessions->tokenClient(), this);
    flow->setTimeout(m_timeout);
    m_flow = flow;
    connect(flow, &SignInFlow::stageChanged, this, &SignInAttempt::stageChanged);
    connect(flow, &SignInFlow::authorizationUrlReady, this, [this](const QUrl &url) {
        m_authorizationUrl = url;
        m_countdown.start();
        // Launched before the URL is announced: who shows it knows whether the browser failed at
        // once.
        launchBrowser(url);
        emit authorizationUrlChanged();
        emit secondsLeftChanged();
    });
    // The keychain write (the slowest step) runs while the flow fetches the profile;
    // the signed-in state still waits for both.
    connect(flow, &SignInFlow::tokensReceived, m_sessions, &SessionManager::prestore);
    connect(flow, &SignInFlow::succeeded, this, [this, flow](const Session &session) {
        const ProviderMetadata metadata = flow->metadata();
        finish(flow);
        m_sessions->tokenClient()->setMetadata(metadata);
        emit succeeded(session);
    });
    connect(flow, &SignInFlow::failed, this, [this, flow](const QString &message) {
        m_failure = flow->failure();
        finish(flow);
        m_sessions->discardPrestored();
        emit failed(message);
    });
    connect(flow, &SignInFlow::cancelled, this, [this, flow] {
        finish(flow);
        m_sessions->discardPrestored();
        emit cancelled();
    });
    flow->start();
}

void SignInAttempt::finish(SignInFlow *flow)
{
    m_countdown.stop();
    m_authorizationUrl.clear();
    emit authorizationUrlChanged();
    m_flow.clear();
    flow->deleteLater();
}

void SignInAttempt::cancel()
{
    if (m_flow)
        m_flow->cancel();
}

void SignInAttempt::launchBrowser(const QUrl &url)
{
    if (!m_opensBrowser)
        return;
    if (!m_browser) {
        m_browser = new BrowserLauncher(m_config.browserCommand(), this);
        connect(m_browser, &BrowserLauncher::failed, this, &SignInAttempt::browserFailed);
    }
    m_browser->launch(url);
}

void SignInAttempt::copyLinkToClipboard() const
{
    if (auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance());
        app && !m_authorizationUrl.isEmpty())
        QGuiApplication::clipboard()->setText(m_authorizationUrl.toString(QUrl::FullyEncoded));
}

} // namespace clipshelf
