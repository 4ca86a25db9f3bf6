#include "videocommands.h"

#include "api/endpoints.h"
#include "clicontext.h"
#include "core/youtubeurl.h"
#include "format.h"

#include <memory>
#include <QJsonArray>
#include <QJsonObject>

namespace clipshelf::cli {

namespace {

using Opt = QCommandLineOption;

const CommandArgument kIdArgument{QStringLiteral("ID"),
                                  QStringLiteral("The video's number, as `videos list` shows it.")};

/// The ID argument as a positive number, or a usage error (returns 0).
qint64 videoId(CliContext &ctx)
{
    bool ok = false;
    const qint64 id = ctx.args.value(0).toLongLong(&ok);
    if (!ok || id <= 0) {
        ctx.fail(Usage,
                 QStringLiteral("The video ID must be a positive number such as 12, not \"%1\".")
                     .arg(ctx.args.value(0)));
        return 0;
    }
    return id;
}

ApiWording notFound(qint64 id)
{
    return {QStringLiteral("There is no video %1 in your library.").arg(id), {}};
}

void printVideo(const CliContext &ctx, const Video &v)
{
    ctx.printTable(
        {{QStringLiteral("ID"), QString::number(v.id)},
         {QStringLiteral("Title"), v.title.isEmpty() ? QStringLiteral("(untitled)") : v.title},
         {QStringLiteral("URL"), v.url},
         {QStringLiteral("Tags"), v.tags.join(QStringLiteral(", "))},
         {QStringLiteral("Added"), format::time(v.createdAt)},
         {QStringLiteral("Updated"), format::time(v.updatedAt)},
         {QStringLiteral("Thumbnail"), v.thumbnailUrl}});
    if (!v.notes.isEmpty()) {
        ctx.out(QStringLiteral("Notes:"));
        for (const QString &line : v.notes.split(QLatin1Char('\n')))
            ctx.out(QStringLiteral("  ") + line);
    }
}

/// The rows of one page, header first.
QList<QStringList> videoRows(const QList<Video> &videos)
{
    QList<QStringList> rows{{QStringLiteral("ID"), QStringLiteral("TITLE"), QStringLiteral("TAGS"),
                             QStringLiteral("ADDED")}};
    for (const Video &v : videos)
        rows.append({QString::number(v.id), format::clip(v.displayTitle(), 56),
                     format::clip(v.tags.join(QLatin1Char(',')), 30), format::time(v.createdAt)});
    return rows;
}

/// --all: collects every page from query.cursor on, then prints them as one.
struct AllPages
{
    VideoQuery query;
    QJsonArray videos;
    int count = 0;
    int pages = 0;
};

constexpr int kAllPageSize = 200;
constexpr int kMaxPages = 10000; // ends a cursor loop on a misbehaving server

void fetchRemainingPages(CliContext &ctx, const std::shared_ptr<AllPages> &all, bool filtered)
{
    ctx.send(endpoints::listVideos(all->query), [&ctx, all, filtered](const ApiResult &r) {
        const QJsonObject o = r.json();
        for (const QJsonValue &v : o.value(QStringLiteral("videos")).toArray())
            all->videos.append(v);
        all->count = o.value(QStringLiteral("count")).toInt();
        const QString next = o.value(QStringLiteral("next_cursor")).toString();
        if (!next.isEmpty() && next != all->query.cursor && ++all->pages < kMaxPages) {
            all->query.cursor = next;
            fetchRemainingPages(ctx, all, filtered);
            return;
        }
        if (ctx.json) {
            ctx.printJson(QJsonObject{{QStringLiteral("videos"), all->videos},
                                      {QStringLiteral("count"), all->count},
                                      {QStringLiteral("next_cursor"), QJsonValue::Null}});
        } else {
            QList<Video> videos;
            for (const QJsonValue &v : std::as_const(all->videos))
                videos.append(Video::fromJson(v.toObject()));
            ctx.printTableOr(videoRows(videos), filtered ? QStringLiteral("No videos match.")
                                                         : QStringLiteral("No videos saved yet."));
        }
        ctx.finish(Ok);
    });
}

void runList(CliContext &ctx)
{
    VideoQuery query;
    query.tags = format::commaList(ctx.value(QStringLiteral("tags")));
    query.text = ctx.value(QStringLiteral("query"));
    query.cursor = ctx.value(QStringLiteral("cursor"));
    if (ctx.isSet(QStringLiteral("cursor")) && query.cursor.isEmpty()) {
        ctx.fail(Usage,
                 QStringLiteral("--cursor needs the next_cursor value of the previous page."));
        return;
    }
    if (ctx.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        query.limit = ctx.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || query.limit < 1 || query.limit > 1000) {
            ctx.fail(Usage, QStringLiteral("--limit must be a number from 1 to 1000."));
            return;
        }
    }
    const bool filtered = !query.tags.isEmpty() || !query.text.isEmpty();
    if (ctx.isSet(QStringLiteral("all"))) {
        // Pages of --limit (or 200) videos, so that no single answer is huge.
        auto all = std::make_shared<AllPages>();
        all->query = query;
        if (all->query.limit == 0)
            all->query.limit = kAllPageSize;
        ctx.withApi(
            [&ctx, all, filtered](ApiClient &) { fetchRemainingPages(ctx, all, filtered); });
        return;
    }
    ctx.sendAndPrint(endpoints::listVideos(query), [&ctx, filtered](const ApiResult &r) {
        const VideoPage page = VideoPage::fromJson(r.json());
        ctx.printTableOr(videoRows(page.videos), filtered ? QStringLiteral("No videos match.")
                                                          : QStringLiteral("No videos saved yet."));
        if (!page.videos.isEmpty() && page.videos.size() < page.count)
            ctx.out(
                QStringLiteral("Showing %1 of %2 videos.").arg(page.videos.size()).arg(page.count));
        if (!page.nextCursor.isEmpty())
            ctx.out(QStringLiteral("Next page: --cursor %1 (or --all for every page)")
                        .arg(page.nextCursor));
    });
}

void runAdd(CliContext &ctx)
{
    const QString url = ctx.args.value(0).trimmed();
    const YoutubeUrl parsed = YoutubeUrl::parse(url);
    if (!parsed.isValid()) {
        ctx.fail(OtherError, QStringLiteral("The link \"%1\" %2.").arg(url, parsed.errorString()));
        return;
    }
    VideoDraft draft;
    draft.url = parsed.canonicalUrl(); // what the server stores; share-button extras dropped
    draft.title = ctx.value(QStringLiteral("title"));
    draft.notes = ctx.value(QStringLiteral("notes"));
    for (const QString &tag : ctx.values(QStringLiteral("tag")))
        draft.tags += format::commaList(tag);
    ctx.withApi([&ctx, draft](ApiClient &api) {
        // One key for this command: the client's retries after 429/503 cannot save it twice.
        api.send(
            endpoints::createVideo(draft, endpoints::newIdempotencyKey()), &api,
            [&ctx](const ApiResult &r) {
                if (r.error.kind == ApiError::Conflict) {
                    const QJsonObject existing =
                        r.error.body.value(QStringLiteral("video")).toObject();
                    if (ctx.json && !existing.isEmpty())
                        ctx.printJson(existing);
                    const qint64 id = qint64(existing.value(QStringLiteral("id")).toDouble());
                    ctx.failApi(
                        r.error,
                        {{},
                         id > 0
                             ? QStringLiteral("You already saved this video, as video %1.").arg(id)
                             : QStringLiteral("You already saved this video.")});
                    return;
                }
                if (!r.ok()) {
                    ctx.failApi(r.error);
                    return;
                }
                if (ctx.json) {
                    ctx.printJson(r.json());
                } else {
                    const Video v = Video::fromJson(r.json());
                    ctx.out(QStringLiteral("Saved video %1: %2").arg(v.id).arg(v.displayTitle()));
                    ctx.out(QStringLiteral("Link: %1").arg(v.url));
                }
                ctx.finish(Ok);
            });
    });
}

void runShow(CliContext &ctx)
{
    const qint64 id = videoId(ctx);
    if (id == 0)
        return;
    ctx.sendAndPrint(
        endpoints::getVideo(id),
        [&ctx](const ApiResult &r) { printVideo(ctx, Video::fromJson(r.json())); }, notFound(id));
}

void runEdit(CliContext &ctx)
{
    const qint64 id = videoId(ctx);
    if (id == 0)
        return;
    // An empty --title or --notes clears it (null); an empty --tags removes every tag.
    auto nullable = [](const QString &s) {
        return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
    };
    QJsonObject patch;
    if (ctx.isSet(QStringLiteral("title")))
        patch.insert(QStringLiteral("title"), nullable(ctx.value(QStringLiteral("title"))));
    if (ctx.isSet(QStringLiteral("notes")))
        patch.insert(QStringLiteral("notes"), nullable(ctx.value(QStringLiteral("notes"))));
    if (ctx.isSet(QStringLiteral("tags")))
        patch.insert(QStringLiteral("tags"), QJsonArray::fromStringList(format::commaList(
                                                 ctx.value(QStringLiteral("tags")))));
    if (patch.isEmpty()) {
        ctx.fail(Usage,
                 QStringLiteral("videos edit needs at least one of --title, --notes or --tags."));
        return;
    }
    ctx.sendAndPrint(
        endpoints::patchVideo(id, patch),
        [&ctx](const ApiResult &r) {
            const Video v = Video::fromJson(r.json());
            ctx.out(QStringLiteral("Updated video %1: %2").arg(v.id).arg(v.displayTitle()));
        },
        notFound(id));
}

void runRemove(CliContext &ctx)
{
    const qint64 id = videoId(ctx);
    if (id == 0)
        return;
    ctx.sendAndConfirm(
        endpoints::deleteVideo(id),
        QJsonObject{{QStringLiteral("id"), double(id)}, {QStringLiteral("deleted"), true}},
        QStringLiteral("Deleted video %1.").arg(id), notFound(id));
}

} // namespace

QList<CommandSpec> videoCommands()
{
    const QString word = QStringLiteral("videos");
    return {
        {{word, QStringLiteral("list")},
         QStringLiteral("List your saved videos, newest first."),
         QStringLiteral(
             "With --limit, the last line names the --cursor of the next page (--json: "
             "next_cursor); "
             "--all fetches every page.\n"
             "\nExamples:\n  clipshelf-cli videos list --tags workout,legs --query squat\n"
             "  clipshelf-cli videos list --limit 50 --cursor C\n"
             "  clipshelf-cli videos list --all --json"),
         {},
         {Opt(QStringLiteral("tags"),
              QStringLiteral("Only videos that have all of these tags (comma-separated)."),
              QStringLiteral("a,b")),
          Opt(QStringLiteral("query"),
              QStringLiteral("Only videos whose title, link or notes contain this text."),
              QStringLiteral("text")),
          Opt(QStringLiteral("limit"),
              QStringLiteral("Show at most this many (1 to 1000); with --all, the page size."),
              QStringLiteral("n")),
          Opt(QStringLiteral("cursor"),
              QStringLiteral("Start at this page: the next_cursor the previous page printed."),
              QStringLiteral("C")),
          Opt(QStringLiteral("all"),
              QStringLiteral("Fetch every page and show them as one list."))},
         0,
         0,
         runList},
        {{word, QStringLiteral("add")},
         QStringLiteral("Save a YouTube video."),
         QStringLiteral(
             "Links of the forms youtube.com/watch?v=ID, youtu.be/ID, youtube.com/shorts/ID, "
             "youtube.com/live/ID, youtube.com/embed/ID, m.youtube.com/watch?v=ID and "
             "music.youtube.com/watch?v=ID are accepted, over https:// or http://, with or without "
             "www.; extras such as ?si=, &t=42, &list= and #t=30 are dropped. The normalised link "
             "is "
             "printed after saving. Exit code 7 when the video is already saved (with --json the "
             "saved "
             "one is printed).\n"
             "\nExample:\n  clipshelf-cli videos add https://youtu.be/dQw4w9WgXcQ --tag music "
             "--title \"A classic\""),
         {{QStringLiteral("URL"), QStringLiteral("The YouTube link.")}},
         {Opt(QStringLiteral("tag"), QStringLiteral("A tag; repeat for several."),
              QStringLiteral("tag")),
          Opt(QStringLiteral("title"), QStringLiteral("A title of your own."),
              QStringLiteral("title")),
          Opt(QStringLiteral("notes"), QStringLiteral("Notes."), QStringLiteral("notes"))},
         1,
         1,
         runAdd},
        {{word, QStringLiteral("show")},
         QStringLiteral("Show one video."),
         {},
         {kIdArgument},
         {},
         1,
         1,
         runShow},
        {{word, QStringLiteral("edit")},
         QStringLiteral("Change a video's title, notes or tags."),
         QStringLiteral(
             "An empty value clears it: --title \"\" removes the title, --tags \"\" every tag."),
         {kIdArgument},
         {Opt(QStringLiteral("title"), QStringLiteral("The new title."), QStringLiteral("title")),
          Opt(QStringLiteral("notes"), QStringLiteral("The new notes."), QStringLiteral("notes")),
          Opt(QStringLiteral("tags"),
              QStringLiteral("The new tags, replacing the old ones (comma-separated)."),
              QStringLiteral("a,b"))},
         1,
         1,
         runEdit},
        {{word, QStringLiteral("rm")},
         QStringLiteral("Delete a video."),
         {},
         {kIdArgument},
         {},
         1,
         1,
         runRemove},
    };
}

} // namespace clipshelf::cli
