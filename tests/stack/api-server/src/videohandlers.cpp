// GET/POST /videos, GET/PATCH/DELETE /videos/{id}, GET /tags.
#include "activitylog.h"
#include "core/youtubeurl.h"
#include "router.h"
#include "services.h"
#include "validation.h"
#include "videorepository.h"

#include <QtCore/QJsonArray>

namespace apiserver {

namespace {

HttpResponse notFound()
{
    return HttpResponse::error(404, QStringLiteral("Video not found"));
}

HttpResponse listVideos(Services &services, RequestContext &ctx)
{
    const HttpRequest &req = ctx.request;
    int limit = 0;
    if (req.hasQuery(QStringLiteral("limit"))) {
        const QString text = req.queryValue(QStringLiteral("limit"));
        const auto parsed = parseId(text);
        if (!parsed || *parsed > 1000)
            return HttpResponse::error(400,
                                       QStringLiteral("limit must be an integer from 1 to 1000"));
        limit = int(*parsed);
    }
    std::optional<VideoCursor> after;
    const QString cursor = req.queryValue(QStringLiteral("cursor"));
    if (!cursor.isEmpty()) {
        after = VideoCursor::decode(cursor);
        if (!after)
            return HttpResponse::error(
                400, QStringLiteral("cursor is not valid; use next_cursor from the previous page"));
    }
    VideoFilter filter;
    const auto tags = tagFilter(req.queryValue(QStringLiteral("tags")));
    if (!tags)
        return HttpResponse::error(
            400, QStringLiteral("tags must be at most 20 tags of at most 40 characters each"));
    filter.tags = *tags;
    filter.query = req.queryValue(QStringLiteral("q"));
    const VideoPage page = services.videos.list(ctx.user->id, filter, limit, after);
    QJsonArray videos;
    for (const Video &v : page.videos)
        videos.append(toJson(v));
    return HttpResponse::json(
        200, QJsonObject{
                 {QStringLiteral("videos"), videos},
                 {QStringLiteral("count"), page.count},
                 {QStringLiteral("next_cursor"),
                  page.next ? QJsonValue(page.next->encode()) : QJsonValue(QJsonValue::Null)},
             });
}

HttpResponse createVideo(Services &services, RequestContext &ctx)
{
    const auto body = parseJsonObject(ctx.request.body);
    if (!body)
        return badJson(ctx.request.body);
    ValidationErrors errors;
    QString youtubeId;
    const QJsonValue url = body->value(QStringLiteral("url"));
    if (!url.isString()) {
        errors.append({QStringLiteral("url"), QStringLiteral("is required and must be a string")});
    } else {
        const clipshelf::YoutubeUrl parsed = clipshelf::YoutubeUrl::parse(url.toString());
        if (parsed.isValid())
            youtubeId = parsed.videoId();
        else
            errors.append({QStringLiteral("url"), parsed.errorString()});
    }
    const auto title = readNullableString(*body, QStringLiteral("title"), 300, errors);
    const auto notes = readNullableString(*body, QStringLiteral("notes"), 10000, errors);
    const auto tags = readTags(*body, QStringLiteral("tags"), errors);
    if (!errors.isEmpty())
        return HttpResponse::invalid(errors);

    if (const auto existing = services.videos.findByYoutubeId(ctx.user->id, youtubeId)) {
        return HttpResponse::json(409, QJsonObject{{QStringLiteral("detail"),
                                                    QStringLiteral("You already saved this video")},
                                                   {QStringLiteral("video"), toJson(*existing)}});
    }
    const Video video =
        services.videos.create(ctx.user->id, youtubeId, title.value_or(QString()),
                               notes.value_or(QString()), tags.value_or(QStringList()), ctx.nowMs);
    return HttpResponse::json(201, toJson(video))
        .setHeader(
            "Location",
            (services.baseUrl() + QStringLiteral("/videos/") + QString::number(video.id)).toUtf8());
}

HttpResponse patchVideo(Services &services, RequestContext &ctx)
{
    const auto id = parseId(ctx.params.value(QStringLiteral("id")));
    if (!id || !services.videos.find(ctx.user->id, *id))
        return notFound();
    const auto body = parseJsonObject(ctx.request.body);
    if (!body)
        return badJson(ctx.request.body);
    ValidationErrors errors;
    VideoPatch patch;
    patch.title = readNullableString(*body, QStringLiteral("title"), 300, errors);
    patch.notes = readNullableString(*body, QStringLiteral("notes"), 10000, errors);
    patch.tags = readTags(*body, QStringLiteral("tags"), errors);
    const bool any = body->contains(QStringLiteral("title")) ||
                     body->contains(QStringLiteral("notes")) ||
                     body->contains(QStringLiteral("tags"));
    if (!any)
        errors.append({QString(), QStringLiteral("send at least one of title, notes and tags")});
    if (!errors.isEmpty())
        return HttpResponse::invalid(errors);
    const auto video = services.videos.update(ctx.user->id, *id, patch, ctx.nowMs);
    return video ? HttpResponse::json(200, toJson(*video)) : notFound();
}

HttpResponse deleteVideo(Services &services, RequestContext &ctx)
{
    const auto id = parseId(ctx.params.value(QStringLiteral("id")));
    const auto removed = id ? services.videos.remove(ctx.user->id, *id) : std::nullopt;
    if (!removed)
        return notFound();
    const QString label =
        removed->title.isEmpty()
            ? removed->youtubeId
            : QStringLiteral("\"%1\" (%2)").arg(removed->title, removed->youtubeId);
    services.activity.record(ctx.user->id, activity::VideoDeleted,
                             QStringLiteral("Deleted video ") + label, ctx.nowMs);
    return HttpResponse::noContent();
}

} // namespace

void registerVideoRoutes(Router &router, Services &services)
{
    router.add("GET", QStringLiteral("/videos"), Access::Protected,
               [&services](RequestContext &ctx) { return listVideos(services, ctx); });
    router.add(
        "POST", QStringLiteral("/videos"), Access::Protected,
        [&services](RequestContext &ctx) { return createVideo(services, ctx); },
        Idempotency::HonourKey);
    router.add("GET", QStringLiteral("/videos/{id}"), Access::Protected,
               [&services](RequestContext &ctx) {
                   const auto id = parseId(ctx.params.value(QStringLiteral("id")));
                   const auto video = id ? services.videos.find(ctx.user->id, *id) : std::nullopt;
                   return video ? HttpResponse::json(200, toJson(*video)) : notFound();
               });
    router.add("PATCH", QStringLiteral("/videos/{id}"), Access::Protected,
               [&services](RequestContext &ctx) { return patchVideo(services, ctx); });
    router.add("DELETE", QStringLiteral("/videos/{id}"), Access::Protected,
               [&services](RequestContext &ctx) { return deleteVideo(services, ctx); });
    router.add("GET", QStringLiteral("/tags"), Access::Protected, [&services](RequestContext &ctx) {
        QJsonArray tags;
        const auto counts = services.videos.tagCounts(ctx.user->id);
        for (const auto &[name, count] : counts)
            tags.append(
                QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("count"), count}});
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("tags"), tags}});
    });
}

} // namespace apiserver
