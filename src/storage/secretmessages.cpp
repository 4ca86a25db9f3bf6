#include "storage/secretmessages.h"

#include <QCoreApplication>

namespace clipshelf {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("clipshelf::SecretMessages", text);
}
} // namespace

QString SecretMessages::notFound()
{
    return tr("Nothing is saved in the keychain for this profile.");
}

QString SecretMessages::noBackend()
{
#if defined(Q_OS_MACOS) || defined(Q_OS_IOS)
    return tr("The macOS Keychain is not available: make sure you are logged in to your user "
              "account on this Mac, then sign in again.");
#elif defined(Q_OS_WIN)
    return tr("Windows Credential Manager is not available: make sure the Credential Manager "
              "service is running, then sign in again.");
#else
    return tr("No Secret Service is running: install and unlock gnome-keyring or KWallet, then "
              "sign in again.");
#endif
}

QString SecretMessages::locked()
{
#if defined(Q_OS_MACOS) || defined(Q_OS_IOS)
    return tr("The macOS Keychain is locked or access was refused: unlock your login keychain "
              "(and choose \"Allow\" if asked), then try again.");
#elif defined(Q_OS_WIN)
    return tr("Windows Credential Manager refused access: make sure you are signed in to your "
              "Windows account, then try again.");
#else
    return tr("The keychain is locked: unlock it (for example by logging in to your desktop "
              "session) and try again.");
#endif
}

QString SecretMessages::damaged()
{
    return tr("The sign-in saved in the keychain is damaged or incomplete, so it cannot be used: "
              "sign in again to replace it.");
}

QString SecretMessages::tooLarge()
{
    return tr("This is too large to keep in the keychain (the limit is 1 MiB).");
}

QString SecretMessages::invalidKey()
{
    return tr("Internal error: invalid keychain entry name.");
}

QString SecretMessages::backendError(const QString &detail)
{
    if (detail.trimmed().isEmpty())
        return tr("The keychain reported an unknown error. Try again; if it keeps happening, "
                  "restart your session.");
    return tr("The keychain reported an error (%1). Try again; if it keeps happening, restart "
              "your session.")
        .arg(detail.trimmed());
}

QString SecretMessages::forStatus(SecretResult::Status status)
{
    switch (status) {
    case SecretResult::Status::Ok:
        return {};
    case SecretResult::Status::NotFound:
        return notFound();
    case SecretResult::Status::NoBackend:
        return noBackend();
    case SecretResult::Status::Locked:
        return locked();
    case SecretResult::Status::Error:
        break;
    }
    return backendError({});
}

SecretResult SecretMessages::result(SecretResult::Status status, const QString &message)
{
    SecretResult r;
    r.status = status;
    r.message = message.isEmpty() ? forStatus(status) : message;
    return r;
}

const char *secretStatusName(SecretResult::Status status)
{
    switch (status) {
    case SecretResult::Status::Ok:
        return "Ok";
    case SecretResult::Status::NotFound:
        return "NotFound";
    case SecretResult::Status::NoBackend:
        return "NoBackend";
    case SecretResult::Status::Locked:
        return "Locked";
    case SecretResult::Status::Error:
        return "Error";
    }
    return "?";
}

} // namespace clipshelf
