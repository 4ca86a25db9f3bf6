// clipshelf_preview: renders Main.qml with a mock auth in one state and saves
// the window as a PNG. Used for docs/screenshots and design review:
//   clipshelf_preview --scene waiting --theme dark --out waiting-dark.png
#include "mockthumbnails.h"

#include <cstdio>
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>
#include <QUrl>

Q_IMPORT_QML_PLUGIN(ClipshelfPlugin)
Q_IMPORT_QML_PLUGIN(ClipshelfMocksPlugin)

int main(int argc, char *argv[])
{
    // The theme is read when QML first touches App: decide it before anything else.
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--theme") == 0)
            qputenv("CLIPSHELF_THEME", argv[i + 1]);
    }

    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption scene(QStringLiteral("scene"),
                                   QStringLiteral("What to show (see Preview.qml)."),
                                   QStringLiteral("name"), QStringLiteral("signin"));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("light or dark."),
                                   QStringLiteral("scheme"), QStringLiteral("light"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("PNG to write."),
                                 QStringLiteral("file"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size WxH."),
                                  QStringLiteral("size"), QStringLiteral("960x640"));
    const QCommandLineOption delay(QStringLiteral("delay"),
                                   QStringLiteral("ms to wait after the first frame."),
                                   QStringLiteral("ms"), QStringLiteral("800"));
    const QCommandLineOption picture(QStringLiteral("picture"),
                                     QStringLiteral("Avatar picture URL."), QStringLiteral("url"));
    const QCommandLineOption language(QStringLiteral("lang"), QStringLiteral("en or de."),
                                      QStringLiteral("language"), QStringLiteral("en"));
    const QCommandLineOption noThumbnails(
        QStringLiteral("no-thumbnails"),
        QStringLiteral("Show thumbnail placeholders (as offline)."));
    parser.addOptions({scene, theme, out, size, delay, picture, language, noThumbnails});
    parser.process(app);

    QQuickStyle::setStyle(QStringLiteral("Basic"));
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    // Painted stand-ins for YouTube's thumbnails (no internet here).
    if (!parser.isSet(noThumbnails))
        engine.addImageProvider(QStringLiteral("thumbnail"), new MockThumbnailProvider);
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    engine.setInitialProperties({
        {QStringLiteral("scene"), parser.value(scene)},
        {QStringLiteral("pictureUrl"), QUrl(parser.value(picture))},
        {QStringLiteral("uiLanguage"), parser.value(language)},
        {QStringLiteral("width"), wh.value(0).toInt()},
        {QStringLiteral("height"), wh.value(1).toInt()},
    });
    engine.load(QUrl::fromLocalFile(QStringLiteral(CLIPSHELF_PREVIEW_QML)));
    auto *window = engine.rootObjects().isEmpty()
                       ? nullptr
                       : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        return 1;
    if (!parser.isSet(out))
        return QGuiApplication::exec();

    const QString file = parser.value(out);
    const int waitMs = parser.value(delay).toInt();
    QObject::connect(window, &QQuickWindow::frameSwapped, &app, [window, file, waitMs] {
        static bool scheduled = false;
        if (scheduled)
            return;
        scheduled = true;
        QTimer::singleShot(waitMs, window, [window, file] {
            const QImage image = window->grabWindow();
            if (image.isNull() || !image.save(file)) {
                std::fprintf(stderr, "could not save %s\n", qPrintable(file));
                QCoreApplication::exit(1);
                return;
            }
            std::printf("%s\n", qPrintable(file));
            QCoreApplication::exit(0);
        });
    });
    return QGuiApplication::exec();
}
