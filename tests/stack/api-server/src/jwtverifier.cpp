#include "jwtverifier.h"

#include "jwkscache.h"
#include "jws/jws.h"

#include <cmath>
#include <QtCore/QPointer>

namespace apiserver {

namespace {

AuthResult invalid(const QString &why)
{
    AuthResult r;
    r.kind = AuthResult::Kind::Invalid;
    r.description = why;
    return r;
}

} // namespace

JwtVerifier::JwtVerifier(Options options, JwksCache *jwks, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_jwks(jwks)
{}

QString JwtVerifier::checkClaims(const QJsonObject &claims) const
{
    const double now = double(m_options.clock()) / 1000.0;
    const double leeway = m_options.leewaySeconds;
    if (!m_options.issuer.isEmpty() &&
        claims.value(QStringLiteral("iss")).toString() != m_options.issuer)
        return QStringLiteral("the token was issued by another issuer");
    if (m_options.audience.isEmpty() ||
        !clipshelf::jws::audiences(claims).contains(m_options.audience))
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
    namespace jws = clipshelf::jws;
    // Form and algorithm first, against no keys: junk never causes a key fetch.
    const jws::Verification precheck = jws::verify(token, jws::JwkSet());
    if (precheck.outcome != jws::Outcome::UnknownKey) {
        callback(invalid(precheck.error));
        return;
    }
    const QString kid = precheck.header.value(QStringLiteral("kid")).toString();
    const QPointer<JwtVerifier> self(this);
    m_jwks->keysFor(kid, [self, token, callback](JwksCache::Lookup lookup, const jws::JwkSet &keys,
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
        const jws::Verification v = jws::verify(token, keys);
        if (!v.ok()) {
            callback(invalid(v.error));
            return;
        }
        const QString claimError = self->checkClaims(v.payload);
        if (!claimError.isEmpty()) {
            callback(invalid(claimError));
            return;
        }
        AuthResult ok;
        ok.kind = AuthResult::Kind::Ok;
        ok.claims = v.payload;
        callback(ok);
    });
}

} // namespace apiserver
