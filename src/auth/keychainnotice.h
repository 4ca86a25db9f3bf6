#pragma once

#include "auth/session.h"
#include "storage/secretstore.h"

#include <QDateTime>
#include <QObject>

namespace clipshelf {

/**
 * AuthController's keychainWarning: why the sign-in will not be remembered — the
 * keychain could not be used, or the provider granted no refresh token (the same
 * consequence, shown in the same place).
 */
class KeychainNotice : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    QString text() const { return m_text; }
    /// Shows \a text (emits changed() when it changes).
    void set(const QString &text);
    /// After a sign-in: says so when \a result could not save the session.
    void noteSaveResult(const SecretResult &result);
    /// Shows noRefreshTokenNotice() for \a session unless a keychain warning is shown.
    void noteMissingRefreshToken(const Session &session);
    /// True when text() is the noRefreshTokenNotice() (not a keychain problem).
    bool isNoRefreshTokenNotice() const { return !m_text.isEmpty() && m_text == m_refreshNotice; }

    /// See AuthController::noRefreshTokenNotice().
    static QString noRefreshTokenNotice(const Session &session, const QDateTime &now);

signals:
    void changed();

private:
    QString m_text;
    QString m_refreshNotice; ///< the noRefreshTokenNotice() shown as text()
};

} // namespace clipshelf
