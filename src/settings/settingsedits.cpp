#include "settings/settingsedits.h"

#include <QCoreApplication>

// The messages keep the SettingsController translation context, where they were first.
namespace clipshelf::settingsedits {

namespace {

const QStringList kThemes{QStringLiteral("system"), QStringLiteral("light"),
                          QStringLiteral("dark")};
const QStringList kLanguages{QStringLiteral("en"), QStringLiteral("de")};
const QStringList kNotifications{QStringLiteral("email_digest"), QStringLiteral("product_updates"),
                                 QStringLiteral("security_alerts")};

} // namespace

Edit displayName(const QString &name, const UserSettings &shown)
{
    const QString clean = name.trimmed();
    if (clean.size() > 100)
        return {{},
                QCoreApplication::translate("clipshelf::SettingsController",
                                            "The display name can have at most 100 characters.")};
    if (clean == shown.displayName)
        return {};
    return {{{QStringLiteral("display_name"),
              clean.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(clean)}},
            {}};
}

Edit theme(const QString &theme, const UserSettings &shown)
{
    if (!kThemes.contains(theme))
        return {{},
                QCoreApplication::translate("clipshelf::SettingsController", "Unknown theme “%1”.")
                    .arg(theme)};
    if (theme == shown.theme)
        return {};
    return {{{QStringLiteral("theme"), theme}}, {}};
}

Edit language(const QString &language, const UserSettings &shown)
{
    if (!kLanguages.contains(language))
        return {{},
                QCoreApplication::translate("clipshelf::SettingsController",
                                            "Clipshelf is available in English and German.")};
    if (language == shown.language)
        return {};
    return {{{QStringLiteral("language"), language}}, {}};
}

Edit notification(const QString &key, bool on)
{
    if (!kNotifications.contains(key))
        return {{},
                QCoreApplication::translate("clipshelf::SettingsController",
                                            "Unknown notification “%1”.")
                    .arg(key)};
    return {{{QStringLiteral("notifications"), QJsonObject{{key, on}}}}, {}};
}

QJsonObject merged(QJsonObject target, const QJsonObject &patch)
{
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        if (it.value().isObject())
            target.insert(it.key(),
                          merged(target.value(it.key()).toObject(), it.value().toObject()));
        else
            target.insert(it.key(), it.value());
    }
    return target;
}

UserSettings withQueued(const UserSettings &server, const QList<OutboxEntry> &queued)
{
    QJsonObject json = server.toJson();
    for (const OutboxEntry &e : queued)
        if (e.kind == OutboxEntry::PatchSettings)
            json = merged(json, e.payload.value(QLatin1String("patch")).toObject());
    return UserSettings::fromJson(json, server.etag);
}

} // namespace clipshelf::settingsedits
