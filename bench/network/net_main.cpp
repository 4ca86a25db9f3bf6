// clipshelf-bench-net: the network and keychain benchmarks against the local
// stack (provider, reference API server, Secret Service), one per command.
//
//   clipshelf-bench-net signin   --issuer URL --profile P --browser CMD [--reps N]
//   clipshelf-bench-net requests --issuer URL --api-url URL --profile P [--reps N] [--batch N]
//                                [--side api|raw]   (one side only, for a profiler)
//   clipshelf-bench-net storm    --issuer URL --api-url URL --profile P [--reps N] [--concurrency
//   N] clipshelf-bench-net keychain --issuer URL --profile P [--reps N]
//
// "signin" leaves a session in the profile's keychain entry; the others use it.
// Prints one "BENCH {json}" line. Never prints a token.

#include "benchcontext.h"
#include "benchoutput.h"
#include "core/logging.h"
#include "keychainbench.h"
#include "refreshstormbench.h"
#include "requestbench.h"
#include "signinbench.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace clipshelf;
using namespace clipshelf::bench;

int main(int argc, char *argv[])
{
    logging::installRedactingMessageHandler();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Clipshelf"));
    QCoreApplication::setOrganizationName(QStringLiteral("Clipshelf"));

    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("signin, requests, storm or keychain"));
    const QCommandLineOption issuer(QStringLiteral("issuer"),
                                    QStringLiteral("Provider issuer URL."), QStringLiteral("url"));
    const QCommandLineOption apiUrl(QStringLiteral("api-url"), QStringLiteral("API base URL."),
                                    QStringLiteral("url"));
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("Profile (keychain entry)."),
                                     QStringLiteral("name"), QStringLiteral("bench"));
    const QCommandLineOption browser(QStringLiteral("browser"),
                                     QStringLiteral("Browser command for sign-in."),
                                     QStringLiteral("command"));
    const QCommandLineOption reps(QStringLiteral("reps"), QStringLiteral("Repetitions or rounds."),
                                  QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption batch(QStringLiteral("batch"), QStringLiteral("Requests per batch."),
                                   QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"),
                                         QStringLiteral("Concurrent requests."),
                                         QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption side(
        QStringLiteral("side"),
        QStringLiteral("requests: run only \"api\" or \"raw\" (for a profiler)."),
        QStringLiteral("side"));
    parser.addOptions({issuer, apiUrl, profile, browser, reps, batch, concurrency, side});
    parser.addHelpOption();
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    if (!parser.isSet(issuer)) {
        emitError(QStringLiteral("--issuer is required"));
        return 2;
    }
    BenchContext context(
        {parser.value(issuer), parser.value(apiUrl), parser.value(profile), parser.value(browser)});
    const int n = std::max(1, parser.value(reps).toInt());

    QJsonObject result;
    if (command == QLatin1String("signin"))
        result = runSignInBench(context, n);
    else if (command == QLatin1String("requests") && parser.isSet(side))
        result = runRequestSide(context, parser.value(side), n,
                                std::max(1, parser.value(batch).toInt()));
    else if (command == QLatin1String("requests"))
        result = runRequestBench(context, n, std::max(1, parser.value(batch).toInt()));
    else if (command == QLatin1String("storm"))
        result = runRefreshStormBench(context, n, std::max(1, parser.value(concurrency).toInt()));
    else if (command == QLatin1String("keychain"))
        result = runKeychainBench(context, n);
    else {
        emitError(QStringLiteral("unknown command \"%1\" (signin, requests, storm, keychain)")
                      .arg(command));
        return 2;
    }
    if (result.contains(QLatin1String("error"))) {
        emitError(result.value(QLatin1String("error")).toString());
        return 1;
    }
    result.insert(QStringLiteral("command"), command);
    emitResult(result);
    return 0;
}
