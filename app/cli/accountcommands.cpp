#include "accountcommands.h"

#include "api/endpoints.h"
#include "avatarimage.h"
#include "clicontext.h"
#include "format.h"

#include <QJsonArray>
#include <QJsonObject>

namespace clipshelf::cli {

namespace {

void runAvatarSet(CliContext &ctx)
{
    const AvatarImage avatar = AvatarImage::prepare(ctx.args.value(0));
    if (!avatar.isValid()) {
        ctx.fail(OtherError, avatar.error);
        return;
    }
    ctx.withApi([&ctx, avatar](ApiClient &) {
        ctx.send(endpoints::putAvatar(avatar.data, avatar.contentType), [&ctx, avatar](const ApiResult &r) {
            if (ctx.json)
                ctx.printJson(r.json());
            else
                ctx.out(QStringLiteral("Avatar updated (%1x%2 px, %3 KiB).")
                            .arg(avatar.size.width())
                            .arg(avatar.size.height())
                            .arg((avatar.data.size() + 1023) / 1024));
            ctx.finish(Ok);
        });
    });
}

void runAvatarRemove(CliContext &ctx)
{
    ctx.withApi([&ctx](ApiClient &) {
        ctx.send(endpoints::deleteAvatar(), [&ctx](const ApiResult &) {
            if (ctx.json)
                ctx.printJson(QJsonObject{{QStringLiteral("avatar_url"), QJsonValue::Null}});
            else
                ctx.out(QStringLiteral("Avatar removed."));
            ctx.finish(Ok);
        });
    });
}

void runKeysList(CliContext &ctx)
{
    ctx.withApi([&ctx](ApiClient &) {
        ctx.send(endpoints::listApiKeys(), [&ctx](const ApiResult &r) {
            const QJsonArray keys = r.json().value(QStringLiteral("api_keys")).toArray();
            if (ctx.json) {
                ctx.printJson(r.json());
            } else if (keys.isEmpty()) {
                ctx.out(QStringLiteral("No API keys."));
            } else {
                QList<QStringList> rows{{QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("PREFIX"),
                                         QStringLiteral("CREATED"), QStringLiteral("LAST USED")}};
                for (const QJsonValue &v : keys) {
                    const ApiKeyInfo k = ApiKeyInfo::fromJson(v.toObject());
                    rows.append({k.id, format::clip(k.name, 40), k.prefix, format::time(k.createdAt),
                                 format::time(k.lastUsedAt, QStringLiteral("never"))});
                }
                ctx.printTable(rows);
            }
            ctx.finish(Ok);
        });
    });
}

void runKeysCreate(CliContext &ctx)
{
    const QString name = ctx.args.value(0).trimmed();
    if (name.isEmpty() || name.size() > 100) {
        ctx.fail(Usage, QStringLiteral("The key's name must be 1 to 100 characters long."));
        return;
    }
    ctx.withApi([&ctx, name](ApiClient &) {
        ctx.send(endpoints::createApiKey(name, endpoints::newIdempotencyKey()), [&ctx](const ApiResult &r) {
            const ApiKeyInfo key = ApiKeyInfo::fromJson(r.json());
            // The user asked for it: the secret goes to stdout this once, and nowhere else.
            if (ctx.json) {
                ctx.printJson(r.json());
            } else {
                ctx.out(QStringLiteral("Created API key \"%1\" (id %2).").arg(key.name, key.id));
                ctx.out(QStringLiteral("Secret: %1").arg(key.secret));
            }
            ctx.error(QStringLiteral("Copy the secret now: it will not be shown again."));
            ctx.finish(Ok);
        });
    });
}

void runKeysRevoke(CliContext &ctx)
{
    const QString id = ctx.args.value(0);
    ctx.withApi([&ctx, id](ApiClient &) {
        ctx.send(endpoints::revokeApiKey(id), [&ctx, id](const ApiResult &) {
            if (ctx.json)
                ctx.printJson(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("revoked"), true}});
            else
                ctx.out(QStringLiteral("Revoked API key %1.").arg(id));
            ctx.finish(Ok);
        }, {QStringLiteral("There is no API key %1.").arg(id), {}});
    });
}

void runTags(CliContext &ctx)
{
    ctx.withApi([&ctx](ApiClient &) {
        ctx.send(endpoints::listTags(), [&ctx](const ApiResult &r) {
            const QList<TagCount> tags = TagCount::listFromJson(r.json());
            if (ctx.json) {
                ctx.printJson(r.json());
            } else if (tags.isEmpty()) {
                ctx.out(QStringLiteral("No tags yet."));
            } else {
                QList<QStringList> rows{{QStringLiteral("TAG"), QStringLiteral("VIDEOS")}};
                for (const TagCount &t : tags)
                    rows.append({t.name, QString::number(t.count)});
                ctx.printTable(rows);
            }
            ctx.finish(Ok);
        });
    });
}

void runActivity(CliContext &ctx)
{
    ctx.withApi([&ctx](ApiClient &) {
        ctx.send(endpoints::activity(), [&ctx](const ApiResult &r) {
            const QJsonArray events = r.json().value(QStringLiteral("events")).toArray();
            if (ctx.json) {
                ctx.printJson(r.json());
            } else if (events.isEmpty()) {
                ctx.out(QStringLiteral("No activity yet."));
            } else {
                QList<QStringList> rows{{QStringLiteral("WHEN"), QStringLiteral("WHAT"), QStringLiteral("DETAIL")}};
                for (const QJsonValue &v : events) {
                    const ActivityEvent e = ActivityEvent::fromJson(v.toObject());
                    rows.append({format::time(e.at), e.kind, format::clip(e.detail, 60)});
                }
                ctx.printTable(rows);
            }
            ctx.finish(Ok);
        });
    });
}

} // namespace

QList<CommandSpec> avatarCommands()
{
    const QString word = QStringLiteral("avatar");
    return {
        {{word, QStringLiteral("set")},
         QStringLiteral("Upload a new profile picture."),
         QStringLiteral("PNG or JPEG. Larger pictures are scaled down to 512 pixels a side before the upload; "
                        "metadata such as the location is not sent."),
         {{QStringLiteral("FILE"), QStringLiteral("The picture, a PNG or JPEG file.")}},
         {}, 1, 1, runAvatarSet},
        {{word, QStringLiteral("rm")}, QStringLiteral("Remove the profile picture."), {}, {}, {}, 0, 0, runAvatarRemove},
    };
}

QList<CommandSpec> apiKeyCommands()
{
    const QString word = QStringLiteral("api-keys");
    return {
        {{word, QStringLiteral("list")}, QStringLiteral("List your API keys (never their secrets)."), {}, {}, {}, 0, 0,
         runKeysList},
        {{word, QStringLiteral("create")},
         QStringLiteral("Create an API key and print its secret, this once."),
         QStringLiteral("The secret is printed on standard output and never again: store it right away."),
         {{QStringLiteral("NAME"), QStringLiteral("What the key is for, e.g. \"backup script\".")}},
         {}, 1, 1, runKeysCreate},
        {{word, QStringLiteral("revoke")},
         QStringLiteral("Revoke an API key: it stops working at once."),
         {},
         {{QStringLiteral("ID"), QStringLiteral("The key's id, as `api-keys list` shows it.")}},
         {}, 1, 1, runKeysRevoke},
    };
}

QList<CommandSpec> listingCommands()
{
    return {
        {{QStringLiteral("tags")}, QStringLiteral("List your tags and how many videos carry each."), {}, {}, {}, 0, 0,
         runTags},
        {{QStringLiteral("activity")}, QStringLiteral("Show recent security-relevant events on your account."), {}, {},
         {}, 0, 0, runActivity},
    };
}

} // namespace clipshelf::cli
