// clipshelf-session-driver: a second (third, ...) Clipshelf process for the
// session integration tests. It restores the session of a keychain profile
// exactly as the app does (AuthController::restore), then calls GET /me on the
// API every --interval-ms until --duration-ms has passed, refreshing as the
// session requires. It never signs in.
//
// stdout: one JSON object per line, flushed at once, so a test can react (and
// e.g. SIGKILL the driver right after a refresh):
//   {"event":"restored","signed_in":true}
//   {"event":"token_request"}            a refresh request left for the provider
//   {"event":"refreshed"}                new tokens are in the keychain
//   {"event":"answer","status":200}      one API call finished
//   {"event":"session_ended","message":"..."}
//   {"event":"done","calls":n,"ok":n,"failed":n,"unauthorized":n,"refreshes":n,"token_requests":n}
// Exit status: 0 every call succeeded and no raw 401 was seen; 3 not signed in
// or the session ended; 1 otherwise; 2 bad arguments. No token is ever printed.
#include "api/apiclient.h"
#include "api/endpoints.h"
#include "auth/authcontroller.h"
#include "auth/sessionvault.h"
#include "core/config.h"
#include "core/logging.h"
#include "sessionprobe.h"
#include "storage/keychainsecretstore.h"

#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

using namespace clipshelf;
using namespace clipshelf::test;

namespace {

void emitLine(const QJsonObject &event)
{
    std::fputs(QJsonDocument(event).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

/// Runs the calls and decides when to stop and with which exit status.
class Driver
{
public:
    Driver(const Config &config, int durationMs, int intervalMs, int stopAfterRefreshes)
        : m_store(SessionVault::serviceName(config.profile())), m_auth(config, &m_store, &m_nam),
          m_api(config.apiUrl(), m_auth.sessions(), &m_nam),
          m_stream(&m_api, endpoints::me(), intervalMs), m_durationMs(durationMs),
          m_stopAfterRefreshes(stopAfterRefreshes)
    {
        m_nam.onSent = [this](const Exchange &e) {
            if (e.method == "POST" && e.url.path().endsWith(QLatin1String("/token"))) {
                ++m_tokenRequests;
                emitLine({{"event", "token_request"}});
            }
        };
        QObject::connect(m_auth.sessions(), &SessionManager::refreshed, &m_auth, [this] {
            ++m_refreshes;
            m_okSinceRefresh = false;
            emitLine({{"event", "refreshed"}});
        });
        QObject::connect(m_auth.sessions(), &SessionManager::sessionEnded, &m_auth,
                         [this](const QString &message) {
                             m_ended = true;
                             emitLine({{"event", "session_ended"}, {"message", message}});
                         });
        QObject::connect(&m_auth, &AuthController::restoreFinished, &m_auth,
                         [this] { onRestored(); });
        m_stream.onResult = [this](const ApiResult &r) {
            emitLine({{"event", "answer"}, {"status", r.status}, {"ok", r.ok()}});
            if (r.ok())
                m_okSinceRefresh = true;
            if (m_stopAfterRefreshes > 0 && m_refreshes >= m_stopAfterRefreshes && m_okSinceRefresh)
                finish();
        };
        m_deadline.setSingleShot(true);
        QObject::connect(&m_deadline, &QTimer::timeout, &m_auth, [this] { finish(); });
    }

    void start() { m_auth.restore(); }
    /// After the event loop: a refresh under way finishes and stores its tokens.
    void settle() { m_auth.sessions()->finishPendingWork(); }

private:
    void onRestored()
    {
        emitLine({{"event", "restored"}, {"signed_in", m_auth.isSignedIn()}});
        if (!m_auth.isSignedIn()) {
            m_ended = true;
            finish();
            return;
        }
        m_stream.start();
        m_deadline.start(m_durationMs);
    }

    void finish()
    {
        if (m_finishing)
            return;
        m_finishing = true;
        m_stream.stop();
        // Let the calls in flight answer (bounded), then report; main() lets a
        // refresh under way store its tokens before the process exits, as the app does.
        auto *wait = new QTimer(&m_auth);
        QElapsedTimer waited;
        waited.start();
        QObject::connect(wait, &QTimer::timeout, &m_auth, [this, wait, waited] {
            if (m_stream.answered() < m_stream.sent() && waited.elapsed() < 30'000)
                return;
            wait->stop();
            report();
        });
        wait->start(20);
    }

    void report()
    {
        const int unauthorized = m_nam.countStatus(m_api.baseUrl().toString(), 401);
        const int failed =
            m_stream.answered() - m_stream.okCount() + (m_stream.sent() - m_stream.answered());
        emitLine({{"event", "done"},
                  {"calls", m_stream.sent()},
                  {"ok", m_stream.okCount()},
                  {"failed", failed},
                  {"unauthorized", unauthorized},
                  {"refreshes", m_refreshes},
                  {"token_requests", m_tokenRequests},
                  {"signed_in", m_auth.isSignedIn()}});
        if (m_ended || !m_auth.isSignedIn())
            QCoreApplication::exit(3);
        else
            QCoreApplication::exit(failed == 0 && unauthorized == 0 ? 0 : 1);
    }

    RecordingNam m_nam;
    KeychainSecretStore m_store;
    AuthController m_auth;
    ApiClient m_api;
    ApiCallStream m_stream;
    QTimer m_deadline;
    int m_durationMs;
    int m_stopAfterRefreshes;
    int m_refreshes = 0;
    int m_tokenRequests = 0;
    bool m_okSinceRefresh = false;
    bool m_ended = false;
    bool m_finishing = false;
};

} // namespace

int main(int argc, char *argv[])
{
    logging::installRedactingMessageHandler();
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Restores a Clipshelf profile's session and calls the API with it.");
    parser.addHelpOption();
    const QCommandLineOption issuer("issuer", "The provider's issuer URL.", "url");
    const QCommandLineOption api("api", "The API base URL.", "url");
    const QCommandLineOption profile("profile", "The keychain profile.", "name");
    const QCommandLineOption duration("duration-ms", "How long to keep calling (default 8000).",
                                      "ms", "8000");
    const QCommandLineOption interval("interval-ms", "Pause between calls (default 100).", "ms",
                                      "100");
    const QCommandLineOption stopAfter(
        "stop-after-refreshes", "Stop early after this many own refreshes and one good call after.",
        "n", "0");
    parser.addOptions({issuer, api, profile, duration, interval, stopAfter});
    parser.process(app);
    if (!parser.isSet(issuer) || !parser.isSet(api) || !parser.isSet(profile)) {
        std::fputs("clipshelf-session-driver: --issuer, --api and --profile are required.\n",
                   stderr);
        return 2;
    }

    Config config;
    config.set(Config::Key::Issuer, parser.value(issuer), "driver");
    config.set(Config::Key::ClientId, "clipshelf-desktop", "driver");
    config.set(Config::Key::Scopes, "openid profile email offline_access", "driver");
    config.set(Config::Key::Resource, "urn:clipshelf:api", "driver");
    config.set(Config::Key::ApiUrl, parser.value(api), "driver");
    config.set(Config::Key::Profile, parser.value(profile), "driver");
    config.set(Config::Key::Browser, "/bin/false", "driver"); // never signs in

    Driver driver(config, parser.value(duration).toInt(), parser.value(interval).toInt(),
                  parser.value(stopAfter).toInt());
    driver.start();
    const int status = QCoreApplication::exec();
    driver.settle();
    return status;
}
