#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace clipshelf::cli {

/**
 * The settings that `settings get/set` know, by dotted key as in the API's
 * Settings object ("theme", "notifications.email_digest"), and how a
 * KEY=VALUE typed on the command line becomes part of a JSON merge patch.
 */
class SettingsKeys
{
public:
    /// Every key, in the order the API documents them.
    static QStringList all();
    static bool isKnown(const QString &key);
    /// "Unknown setting …; the settings are: …" for an unknown \a key.
    static QString unknownKeyMessage(const QString &key);

    /// Adds "KEY=VALUE" to \a patch (nested for dotted keys). Returns false with
    /// one sentence in \a error when the key is unknown or the value does not fit.
    static bool addAssignment(const QString &assignment, QJsonObject *patch, QString *error);

    /// The value of \a key in a Settings object (undefined when absent).
    static QJsonValue valueOf(const QJsonObject &settings, const QString &key);
    /// Only \a key of \a settings, keeping the API's nesting:
    /// {"notifications":{"email_digest":false}}.
    static QJsonObject subset(const QJsonObject &settings, const QString &key);
    /// Every key with its value as text, for a table.
    static QList<QPair<QString, QString>> flatten(const QJsonObject &settings);
    /// A value as the user would type it: true/false, text, "" for null.
    static QString toText(const QJsonValue &value);
};

} // namespace clipshelf::cli
