#include "auth/providersignout.h"

#include "auth/browserlauncher.h"
#include "auth/signoutlanding.h"
#include "core/logging.h"

#include <QCoreApplication>

namespace clipshelf {

namespace {
/// How long the local page waits for the browser to come back from the provider's sign-out page.
constexpr int kProviderSignOutTimeoutMs = 2 * 60 * 1000;

// The texts keep AuthController's context: they were its own, and the translations have it.
QString text(const char *source, const QString &providerName)
{
    return QCoreApplication::translate("clipshelf::AuthController", source).arg(providerName);
}
} // namespace

ProviderSignOut::ProviderSignOut(const Config &config, QObject *parent)
    : QObject(parent), m_config(config)
{}

void ProviderSignOut::setNotice(const QString &notice)
{
    if (m_notice == notice)
        return;
    m_notice = notice;
    emit noticeChanged();
}

void ProviderSignOut::finish(SignOutLanding *landing, bool reached, const QString &notice)
{
    if (m_landing != landing)
        return;
    m_landing.clear();
    landing->deleteLater();
    setNotice(notice);
    emit finished(reached);
}

void ProviderSignOut::start(const QUrl &endpoint, const QString &idToken)
{
    const QString provider = m_config.providerName();
    if (endpoint.isEmpty() || idToken.isEmpty()) {
        setNotice(text(QT_TRANSLATE_NOOP("clipshelf::AuthController",
                                         "%1 offers no sign-out for apps: if this computer is "
                                         "shared, sign out on its website in your browser."),
                       provider));
        return;
    }
    auto *landing = new SignOutLanding(this);
    if (!landing->listen(kProviderSignOutTimeoutMs)) {
        delete landing;
        setNotice(text(QT_TRANSLATE_NOOP("clipshelf::AuthController",
                                         "Clipshelf could not open %1's sign-out page: if this "
                                         "computer is shared, sign out on its website in your "
                                         "browser."),
                       provider));
        return;
    }
    m_landing = landing;
    connect(landing, &SignOutLanding::reached, this, [this, landing, provider] {
        finish(landing, true,
               text(QT_TRANSLATE_NOOP("clipshelf::AuthController",
                                      "You are signed out of Clipshelf and of %1 in your browser."),
                    provider));
    });
    connect(landing, &SignOutLanding::timedOut, this, [this, landing, provider] {
        finish(landing, false,
               text(QT_TRANSLATE_NOOP("clipshelf::AuthController",
                                      "%1's sign-out page did not come back to Clipshelf; if this "
                                      "computer is shared, make sure you are signed out there."),
                    provider));
    });
    // The URL carries the ID token (id_token_hint): it goes to the browser only, never to a log.
    const QUrl url = endSessionUrl(endpoint, idToken, m_config.clientId(), landing->redirectUri());
    auto *launcher = new BrowserLauncher(m_config.browserCommand(), landing);
    connect(launcher, &BrowserLauncher::failed, this, [this, landing, provider](const QString &) {
        finish(landing, false,
               text(QT_TRANSLATE_NOOP("clipshelf::AuthController",
                                      "The browser could not be opened for %1's sign-out page: if "
                                      "this computer is shared, sign out on its website."),
                    provider));
    });
    setNotice(text(QT_TRANSLATE_NOOP("clipshelf::AuthController",
                                     "Clipshelf opened %1's sign-out page in your browser, to sign "
                                     "you out there too."),
                   provider));
    qCInfo(lcAuth) << "Opening the provider's sign-out page:"
                   << endpoint.toString(QUrl::RemoveQuery);
    launcher->launch(url);
}

} // namespace clipshelf
