// clipshelf-librarydriver: a console program that runs the real library stack
// (keychain session, Workspace, outbox) for tests/integration/tst_library_sigkill.
//
//   clipshelf-librarydriver --issuer URL --api-url URL --profile NAME --data-dir DIR
//                           [--add YOUTUBE-URL]... [--until-synced]
//                           [--delete YOUTUBE-ID] [--avatar IMAGE-FILE] [--handle-signals]
//
// Prints one JSON object per line: {"queued": n} whenever the number of
// waiting changes changes, {"synced": true} when none wait (with
// --until-synced, then exits 0), {"deleteScheduled": id} once --delete's
// video is deleted with a 60-second undo window, {"avatarQueued": true}
// once --avatar's picture waits in the outbox, {"recovered": n} at start
// when an earlier run's changes wait. --handle-signals: SIGTERM, SIGINT and
// SIGHUP quit through the app's shutdown path (Workspace::shutdown(),
// SessionManager::finishPendingWork()), then exit 0. Exit 3: not signed in; 1: timeout.
#include "auth/authcontroller.h"
#include "auth/sessionmanager.h"
#include "auth/sessionvault.h"
#include "composition/workspace.h"
#include "core/config.h"
#include "core/logging.h"
#include "core/terminationsignals.h"
#include "library/librarycontroller.h"
#include "settings/settingscontroller.h"
#include "storage/keychainsecretstore.h"

#include <cstdio>
#include <memory>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QUrl>

using namespace clipshelf;

namespace {

void print(const QJsonObject &o)
{
    std::fputs(QJsonDocument(o).toJson(QJsonDocument::Compact).append('\n').constData(), stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    logging::installRedactingMessageHandler();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("clipshelf-librarydriver"));
    QCommandLineParser parser;
    const QCommandLineOption issuer(QStringLiteral("issuer"), QStringLiteral("Issuer"),
                                    QStringLiteral("url"));
    const QCommandLineOption apiUrl(QStringLiteral("api-url"), QStringLiteral("API base"),
                                    QStringLiteral("url"));
    const QCommandLineOption profile(QStringLiteral("profile"), QStringLiteral("Profile"),
                                     QStringLiteral("name"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("Cache and outbox"),
                                     QStringLiteral("dir"));
    const QCommandLineOption add(QStringLiteral("add"), QStringLiteral("Add this video"),
                                 QStringLiteral("url"));
    const QCommandLineOption untilSynced(QStringLiteral("until-synced"),
                                         QStringLiteral("Exit once nothing waits"));
    const QCommandLineOption remove(QStringLiteral("delete"), QStringLiteral("Delete this video"),
                                    QStringLiteral("id"));
    const QCommandLineOption handleSignals(QStringLiteral("handle-signals"),
                                           QStringLiteral("Quit as the app does"));
    const QCommandLineOption avatar(QStringLiteral("avatar"), QStringLiteral("Upload this picture"),
                                    QStringLiteral("file"));
    parser.addOptions(
        {issuer, apiUrl, profile, dataDir, add, untilSynced, remove, handleSignals, avatar});
    parser.process(app);

    Config config;
    config.set(Config::Key::Issuer, parser.value(issuer), QStringLiteral("flag"));
    config.set(Config::Key::ClientId, QStringLiteral("clipshelf-desktop"), QStringLiteral("flag"));
    config.set(Config::Key::Resource, QStringLiteral("urn:clipshelf:api"), QStringLiteral("flag"));
    config.set(Config::Key::ApiUrl, parser.value(apiUrl), QStringLiteral("flag"));
    config.set(Config::Key::Profile, parser.value(profile), QStringLiteral("flag"));

    QNetworkAccessManager nam;
    KeychainSecretStore store(SessionVault::serviceName(config.profile()));
    AuthController auth(config, &store, &nam);
    const QString dir = parser.value(dataDir);
    Workspace workspace(config, &auth, &nam,
                        {dir + QStringLiteral("/data"), dir + QStringLiteral("/thumbs")});
    LibraryController *library = workspace.library();

    // The app's way out (app/main.cpp): the same calls, in the same order.
    std::unique_ptr<TerminationSignals> terminationSignals;
    if (parser.isSet(handleSignals)) {
        terminationSignals = std::make_unique<TerminationSignals>();
        QObject::connect(terminationSignals.get(), &TerminationSignals::received, &app,
                         [] { QCoreApplication::quit(); });
        QObject::connect(&app, &QCoreApplication::aboutToQuit, &workspace, [&] {
            TerminationSignals::markShuttingDown();
            workspace.shutdown();
            auth.sessions()->finishPendingWork();
        });
    }
    QTimer::singleShot(90'000, &app, [] {
        print({{QStringLiteral("error"), QStringLiteral("timeout")}});
        QCoreApplication::exit(1);
    });
    auto report = [&] {
        print({{QStringLiteral("queued"), library->pendingChanges()}});
        if (parser.isSet(untilSynced) && library->pendingChanges() == 0) {
            print({{QStringLiteral("synced"), true}});
            QCoreApplication::exit(0);
        }
    };
    QObject::connect(&auth, &AuthController::restoreFinished, &app, [&] {
        if (auth.state() != AuthController::SignedIn) {
            print({{QStringLiteral("error"), QStringLiteral("not signed in")}});
            QCoreApplication::exit(3);
            return;
        }
        workspace.start();
        if (library->recoveredChanges() > 0)
            print({{QStringLiteral("recovered"), library->recoveredChanges()}});
        QObject::connect(library, &LibraryController::pendingChangesChanged, &app, report);
        if (parser.isSet(avatar)) {
            const QVariantMap prepared =
                workspace.settings()->prepareAvatar(QUrl::fromLocalFile(parser.value(avatar)));
            if (!prepared.value(QStringLiteral("ok")).toBool()) {
                print({{QStringLiteral("error"),
                        prepared.value(QStringLiteral("message")).toString()}});
                QCoreApplication::exit(1);
                return;
            }
            workspace.settings()->uploadPreparedAvatar();
            print({{QStringLiteral("avatarQueued"), true}});
        }
        if (parser.isSet(remove)) {
            library->setUndoMs(60'000);
            auto *poll = new QTimer(&app);
            QObject::connect(poll, &QTimer::timeout, &app, [&, poll] {
                const QString link = QStringLiteral("https://youtu.be/") + parser.value(remove);
                const qint64 id =
                    library->checkUrl(link).value(QStringLiteral("existingId")).toLongLong();
                if (id <= 0)
                    return; // not loaded yet
                poll->stop();
                library->deleteVideo(id);
                print({{QStringLiteral("deleteScheduled"), id}});
            });
            poll->start(100);
        }
        int n = 0;
        for (const QString &url : parser.values(add))
            library->addVideo(url, QStringLiteral("Driver video %1").arg(++n), {},
                              {QStringLiteral("driver")});
        report();
    });
    auth.restore();
    return QCoreApplication::exec();
}
