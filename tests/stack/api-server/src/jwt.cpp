#include "jwt.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QList>

namespace apiserver {

QByteArray base64UrlDecode(const QByteArray &text, bool *ok)
{
    for (char c : text) {
        const bool valid = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_';
        if (!valid) {
            *ok = false;
            return {};
        }
    }
    const auto result = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    *ok = bool(result);
    return result.decoded;
}

QByteArray base64UrlEncode(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

static std::optional<QJsonObject> decodeObject(const QByteArray &part)
{
    bool ok = true;
    const QByteArray json = base64UrlDecode(part, &ok);
    if (!ok)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

std::optional<Jwt> Jwt::parse(const QByteArray &token, QString *error)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty()) {
        *error = QStringLiteral("the token is not a compact JWS");
        return std::nullopt;
    }
    Jwt jwt;
    const auto header = decodeObject(parts.at(0));
    const auto payload = decodeObject(parts.at(1));
    if (!header || !payload) {
        *error = QStringLiteral("the token header or payload is not base64url JSON");
        return std::nullopt;
    }
    bool ok = true;
    jwt.signature = base64UrlDecode(parts.at(2), &ok);
    if (!ok) {
        *error = QStringLiteral("the token signature is not base64url");
        return std::nullopt;
    }
    jwt.header = *header;
    jwt.payload = *payload;
    jwt.signingInput = parts.at(0) + '.' + parts.at(1);
    return jwt;
}

} // namespace apiserver
