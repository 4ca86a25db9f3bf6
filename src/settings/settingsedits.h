#pragma once

#include "api/apitypes.h"
#include "storage/outbox.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace clipshelf {

/// The settings page's changes as JSON merge patches (RFC 7396): checked, and laid over the
/// server's settings.
namespace settingsedits {

/// A change to send: \a patch, or \a error in plain words; both empty when nothing changes.
struct Edit
{
    QJsonObject patch;
    QString error;
};

/// The display name (trimmed, at most 100 characters; empty clears it).
Edit displayName(const QString &name, const UserSettings &shown);
/// "system", "light" or "dark".
Edit theme(const QString &theme, const UserSettings &shown);
/// "en" or "de".
Edit language(const QString &language, const UserSettings &shown);
/// \a key: email_digest, product_updates or security_alerts.
Edit notification(const QString &key, bool on);

/// \a patch merged onto \a target (RFC 7396: objects merge, everything else replaces).
QJsonObject merged(QJsonObject target, const QJsonObject &patch);
/// What is shown: \a server with every settings patch among \a queued on top, in order.
UserSettings withQueued(const UserSettings &server, const QList<OutboxEntry> &queued);

} // namespace settingsedits

} // namespace clipshelf
