#include "clicontext.h"

#include "auth/sessionvault.h"
#include "core/terminationsignals.h"

#include <cstdio>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace clipshelf::cli {

CliContext::CliContext(Config cfg, bool asJson, QStringList commandArgs)
    : graph(std::move(cfg), /*withWorkspace=*/false), config(graph.config()), json(asJson),
      args(std::move(commandArgs)), network(graph.network()), auth(graph.auth())
{
    // E.g. a renewed session the keychain refused during a command: said at once.
    QObject::connect(auth, &AuthController::keychainWarningChanged, auth,
                     [this] { warnAboutKeychain(); });
}

void CliContext::warnAboutKeychain() const
{
    const QString warning = auth->keychainWarning();
    // A missing refresh token is said by login and doctor, not by every command.
    if (warning.isEmpty() || m_warned.contains(warning) ||
        auth->keychainWarningIsNoRefreshTokenNotice())
        return;
    m_warned << warning;
    error(warning);
}

CliContext::~CliContext() = default;

void CliContext::restoreSession(std::function<void()> next)
{
    QObject::connect(
        auth, &AuthController::restoreFinished, auth,
        [this, next = std::move(next)] {
            warnAboutKeychain();
            next();
        },
        Qt::SingleShotConnection);
    auth->restore();
}

void CliContext::withApi(std::function<void(ApiClient &)> next)
{
    if (config.apiUrl().isEmpty()) {
        fail(Usage,
             QStringLiteral("No API URL is configured: set api-url (flag --api-url, environment "
                            "CLIPSHELF_API_URL or the config file)."));
        return;
    }
    restoreSession([this, next = std::move(next)] {
        if (!auth->isSignedIn()) {
            fail(NotSignedIn, QStringLiteral("Not signed in; run `clipshelf-cli login` first."));
            return;
        }
        api = graph.api();
        next(*api);
    });
}

void CliContext::send(const ApiRequest &request, std::function<void(const ApiResult &)> onOk,
                      const ApiWording &wording)
{
    api->send(request, api, [this, onOk = std::move(onOk), wording](const ApiResult &result) {
        if (!result.ok()) {
            failApi(result.error, wording);
            return;
        }
        onOk(result);
    });
}

void CliContext::sendAndPrint(const ApiRequest &request,
                              std::function<void(const ApiResult &)> printText,
                              const ApiWording &wording)
{
    withApi([this, request, printText = std::move(printText), wording](ApiClient &) {
        send(
            request,
            [this, printText](const ApiResult &r) {
                if (json)
                    printJson(r.json());
                else
                    printText(r);
                finish(Ok);
            },
            wording);
    });
}

void CliContext::sendAndConfirm(const ApiRequest &request, const QJsonObject &jsonAnswer,
                                const QString &text, const ApiWording &wording)
{
    withApi([this, request, jsonAnswer, text, wording](ApiClient &) {
        send(
            request,
            [this, jsonAnswer, text](const ApiResult &) {
                if (json)
                    printJson(jsonAnswer);
                else
                    out(text);
                finish(Ok);
            },
            wording);
    });
}

void CliContext::failApi(const ApiError &error, const ApiWording &wording) const
{
    fail(exitCodeFor(error), describeApiError(error, config.apiUrl(), wording));
}

void CliContext::out(const QString &line) const
{
    if (interrupted)
        return;
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

void CliContext::error(const QString &sentence) const
{
    if (interrupted)
        return;
    std::fputs(qPrintable(QStringLiteral("clipshelf-cli: %1\n").arg(sentence)), stderr);
    std::fflush(stderr);
}

void CliContext::printJson(const QJsonValue &value) const
{
    if (interrupted)
        return;
    QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    std::fputs(doc.toJson(QJsonDocument::Indented).constData(), stdout);
    std::fflush(stdout);
}

void CliContext::printTable(const QList<QStringList> &rows) const
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths << 0;
            widths[i] = std::max(widths[i], row[i].size());
        }
    }
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        out(line);
    }
}

void CliContext::printTableOr(const QList<QStringList> &rows, const QString &whenEmpty) const
{
    if (rows.size() <= 1)
        out(whenEmpty);
    else
        printTable(rows);
}

void CliContext::finish(int code) const
{
    if (interrupted)
        return; // the interruption's exit code stands
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [code] { QCoreApplication::exit(code); },
        Qt::QueuedConnection);
}

void CliContext::fail(int code, const QString &sentence) const
{
    error(sentence);
    if (code == Usage)
        std::fprintf(stderr, "Run `clipshelf-cli %s --help` for usage.\n", qPrintable(commandName));
    finish(code);
}

void CliContext::interrupt(int signalNumber)
{
    if (interrupted)
        return;
    const AuthController::State state = auth->state();
    const bool signingIn = state == AuthController::Discovering ||
                           state == AuthController::WaitingForBrowser ||
                           state == AuthController::CompletingSignIn;
    error(signingIn ? QStringLiteral("Sign-in stopped; nothing was stored.")
                    : QStringLiteral("Stopped."));
    interrupted = true; // what the command would still print is not true any more
    if (signingIn)
        auth->cancel(); // closes the loopback listener and drops tokens not yet stored
    QCoreApplication::exit(TerminationSignals::exitCodeFor(signalNumber));
}

} // namespace clipshelf::cli
