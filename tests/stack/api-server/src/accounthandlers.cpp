// GET/POST /api-keys, DELETE /api-keys/{id} and GET /activity.
#include "activitylog.h"
#include "apikeyrepository.h"
#include "router.h"
#include "services.h"
#include "validation.h"

#include <QtCore/QJsonArray>

namespace apiserver {

namespace {

HttpResponse createKey(Services &services, RequestContext &ctx)
{
    const auto body = parseJsonObject(ctx.request.body);
    if (!body)
        return badJson(ctx.request.body);
    const QJsonValue name = body->value(QStringLiteral("name"));
    if (!name.isString() || name.toString().trimmed().isEmpty() ||
        codePoints(name.toString()) > 100) {
        return HttpResponse::invalid(
            {{QStringLiteral("name"),
              QStringLiteral("is required: 1 to 100 characters, not only spaces")}});
    }
    const auto created = services.apiKeys.create(ctx.user->id, name.toString(), ctx.nowMs);
    services.activity.record(
        ctx.user->id, activity::ApiKeyCreated,
        QStringLiteral("API key \"%1\" created (%2)").arg(created.key.name, created.key.prefix),
        ctx.nowMs);
    QJsonObject json = toJson(created.key);
    json.insert(QStringLiteral("secret"), created.secret);
    return HttpResponse::json(201, json)
        .setHeader("Location",
                   (services.baseUrl() + QStringLiteral("/api-keys/") + created.key.id).toUtf8())
        .setHeader("Cache-Control", "no-store");
}

} // namespace

void registerAccountRoutes(Router &router, Services &services)
{
    router.add("GET", QStringLiteral("/api-keys"), Access::Protected,
               [&services](RequestContext &ctx) {
                   QJsonArray keys;
                   const auto list = services.apiKeys.list(ctx.user->id);
                   for (const ApiKey &k : list)
                       keys.append(toJson(k));
                   return HttpResponse::json(200, QJsonObject{{QStringLiteral("api_keys"), keys}});
               });
    router.add(
        "POST", QStringLiteral("/api-keys"), Access::Protected,
        [&services](RequestContext &ctx) { return createKey(services, ctx); },
        Idempotency::HonourKey);
    router.add(
        "DELETE", QStringLiteral("/api-keys/{id}"), Access::Protected,
        [&services](RequestContext &ctx) {
            const auto removed =
                services.apiKeys.remove(ctx.user->id, ctx.params.value(QStringLiteral("id")));
            if (!removed)
                return HttpResponse::error(404, QStringLiteral("API key not found"));
            services.activity.record(
                ctx.user->id, activity::ApiKeyRevoked,
                QStringLiteral("API key \"%1\" revoked (%2)").arg(removed->name, removed->prefix),
                ctx.nowMs);
            return HttpResponse::noContent();
        });
    router.add("GET", QStringLiteral("/activity"), Access::Protected,
               [&services](RequestContext &ctx) {
                   QJsonArray events;
                   const auto list = services.activity.recent(ctx.user->id, 100);
                   for (const ActivityEvent &e : list)
                       events.append(toJson(e));
                   return HttpResponse::json(200, QJsonObject{{QStringLiteral("events"), events}});
               });
}

} // namespace apiserver
