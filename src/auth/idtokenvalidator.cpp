#include "auth/idtokenvalidator.h"

#include "auth/jwkscache.h"
#include "core/logging.h"
#include "core/tokensyntax.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace clipshelf {

std::optional<JwtParts> JwtParts::decode(const QString &token)
{
    // The same reading as the signature check's (and the reference API server's).
    QString unused;
    const std::optional<jws::CompactJws> parsed = jws::CompactJws::parse(token.toLatin1(), &unused);
    if (!parsed)
        return std::nullopt;
    return JwtParts{parsed->header, parsed->payload};
}

std::optional<QJsonObject> IdTokenValidator::validate(const QString &idToken,
                                                      const Expectations &expect, QString *error,
                                                      Failure *failure)
{
    Failure kind = Failure::Refused;
    auto fail = [error, failure, &kind](const QString &why) {
        *error = QObject::tr("The provider's ID token was refused: %1").arg(why);
        if (failure)
            *failure = kind;
        return std::nullopt;
    };
    const auto jwt = JwtParts::decode(idToken);
    if (!jwt)
        return fail(QObject::tr("it is not a well-formed JWT."));
    const QString alg = jwt->header.value(QStringLiteral("alg")).toString();
    if (alg.isEmpty() || alg.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return fail(QObject::tr("it is not signed (alg \"none\")."));

    const QJsonObject &c = jwt->claims;
    if (c.value(QStringLiteral("iss")).toString() != expect.issuer)
        return fail(QObject::tr("its issuer is not %1.").arg(expect.issuer));
    if (c.value(QStringLiteral("sub")).toString().isEmpty())
        return fail(QObject::tr("it names no subject."));
    if (!expect.subject.isEmpty() && c.value(QStringLiteral("sub")).toString() != expect.subject)
        return fail(QObject::tr("it names another account than this session's."));

    const QStringList audiences = jws::audiences(c);
    if (!audiences.contains(expect.clientId))
        return fail(QObject::tr("it was not issued to this app (audience)."));
    const QString azp = c.value(QStringLiteral("azp")).toString();
    if (audiences.size() > 1 && azp.isEmpty())
        return fail(QObject::tr("it has several audiences but no authorized party."));
    if (!azp.isEmpty() && azp != expect.clientId)
        return fail(QObject::tr("it was issued to another app (azp)."));

    // Times are compared as doubles: a claim like 1e300 must never be converted to an integer.
    const double now = double(expect.now.toSecsSinceEpoch());
    const QJsonValue exp = c.value(QStringLiteral("exp"));
    if (!exp.isDouble())
        return fail(QObject::tr("it has no expiry."));
    const QJsonValue iat = c.value(QStringLiteral("iat"));
    if (!iat.isDouble())
        return fail(QObject::tr("it has no issue time."));
    const QString nonce = c.value(QStringLiteral("nonce")).toString();
    if (!expect.nonce.isEmpty() &&
        !tokensyntax::constantTimeEquals(nonce.toUtf8(), expect.nonce.toUtf8()))
        return fail(QObject::tr("its nonce does not match this sign-in."));

    // Only the times are left to check: a failure here is a clock problem (or a stale token).
    kind = Failure::Clock;
    if (exp.toDouble() + expect.leewaySeconds < now)
        return fail(QObject::tr("it has expired (check this computer's clock)."));
    if (iat.toDouble() - expect.leewaySeconds > now)
        return fail(QObject::tr("it was issued in the future (check this computer's clock)."));
    if (iat.toDouble() + expect.maxAgeSeconds < now)
        return fail(QObject::tr("it is too old."));
    if (failure)
        *failure = Failure::None;
    return c;
}

void IdTokenValidator::check(JwksCache *keys, const QUrl &jwksUri, const QString &idToken,
                             const Expectations &expect, std::function<void(const Checked &)> done)
{
    keys->verify(
        idToken.toUtf8(), jwksUri,
        [idToken, expect, done = std::move(done)](const JwksCache::Result &r) {
            Checked checked;
            if (r.kind == JwksCache::Result::Unavailable) {
                checked.failure = Failure::KeysUnavailable;
                checked.error = r.error;
                done(checked);
                return;
            }
            if (r.kind != JwksCache::Result::Verified) {
                qCWarning(lcAuth) << "ID token signature refused:" << r.error;
                checked.failure = Failure::Refused;
                const QString why =
                    r.outcome == jws::Outcome::UnsupportedAlgorithm
                        ? QObject::tr("it is not signed with an accepted algorithm (RS256, PS256, "
                                      "ES256 or EdDSA).")
                    : r.outcome == jws::Outcome::UnknownKey
                        ? QObject::tr("it is signed with a key the provider does not publish.")
                    : r.outcome == jws::Outcome::Malformed
                        ? QObject::tr("it is not a well-formed JWT.")
                        : QObject::tr("its signature is not valid.");
                checked.error = QObject::tr("The provider's ID token was refused: %1").arg(why);
                done(checked);
                return;
            }
            if (auto claims = validate(idToken, expect, &checked.error, &checked.failure))
                checked.claims = *claims;
            done(checked);
        });
}

} // namespace clipshelf
