#include "auth/keychainnotice.h"

#include "core/logging.h"

#include <algorithm>
#include <climits>
#include <QCoreApplication>

namespace clipshelf {

void KeychainNotice::set(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    emit changed();
}

void KeychainNotice::noteSaveResult(const SecretResult &result)
{
    if (!result.ok() && !result.backendUnavailable()) {
        set(QCoreApplication::translate("clipshelf::AuthController",
                                        "Your session could not be saved in the keychain "
                                        "(%1); you will have to sign in again next time.")
                .arg(result.message));
    }
}

void KeychainNotice::noteMissingRefreshToken(const Session &session)
{
    const QString notice = noRefreshTokenNotice(session, QDateTime::currentDateTimeUtc());
    if (!notice.isEmpty() && m_text.isEmpty()) {
        qCInfo(lcAuth) << "The provider granted no refresh token";
        m_refreshNotice = notice;
        set(notice);
    }
}

// The texts keep AuthController's context: they were its own, and the translations have it.
QString KeychainNotice::noRefreshTokenNotice(const Session &session, const QDateTime &now)
{
    if (!session.isValid() || session.hasRefreshToken())
        return {};
    if (!session.accessTokenExpiry.isValid())
        return QCoreApplication::translate("clipshelf::AuthController",
                                           "You will need to sign in again when this sign-in "
                                           "expires — your provider did not allow staying signed "
                                           "in.");
    const qint64 minutes = std::max<qint64>(1, (now.secsTo(session.accessTokenExpiry) + 59) / 60);
    // Counted outside the call: lupdate's parser loops on a template argument list in it.
    const int count = int(std::min<qint64>(minutes, INT_MAX));
    return QCoreApplication::translate("clipshelf::AuthController",
                                       "You will need to sign in again in %n minute(s) — your "
                                       "provider did not allow staying signed in.",
                                       nullptr, count);
}

} // namespace clipshelf
