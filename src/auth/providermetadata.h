#pragma once

#include <optional>
#include <QByteArray>
#include <QStringList>
#include <QUrl>

namespace clipshelf {

/// The parts of an OpenID Provider's discovery document that Clipshelf uses.
struct ProviderMetadata
{
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl userinfoEndpoint;   ///< optional
    QUrl revocationEndpoint; ///< optional (Clerk has none): sign-out still succeeds
    QUrl endSessionEndpoint; ///< optional
    QUrl jwksUri;
    QStringList codeChallengeMethods;
    QStringList tokenEndpointAuthMethods;
    bool issParameterSupported = false; ///< RFC 9207 authorization_response_iss_parameter_supported

    /// Whether the provider says it supports PKCE S256. Providers that omit the
    /// field (Google did for a long time) are still tried with S256.
    bool advertisesS256() const;

    /**
     * Parses a discovery document. The document's issuer must equal
     * \a expectedIssuer exactly (OpenID Connect Discovery §4.3), and the
     * endpoints Clipshelf needs must be present https URLs (http only on
     * loopback). On failure returns nullopt with a plain-words \a error.
     */
    static std::optional<ProviderMetadata> fromJson(const QByteArray &json,
                                                    const QString &expectedIssuer, QString *error);

    /// The discovery URL for \a issuer: issuer + "/.well-known/openid-configuration".
    static QUrl discoveryUrl(const QString &issuer);
};

} // namespace clipshelf
