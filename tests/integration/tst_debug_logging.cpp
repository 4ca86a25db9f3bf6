// Issue 13, item 8: Qt's debug logging on at every level must never crash or
// hang a process at exit (the redacting message handler is used until the
// very last message, during static destruction too). Runs clipshelf-cli and
// clipshelf --smoke-test again and again with QT_LOGGING_RULES="*.debug=true".
#include "localstack.h"
#include "processrun.h"

#include <QFile>
#include <QProcess>
#include <QTest>

using namespace clipshelf::test;

namespace {

using Run = ProcessRun;

Run runWithDebugLogging(const QString &program, const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_LOGGING_RULES", "*.debug=true");
    env.insert("CLIPSHELF_SYSTEM_CONFIG", "/nonexistent/clipshelf.conf");
    env.insert("CLIPSHELF_CONFIG", "/nonexistent/clipshelf-user.conf");
    // Nothing answers here: the commands end quickly with "not signed in".
    env.insert("CLIPSHELF_ISSUER", "http://127.0.0.1:9/");
    env.insert("CLIPSHELF_CLIENT_ID", "clipshelf-desktop");
    env.insert("CLIPSHELF_API_URL", "http://127.0.0.1:9/api/v1");
    env.insert("CLIPSHELF_PROFILE", freshProfile("debuglog"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.setStandardOutputFile(QProcess::nullDevice());
    return runToEnd(p, program, args);
}

} // namespace

class TestDebugLogging : public QObject
{
    Q_OBJECT

    const QString m_bin = testEnv("CLIPSHELF_BINARY_DIR") + QStringLiteral("/app/");

private slots:
    void cliExitsCleanlyEveryTime()
    {
        const QString cli = m_bin + QStringLiteral("clipshelf-cli");
        QVERIFY2(QFile::exists(cli), qPrintable(cli + " is not built"));
        for (int i = 0; i < 20; ++i) {
            const Run r = runWithDebugLogging(cli, {"--verbose", "tags"});
            QVERIFY2(r.status == QProcess::NormalExit,
                     qPrintable(QStringLiteral("run %1 crashed or hung: %2")
                                    .arg(i)
                                    .arg(QString::fromUtf8(r.err.right(600)))));
            QCOMPARE(r.code, 3); // not signed in: the command itself ran to its end
            QVERIFY2(!r.err.contains("invalid QRegularExpression"), r.err.right(600).constData());
        }
    }

    void appSmokeTestExitsCleanlyEveryTime()
    {
        const QString app = m_bin + QStringLiteral("clipshelf");
        QVERIFY2(QFile::exists(app), qPrintable(app + " is not built"));
        for (int i = 0; i < 5; ++i) {
            const Run r = runWithDebugLogging(app, {"--smoke-test"});
            QVERIFY2(r.status == QProcess::NormalExit && r.code == 0,
                     qPrintable(QStringLiteral("run %1: exit %2: %3")
                                    .arg(i)
                                    .arg(r.code)
                                    .arg(QString::fromUtf8(r.err.right(600)))));
        }
    }
};

QTEST_GUILESS_MAIN(TestDebugLogging)
#include "tst_debug_logging.moc"
