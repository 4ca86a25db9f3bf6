// clipshelf-bench-app: the app's start-up, up to the first frame of what the
// user came for, and its memory after a settle period.
//
//   clipshelf-bench-app [--until signin|library] [--settle-ms N] [Clipshelf options]
//   clipshelf-bench-app --seed-library FILE --owner-sub SUB [--thumbnail JPG --thumbnails N]
//   [--profile P]
//
// Every run also notes the window's first frame ("first_frame") and when the
// keychain answered ("restored").
// --until signin: milestones "page" (the sign-in page's first frame; it shows
// "Restoring your session…" while the keychain answers) and "ready" (the sign-in
// button is there: the keychain said nobody is signed in).
// --until library: "page" (the home page, while the keychain answers or signed
// in), "library" (its list shows rows from the cache) and "library_signed_in"
// (the same once the keychain confirmed the session).
// --seed-library writes FILE (a GET /videos body) as the profile's cached
// library, and JPG as the cached thumbnail of its first N videos, as a
// previous run would have left them, and exits. --thumbnail-base points
// thumbnail downloads at a local server (never img.youtube.com).
// Configuration comes from CLIPSHELF_* variables and flags, as for the app.

#include "appshell.h"
#include "auth/authcontroller.h"
#include "benchclock.h"
#include "benchoutput.h"
#include "buildconfig.h"
#include "cacheseeder.h"
#include "core/logging.h"
#include "framewatcher.h"
#include "library/librarycontroller.h"
#include "library/videolistmodel.h"
#include "storage/thumbnailstore.h"

#include <functional>
#include <QCommandLineParser>
#include <QFile>
#include <QGuiApplication>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>
#include <QUrl>

Q_IMPORT_QML_PLUGIN(ClipshelfPlugin)

using namespace clipshelf;
using namespace clipshelf::bench;

namespace {

constexpr int kTimeoutMs = 60'000;

/// Depth-first over the visual tree; stops when \a visit returns true.
bool walkItems(QQuickItem *item, const std::function<bool(QQuickItem *)> &visit)
{
    if (!item || !item->isVisible())
        return false;
    if (visit(item))
        return true;
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children) {
        if (walkItems(child, visit))
            return true;
    }
    return false;
}

/// The app as it ships (AppShell, as main.cpp builds it) and what the benchmark reads off its
/// window.
class BenchApp
{
public:
    explicit BenchApp(const Config &config) : shell(config) {}

    AppShell shell;
    QQuickWindow *window = nullptr;

    AuthController *auth() const { return shell.auth(); }

    /// The first visible item in the window named \a objectName, or null.
    QQuickItem *findVisibleItem(const QString &objectName) const
    {
        QQuickItem *found = nullptr;
        if (window) {
            walkItems(window->contentItem(), [&](QQuickItem *item) {
                if (item->objectName() != objectName)
                    return false;
                found = item;
                return true;
            });
        }
        return found;
    }

    /// Video rows the library's list shows on screen (0 when there is none).
    int visibleListRows() const
    {
        QQuickItem *list = findVisibleItem(QStringLiteral("videoList"));
        if (!list)
            return 0;
        int rows = 0;
        walkItems(list, [&rows](QQuickItem *item) {
            if (item->objectName().startsWith(QLatin1String("video_")))
                ++rows;
            return false;
        });
        return rows;
    }

    /// Videos in the library model (shown or not).
    int modelRows() const { return shell.workspace()->library()->videos()->totalRows(); }
};

/// The window's very first frame, whatever it shows.
void watchFirstFrame(FrameWatcher &watcher)
{
    watcher.addMilestone(QStringLiteral("first_frame"), [] { return true; });
}

void watchSignIn(FrameWatcher &watcher, BenchApp &app)
{
    watcher.addMilestone(QStringLiteral("page"), [&app] {
        return app.findVisibleItem(QStringLiteral("signInPage")) != nullptr;
    });
    watcher.addMilestone(QStringLiteral("ready"), [&app] {
        return app.auth()->state() == AuthController::SignedOut &&
               app.findVisibleItem(QStringLiteral("signInPage")) != nullptr;
    });
}

// The cached library shows while the keychain answers (Restoring) and stays
// when it says who is signed in; "library_signed_in" is the first frame with
// the library after the keychain confirmed the session.
void watchLibrary(FrameWatcher &watcher, BenchApp &app)
{
    const auto notSignedOut = [&app] {
        const int state = app.auth()->state();
        return state == AuthController::Restoring || state == AuthController::SignedIn;
    };
    watcher.addMilestone(QStringLiteral("page"), [&app, notSignedOut] {
        return notSignedOut() && app.findVisibleItem(QStringLiteral("homePage")) != nullptr;
    });
    watcher.addMilestone(QStringLiteral("library"), [&app, notSignedOut] {
        return notSignedOut() && app.findVisibleItem(QStringLiteral("homePage")) != nullptr &&
               app.visibleListRows() > 0;
    });
    watcher.addMilestone(QStringLiteral("library_signed_in"), [&app] {
        return app.auth()->state() == AuthController::SignedIn &&
               app.findVisibleItem(QStringLiteral("homePage")) != nullptr &&
               app.visibleListRows() > 0;
    });
}

} // namespace

int main(int argc, char *argv[])
{
    const qint64 mainNs = monotonicNs();
    logging::installRedactingMessageHandler();
    QGuiApplication app(argc, argv);
    const qint64 appNs = monotonicNs();
    // The same names as the app, so the same settings and cache paths apply.
    QCoreApplication::setApplicationName(QStringLiteral("Clipshelf"));
    QCoreApplication::setOrganizationName(QStringLiteral("Clipshelf"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLIPSHELF_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral(CLIPSHELF_APP_ID));

    QCommandLineParser parser;
    const QCommandLineOption untilOption(QStringLiteral("until"),
                                         QStringLiteral("signin or library."),
                                         QStringLiteral("what"), QStringLiteral("signin"));
    const QCommandLineOption settleOption(
        QStringLiteral("settle-ms"),
        QStringLiteral("Wait this long after the last milestone before reading memory."),
        QStringLiteral("ms"), QStringLiteral("1000"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed-library"),
        QStringLiteral("Write FILE as the profile's cached library and exit."),
        QStringLiteral("file"));
    const QCommandLineOption ownerOption(
        QStringLiteral("owner-sub"), QStringLiteral("With --seed-library: whose library it is."),
        QStringLiteral("sub"));
    const QCommandLineOption thumbnailOption(
        QStringLiteral("thumbnail"),
        QStringLiteral("With --seed-library: a JPEG to cache as thumbnail."),
        QStringLiteral("file"));
    const QCommandLineOption thumbnailsOption(
        QStringLiteral("thumbnails"),
        QStringLiteral("With --seed-library: cache it for this many videos."), QStringLiteral("n"),
        QStringLiteral("0"));
    const QCommandLineOption thumbnailBaseOption(
        QStringLiteral("thumbnail-base"),
        QStringLiteral("Download thumbnails from URL/<id>/hqdefault.jpg."), QStringLiteral("url"));
    parser.addOptions({untilOption, settleOption, seedOption, ownerOption, thumbnailOption,
                       thumbnailsOption, thumbnailBaseOption});
    Config::addOptions(parser);
    parser.process(app);

    QString configError;
    const std::optional<Config> config =
        Config::load(&parser, QProcessEnvironment::systemEnvironment(), &configError);
    if (!config) {
        emitError(configError);
        return 2;
    }

    if (parser.isSet(seedOption)) {
        QString error;
        const int rows = seedProfileCache(config->profile(), parser.value(ownerOption),
                                          parser.value(seedOption), parser.value(thumbnailOption),
                                          parser.value(thumbnailsOption).toInt(), &error);
        if (rows < 0) {
            emitError(error);
            return 1;
        }
        emitResult({{"seeded_rows", rows}});
        return 0;
    }

    const QString until = parser.value(untilOption);
    if (until != QLatin1String("signin") && until != QLatin1String("library")) {
        emitError(QStringLiteral("--until must be signin or library"));
        return 2;
    }
    const int settleMs = parser.value(settleOption).toInt();

    const qint64 composeStartNs = monotonicNs();
    BenchApp composition(*config);
    // The one difference from the app: thumbnails come from a local server, never the internet.
    if (const QUrl thumbnailBase(parser.value(thumbnailBaseOption)); thumbnailBase.isValid())
        composition.shell.workspace()->thumbnails()->setBaseUrl(thumbnailBase);
    const qint64 composedNs = monotonicNs();
    // When the keychain answered (restore finished), for the timeline.
    qint64 restoredNs = -1;
    double restoredCpuMs = -1;
    QObject::connect(composition.auth(), &AuthController::restoreFinished, &app, [&] {
        restoredNs = monotonicNs();
        restoredCpuMs = ownCpuMs();
    });
    // As main.cpp: the workspace starts (the cache is read in the background), the
    // language applies and the session restore begins before Main.qml loads.
    composition.shell.start();
    QString error;
    composition.window = composition.shell.load(&error);
    if (!composition.window) {
        emitError(error);
        return 1;
    }
    const qint64 loadedNs = monotonicNs();
    FrameWatcher watcher(composition.window);
    watchFirstFrame(watcher);
    if (until == QLatin1String("signin"))
        watchSignIn(watcher, composition);
    else
        watchLibrary(watcher, composition);

    QObject::connect(&watcher, &FrameWatcher::allMilestonesRendered, &app, [&] {
        QTimer::singleShot(settleMs, &app, [&] {
            const ProcessMemory memory = readOwnMemory();
            // For profiling (not used by the report): where the memory is, mapping by mapping.
            if (const QByteArray dump = qgetenv("CLIPSHELF_BENCH_SMAPS_TO"); !dump.isEmpty()) {
                QFile smaps(QStringLiteral("/proc/self/smaps"));
                QFile out(QString::fromLocal8Bit(dump));
                if (smaps.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly))
                    out.write(smaps.readAll());
            }
            // The phases before the first frame, for the timeline: the application
            // object, configuration, the core objects (composed), Main.qml loaded.
            QJsonObject result{{"main_ns", mainNs},
                               {"app_ns", appNs},
                               {"compose_start_ns", composeStartNs},
                               {"composed_ns", composedNs},
                               {"loaded_ns", loadedNs},
                               {"peak_rss_kb", memory.peakRssKb},
                               {"rss_kb", memory.rssKb},
                               {"pss_kb", memory.pssKb},
                               {"platform", QGuiApplication::platformName()},
                               {"auth_state", int(composition.auth()->state())},
                               {"list_rows", composition.visibleListRows()},
                               {"model_rows", composition.modelRows()}};
            if (restoredNs >= 0) {
                result.insert(QStringLiteral("restored_ns"), restoredNs);
                result.insert(QStringLiteral("restored_cpu_ms"), restoredCpuMs);
            }
            for (const char *name :
                 {"first_frame", "page", "ready", "library", "library_signed_in"}) {
                const qint64 ns = watcher.renderedAt(QLatin1String(name));
                if (ns >= 0) {
                    result.insert(QLatin1String(name) + QLatin1String("_ns"), ns);
                    result.insert(QLatin1String(name) + QLatin1String("_cpu_ms"),
                                  watcher.cpuMsAt(QLatin1String(name)));
                }
            }
            emitResult(result);
            QCoreApplication::exit(0);
        });
    });
    QTimer::singleShot(kTimeoutMs, &app, [&] {
        emitError(QStringLiteral("the %1 was not shown within %2 s (auth state %3)")
                      .arg(until == QLatin1String("signin") ? QStringLiteral("sign-in page")
                                                            : QStringLiteral("library"))
                      .arg(kTimeoutMs / 1000)
                      .arg(int(composition.auth()->state())));
        QCoreApplication::exit(1);
    });
    return QGuiApplication::exec();
}
