// GET /health and GET /timer (no authentication).
#include "router.h"
#include "services.h"

namespace apiserver {

void registerSystemRoutes(Router &router, Services &services)
{
    router.add("GET", QStringLiteral("/health"), Access::Public, [](RequestContext &) {
        return HttpResponse::json(200,
                                  QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
    });
    router.add("GET", QStringLiteral("/timer"), Access::Public, [&services](RequestContext &) {
        const qint64 now = services.clock();
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("server_time"), toRfc3339(now)},
                                                   {QStringLiteral("epoch_ms"), now}})
            .setHeader("Cache-Control", "no-store");
    });
}

} // namespace apiserver
