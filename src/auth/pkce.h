#pragma once

#include <QByteArray>

namespace clipshelf::pkce {

/// A PKCE code verifier (RFC 7636 §4.1): 32 random bytes, base64url, 43 characters.
QByteArray makeVerifier();

/// The S256 code challenge of \a verifier: BASE64URL(SHA256(ASCII(verifier))).
/// Clipshelf never uses the "plain" method.
QByteArray challengeS256(const QByteArray &verifier);

} // namespace clipshelf::pkce
