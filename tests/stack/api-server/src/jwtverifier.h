// Access-token verification: form, algorithm (RS256, PS256, ES256, EdDSA) and
// signature against the provider's JWKS by the project's JWS verifier
// (src/jws), then iss / aud / exp / nbf (with leeway) / sub.
#pragma once

#include "timeutil.h"

#include <functional>
#include <QtCore/QJsonObject>
#include <QtCore/QObject>

namespace apiserver {

class JwksCache;

struct AuthResult
{
    enum class Kind { Ok, Invalid, Unavailable };
    Kind kind = Kind::Invalid;
    QString description; // safe to send in error_description; never the token
    QJsonObject claims;

    QString sub() const { return claims.value(QStringLiteral("sub")).toString(); }
};

class JwtVerifier : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString issuer; // empty: iss is not checked (only with --jwks-uri)
        QString audience;
        int leewaySeconds = 30;
        Clock clock;
    };

    JwtVerifier(Options options, JwksCache *jwks, QObject *parent = nullptr);

    // The callback runs exactly once, synchronously when the keys are cached.
    void verify(const QByteArray &token, std::function<void(const AuthResult &)> callback);

    // Claim checks only (signature already verified); empty when fine.
    QString checkClaims(const QJsonObject &claims) const;

private:
    Options m_options;
    JwksCache *m_jwks;
};

} // namespace apiserver
