#pragma once
// The project's one JWS (RFC 7515) verifier, shared by the client (ID tokens)
// and the reference API server (access tokens). QtCore and OpenSSL's EVP API
// only; no network. Callers check the claims of a verified token; audiences()
// reads the one claim both read alike.

#include <memory>
#include <optional>
#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

struct evp_pkey_st;

namespace clipshelf::jws {

/// Longest compact JWS accepted, in bytes (header, payload and signature).
inline constexpr qsizetype kMaxTokenBytes = 16 * 1024;
/// Largest JWK set document accepted, in bytes.
inline constexpr qsizetype kMaxJwksBytes = 64 * 1024;
/// Most keys a JWK set may hold.
inline constexpr int kMaxJwksKeys = 32;
/// Shortest RSA modulus accepted, in bits (RFC 7518 §3.3).
inline constexpr int kMinRsaBits = 2048;
/// Longest RSA modulus accepted, in bits (bounds the work one token can cause).
inline constexpr int kMaxRsaBits = 8192;

/// The signature algorithms accepted; everything else (none, HS*, RS384, …) is refused.
enum class Algorithm { RS256, PS256, ES256, EdDSA };

/// The algorithm named \a name in a JOSE header, or nullopt when it is not accepted.
std::optional<Algorithm> algorithmFromName(const QString &name);
/// The JOSE name of \a alg ("RS256", …).
QString algorithmName(Algorithm alg);

/// Strict base64url without padding (RFC 7515 §2); *ok is false on any other character.
QByteArray base64UrlDecode(QByteArrayView text, bool *ok);
/// base64url without padding.
QByteArray base64UrlEncode(QByteArrayView data);

/// A compact JWS split and decoded, its signature not yet checked.
struct CompactJws
{
    QJsonObject header;
    QJsonObject payload;
    QByteArray signingInput; ///< "<header>.<payload>" as sent
    QByteArray signature;    ///< decoded

    QString alg() const { return header.value(QStringLiteral("alg")).toString(); }
    QString kid() const { return header.value(QStringLiteral("kid")).toString(); }

    /// Parses \a token; nullopt with a plain-words \a error when it is not a
    /// well-formed compact JWS of at most kMaxTokenBytes.
    static std::optional<CompactJws> parse(QByteArrayView token, QString *error);
};

/// One public signing key of a JWK set (RFC 7517).
class Jwk
{
public:
    QString kid;
    QString kty; ///< "RSA", "EC" or "OKP"
    QString alg; ///< as published; empty when the JWK names none
    QString crv; ///< "P-256" or "Ed25519" for EC and OKP keys

    /// True when this key may verify a signature made with \a alg (kty, crv, alg, use and key_ops
    /// fit).
    bool fits(Algorithm alg) const;
    /// Checks \a signature over \a input with this key; false also when the key does not fit \a
    /// alg.
    bool verify(Algorithm alg, QByteArrayView input, QByteArrayView signature) const;

    /// The key from its JWK form; nullopt with \a error for keys that are never used
    /// (encryption keys, other types or curves, RSA keys under kMinRsaBits, invalid points).
    static std::optional<Jwk> fromJson(const QJsonObject &jwk, QString *error);

private:
    std::shared_ptr<evp_pkey_st> m_key;
};

/// The usable signing keys of a JWK set.
class JwkSet
{
public:
    QList<Jwk> keys;

    /// Parses a JWK set document of at most kMaxJwksBytes and kMaxJwksKeys keys;
    /// keys that can never verify are left out. nullopt with \a error when the document is
    /// unusable.
    static std::optional<JwkSet> parse(QByteArrayView json, QString *error);
    /// True when a key has the id \a kid.
    bool hasKid(const QString &kid) const;
};

/// What verify() found.
enum class Outcome {
    Verified,
    Malformed,            ///< not a compact JWS, or too long
    UnsupportedAlgorithm, ///< alg is none, HS*, or another algorithm that is never accepted
    UnknownKey,           ///< no key with the token's kid (another fetch of the set may help)
    KeyMismatch,          ///< the key named by kid cannot make this algorithm's signatures
    BadSignature,
};

struct Verification
{
    Outcome outcome = Outcome::Malformed;
    QString error;       ///< plain words for logs and messages; never the token
    QJsonObject header;  ///< set once the token parsed
    QJsonObject payload; ///< the claims; trust them only when ok()

    bool ok() const { return outcome == Outcome::Verified; }
};

/// The audiences the \a claims name: "aud" is one string or an array of them (RFC 7519
/// §4.1.3); an item that is not a string reads as an empty string, which matches no one.
QStringList audiences(const QJsonObject &claims);

/// Checks the token's form, its algorithm (RS256, PS256, ES256, EdDSA only, no
/// critical headers) and its signature against the key of \a keys named by its
/// kid (every fitting key when it names none).
Verification verify(QByteArrayView token, const JwkSet &keys);

} // namespace clipshelf::jws
