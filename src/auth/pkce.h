#pragma once

#include <QByteArray>

namespace clipshelf::pkce {

/// base64url without padding of \a bytes random bytes from the OS's CSPRNG.
QByteArray randomUrlSafe(int bytes = 32);

/// A PKCE code verifier (RFC 7636 §4.1): 32 random bytes, base64url, 43 characters.
QByteArray makeVerifier();

/// The S256 code challenge of \a verifier: BASE64URL(SHA256(ASCII(verifier))).
/// Clipshelf never uses the "plain" method.
QByteArray challengeS256(const QByteArray &verifier);

/// Compares two secrets in time that does not depend on where they differ.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace clipshelf::pkce
