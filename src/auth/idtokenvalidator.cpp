#include "auth/idtokenvalidator.h"

#include "auth/pkce.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace clipshelf {

namespace {

std::optional<QJsonObject> decodeSegment(const QString &segment)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        segment.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

} // namespace

std::optional<JwtParts> JwtParts::decode(const QString &token)
{
    const QStringList parts = token.split('.');
    if (parts.size() != 3)
        return std::nullopt;
    auto header = decodeSegment(parts[0]);
    auto claims = decodeSegment(parts[1]);
    if (!header || !claims)
        return std::nullopt;
    return JwtParts{*header, *claims};
}

std::optional<QJsonObject> IdTokenValidator::validate(const QString &idToken,
                                                      const Expectations &expect, QString *error)
{
    auto fail = [error](const QString &why) {
        *error = QObject::tr("The provider's ID token was refused: %1").arg(why);
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

    QStringList audiences;
    const QJsonValue aud = c.value(QStringLiteral("aud"));
    if (aud.isString())
        audiences << aud.toString();
    else
        for (const QJsonValue &a : aud.toArray())
            audiences << a.toString();
    if (!audiences.contains(expect.clientId))
        return fail(QObject::tr("it was not issued to this app (audience)."));
    const QString azp = c.value(QStringLiteral("azp")).toString();
    if (audiences.size() > 1 && azp.isEmpty())
        return fail(QObject::tr("it has several audiences but no authorized party."));
    if (!azp.isEmpty() && azp != expect.clientId)
        return fail(QObject::tr("it was issued to another app (azp)."));

    const qint64 now = expect.now.toSecsSinceEpoch();
    const QJsonValue exp = c.value(QStringLiteral("exp"));
    if (!exp.isDouble())
        return fail(QObject::tr("it has no expiry."));
    if (qint64(exp.toDouble()) + expect.leewaySeconds < now)
        return fail(QObject::tr("it has expired (check this computer's clock)."));
    const QJsonValue iat = c.value(QStringLiteral("iat"));
    if (!iat.isDouble())
        return fail(QObject::tr("it has no issue time."));
    if (qint64(iat.toDouble()) - expect.leewaySeconds > now)
        return fail(QObject::tr("it was issued in the future (check this computer's clock)."));
    if (qint64(iat.toDouble()) + expect.maxAgeSeconds < now)
        return fail(QObject::tr("it is too old."));

    const QString nonce = c.value(QStringLiteral("nonce")).toString();
    if (!expect.nonce.isEmpty()
        && !pkce::constantTimeEquals(nonce.toUtf8(), expect.nonce.toUtf8()))
        return fail(QObject::tr("its nonce does not match this sign-in."));
    return c;
}

} // namespace clipshelf
