#pragma once

#include <functional>
#include <optional>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

class QUrl;

namespace clipshelf {

class JwksCache;

/// The decoded (not verified) parts of a compact JWS.
struct JwtParts
{
    QJsonObject header;
    QJsonObject claims;

    /// Splits and base64url-decodes \a token; nullopt when it is not a JWS.
    static std::optional<JwtParts> decode(const QString &token);
};

/**
 * Validates an ID token per OpenID Connect Core 3.1.3.7: check() verifies its
 * signature against the provider's published keys (RS256, PS256, ES256 or
 * EdDSA; never none or HS*) and then its claims; validate() checks the claims.
 */
class IdTokenValidator
{
public:
    /// Why an ID token was not accepted.
    enum class Failure {
        None,
        Refused,         ///< forged, unsigned, or for another issuer, app, subject or sign-in
        Clock,           ///< only its times (exp, iat) are off: a clock problem, or a stale token
        KeysUnavailable, ///< the provider's signing keys could not be loaded: try again later
    };
    struct Checked
    {
        Failure failure = Failure::None;
        QString error; ///< plain words for the user
        QJsonObject claims;
    };

    struct Expectations
    {
        QString issuer;
        QString clientId;
        /// The nonce of this attempt; empty for refresh responses (which may omit it).
        QString nonce;
        /// The subject the token must name (a refresh: the session's); empty: any.
        QString subject;
        QDateTime now = QDateTime::currentDateTimeUtc();
        int leewaySeconds = 120;
        /// iat older than this is refused (a stale, replayed token).
        int maxAgeSeconds = 24 * 3600;
    };

    /// Checks the claims only (the signature must be checked already); returns them,
    /// or nullopt with a plain-words \a error and, when \a failure is given, its kind.
    static std::optional<QJsonObject> validate(const QString &idToken, const Expectations &expect,
                                               QString *error, Failure *failure = nullptr);
    /// Verifies the signature with the keys at \a jwksUri (through \a keys), then the
    /// claims; \a done runs once, possibly before check() returns.
    static void check(JwksCache *keys, const QUrl &jwksUri, const QString &idToken,
                      const Expectations &expect, std::function<void(const Checked &)> done);
};

} // namespace clipshelf
