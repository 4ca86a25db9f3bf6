#include "auth/session.h"

#include <QJsonDocument>

namespace clipshelf {

namespace {
constexpr int kBlobVersion = 1;
}

QJsonObject UserProfile::toJson() const
{
    return {{QStringLiteral("sub"), subject},
            {QStringLiteral("iss"), issuer},
            {QStringLiteral("name"), name},
            {QStringLiteral("email"), email},
            {QStringLiteral("picture"), pictureUrl}};
}

UserProfile UserProfile::fromJson(const QJsonObject &o)
{
    UserProfile p;
    p.subject = o.value(QStringLiteral("sub")).toString();
    p.issuer = o.value(QStringLiteral("iss")).toString();
    p.name = o.value(QStringLiteral("name")).toString();
    p.email = o.value(QStringLiteral("email")).toString();
    p.pictureUrl = o.value(QStringLiteral("picture")).toString();
    return p;
}

QByteArray Session::toSecretBlob() const
{
    const QJsonObject o{
        {QStringLiteral("v"), kBlobVersion},
        {QStringLiteral("access_token"), accessToken},
        {QStringLiteral("token_type"), tokenType},
        {QStringLiteral("expires_at"), accessTokenExpiry.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("received_at"), accessTokenReceivedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("refresh_token"), refreshToken},
        {QStringLiteral("id_token"), idToken},
        {QStringLiteral("scope"), scope},
        {QStringLiteral("profile"), profile.toJson()},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Session Session::fromSecretBlob(const QByteArray &blob)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(blob, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return {};
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("v")).toInt() != kBlobVersion)
        return {};
    Session s;
    s.accessToken = o.value(QStringLiteral("access_token")).toString();
    s.tokenType = o.value(QStringLiteral("token_type")).toString(QStringLiteral("Bearer"));
    s.accessTokenExpiry =
        QDateTime::fromString(o.value(QStringLiteral("expires_at")).toString(), Qt::ISODateWithMs);
    s.accessTokenReceivedAt =
        QDateTime::fromString(o.value(QStringLiteral("received_at")).toString(), Qt::ISODateWithMs);
    s.refreshToken = o.value(QStringLiteral("refresh_token")).toString();
    s.idToken = o.value(QStringLiteral("id_token")).toString();
    s.scope = o.value(QStringLiteral("scope")).toString();
    s.profile = UserProfile::fromJson(o.value(QStringLiteral("profile")).toObject());
    if (!s.isValid())
        return {};
    return s;
}

} // namespace clipshelf
