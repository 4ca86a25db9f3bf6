#pragma once

#include "storage/secretstore.h"

#include <QString>

/// What qtkeychain's errors mean for a SecretStore caller.
namespace clipshelf::keychainerrors {

/// Maps a qtkeychain outcome (a QKeychain::Error value and the job's
/// errorString()) to a SecretResult with a plain-words message.
SecretResult toResult(int keychainError, const QString &errorString);
/// True when an OtherError text means there is no Secret Service or no D-Bus session.
bool indicatesMissingService(const QString &errorString);

} // namespace clipshelf::keychainerrors
