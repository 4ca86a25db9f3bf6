#pragma once

#include "storage/secretstore.h"

#include <QString>

namespace clipshelf {

/**
 * The plain-words texts that SecretResult::message carries, worded for the
 * platform's keychain (Secret Service, macOS Keychain, Windows Credential
 * Manager). None of them ever contains a secret.
 */
struct SecretMessages
{
    static QString notFound();
    static QString noBackend();
    static QString locked();
    /// A stored entry is unreadable (bad marker, missing chunk, wrong checksum).
    static QString damaged();
    static QString tooLarge();
    static QString invalidKey();
    /// Any other keychain failure; `detail` is the backend's own error text.
    static QString backendError(const QString &detail);

    /// The default text for `status` (empty for Ok).
    static QString forStatus(SecretResult::Status status);
    /// A result with `status` and `message`, or the default text when `message` is empty.
    static SecretResult result(SecretResult::Status status, const QString &message = {});
};

/// "Ok", "NotFound", ... for logs and test output.
const char *secretStatusName(SecretResult::Status status);

} // namespace clipshelf
