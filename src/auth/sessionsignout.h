#pragma once

#include "core/config.h"

#include <functional>
#include <QObject>

class QNetworkAccessManager;

namespace clipshelf {

class ProviderSignOut;
class SessionManager;

/**
 * AuthController's sign-out: deletes the local tokens first (a slow or failing
 * provider never keeps anyone signed in), then revokes the refresh token at the
 * provider and, when asked, signs out there too (ProviderSignOut).
 */
class SessionSignOut : public QObject
{
    Q_OBJECT

public:
    SessionSignOut(const Config &config, QNetworkAccessManager *nam, SessionManager *sessions,
                   QObject *parent = nullptr);

    /// Signs the current session out; \a atProvider also ends the provider's browser session.
    /// \a done runs once the revocation attempt has finished.
    void run(bool atProvider, std::function<void()> done);
    /// The sign-out at the provider (its notice, whether it still runs).
    ProviderSignOut *provider() const { return m_provider; }

signals:
    /// The stored session could not be removed from the keychain; \a message says so.
    void keychainFailed(const QString &message);

private:
    void revoke(const QString &refreshToken, bool needMetadata, std::function<void(bool)> done);

    Config m_config;
    QNetworkAccessManager *m_nam;
    SessionManager *m_sessions;
    ProviderSignOut *m_provider;
};

} // namespace clipshelf
