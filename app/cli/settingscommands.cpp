#include "settingscommands.h"

#include "api/endpoints.h"
#include "clicontext.h"
#include "settingskeys.h"

#include <QJsonObject>

namespace clipshelf::cli {

namespace {

QString etagOf(const ApiResult &r)
{
    return QString::fromLatin1(r.headers.value("etag"));
}

void printSettings(const CliContext &ctx, const QJsonObject &settings)
{
    QList<QStringList> rows{{QStringLiteral("KEY"), QStringLiteral("VALUE")}};
    for (const auto &[key, value] : SettingsKeys::flatten(settings))
        rows.append({key, value});
    ctx.printTable(rows);
}

void runGet(CliContext &ctx)
{
    const QString key = ctx.args.value(0);
    if (!key.isEmpty() && !SettingsKeys::isKnown(key)) {
        ctx.fail(Usage, SettingsKeys::unknownKeyMessage(key));
        return;
    }
    ctx.withApi([&ctx, key](ApiClient &) {
        ctx.send(endpoints::getSettings(), [&ctx, key](const ApiResult &r) {
            const QJsonObject settings = r.json();
            if (key.isEmpty() && ctx.json)
                ctx.printJson(settings);
            else if (key.isEmpty())
                printSettings(ctx, settings);
            else if (ctx.json)
                ctx.printJson(SettingsKeys::subset(settings, key));
            else
                ctx.out(SettingsKeys::toText(SettingsKeys::valueOf(settings, key)));
            ctx.finish(Ok);
        });
    });
}

void runSet(CliContext &ctx)
{
    QJsonObject patch;
    for (const QString &assignment : std::as_const(ctx.args)) {
        QString error;
        if (!SettingsKeys::addAssignment(assignment, &patch, &error)) {
            ctx.fail(Usage, error);
            return;
        }
    }
    const ApiWording changedElsewhere{{},
                                      QStringLiteral("Your settings were changed elsewhere in the "
                                                     "meantime and nothing was saved; try again.")};
    ctx.withApi([&ctx, patch, changedElsewhere](ApiClient &) {
        // GET for the ETag, then a PATCH that only applies if nothing changed in between.
        ctx.send(endpoints::getSettings(),
                 [&ctx, patch, changedElsewhere](const ApiResult &current) {
                     ApiRequest request = endpoints::patchSettings(patch, etagOf(current));
                     ctx.api->send(request, ctx.api, [&ctx, changedElsewhere](const ApiResult &r) {
                         if (r.error.kind == ApiError::PreconditionFailed) {
                             ctx.failApi(r.error, changedElsewhere);
                             return;
                         }
                         if (!r.ok()) {
                             ctx.failApi(r.error);
                             return;
                         }
                         if (ctx.json)
                             ctx.printJson(r.json());
                         else
                             printSettings(ctx, r.json());
                         ctx.finish(Ok);
                     });
                 });
    });
}

} // namespace

QList<CommandSpec> settingsCommands()
{
    const QString word = QStringLiteral("settings");
    const QString keys = SettingsKeys::all().join(QStringLiteral(", "));
    return {
        {{word, QStringLiteral("get")},
         QStringLiteral("Show your settings, or one of them."),
         QStringLiteral("Keys: %1.").arg(keys),
         {{QStringLiteral("KEY"),
           QStringLiteral("One setting, e.g. theme or notifications.email_digest."), true}},
         {},
         0,
         1,
         runGet},
        {{word, QStringLiteral("set")},
         QStringLiteral("Change one or more settings."),
         QStringLiteral(
             "Values: true or false for notifications.*, system, light or dark for theme, a "
             "language "
             "tag such as en or de-DE for language, any text for display_name (empty clears it). "
             "Exit code 7 when the settings were changed elsewhere at the same time.\n"
             "\nExample:\n  clipshelf-cli settings set theme=dark "
             "notifications.email_digest=false"),
         {{QStringLiteral("KEY=VALUE..."), QStringLiteral("The settings to change.")}},
         {},
         1,
         -1,
         runSet},
    };
}

} // namespace clipshelf::cli
