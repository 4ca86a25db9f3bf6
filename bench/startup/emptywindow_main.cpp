// clipshelf-bench-empty: the floor for start-up time and memory. A Qt Quick
// window of the app's size and colour with nothing in it, loaded the way the
// app loads its UI (QQmlApplicationEngine), timed the same way (FrameWatcher).
//
//   clipshelf-bench-empty [--settle-ms N]
// Prints "BENCH {"first_frame_ns":…, "peak_rss_kb":…, …}" and exits.

#include "benchclock.h"
#include "benchoutput.h"
#include "framewatcher.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTimer>

using namespace clipshelf::bench;

namespace {

constexpr auto kEmptyWindowQml = R"(import QtQuick
Window {
    width: 960
    height: 640
    visible: true
    color: "#f6f7f9"
    title: "Empty"
})";

constexpr int kTimeoutMs = 30'000;

} // namespace

int main(int argc, char *argv[])
{
    const qint64 mainNs = monotonicNs();
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption settleOption(
        QStringLiteral("settle-ms"),
        QStringLiteral("Wait this long after the first frame before reading memory."),
        QStringLiteral("ms"), QStringLiteral("1000"));
    parser.addOption(settleOption);
    parser.process(app);
    const int settleMs = parser.value(settleOption).toInt();

    QQmlApplicationEngine engine;
    engine.loadData(kEmptyWindowQml);
    auto *window = engine.rootObjects().isEmpty()
                       ? nullptr
                       : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window) {
        emitError(QStringLiteral("the empty window did not load"));
        return 1;
    }

    FrameWatcher watcher(window);
    watcher.addMilestone(QStringLiteral("first_frame"), [] { return true; });
    QObject::connect(&watcher, &FrameWatcher::allMilestonesRendered, &app, [&] {
        QTimer::singleShot(settleMs, &app, [&] {
            const ProcessMemory memory = readOwnMemory();
            emitResult({{"main_ns", mainNs},
                        {"first_frame_ns", watcher.renderedAt(QStringLiteral("first_frame"))},
                        {"first_frame_cpu_ms", watcher.cpuMsAt(QStringLiteral("first_frame"))},
                        {"peak_rss_kb", memory.peakRssKb},
                        {"rss_kb", memory.rssKb},
                        {"pss_kb", memory.pssKb},
                        {"platform", QGuiApplication::platformName()},
                        {"graphics_api", int(window->rendererInterface()->graphicsApi())}});
            QCoreApplication::exit(0);
        });
    });
    QTimer::singleShot(kTimeoutMs, &app, [] {
        emitError(QStringLiteral("no frame within %1 s").arg(kTimeoutMs / 1000));
        QCoreApplication::exit(1);
    });
    return QGuiApplication::exec();
}
