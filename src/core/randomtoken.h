#pragma once

#include <QByteArray>

namespace clipshelf::randomtoken {

/// base64url without padding of \a bytes random bytes from the OS's CSPRNG
/// (PKCE verifiers, state, nonce, idempotency keys).
QByteArray urlSafe(int bytes = 32);

} // namespace clipshelf::randomtoken
