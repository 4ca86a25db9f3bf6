#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace clipshelf {

/// The decoded (not verified) parts of a compact JWS.
struct JwtParts
{
    QJsonObject header;
    QJsonObject claims;

    /// Splits and base64url-decodes \a token; nullopt when it is not a JWS.
    static std::optional<JwtParts> decode(const QString &token);
};

/**
 * Validates an ID token's claims per OpenID Connect Core 3.1.3.7. The token
 * comes straight from the token endpoint over TLS, so (as §3.1.3.7 point 6
 * allows) its signature is not checked here; `alg: none` is still refused.
 */
class IdTokenValidator
{
public:
    struct Expectations
    {
        QString issuer;
        QString clientId;
        /// The nonce of this attempt; empty for refresh responses (which may omit it).
        QString nonce;
        QDateTime now = QDateTime::currentDateTimeUtc();
        int leewaySeconds = 120;
        /// iat older than this is refused (a stale, replayed token).
        int maxAgeSeconds = 24 * 3600;
    };

    /// Returns the claims, or nullopt with a plain-words \a error.
    static std::optional<QJsonObject> validate(const QString &idToken, const Expectations &expect,
                                               QString *error);
};

} // namespace clipshelf
