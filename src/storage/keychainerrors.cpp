#include "storage/keychainerrors.h"

#include "storage/secretmessages.h"

#include <qt6keychain/keychain.h>

namespace clipshelf::keychainerrors {

bool indicatesMissingService(const QString &errorString)
{
    static const char *const needles[] = {
        "Cannot autolaunch D-Bus",
        "was not provided by any .service files",
        "org.freedesktop.secrets",
        "No such interface",
        "ServiceUnknown",
        "DBUS_SESSION_BUS_ADDRESS",
        "D-Bus is not running",
        "Could not connect",
        "No keychain service available",
        "No keyring daemon",
    };
    for (const char *needle : needles) {
        if (errorString.contains(QLatin1String(needle), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

SecretResult toResult(int keychainError, const QString &errorString)
{
    switch (static_cast<QKeychain::Error>(keychainError)) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return SecretMessages::result(SecretResult::Status::NotFound);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretMessages::result(SecretResult::Status::NoBackend);
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretMessages::result(SecretResult::Status::Locked);
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
    default: // values added by newer qtkeychain versions
        break;
    }
    if (indicatesMissingService(errorString))
        return SecretMessages::result(SecretResult::Status::NoBackend);
    return SecretMessages::result(SecretResult::Status::Error,
                                  SecretMessages::backendError(errorString));
}

} // namespace clipshelf::keychainerrors
