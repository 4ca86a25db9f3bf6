// The executable: --help, the ready line, --port-file, --base-path, a file
// database that survives a restart (migrations run once), bad arguments.
#include "testhttp.h"

#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace testsupport;

class TestApiServerProcess : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir dir;
    // Starts the server and returns its URL from the ready line.
    QUrl start(QProcess &process, const QStringList &args);

private Q_SLOTS:
    void help();
    void readyLinePortFileAndBasePath();
    void portInUse();
    void databaseSurvivesRestart();
    void badArguments_data();
    void badArguments();
};

QUrl TestApiServerProcess::start(QProcess &process, const QStringList &args)
{
    process.setProgram(QStringLiteral(CLIPSHELF_API_SERVER_EXE));
    process.setArguments(args);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start();
    if (!process.waitForStarted(5000))
        return {};
    QSignalSpy ready(&process, &QProcess::readyReadStandardOutput);
    while (!process.canReadLine() && process.state() == QProcess::Running) {
        if (!ready.wait(5000))
            break;
    }
    const QByteArray line = process.readLine();
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    if (o.value(QStringLiteral("ready")) != QJsonValue(true)) {
        qWarning() << "no ready line:" << line << process.readAllStandardError();
        return {};
    }
    // Exactly the documented shape: {"ready":true,"url":"http://127.0.0.1:PORT<base>"}
    const QString url = o.value(QStringLiteral("url")).toString();
    if (line.trimmed() != "{\"ready\":true,\"url\":\"" + url.toUtf8() + "\"}" || o.size() != 2) {
        qWarning() << "unexpected ready line" << line;
        return {};
    }
    return QUrl(url);
}

void TestApiServerProcess::help()
{
    QProcess p;
    p.start(QStringLiteral(CLIPSHELF_API_SERVER_EXE), {QStringLiteral("--help")});
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 0);
    const QByteArray out = p.readAllStandardOutput();
    for (const char *option : {"--port", "--base-path", "--db", "--issuer", "--jwks-uri",
                               "--audience", "--port-file", "--enable-faults"})
        QVERIFY2(out.contains(option), option);
}

void TestApiServerProcess::readyLinePortFileAndBasePath()
{
    QProcess p;
    const QString portFile = dir.filePath(QStringLiteral("url.txt"));
    const QUrl url =
        start(p, {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--base-path"),
                  QStringLiteral("/api/v1"), QStringLiteral("--issuer"),
                  QStringLiteral("http://127.0.0.1:9"), QStringLiteral("--port-file"), portFile});
    QVERIFY(url.isValid());
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(url.port() > 0);
    QCOMPARE(url.path(), QStringLiteral("/api/v1"));
    QFile file(portFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll().trimmed()), url.toString());
    QCOMPARE(httpRequest(url, "GET", QStringLiteral("/health")).status, 200);
    // The provider (port 9) is down: protected routes answer 503, not 401.
    const TestReply r =
        httpRequest(url, "GET", QStringLiteral("/me"), {{"Authorization", "Bearer a.b.c"}});
    QVERIFY(r.status == 401 || r.status == 503);
    QCOMPARE(httpRequest(url, "GET", QStringLiteral("/__faults/stats")).status,
             404); // faults off by default
    p.terminate();
    QVERIFY(p.waitForFinished(5000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit); // SIGTERM: clean exit 0
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(!p.readAllStandardOutput().contains('{')); // exactly one line on stdout
}

void TestApiServerProcess::portInUse()
{
    QProcess first;
    const QUrl url =
        start(first, {QStringLiteral("--issuer"), QStringLiteral("http://127.0.0.1:9")});
    QVERIFY(url.isValid());
    QProcess second;
    second.start(QStringLiteral(CLIPSHELF_API_SERVER_EXE),
                 {QStringLiteral("--issuer"), QStringLiteral("http://127.0.0.1:9"),
                  QStringLiteral("--port"), QString::number(url.port())});
    QVERIFY(second.waitForFinished(10000));
    QCOMPARE(second.exitCode(), 1);
    QVERIFY(second.readAllStandardOutput().isEmpty());
    first.terminate();
    QVERIFY(first.waitForFinished(5000));
}

void TestApiServerProcess::databaseSurvivesRestart()
{
    const QString db = dir.filePath(QStringLiteral("api.sqlite"));
    for (int round = 0; round < 2; ++round) {
        QProcess p;
        const QUrl url = start(p, {QStringLiteral("--db"), db, QStringLiteral("--issuer"),
                                   QStringLiteral("http://127.0.0.1:9")});
        QVERIFY(url.isValid());
        QCOMPARE(httpRequest(url, "GET", QStringLiteral("/health")).status, 200);
        p.terminate();
        QVERIFY(p.waitForFinished(5000));
        const QByteArray log = p.readAllStandardError();
        QCOMPARE(log.contains("applied migration 1"), round == 0);
    }
    QVERIFY(QFile::exists(db));
}

void TestApiServerProcess::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no issuer") << QStringList{};
    QTest::newRow("bad port") << QStringList{QStringLiteral("--issuer"), QStringLiteral("http://x"),
                                             QStringLiteral("--port"), QStringLiteral("70000")};
    QTest::newRow("bad base path")
        << QStringList{QStringLiteral("--issuer"), QStringLiteral("http://x"),
                       QStringLiteral("--base-path"), QStringLiteral("api")};
}

void TestApiServerProcess::badArguments()
{
    QFETCH(QStringList, args);
    QProcess p;
    p.start(QStringLiteral(CLIPSHELF_API_SERVER_EXE), args);
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardOutput().isEmpty());
    QVERIFY(!p.readAllStandardError().isEmpty());
}

QTEST_GUILESS_MAIN(TestApiServerProcess)
#include "tst_apiserver_process.moc"
