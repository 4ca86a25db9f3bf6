// OpenSSL 3 helpers (EVP APIs only): public keys from JWK parameters,
// RS256/ES256 signature checks, SHA-256 and secure random bytes.
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <memory>
#include <optional>

struct evp_pkey_st;

namespace apiserver::crypto {

using PublicKey = std::shared_ptr<evp_pkey_st>;

// RSA public key from the big-endian modulus and exponent. Keys shorter than
// 2048 bits are refused. Returns null and sets *error on failure.
PublicKey rsaPublicKey(const QByteArray &modulus, const QByteArray &exponent, QString *error);
// P-256 public key from 32-byte big-endian x and y; the point is validated.
PublicKey ecP256PublicKey(const QByteArray &x, const QByteArray &y, QString *error);

bool isRsa(const PublicKey &key);
bool isEcP256(const PublicKey &key);

// RSASSA-PKCS1-v1_5 with SHA-256.
bool verifyRs256(const PublicKey &key, const QByteArray &data, const QByteArray &signature);
// ECDSA P-256 with SHA-256; signature in JWS form: raw r||s, 64 bytes.
bool verifyEs256(const PublicKey &key, const QByteArray &data, const QByteArray &rawSignature);

// r||s (2 * 32 bytes) -> DER ECDSA-Sig-Value; empty on bad input.
QByteArray ecdsaRawToDer(const QByteArray &raw);

QByteArray sha256(const QByteArray &data);

// AES-256-GCM with a random nonce: nonce(12) || ciphertext || tag(16).
QByteArray seal(const QByteArray &key32, const QByteArray &plaintext);
// Empty optional when the blob was tampered with or the key is wrong.
std::optional<QByteArray> unseal(const QByteArray &key32, const QByteArray &sealed);
QByteArray randomBytes(int count);

} // namespace apiserver::crypto
