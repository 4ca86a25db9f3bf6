// Runs every tst_*.qml in this directory (QUICK_TEST_SOURCE_DIR) against the
// Clipshelf module linked in statically, with the real thumbnail provider over
// a ThumbnailStore whose cache holds one picture ("cachedthumb") and whose
// download server refuses connections (every other id fails: placeholders).
#include "bridge/app.h"
#include "bridge/thumbnailprovider.h"
#include "storage/thumbnailstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QObject>
#include <QQmlEngine>
#include <QQmlError>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest/quicktest.h>
#include <QUrl>

Q_IMPORT_QML_PLUGIN(ClipshelfPlugin)
Q_IMPORT_QML_PLUGIN(ClipshelfMocksPlugin)

class Setup : public QObject
{
    Q_OBJECT
public slots:
    void applicationAvailable()
    {
        qputenv("CLIPSHELF_THEME", "light"); // tests see the same palette everywhere
        QQuickStyle::setStyle(QStringLiteral("Basic"));

        // Owned by the application, so they go before the statics and after every engine.
        auto *network = new QNetworkAccessManager(QCoreApplication::instance());
        m_thumbnails = new clipshelf::ThumbnailStore(m_thumbnailDir.path(), network,
                                                     QCoreApplication::instance());
        m_thumbnails->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9/vi"))); // refused at once
        QFile::copy(QStringLiteral(QUICK_TEST_SOURCE_DIR "/data/thumbnail.png"),
                    m_thumbnailDir.filePath(QStringLiteral("cachedthumb.jpg")));
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        // As in main(): a thumbnail that cannot be had is no warning; others still are.
        engine->setOutputWarningsToStandardError(false);
        QObject::connect(engine, &QQmlEngine::warnings, engine,
                         [](const QList<QQmlError> &warnings) {
                             for (const QQmlError &warning : warnings) {
                                 if (!clipshelf::ThumbnailImageProvider::isUnavailableWarning(
                                         warning.description()))
                                     qWarning().noquote() << warning.toString();
                             }
                         });
        engine->addImageProvider(QStringLiteral("thumbnail"),
                                 new clipshelf::ThumbnailImageProvider(m_thumbnails));
        // What main() does, minus the AuthController: tst_main.qml checks that
        // QML gets this very instance.
        static clipshelf::App app(nullptr);
        app.setObjectName(QStringLiteral("appSetByMain"));
        clipshelf::App::setInstance(&app);
    }

private:
    QTemporaryDir m_thumbnailDir;
    clipshelf::ThumbnailStore *m_thumbnails = nullptr;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qml, Setup)

#include "tst_qml.moc"
