#include "settingskeys.h"

#include <QRegularExpression>

namespace clipshelf::cli {

namespace {

const QString kNotifications = QStringLiteral("notifications");

bool isBooleanKey(const QString &key)
{
    return key.startsWith(kNotifications + QLatin1Char('.'));
}

/// Checks and converts one value; returns an undefined QJsonValue with \a error set when it does
/// not fit.
QJsonValue convert(const QString &key, const QString &text, QString *error)
{
    if (isBooleanKey(key)) {
        const QString lower = text.trimmed().toLower();
        if (lower == QLatin1String("true") || lower == QLatin1String("false"))
            return lower == QLatin1String("true");
        *error = QStringLiteral("%1 takes true or false, not \"%2\".").arg(key, text);
        return QJsonValue(QJsonValue::Undefined);
    }
    if (key == QLatin1String("theme")) {
        if (QStringList{QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")}
                .contains(text))
            return text;
        *error = QStringLiteral("theme takes system, light or dark, not \"%1\".").arg(text);
        return QJsonValue(QJsonValue::Undefined);
    }
    if (key == QLatin1String("language")) {
        static const QRegularExpression tag(QStringLiteral("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"));
        if (tag.match(text).hasMatch())
            return text;
        *error = QStringLiteral("language takes a language tag such as en or de-DE, not \"%1\".")
                     .arg(text);
        return QJsonValue(QJsonValue::Undefined);
    }
    // display_name: free text; empty clears it.
    if (text.size() > 100) {
        *error = QStringLiteral("display_name can be at most 100 characters long.");
        return QJsonValue(QJsonValue::Undefined);
    }
    return text.trimmed().isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text.trimmed());
}

} // namespace

QStringList SettingsKeys::all()
{
    return {QStringLiteral("display_name"),
            QStringLiteral("theme"),
            QStringLiteral("language"),
            QStringLiteral("notifications.email_digest"),
            QStringLiteral("notifications.product_updates"),
            QStringLiteral("notifications.security_alerts")};
}

bool SettingsKeys::isKnown(const QString &key)
{
    return all().contains(key);
}

QString SettingsKeys::unknownKeyMessage(const QString &key)
{
    return QStringLiteral("Unknown setting \"%1\"; the settings are %2.")
        .arg(key, all().join(QStringLiteral(", ")));
}

bool SettingsKeys::addAssignment(const QString &assignment, QJsonObject *patch, QString *error)
{
    const qsizetype eq = assignment.indexOf(QLatin1Char('='));
    if (eq <= 0) {
        *error =
            QStringLiteral("Write each setting as KEY=VALUE, for example theme=dark, not \"%1\".")
                .arg(assignment);
        return false;
    }
    const QString key = assignment.left(eq).trimmed();
    if (!isKnown(key)) {
        *error = unknownKeyMessage(key);
        return false;
    }
    const QJsonValue value = convert(key, assignment.mid(eq + 1), error);
    if (value.isUndefined())
        return false;
    if (isBooleanKey(key)) {
        QJsonObject nested = patch->value(kNotifications).toObject();
        nested.insert(key.section(QLatin1Char('.'), 1), value);
        patch->insert(kNotifications, nested);
    } else {
        patch->insert(key, value);
    }
    return true;
}

QJsonValue SettingsKeys::valueOf(const QJsonObject &settings, const QString &key)
{
    if (isBooleanKey(key))
        return settings.value(kNotifications).toObject().value(key.section(QLatin1Char('.'), 1));
    return settings.value(key);
}

QJsonObject SettingsKeys::subset(const QJsonObject &settings, const QString &key)
{
    if (isBooleanKey(key))
        return {{kNotifications,
                 QJsonObject{{key.section(QLatin1Char('.'), 1), valueOf(settings, key)}}}};
    return {{key, valueOf(settings, key)}};
}

QList<QPair<QString, QString>> SettingsKeys::flatten(const QJsonObject &settings)
{
    QList<QPair<QString, QString>> rows;
    for (const QString &key : all())
        rows.append({key, toText(valueOf(settings, key))});
    return rows;
}

QString SettingsKeys::toText(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

} // namespace clipshelf::cli
