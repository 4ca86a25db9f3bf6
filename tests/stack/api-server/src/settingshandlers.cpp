// GET /settings (with ETag) and PATCH /settings (JSON merge patch, If-Match).
#include "activitylog.h"
#include "router.h"
#include "services.h"
#include "settingsrepository.h"
#include "validation.h"

namespace apiserver {

namespace {

const QStringList kThemes{QStringLiteral("system"), QStringLiteral("light"),
                          QStringLiteral("dark")};
const QStringList kNotifications{QStringLiteral("email_digest"), QStringLiteral("product_updates"),
                                 QStringLiteral("security_alerts")};
const QStringList kFields{QStringLiteral("display_name"), QStringLiteral("theme"),
                          QStringLiteral("language"), QStringLiteral("notifications")};

// If-Match: "*" or a list of strong entity tags.
bool ifMatchAccepts(const QByteArray &header, const QByteArray &current)
{
    const QList<QByteArray> tags = header.split(',');
    for (const QByteArray &t : tags) {
        const QByteArray tag = t.trimmed();
        if (tag == "*" || tag == current)
            return true;
    }
    return false;
}

HttpResponse withEtag(const Settings &s)
{
    return HttpResponse::json(200, toJson(s)).setHeader("ETag", SettingsRepository::etag(s));
}

void applyNotifications(const QJsonValue &value, Settings &s, ValidationErrors &errors)
{
    if (!value.isObject() || value.toObject().isEmpty()) {
        errors.append({QStringLiteral("notifications"),
                       QStringLiteral("must be an object with at least one flag")});
        return;
    }
    const QJsonObject n = value.toObject();
    for (auto it = n.begin(); it != n.end(); ++it) {
        const QString field = QStringLiteral("notifications.") + it.key();
        if (!kNotifications.contains(it.key()))
            errors.append({field, QStringLiteral("is not a known notification setting")});
        else if (!it.value().isBool())
            errors.append({field, QStringLiteral("must be true or false")});
        else if (it.key() == kNotifications.at(0))
            s.emailDigest = it.value().toBool();
        else if (it.key() == kNotifications.at(1))
            s.productUpdates = it.value().toBool();
        else
            s.securityAlerts = it.value().toBool();
    }
}

HttpResponse patchSettings(Services &services, RequestContext &ctx)
{
    const Settings current = services.settings.get(ctx.user->id);
    const QByteArray ifMatch = ctx.request.header("if-match");
    if (!ifMatch.isNull() && !ifMatchAccepts(ifMatch, SettingsRepository::etag(current))) {
        return HttpResponse::error(
                   412,
                   QStringLiteral("The settings changed since you read them; reload and retry"))
            .setHeader("ETag", SettingsRepository::etag(current));
    }
    const auto body = parseJsonObject(ctx.request.body);
    if (!body)
        return badJson(ctx.request.body);
    ValidationErrors errors;
    Settings next = current;
    if (body->isEmpty())
        errors.append({QString(), QStringLiteral("send at least one setting")});
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (!kFields.contains(it.key()))
            errors.append({it.key(), QStringLiteral("is not a known setting")});
    }
    if (const auto name = readNullableString(*body, QStringLiteral("display_name"), 100, errors))
        next.displayName = *name;
    if (body->contains(QStringLiteral("theme"))) {
        const QJsonValue theme = body->value(QStringLiteral("theme"));
        if (!theme.isString() || !kThemes.contains(theme.toString()))
            errors.append(
                {QStringLiteral("theme"), QStringLiteral("must be one of system, light, dark")});
        else
            next.theme = theme.toString();
    }
    if (body->contains(QStringLiteral("language"))) {
        const QJsonValue lang = body->value(QStringLiteral("language"));
        if (!lang.isString() || !isLanguageTag(lang.toString()))
            errors.append(
                {QStringLiteral("language"),
                 QStringLiteral(
                     "must be a well-formed BCP 47 language tag such as en, de-DE or zh-Hant-TW")});
        else
            next.language = lang.toString();
    }
    if (body->contains(QStringLiteral("notifications")))
        applyNotifications(body->value(QStringLiteral("notifications")), next, errors);
    if (!errors.isEmpty())
        return HttpResponse::invalid(errors);

    const QJsonObject before = toJson(current), after = toJson(next);
    QStringList changed;
    for (const QString &f : kFields) {
        if (before.value(f) != after.value(f))
            changed.append(f);
    }
    if (!changed.isEmpty()) {
        services.settings.save(ctx.user->id, next);
        services.activity.record(ctx.user->id, activity::SettingsChanged,
                                 QStringLiteral("Changed ") + changed.join(QStringLiteral(", ")),
                                 ctx.nowMs);
    }
    return withEtag(next);
}

} // namespace

void registerSettingsRoutes(Router &router, Services &services)
{
    router.add(
        "GET", QStringLiteral("/settings"), Access::Protected,
        [&services](RequestContext &ctx) { return withEtag(services.settings.get(ctx.user->id)); });
    router.add("PATCH", QStringLiteral("/settings"), Access::Protected,
               [&services](RequestContext &ctx) { return patchSettings(services, ctx); });
}

} // namespace apiserver
