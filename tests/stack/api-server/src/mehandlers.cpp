// GET /me and GET/PUT/DELETE /me/avatar.
#include "models.h"
#include "router.h"
#include "services.h"
#include "userrepository.h"

namespace apiserver {

namespace {

constexpr qsizetype kMaxAvatarBytes = 2 * 1024 * 1024;

// Content type by magic bytes; empty when neither PNG nor JPEG.
QByteArray imageType(const QByteArray &data)
{
    if (data.startsWith(QByteArrayLiteral("\x89PNG\r\n\x1a\n")))
        return QByteArrayLiteral("image/png");
    if (data.size() >= 4 && data.startsWith(QByteArrayLiteral("\xff\xd8\xff")))
        return QByteArrayLiteral("image/jpeg");
    return {};
}

} // namespace

QString avatarUrl(const Services &services, const User &user)
{
    if (user.avatarUpdatedMs <= 0)
        return {};
    return services.baseUrl() + QStringLiteral("/me/avatar?v=") +
           QString::number(user.avatarUpdatedMs);
}

void registerMeRoutes(Router &router, Services &services)
{
    router.add("GET", QStringLiteral("/me"), Access::Protected, [&services](RequestContext &ctx) {
        return HttpResponse::json(200, toJson(*ctx.user, avatarUrl(services, *ctx.user)));
    });

    router.add("GET", QStringLiteral("/me/avatar"), Access::Protected,
               [&services](RequestContext &ctx) {
                   const auto avatar = services.users.avatar(ctx.user->id);
                   if (!avatar)
                       return HttpResponse::error(404, QStringLiteral("No avatar"));
                   return HttpResponse::bytes(200, avatar->contentType, avatar->data)
                       .setHeader("Cache-Control", "private, no-cache");
               });

    router.add(
        "PUT", QStringLiteral("/me/avatar"), Access::Protected, [&services](RequestContext &ctx) {
            const QByteArray &data = ctx.request.body;
            if (data.size() > kMaxAvatarBytes)
                return HttpResponse::error(413, QStringLiteral("The avatar must be at most 2 MiB"));
            const QByteArray type = imageType(data);
            if (type.isEmpty())
                return HttpResponse::error(
                    415, QStringLiteral("The avatar must be a PNG or JPEG image"));
            // The declared type must be the one the bytes are (a missing type or
            // application/octet-stream is refused too).
            const QByteArray raw = ctx.request.header("content-type");
            const QByteArray declared =
                raw.left(raw.contains(';') ? raw.indexOf(';') : raw.size()).trimmed().toLower();
            if (declared != type) {
                return HttpResponse::error(
                    415, QStringLiteral("Send the avatar with Content-Type %1; it was %2")
                             .arg(QString::fromLatin1(type), declared.isEmpty()
                                                                 ? QStringLiteral("missing")
                                                                 : QString::fromLatin1(declared)));
            }
            services.users.setAvatar(ctx.user->id, type, data, ctx.nowMs);
            User updated = *ctx.user;
            updated.avatarUpdatedMs = ctx.nowMs;
            return HttpResponse::json(200, toJson(updated, avatarUrl(services, updated)));
        });

    router.add("DELETE", QStringLiteral("/me/avatar"), Access::Protected,
               [&services](RequestContext &ctx) {
                   services.users.removeAvatar(ctx.user->id, ctx.nowMs);
                   return HttpResponse::noContent();
               });
}

} // namespace apiserver
