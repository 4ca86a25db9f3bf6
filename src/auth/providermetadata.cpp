#include "auth/providermetadata.h"

#include "core/jsonvalues.h"
#include "core/providertext.h"
#include "core/transportsecurity.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace clipshelf {

namespace {

bool acceptableEndpoint(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("https") || transport::isLoopbackHttp(url));
}

} // namespace

bool ProviderMetadata::advertisesS256() const
{
    return codeChallengeMethods.isEmpty() || codeChallengeMethods.contains(QLatin1String("S256"));
}

QUrl ProviderMetadata::discoveryUrl(const QString &issuer)
{
    QString base = issuer;
    while (base.endsWith('/'))
        base.chop(1);
    return QUrl(base + QStringLiteral("/.well-known/openid-configuration"));
}

std::optional<ProviderMetadata>
ProviderMetadata::fromJson(const QByteArray &json, const QString &expectedIssuer, QString *error)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QObject::tr("The provider's discovery document is not valid JSON.");
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    ProviderMetadata m;
    m.issuer = o.value(QStringLiteral("issuer")).toString();
    if (m.issuer != expectedIssuer) {
        *error =
            QObject::tr("The provider says its issuer is \"%1\", but Clipshelf is configured for "
                        "\"%2\". They must match exactly; check the issuer setting.")
                .arg(providertext::plain(m.issuer, 200), expectedIssuer);
        return std::nullopt;
    }
    m.authorizationEndpoint = QUrl(o.value(QStringLiteral("authorization_endpoint")).toString());
    m.tokenEndpoint = QUrl(o.value(QStringLiteral("token_endpoint")).toString());
    m.userinfoEndpoint = QUrl(o.value(QStringLiteral("userinfo_endpoint")).toString());
    m.revocationEndpoint = QUrl(o.value(QStringLiteral("revocation_endpoint")).toString());
    m.endSessionEndpoint = QUrl(o.value(QStringLiteral("end_session_endpoint")).toString());
    m.jwksUri = QUrl(o.value(QStringLiteral("jwks_uri")).toString());
    m.codeChallengeMethods =
        json::stringList(o.value(QStringLiteral("code_challenge_methods_supported")));
    m.tokenEndpointAuthMethods =
        json::stringList(o.value(QStringLiteral("token_endpoint_auth_methods_supported")));
    m.issParameterSupported =
        o.value(QStringLiteral("authorization_response_iss_parameter_supported")).toBool(false);

    // Every endpoint (optional ones too) must be https: plain http elsewhere than
    // this computer would carry codes and tokens in clear text.
    const struct
    {
        const char *name;
        const QUrl &url;
    } all[] = {
        {"authorization_endpoint", m.authorizationEndpoint},
        {"token_endpoint", m.tokenEndpoint},
        {"userinfo_endpoint", m.userinfoEndpoint},
        {"revocation_endpoint", m.revocationEndpoint},
        {"end_session_endpoint", m.endSessionEndpoint},
        {"jwks_uri", m.jwksUri},
    };
    if (transport::isPlainHttp(QUrl(m.issuer))) {
        *error = transport::plainHttpError(QObject::tr("issuer"), QUrl(m.issuer));
        return std::nullopt;
    }
    for (const auto &e : all) {
        if (transport::isPlainHttp(e.url)) {
            *error = transport::plainHttpError(QString::fromLatin1(e.name), e.url);
            return std::nullopt;
        }
    }
    const struct
    {
        const char *name;
        const QUrl &url;
    } required[] = {
        {"authorization_endpoint", m.authorizationEndpoint},
        {"token_endpoint", m.tokenEndpoint},
    };
    for (const auto &r : required) {
        if (!acceptableEndpoint(r.url)) {
            *error = QObject::tr("The provider's discovery document has no usable %1.")
                         .arg(QString::fromLatin1(r.name));
            return std::nullopt;
        }
    }
    for (QUrl *optional :
         {&m.userinfoEndpoint, &m.revocationEndpoint, &m.endSessionEndpoint, &m.jwksUri}) {
        if (!optional->isEmpty() && !acceptableEndpoint(*optional))
            *optional = QUrl(); // an unusable optional endpoint is treated as absent
    }
    if (!m.advertisesS256()) {
        *error =
            QObject::tr("The provider does not support PKCE with S256, which Clipshelf requires.");
        return std::nullopt;
    }
    return m;
}

} // namespace clipshelf
