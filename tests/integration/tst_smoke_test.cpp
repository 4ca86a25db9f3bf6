// Issue 21, items 3, 6 and 7: `clipshelf --smoke-test` is what every installer's
// CI runs on the installed app, so it must test what the user gets:
//  - the platform plugin chosen by QT_QPA_PLATFORM or -platform (offscreen only
//    when nothing is chosen), so a platform plugin the deploy tool left out fails;
//  - the icons: with Qt's image format plugins missing (as when a deploy tool
//    leaves out the SVG plugin) it fails and says so in one sentence.
// The app is copied next to a qt.conf that points Qt at a plugin folder made
// for the test: the installed layout of windeployqt/macdeployqt, in miniature.
#include "localstack.h"
#include "processrun.h"

#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace clipshelf::test;

namespace {

using Run = ProcessRun;

/// Runs `program args` with the environment changed by `set` / `unset`.
Run runApp(const QString &program, const QStringList &args, const QMap<QString, QString> &set = {},
           const QStringList &unset = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("CLIPSHELF_SYSTEM_CONFIG", "/nonexistent/clipshelf.conf");
    env.insert("CLIPSHELF_CONFIG", "/nonexistent/clipshelf-user.conf");
    env.insert("CLIPSHELF_PROFILE", freshProfile("smoke"));
    // Only the qt.conf next to the copied app may say where plugins are.
    env.remove("QT_PLUGIN_PATH");
    env.remove("QT_QPA_PLATFORM_PLUGIN_PATH");
    for (auto it = set.cbegin(); it != set.cend(); ++it)
        env.insert(it.key(), it.value());
    for (const QString &name : unset)
        env.remove(name);
    QProcess p;
    p.setProcessEnvironment(env);
    return runToEnd(p, program, args);
}

} // namespace

class TestSmokeTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_app;

    /// A copy of the app whose qt.conf points at plugins/ next to it, where
    /// only the plugin types in `pluginTypes` of Qt's own are linked in.
    QString deployCopy(const QString &name, const QStringList &pluginTypes)
    {
        const QDir root(m_dir.filePath(name));
        if (!QDir().mkpath(root.filePath("plugins")))
            return {};
        const QDir qtPlugins(QLibraryInfo::path(QLibraryInfo::PluginsPath));
        for (const QString &type : pluginTypes) {
            if (!QFile::link(qtPlugins.filePath(type), root.filePath("plugins/" + type)))
                return {};
        }
        const QString app = root.filePath("clipshelf");
        if (!QFile::copy(m_app, app))
            return {};
        QFile conf(root.filePath("qt.conf"));
        if (!conf.open(QIODevice::WriteOnly | QIODevice::Text))
            return {};
        conf.write(
            QStringLiteral("[Paths]\nPrefix=%1\nPlugins=%2\nQmlImports=%3\nTranslations=%4\n")
                .arg(QLibraryInfo::path(QLibraryInfo::PrefixPath), root.filePath("plugins"),
                     QLibraryInfo::path(QLibraryInfo::QmlImportsPath),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))
                .toUtf8());
        return app;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_app = testEnv("CLIPSHELF_BINARY_DIR") + QStringLiteral("/app/clipshelf");
        QVERIFY2(QFile::exists(m_app), qPrintable(m_app + " is not built"));
    }

    void passesOffscreenWhenNothingElseIsChosen()
    {
        // No display here: with QT_QPA_PLATFORM unset the app picks offscreen itself.
        const Run r = runApp(m_app, {"--smoke-test"}, {}, {"QT_QPA_PLATFORM"});
        QVERIFY2(r.passed(), r.describe().constData());
        QVERIFY2(r.out.contains("smoke test passed"), r.describe().constData());
    }

    void usesThePlatformFromTheEnvironment()
    {
        // A platform plugin that is not there must fail the smoke test, not be
        // replaced by offscreen: that is how CI finds an undeployed qwindows/qcocoa.
        const Run r = runApp(m_app, {"--smoke-test"}, {{"QT_QPA_PLATFORM", "clipshelf-absent"}});
        QVERIFY2(!r.passed(), r.describe().constData());
        QVERIFY2(r.err.contains("clipshelf-absent"), r.describe().constData());
    }

    void usesThePlatformFromTheCommandLine()
    {
        const Run r = runApp(m_app, {"--smoke-test", "-platform", "clipshelf-absent"}, {},
                             {"QT_QPA_PLATFORM"});
        QVERIFY2(!r.passed(), r.describe().constData());
        QVERIFY2(r.err.contains("clipshelf-absent"), r.describe().constData());
    }

    void passesWithEveryPluginDeployed()
    {
        // The control: the qt.conf layout itself is fine.
        const QString app = deployCopy("complete", {"platforms", "imageformats", "iconengines",
                                                    "sqldrivers", "tls", "networkinformation"});
        QVERIFY(!app.isEmpty());
        const Run r = runApp(app, {"--smoke-test"});
        QVERIFY2(r.passed(), r.describe().constData());
    }

    void failsWhenTheIconsCannotLoad()
    {
        // What a deploy tool does when nothing links QtSvg: no imageformats/qsvg.
        const QString app = deployCopy("no-image-plugins",
                                       {"platforms", "sqldrivers", "tls", "networkinformation"});
        QVERIFY(!app.isEmpty());
        const Run r = runApp(app, {"--smoke-test"});
        QVERIFY2(!r.passed(), r.describe().constData());
        QCOMPARE(r.status, QProcess::NormalExit);
        QCOMPARE(r.code, 1);
        // One sentence that says which icons and why, e.g.
        // "clipshelf: 31 of 31 icons could not be loaded, e.g. activity.svg (Unsupported image
        // format)."
        QVERIFY2(r.err.contains("icons could not be loaded, e.g. "), r.describe().constData());
    }
};

QTEST_GUILESS_MAIN(TestSmokeTest)
#include "tst_smoke_test.moc"
