// OpenSSL 3 helpers (EVP APIs only): SHA-256, sealing and secure random
// bytes. Token signatures are checked by the project's JWS verifier (src/jws).
#pragma once

#include <optional>
#include <QtCore/QByteArray>
#include <QtCore/QString>

namespace apiserver::crypto {

QByteArray sha256(const QByteArray &data);

// AES-256-GCM with a random nonce: nonce(12) || ciphertext || tag(16).
QByteArray seal(const QByteArray &key32, const QByteArray &plaintext);
// Empty optional when the blob was tampered with or the key is wrong.
std::optional<QByteArray> unseal(const QByteArray &key32, const QByteArray &sealed);
QByteArray randomBytes(int count);

} // namespace apiserver::crypto
