#include "accountcommands.h"

#include "api/endpoints.h"
#include "clicontext.h"
#include "format.h"
#include "settings/avatarimage.h"

#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonObject>

namespace clipshelf::cli {

namespace {

/// Why the file at \a path cannot be an avatar of `avatar set`, which promises more than
/// the app: only PNG or JPEG (recognised by content), and messages that name the file.
QString avatarFileProblem(const QString &path)
{
    const QFileInfo file(path);
    if (!file.exists())
        return QStringLiteral("There is no file \"%1\".").arg(path);
    if (!file.isFile() || !file.isReadable())
        return QStringLiteral("The file \"%1\" cannot be read.").arg(path);
    QImageReader reader(path);
    reader.setDecideFormatFromContent(true);
    const QByteArray format = reader.format().toLower();
    if (format != "png" && format != "jpeg")
        return QStringLiteral("\"%1\" is not a PNG or JPEG image; only those can be avatars.")
            .arg(path);
    return {};
}

void runAvatarSet(CliContext &ctx)
{
    const QString path = ctx.args.value(0);
    if (const QString problem = avatarFileProblem(path); !problem.isEmpty()) {
        ctx.fail(OtherError, problem);
        return;
    }
    QString message;
    // The app's scaling and limits; a JPEG stays a JPEG.
    const std::optional<PreparedAvatar> avatar =
        AvatarImage::prepare(path, &message, AvatarImage::Encoding::KeepJpeg);
    if (!avatar) {
        ctx.fail(OtherError,
                 QStringLiteral("The image \"%1\" cannot be used: %2").arg(path, message));
        return;
    }
    const QSize size = avatar->image.size();
    const qsizetype bytes = avatar->bytes.size();
    ctx.sendAndPrint(endpoints::putAvatar(avatar->bytes, avatar->contentType),
                     [&ctx, size, bytes](const ApiResult &) {
                         ctx.out(QStringLiteral("Avatar updated (%1x%2 px, %3 KiB).")
                                     .arg(size.width())
                                     .arg(size.height())
                                     .arg((bytes + 1023) / 1024));
                     });
}

void runAvatarRemove(CliContext &ctx)
{
    ctx.sendAndConfirm(endpoints::deleteAvatar(),
                       QJsonObject{{QStringLiteral("avatar_url"), QJsonValue::Null}},
                       QStringLiteral("Avatar removed."));
}

void runKeysList(CliContext &ctx)
{
    ctx.sendAndPrint(endpoints::listApiKeys(), [&ctx](const ApiResult &r) {
        QList<QStringList> rows{{QStringLiteral("ID"), QStringLiteral("NAME"),
                                 QStringLiteral("PREFIX"), QStringLiteral("CREATED"),
                                 QStringLiteral("LAST USED")}};
        for (const QJsonValue &v : r.json().value(QStringLiteral("api_keys")).toArray()) {
            const ApiKeyInfo k = ApiKeyInfo::fromJson(v.toObject());
            rows.append({k.id, format::clip(k.name, 40), k.prefix, format::time(k.createdAt),
                         format::time(k.lastUsedAt, QStringLiteral("never"))});
        }
        ctx.printTableOr(rows, QStringLiteral("No API keys."));
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
        ctx.send(
            endpoints::createApiKey(name, endpoints::newIdempotencyKey()),
            [&ctx](const ApiResult &r) {
                const ApiKeyInfo key = ApiKeyInfo::fromJson(r.json());
                // The user asked for it: the secret goes to stdout this once, and nowhere else.
                if (ctx.json) {
                    ctx.printJson(r.json());
                } else {
                    ctx.out(
                        QStringLiteral("Created API key \"%1\" (id %2).").arg(key.name, key.id));
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
    ctx.sendAndConfirm(endpoints::revokeApiKey(id),
                       QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("revoked"), true}},
                       QStringLiteral("Revoked API key %1.").arg(id),
                       {QStringLiteral("There is no API key %1.").arg(id), {}});
}

void runTags(CliContext &ctx)
{
    ctx.sendAndPrint(endpoints::listTags(), [&ctx](const ApiResult &r) {
        QList<QStringList> rows{{QStringLiteral("TAG"), QStringLiteral("VIDEOS")}};
        for (const TagCount &t : TagCount::listFromJson(r.json()))
            rows.append({t.name, QString::number(t.count)});
        ctx.printTableOr(rows, QStringLiteral("No tags yet."));
    });
}

void runActivity(CliContext &ctx)
{
    ctx.sendAndPrint(endpoints::activity(), [&ctx](const ApiResult &r) {
        QList<QStringList> rows{
            {QStringLiteral("WHEN"), QStringLiteral("WHAT"), QStringLiteral("DETAIL")}};
        for (const QJsonValue &v : r.json().value(QStringLiteral("events")).toArray()) {
            const ActivityEvent e = ActivityEvent::fromJson(v.toObject());
            rows.append({format::time(e.at), e.kind, format::clip(e.detail, 60)});
        }
        ctx.printTableOr(rows, QStringLiteral("No activity yet."));
    });
}

} // namespace

QList<CommandSpec> avatarCommands()
{
    const QString word = QStringLiteral("avatar");
    return {
        {{word, QStringLiteral("set")},
         QStringLiteral("Upload a new profile picture."),
         QStringLiteral(
             "PNG or JPEG. Larger pictures are scaled down to 512 pixels a side before the upload; "
             "metadata such as the location is not sent."),
         {{QStringLiteral("FILE"), QStringLiteral("The picture, a PNG or JPEG file.")}},
         {},
         1,
         1,
         runAvatarSet},
        {{word, QStringLiteral("rm")},
         QStringLiteral("Remove the profile picture."),
         {},
         {},
         {},
         0,
         0,
         runAvatarRemove},
    };
}

QList<CommandSpec> apiKeyCommands()
{
    const QString word = QStringLiteral("api-keys");
    return {
        {{word, QStringLiteral("list")},
         QStringLiteral("List your API keys (never their secrets)."),
         {},
         {},
         {},
         0,
         0,
         runKeysList},
        {{word, QStringLiteral("create")},
         QStringLiteral("Create an API key and print its secret, this once."),
         QStringLiteral(
             "The secret is printed on standard output and never again: store it right away."),
         {{QStringLiteral("NAME"), QStringLiteral("What the key is for, e.g. \"backup script\".")}},
         {},
         1,
         1,
         runKeysCreate},
        {{word, QStringLiteral("revoke")},
         QStringLiteral("Revoke an API key: it stops working at once."),
         {},
         {{QStringLiteral("ID"), QStringLiteral("The key's id, as `api-keys list` shows it.")}},
         {},
         1,
         1,
         runKeysRevoke},
    };
}

QList<CommandSpec> listingCommands()
{
    return {
        {{QStringLiteral("tags")},
         QStringLiteral("List your tags and how many videos carry each."),
         {},
         {},
         {},
         0,
         0,
         runTags},
        {{QStringLiteral("activity")},
         QStringLiteral("Show recent security-relevant events on your account."),
         {},
         {},
         {},
         0,
         0,
         runActivity},
    };
}

} // namespace clipshelf::cli
