#pragma once

#include "api/apiclient.h"
#include "apierrors.h"
#include "auth/authcontroller.h"
#include "composition/composition.h"
#include "core/config.h"
#include "exitcodes.h"

#include <functional>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace clipshelf::cli {

/// What every command gets: configuration, the session, and output helpers.
class CliContext
{
public:
    CliContext(Config config, bool json, QStringList args);
    ~CliContext();

    /// The CLI's object graph (no Workspace): network, keychain, session, API client.
    Composition graph;
    const Config &config;
    bool json = false;
    /// The command's own arguments (after the command name).
    QStringList args;
    QNetworkAccessManager *const network;
    AuthController *const auth;
    /// The command's words, e.g. "videos add" (for the usage hint after a usage error).
    QString commandName;
    /// The command's parsed options (global ones included); set before the command runs.
    const QCommandLineParser *options = nullptr;
    /// Set by withApi() (the graph's API client).
    ApiClient *api = nullptr;
    /// Set by interrupt(): the command prints nothing more and its finish() is ignored.
    bool interrupted = false;

    bool isSet(const QString &option) const { return options && options->isSet(option); }
    QString value(const QString &option) const
    {
        return options ? options->value(option) : QString();
    }
    QStringList values(const QString &option) const
    {
        return options ? options->values(option) : QStringList();
    }

    /// Prints the keychain warning (AuthController::keychainWarning()) once, when there is one.
    void warnAboutKeychain() const;
    /// Restores the stored session, then calls \a next (prints keychain warnings).
    void restoreSession(std::function<void()> next);
    /// Restores the session and checks that an API URL is configured and someone
    /// is signed in (else one sentence and exit 1 or 3), then calls \a next.
    void withApi(std::function<void(ApiClient &)> next);
    /// Sends \a request; calls \a onOk with the answer, or prints one sentence
    /// and exits with the matching code. Call inside withApi().
    void send(const ApiRequest &request, std::function<void(const ApiResult &)> onOk,
              const ApiWording &wording = {});
    /**
     * What most commands do: withApi(), send(\a request), then print the
     * answer — the API's JSON with --json, else \a printText(answer) — and
     * exit 0. Failures as send() describes them.
     */
    void sendAndPrint(const ApiRequest &request, std::function<void(const ApiResult &)> printText,
                      const ApiWording &wording = {});
    /// The same for a request whose answer has nothing to show (a removal):
    /// prints \a jsonAnswer with --json, else the line \a text, and exits 0.
    void sendAndConfirm(const ApiRequest &request, const QJsonObject &jsonAnswer,
                        const QString &text, const ApiWording &wording = {});
    /// Prints one sentence for \a error and exits with its code (see apierrors.h).
    void failApi(const ApiError &error, const ApiWording &wording = {}) const;

    void out(const QString &line) const;
    /// One clear sentence on stderr.
    void error(const QString &sentence) const;
    void printJson(const QJsonValue &value) const;
    /// Aligned columns; the first row is the header.
    void printTable(const QList<QStringList> &rows) const;
    /// printTable(\a rows), or the line \a whenEmpty when there is no row below the header.
    void printTableOr(const QList<QStringList> &rows, const QString &whenEmpty) const;
    /// Ends the program with \a code once control returns to the event loop.
    void finish(int code) const;
    /// error(\a sentence), then finish(\a code); a usage error adds where --help is.
    void fail(int code, const QString &sentence) const;
    /// Ctrl+C (or SIGTERM, SIGHUP): one line, a sign-in under way is cancelled (its
    /// listener closed, nothing stored), and the program ends with 128 + \a signalNumber
    /// once the keychain work is finished (CommandLine::run).
    void interrupt(int signalNumber);

private:
    mutable QStringList m_warned; ///< keychain warnings already printed
};

} // namespace clipshelf::cli
