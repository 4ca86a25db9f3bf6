#include "auth/sessionsignout.h"

#include "auth/oidcdiscovery.h"
#include "auth/providersignout.h"
#include "auth/sessionmanager.h"
#include "auth/tokenclient.h"
#include "core/logging.h"

#include <QCoreApplication>

namespace clipshelf {

SessionSignOut::SessionSignOut(const Config &config, QNetworkAccessManager *nam,
                               SessionManager *sessions, QObject *parent)
    : QObject(parent), m_config(config), m_nam(nam), m_sessions(sessions),
      m_provider(new ProviderSignOut(config, this))
{}

void SessionSignOut::run(bool atProvider, std::function<void()> done)
{
    m_provider->setNotice({});
    const QString idToken = m_sessions->session().idToken;
    // Local tokens go first: a slow or failing provider never keeps anyone signed in.
    m_sessions->forget([this, idToken, atProvider, done = std::move(done)](
                           const SecretResult &result, const QString &refreshToken) {
        if (!result.ok() && result.status != SecretResult::Status::NotFound)
            // AuthController's context: the text was its own, and the translations have it.
            emit keychainFailed(QCoreApplication::translate(
                                    "clipshelf::AuthController",
                                    "The stored session could not be removed from the keychain: %1")
                                    .arg(result.message));
        revoke(refreshToken, atProvider, [this, idToken, atProvider, done](bool revoked) {
            qCInfo(lcAuth) << "Signed out; refresh token revoked at the provider:" << revoked;
            if (atProvider)
                m_provider->start(m_sessions->tokenClient()->metadata().endSessionEndpoint,
                                  idToken);
            done();
        });
    });
}

void SessionSignOut::revoke(const QString &refreshToken, bool needMetadata,
                            std::function<void(bool)> done)
{
    TokenClient *tokens = m_sessions->tokenClient();
    auto revoke = [tokens, refreshToken, done] {
        if (refreshToken.isEmpty())
            done(false);
        else
            tokens->revoke(refreshToken, QStringLiteral("refresh_token"), done);
    };
    // A sign-out at the provider needs its metadata (end_session_endpoint) even without a token.
    if (refreshToken.isEmpty() && !needMetadata) {
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
}

} // namespace clipshelf
