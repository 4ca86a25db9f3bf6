// Compact JWS parsing (header.payload.signature, base64url without padding).
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QJsonObject>
#include <QtCore/QString>

#include <optional>

namespace apiserver {

struct Jwt
{
    QJsonObject header;
    QJsonObject payload;
    QByteArray signingInput;  // "<header>.<payload>" as sent
    QByteArray signature;     // decoded

    QString alg() const { return header.value(QStringLiteral("alg")).toString(); }
    QString kid() const { return header.value(QStringLiteral("kid")).toString(); }

    // nullopt (and *error) when the token is not a well-formed compact JWS.
    static std::optional<Jwt> parse(const QByteArray &token, QString *error);
};

QByteArray base64UrlDecode(const QByteArray &text, bool *ok);
QByteArray base64UrlEncode(const QByteArray &data);

} // namespace apiserver
