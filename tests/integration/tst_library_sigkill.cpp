// Nothing lost when the app is killed: three videos are added while the API
// is unreachable, the app is killed with SIGKILL, started again online, and
// the server holds exactly three new videos. Uses the real provider, browser,
// keychain and API server, and a separate process (librarydriver) as the app.
#include "libraryfixture.h"

#include <QProcess>
#include <QTcpServer>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

class TestLibrarySigkill : public QObject
{
    Q_OBJECT

    TestProvider m_provider;
    TestApiServer m_api;
    QNetworkAccessManager m_nam;

    /// Runs the driver until \a until shows up in its output; returns the output.
    static QByteArray runUntil(QProcess &driver, const QStringList &args, const QByteArray &until)
    {
        driver.setProgram(testEnv("CLIPSHELF_LIBRARY_DRIVER"));
        driver.setArguments(args);
        driver.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        driver.start();
        QByteArray out;
        const bool seen = QTest::qWaitFor(
            [&] {
                out += driver.readAllStandardOutput();
                return out.contains(until) || driver.state() == QProcess::NotRunning;
            },
            60'000);
        if (!seen)
            qWarning("the driver did not print %s within 60 s", until.constData());
        out += driver.readAllStandardOutput();
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(!testEnv("CLIPSHELF_LIBRARY_DRIVER").isEmpty());
        QVERIFY(m_provider.start());
        QVERIFY(m_api.start(m_provider.issuer()));
    }

    void addsMadeOfflineSurviveSigkill()
    {
        SignedInProfile alice(m_provider.issuer(), m_api.url(), "alice", &m_nam,
                              freshProfile("sigkill"));
        QVERIFY(alice.signIn()); // the session the driver restores from the keychain
        const int before = int(alice.serverVideos().size());

        // An address where no API answers (a port that was free a moment ago).
        quint16 deadPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            deadPort = probe.serverPort();
        }
        const QString unreachable = QStringLiteral("http://127.0.0.1:%1/api/v1").arg(deadPort);
        const QStringList common{"--issuer",    m_provider.issuer(), "--profile",
                                 alice.profile, "--data-dir",        alice.root + "/driver"};

        QProcess first;
        const QByteArray out1 = runUntil(
            first,
            common + QStringList{"--api-url", unreachable, "--add", "https://youtu.be/killTest001",
                                 "--add", "https://www.youtube.com/watch?v=killTest002", "--add",
                                 "https://youtu.be/killTest003"},
            "{\"queued\":3}");
        QVERIFY2(out1.contains("{\"queued\":3}"), out1.constData());
        QCOMPARE(first.state(), QProcess::Running);
        first.kill(); // SIGKILL: no chance to flush or say goodbye
        QVERIFY(first.waitForFinished(10'000));
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);
        QCOMPARE(int(alice.serverVideos().size()), before); // nothing reached the server

        QProcess second;
        const QByteArray out2 =
            runUntil(second, common + QStringList{"--api-url", m_api.url(), "--until-synced"},
                     "\"synced\":true");
        QVERIFY2(out2.contains("\"synced\":true"), out2.constData());
        // waitForFinished() is false for a process that has already ended.
        QVERIFY(second.state() == QProcess::NotRunning || second.waitForFinished(10'000));
        QCOMPARE(second.exitCode(), 0);

        const QList<Video> videos = alice.serverVideos();
        QCOMPARE(int(videos.size()), before + 3);
        QStringList ids;
        for (const Video &v : videos)
            ids << v.youtubeId;
        for (const char *id : {"killTest001", "killTest002", "killTest003"})
            QCOMPARE(ids.count(id), 1);

        // A third start has nothing left to send, and adds nothing.
        QProcess third;
        const QByteArray out3 =
            runUntil(third, common + QStringList{"--api-url", m_api.url(), "--until-synced"},
                     "\"synced\":true");
        QVERIFY2(out3.contains("\"synced\":true"), out3.constData());
        third.waitForFinished(10'000);
        QCOMPARE(int(alice.serverVideos().size()), before + 3);
    }
};

QTEST_MAIN(TestLibrarySigkill)
#include "tst_library_sigkill.moc"
