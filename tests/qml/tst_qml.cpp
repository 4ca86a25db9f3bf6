// Runs every tst_*.qml in this directory (QUICK_TEST_SOURCE_DIR) against the
// Clipshelf module linked in statically.
#include "bridge/app.h"

#include <QObject>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(ClipshelfPlugin)

class Setup : public QObject
{
    Q_OBJECT
public slots:
    void applicationAvailable()
    {
        qputenv("CLIPSHELF_THEME", "light"); // tests see the same palette everywhere
        QQuickStyle::setStyle(QStringLiteral("Basic"));
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        // What main() does, minus the AuthController: tst_main.qml checks that
        // QML gets this very instance.
        static clipshelf::App app(nullptr);
        app.setObjectName(QStringLiteral("appSetByMain"));
        clipshelf::App::setInstance(&app);
    }
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qml, Setup)

#include "tst_qml.moc"
