// clipshelf-cli: Clipshelf from the terminal. Same configuration and the same
// per-profile session as the app; a console program so the GUI stays free of one.

#include "buildconfig.h"
#include "cli/authcommands.h"
#include "cli/clicontext.h"
#include "core/config.h"
#include "core/logging.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QProcessEnvironment>

#include <cstdio>

using namespace clipshelf;
using namespace clipshelf::cli;

namespace {

const char *kCommandsHelp = R"(Commands:
  login [--no-browser]   Sign in through the browser (--no-browser: print the link)
  logout                 Forget this device's session and revoke it at the provider
  status                 Whether you are signed in, and until when
  whoami                 Who is signed in

Exit codes:
  0 ok, 1 other error, 2 usage, 3 not signed in or session ended,
  4 network or service unreachable, 5 server error, 6 not found, 7 conflict)";

int usageError(const QString &message)
{
    std::fprintf(stderr, "clipshelf-cli: %s\nRun `clipshelf-cli --help` for usage.\n", qPrintable(message));
    return Usage;
}

} // namespace

int main(int argc, char *argv[])
{
    logging::installRedactingMessageHandler();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Clipshelf"));
    QCoreApplication::setOrganizationName(QStringLiteral("Clipshelf"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLIPSHELF_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Clipshelf from the terminal.\n\n") + QLatin1String(kCommandsHelp));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("Show the versions and exit."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON with the API's field names."));
    const QCommandLineOption noBrowser(QStringLiteral("no-browser"),
                                       QStringLiteral("login: print the sign-in link instead of opening a browser."));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
                                     QStringLiteral("Log what happens (never any secret) to stderr."));
    parser.addOptions({help, version, json, noBrowser, verbose});
    Config::addOptions(parser);
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see Commands)."));

    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return Ok;
    }
    if (parser.isSet(version)) {
        std::printf("clipshelf-cli %s (Qt %s, qtkeychain %s)\n", CLIPSHELF_VERSION, qVersion(),
                    CLIPSHELF_QTKEYCHAIN_VERSION);
        return Ok;
    }
    // Quiet by default; --verbose or QT_LOGGING_RULES turn the log on.
    if (!parser.isSet(verbose) && qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("clipshelf.*.info=false"));
    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(QStringLiteral("no command given."));
    const QString command = positional.takeFirst();

    QString configError;
    auto config = Config::load(&parser, QProcessEnvironment::systemEnvironment(), &configError);
    if (!config)
        return usageError(configError);

    CliContext ctx(*config, parser.isSet(json), positional);
    if (command == QLatin1String("login"))
        runLogin(ctx, parser.isSet(noBrowser));
    else if (command == QLatin1String("logout"))
        runLogout(ctx);
    else if (command == QLatin1String("status"))
        runStatus(ctx);
    else if (command == QLatin1String("whoami"))
        runWhoami(ctx);
    else
        return usageError(QStringLiteral("unknown command \"%1\".").arg(command));
    return QCoreApplication::exec();
}
