#include "jwtverifier.h"

#include "jwkscache.h"
#include "jwt.h"

#include <QtCore/QJsonArray>
#include <QtCore/QPointer>

#include <cmath>

namespace apiserver {

namespace {

AuthResult invalid(const QString &why)
{
    AuthResult r;
    r.kind = AuthResult::Kind::Invalid;
    r.description = why;
    return r;
}

bool audienceMatches(const QJsonValue &aud, const QString &expected)
{
    if (aud.isString())
        return aud.toString() == expected;
    if (aud.isArray()) {
        const QJsonArray list = aud.toArray();
        for (const QJsonValue &v : list) {
            if (v.isString() && v.toString() == expected)
                return true;
        }
    }
    return false;
}

} // namespace

JwtVerifier::JwtVerifier(Options options, JwksCache *jwks, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_jwks(jwks)
{
}

QString JwtVerifier::checkClaims(const QJsonObject &claims) const
{
    const double now = double(m_options.clock()) / 1000.0;
    const double leeway = m_options.leewaySeconds;
    if (!m_options.issuer.isEmpty() && claims.value(QStringLiteral("iss")).toString() != m_options.issuer)
        return QStringLiteral("the token was issued by another issuer");
    if (!audienceMatches(claims.value(QStringLiteral("aud")), m_options.audience))
        return QStringLiteral("the token is not meant for this API (aud)");
    const QJsonValue exp = claims.value(QStringLiteral("exp"));
    if (!exp.isDouble() || !std::isfinite(exp.toDouble()))
        return QStringLiteral("the token has no valid exp claim");
    if (now > exp.toDouble() + leeway)
        return QStringLiteral("the token expired");
    const QJsonValue nbf = claims.value(QStringLiteral("nbf"));
    if (!nbf.isUndefined() && (!nbf.isDouble() || now + leeway < nbf.toDouble()))
        return QStringLiteral("the token is not valid yet (nbf)");
    const QJsonValue sub = claims.value(QStringLiteral("sub"));
    if (!sub.isString() || sub.toString().isEmpty())
        return QStringLiteral("the token has no sub claim");
    return {};
}

void JwtVerifier::verify(const QByteArray &token, std::function<void(const AuthResult &)> callback)
{
    QString error;
    const std::optional<Jwt> jwt = Jwt::parse(token, &error);
    if (!jwt) {
        callback(invalid(error));
        return;
    }
    const QString alg = jwt->alg();
    if (alg != QLatin1String("RS256") && alg != QLatin1String("ES256")) {
        callback(invalid(QStringLiteral("the signing algorithm is not accepted (only RS256 and ES256)")));
        return;
    }
    if (jwt->header.contains(QStringLiteral("crit"))) {
        callback(invalid(QStringLiteral("the token has critical header parameters")));
        return;
    }
    const bool rsa = alg == QLatin1String("RS256");
    if (!rsa && jwt->signature.size() != 64) {
        callback(invalid(QStringLiteral("the ES256 signature must be 64 bytes (r||s)")));
        return;
    }
    const QPointer<JwtVerifier> self(this);
    const Jwt parsed = *jwt;
    m_jwks->keysFor(jwt->kid(), rsa ? QStringLiteral("RSA") : QStringLiteral("EC"),
                    [self, parsed, rsa, callback](JwksCache::Lookup lookup,
                                                  const QList<JwksCache::Key> &keys,
                                                  const QString &why) {
        if (!self)
            return;
        if (lookup == JwksCache::Lookup::Unavailable) {
            AuthResult r;
            r.kind = AuthResult::Kind::Unavailable;
            r.description = why;
            callback(r);
            return;
        }
        if (lookup == JwksCache::Lookup::NoKey) {
            callback(invalid(QStringLiteral("the token was signed with an unknown key")));
            return;
        }
        bool verified = false;
        for (const JwksCache::Key &k : keys) {
            verified = rsa ? crypto::verifyRs256(k.key, parsed.signingInput, parsed.signature)
                           : crypto::verifyEs256(k.key, parsed.signingInput, parsed.signature);
            if (verified)
                break;
        }
        if (!verified) {
            callback(invalid(QStringLiteral("the token signature is invalid")));
            return;
        }
        const QString claimError = self->checkClaims(parsed.payload);
        if (!claimError.isEmpty()) {
            callback(invalid(claimError));
            return;
        }
        AuthResult ok;
        ok.kind = AuthResult::Kind::Ok;
        ok.claims = parsed.payload;
        callback(ok);
    });
}

} // namespace apiserver
