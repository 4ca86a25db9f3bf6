// Clipshelf, the desktop app: parses the command line and the configuration,
// builds the app (AppShell: the Composition of src/composition, the App
// singleton QML reads, Main.qml) and runs it until it quits.

#include "appshell.h"
#include "auth/sessionmanager.h"
#include "buildconfig.h"
#include "composition/composition.h"
#include "core/config.h"
#include "core/logging.h"
#include "core/terminationsignals.h"
#include "iconcheck.h"

#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QImageReader>
#include <QProcessEnvironment>
#include <QQuickWindow>
#include <QSessionManager>
#include <QSqlDatabase>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(ClipshelfPlugin)

namespace {

constexpr int kSmokeTestTimeoutMs = 30'000;

bool hasArgument(int argc, char **argv, std::initializer_list<const char *> names)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *name : names) {
            if (std::strcmp(argv[i], name) == 0)
                return true;
        }
    }
    return false;
}

/// Whether the platform plugin was chosen (QT_QPA_PLATFORM, or -platform /
/// --platform on the command line), so --smoke-test must not replace it.
bool platformChosen(int argc, char **argv)
{
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") ||
           hasArgument(argc, argv, {"-platform", "--platform"});
}

void printLine(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stream);
    std::fflush(stream);
}

} // namespace

int main(int argc, char *argv[])
{
    // --smoke-test renders one frame. It tests the platform plugin the user gets
    // (installer CI sets QT_QPA_PLATFORM=windows or cocoa, so an undeployed plugin
    // fails it); only when nothing is chosen does it pick offscreen, which needs
    // no display. Before the application object exists.
    const bool smokeTest = hasArgument(argc, argv, {"--smoke-test"});
    if (smokeTest && !platformChosen(argc, argv))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // --help and --version must work without a display (packaging, CI).
    const bool textOnly =
        hasArgument(argc, argv, {"-h", "-?", "--help", "--help-all", "-v", "--version"});

    clipshelf::logging::installRedactingMessageHandler();

    std::unique_ptr<QCoreApplication> app = textOnly
                                                ? std::make_unique<QCoreApplication>(argc, argv)
                                                : std::make_unique<QGuiApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Clipshelf"));
    QCoreApplication::setOrganizationName(QStringLiteral("Clipshelf"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLIPSHELF_VERSION));
    if (!textOnly)
        QGuiApplication::setDesktopFileName(QStringLiteral(CLIPSHELF_APP_ID));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Your saved YouTube videos, on your desktop."));
    parser.addHelpOption();
    const QCommandLineOption versionOption(
        {QStringLiteral("v"), QStringLiteral("version")},
        QCoreApplication::translate("main", "Show the version and exit."));
    parser.addOption(versionOption);
    const QCommandLineOption smokeTestOption(
        QStringLiteral("smoke-test"),
        QCoreApplication::translate(
            "main", "Load the user interface, render one frame and exit (off-screen "
                    "unless QT_QPA_PLATFORM or -platform names a platform)."));
    parser.addOption(smokeTestOption);
    clipshelf::Config::addOptions(parser);
    parser.process(*app);

    if (parser.isSet(versionOption)) {
        printLine(stdout,
                  QStringLiteral("Clipshelf %1 (Qt %2, qtkeychain %3)")
                      .arg(QStringLiteral(CLIPSHELF_VERSION), QString::fromLatin1(qVersion()),
                           QStringLiteral(CLIPSHELF_QTKEYCHAIN_VERSION)));
        return 0;
    }
    // Only a QCoreApplication exists (e.g. "--browser -v" made "-v" a value):
    // there is no GUI to start, so show the help.
    if (textOnly)
        parser.showHelp(0);

    QString configError;
    const std::optional<clipshelf::Config> config =
        clipshelf::Config::load(&parser, QProcessEnvironment::systemEnvironment(), &configError,
                                // a plain-http issuer or API URL is explained on the sign-in page
                                clipshelf::Config::LoadMode::KeepPlainHttp);
    if (!config) {
        printLine(stderr, QStringLiteral("clipshelf: %1").arg(configError));
        return 2;
    }

    // The core object graph (src/composition) and the interface around it.
    clipshelf::AppShell shell(*config);
    clipshelf::Composition &composition = shell.composition();
    clipshelf::Workspace &workspace = *shell.workspace();

    // Parts Qt loads at run time, which a package's dependencies can miss.
    QStringList missingParts;
    if (!QImageReader::supportedImageFormats().contains("svg")) // every icon is SVG
        missingParts << QStringLiteral(
            "the Qt SVG image plugin (Debian 12: libqt6svg6, Debian 13: qt6-svg-plugins)");
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) // outbox and caches
        missingParts << QStringLiteral("the Qt SQLite driver (Debian: libqt6sql6-sqlite)");
    for (const QString &part : std::as_const(missingParts))
        printLine(stderr, QStringLiteral("clipshelf: missing %1").arg(part));
    if (smokeTest) {
        // Every icon must draw (a deploy tool that left out Qt's SVG plugin, a
        // damaged file); QML only warns about those on screen in the first frame.
        qsizetype iconCount = 0;
        const QList<clipshelf::IconProblem> iconProblems =
            clipshelf::checkIcons(QStringLiteral(":/qt/qml/Clipshelf/icons"), &iconCount);
        if (!iconProblems.isEmpty()) {
            const QString sentence = clipshelf::describeIconProblems(iconProblems, iconCount);
            printLine(stderr, QStringLiteral("clipshelf: %1").arg(sentence));
            missingParts << sentence;
        }
    }

    if (!smokeTest)
        shell.start(); // before the window loads: cache, language, session restore
    QString loadError;
    QQuickWindow *window = shell.load(&loadError);
    if (!window) {
        printLine(stderr, QStringLiteral("clipshelf: %1").arg(loadError));
        return 1;
    }

    if (smokeTest) {
        QObject::connect(window, &QQuickWindow::frameSwapped, app.get(), [&shell, &missingParts] {
            const int qmlWarningCount = shell.qmlWarningCount();
            if (qmlWarningCount > 0 || !missingParts.isEmpty()) {
                printLine(stderr, QStringLiteral("clipshelf: smoke test failed: the first frame "
                                                 "rendered, but %1 QML warning(s) and %2 missing "
                                                 "part(s) (see above)")
                                      .arg(qmlWarningCount)
                                      .arg(missingParts.size()));
                QCoreApplication::exit(1);
                return;
            }
            printLine(stdout,
                      QStringLiteral("clipshelf: smoke test passed (first frame rendered)"));
            QCoreApplication::exit(0);
        });
        QTimer::singleShot(kSmokeTestTimeoutMs, app.get(), [] {
            printLine(stderr, QStringLiteral("clipshelf: smoke test failed: no frame within %1 s")
                                  .arg(kSmokeTestTimeoutMs / 1000));
            QCoreApplication::exit(1);
        });
        return QGuiApplication::exec();
    }

    // One way out, whatever ends Clipshelf: the window's close, Ctrl+Q, SIGTERM (the
    // desktop session ends), SIGINT or SIGHUP (a terminal) all quit the event loop, and
    // shutdown() runs once: changes stay in the outbox (deletes in their undo window
    // too, sent at the next start), the cache is written, and the keychain work of a
    // refresh under way is finished (bounded). A second signal meanwhile exits at once.
    clipshelf::TerminationSignals terminationSignals;
    QObject::connect(&terminationSignals, &clipshelf::TerminationSignals::received, app.get(),
                     [] { QCoreApplication::quit(); });
    bool shutDown = false;
    auto shutdown = [&shutDown, &composition] {
        if (shutDown)
            return;
        shutDown = true;
        clipshelf::TerminationSignals::markShuttingDown();
        if (!composition.shutdown())
            printLine(stderr, QStringLiteral("clipshelf: %1")
                                  .arg(clipshelf::SessionManager::unfinishedWorkMessage()));
    };
    QObject::connect(app.get(), &QCoreApplication::aboutToQuit, &workspace, shutdown);
    // X11/Wayland session management asks to save before it may end the session.
    auto *guiApp = static_cast<QGuiApplication *>(app.get());
    QObject::connect(guiApp, &QGuiApplication::commitDataRequest, &workspace,
                     [&workspace](QSessionManager &) { workspace.persist(); });
    QObject::connect(guiApp, &QGuiApplication::saveStateRequest, &workspace,
                     [&workspace](QSessionManager &) { workspace.persist(); });
    const int status = QGuiApplication::exec();
    shutdown(); // when exec() returned without aboutToQuit (QCoreApplication::exit from elsewhere)
    return status;
}
