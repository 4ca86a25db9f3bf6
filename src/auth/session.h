#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace clipshelf {

/// The signed-in user as known from the ID token and the userinfo endpoint.
struct UserProfile
{
    QString subject;
    QString issuer;
    QString name;
    QString email;
    QString pictureUrl;

    QJsonObject toJson() const;
    static UserProfile fromJson(const QJsonObject &o);
    bool operator==(const UserProfile &o) const = default;
};

/**
 * Everything that makes up a signed-in session. It is stored only in the
 * keychain (see SessionVault) and never logged: use redacted summaries instead.
 */
struct Session
{
    QString accessToken;
    QString tokenType = QStringLiteral("Bearer");
    /// Local time at which the access token expires (receipt time + expires_in), UTC.
    QDateTime accessTokenExpiry;
    /// Local receipt time of the access token, UTC (its lifetime is expiry - this).
    QDateTime accessTokenReceivedAt;
    QString refreshToken;
    QString idToken;
    QString scope;
    UserProfile profile;

    bool isValid() const { return !accessToken.isEmpty() && !profile.subject.isEmpty(); }
    bool hasRefreshToken() const { return !refreshToken.isEmpty(); }
    bool operator==(const Session &o) const = default;

    /// Serialises for the keychain (includes secrets: never write this anywhere else).
    QByteArray toSecretBlob() const;
    /// Parses a keychain blob; returns an invalid Session on any corruption.
    static Session fromSecretBlob(const QByteArray &blob);
};

} // namespace clipshelf

Q_DECLARE_METATYPE(clipshelf::Session)
