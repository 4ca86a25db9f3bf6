// Issue 20: shutdown that loses nothing. The real app (clipshelf, offscreen),
// clipshelf-cli and the library driver (the app's Workspace and its shutdown
// path, without a window) against the real provider (4-second access tokens),
// API server and keychain, ended by SIGTERM, SIGINT and a second SIGTERM.
//
// Chosen behaviour for a delete in its undo window when the app is ended: it
// stays in the outbox, is not sent in a hurry, and the next start sends it,
// exactly once, and says it recovered queued changes.
#include "libraryfixture.h"
#include "storage/outbox.h"
#include "tst_cli_process.h"

#include <csignal>
#include <QElapsedTimer>
#include <QImage>
#include <QTcpSocket>
#include <QUrlQuery>

using namespace clipshelf;
using namespace clipshelf::test;

namespace {

/// Reads \a p's output until \a until shows up (or it ends, or \a timeoutMs pass).
QByteArray readUntil(QProcess &p, QByteArray *buffer, const QByteArray &until,
                     bool fromStderr = false, int timeoutMs = 60'000)
{
    [[maybe_unused]] const bool seen = QTest::qWaitFor(
        [&] {
            *buffer += fromStderr ? p.readAllStandardError() : p.readAllStandardOutput();
            return buffer->contains(until) || p.state() == QProcess::NotRunning;
        },
        timeoutMs);
    *buffer += fromStderr ? p.readAllStandardError() : p.readAllStandardOutput();
    return *buffer;
}

} // namespace

class TestShutdown : public QObject
{
    Q_OBJECT

    TestProvider m_provider;
    TestApiServer m_api;
    CliRunner m_cli; // Alice's profile
    QString m_profile;

    QString appProgram() const
    {
        return testEnv("CLIPSHELF_BINARY_DIR") + QStringLiteral("/app/clipshelf");
    }
    QString driverProgram() const { return testEnv("CLIPSHELF_LIBRARY_DRIVER"); }

    /// The app on Alice's profile, its clipshelf.* info log on stderr.
    void startApp(QProcess &app) const
    {
        QProcessEnvironment env = m_cli.env;
        env.insert("QT_LOGGING_RULES", "clipshelf.*.info=true");
        app.setProcessEnvironment(env);
        app.start(appProgram(), {});
        QVERIFY(app.waitForStarted(10'000));
    }

    /// GET /me with Alice's stored session (restored from the keychain here, as the app does).
    QJsonObject serverMe()
    {
        QNetworkAccessManager nam;
        QTemporaryDir dir;
        SignedInProfile alice(m_provider.issuer(), m_api.url(), "alice", &nam, m_profile,
                              dir.path());
        alice.auth.restore();
        if (!QTest::qWaitFor([&] { return alice.auth.state() == AuthController::SignedIn; },
                             20'000))
            return {};
        const ApiResult r = alice.call(endpoints::me());
        alice.auth.sessions()->finishPendingWork();
        return r.json();
    }

    int deletesOf(qint64 id)
    {
        return m_api.stats()
            .value("by_method_path")
            .toObject()
            .value(QStringLiteral("DELETE /videos/%1").arg(id))
            .toInt();
    }

    /// True once \a process has ended (waitForFinished() alone is false when it already has).
    static bool hasFinished(QProcess &process, int timeoutMs = 10'000)
    {
        return process.state() == QProcess::NotRunning || process.waitForFinished(timeoutMs);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QFile::exists(appProgram()));
        QVERIFY(!driverProgram().isEmpty());
        QProcessEnvironment env;
        env.insert("PROVIDER_ACCESS_TTL", "4"); // refreshes come quickly
        QVERIFY(m_provider.start(env));
        QVERIFY(m_api.start(m_provider.issuer()));
        m_profile = freshProfile("shutdown");
        m_cli.configure(m_provider.issuer(), m_api.url(), m_profile);
        const CliRun login = m_cli.run({"login"}, {}, 90'000);
        QVERIFY2(login.code == 0, login.describe().constData());
        // The app's own directories (QStandardPaths under this test's private HOME).
        QCoreApplication::setOrganizationName("Clipshelf");
        QCoreApplication::setApplicationName("Clipshelf");
    }

    void sigintDuringLoginStoresNothing()
    {
        CliRunner bob;
        bob.configure(m_provider.issuer(), m_api.url(), freshProfile("shutdown-login"), "bob");
        QProcess cli;
        cli.setProcessEnvironment(bob.env);
        cli.start(bob.program, {"login", "--no-browser"});
        QByteArray printed;
        readUntil(cli, &printed, "/callback", false, 20'000);
        QString url;
        for (const QByteArray &line : printed.split('\n'))
            if (line.startsWith("http"))
                url = QString::fromUtf8(line.trimmed());
        QVERIFY2(!url.isEmpty(), printed.constData());
        const QUrl redirect(
            QUrlQuery(QUrl(url)).queryItemValue("redirect_uri", QUrl::FullyDecoded));
        QVERIFY(redirect.port() > 0);

        ::kill(pid_t(cli.processId()), SIGINT);
        QVERIFY(hasFinished(cli));
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 130);
        const QByteArray err = cli.readAllStandardError();
        QCOMPARE(err.count('\n'), 1);
        QVERIFY2(err.contains("nothing was stored"), err.constData());

        QTcpSocket socket; // the listener is closed
        socket.connectToHost(QHostAddress::LocalHost, quint16(redirect.port()));
        QVERIFY(!socket.waitForConnected(2'000));
        const CliRun status = bob.run({"status", "--json"});
        QCOMPARE(status.json().value("signed_in").toBool(), false);
    }

    void sigtermKeepsADeleteInItsUndoWindow()
    {
        QTemporaryDir dataDir;
        const QStringList common{"--issuer",  m_provider.issuer(), "--api-url",  m_api.url(),
                                 "--profile", m_profile,           "--data-dir", dataDir.path()};
        // A video on the server, added through the driver.
        QProcess add;
        QByteArray out;
        add.setProgram(driverProgram());
        add.setArguments(common + QStringList{"--add", "https://youtu.be/sigterm0001",
                                              "--until-synced", "--handle-signals"});
        add.start();
        readUntil(add, &out, "\"synced\":true");
        QVERIFY2(out.contains("\"synced\":true"), out.constData());
        QVERIFY(hasFinished(add));

        // Deleted, and the app ended by SIGTERM inside the undo window.
        QProcess driver;
        driver.setProgram(driverProgram());
        driver.setArguments(common + QStringList{"--delete", "sigterm0001", "--handle-signals"});
        driver.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        driver.start();
        out.clear();
        readUntil(driver, &out, "deleteScheduled");
        const qint64 id = QJsonDocument::fromJson(
                              out.mid(out.indexOf("{\"deleteScheduled\"")).split('\n').constFirst())
                              .object()
                              .value("deleteScheduled")
                              .toInteger();
        QVERIFY2(id > 0, out.constData());
        QElapsedTimer clock;
        clock.start();
        driver.terminate(); // SIGTERM
        QVERIFY(hasFinished(driver));
        QCOMPARE(driver.exitStatus(), QProcess::NormalExit);
        QCOMPARE(driver.exitCode(), 0);
        qInfo("the driver exited %lld ms after SIGTERM", clock.elapsed());
        QCOMPARE(deletesOf(id), 0); // not sent in a hurry

        // The next start says it recovered the change and sends it, once.
        QProcess next;
        next.setProgram(driverProgram());
        next.setArguments(common + QStringList{"--until-synced", "--handle-signals"});
        next.start();
        out.clear();
        readUntil(next, &out, "\"synced\":true");
        QVERIFY2(out.contains("{\"recovered\":1}"), out.constData());
        QVERIFY2(out.contains("\"synced\":true"), out.constData());
        QVERIFY(hasFinished(next));
        QVERIFY2(deletesOf(id) == 1, out + QJsonDocument(m_api.stats()).toJson());

        QProcess third;
        third.setProgram(driverProgram());
        third.setArguments(common + QStringList{"--until-synced", "--handle-signals"});
        third.start();
        out.clear();
        readUntil(third, &out, "\"synced\":true");
        QVERIFY2(!out.contains("recovered"), out.constData());
        QVERIFY(hasFinished(third));
        QCOMPARE(deletesOf(id), 1);
    }

    void sigtermDuringAnAvatarUploadLeavesNoPartialState()
    {
        QTemporaryDir dataDir;
        const QString picture = dataDir.filePath("picture.png");
        QImage image(64, 64, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QVERIFY(image.save(picture));
        const QStringList common{
            "--issuer",  m_provider.issuer(), "--api-url",  m_api.url(),
            "--profile", m_profile,           "--data-dir", dataDir.path() + "/app"};
        auto puts = [this] {
            return m_api.stats().value("by_method_path").toObject().value("PUT /me/avatar").toInt();
        };
        const int putsBefore = puts();
        // The upload reaches the server, which holds it without an answer; then SIGTERM.
        m_api.addFault(
            {{"path_prefix", "/me/avatar"}, {"method", "PUT"}, {"action", "stall"}, {"count", 1}});
        QProcess driver;
        driver.setProgram(driverProgram());
        driver.setArguments(common + QStringList{"--avatar", picture, "--handle-signals"});
        driver.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        driver.start();
        QByteArray out;
        readUntil(driver, &out, "avatarQueued");
        QVERIFY2(out.contains("\"avatarQueued\":true"), out.constData());
        QVERIFY(QTest::qWaitFor([&] { return puts() == putsBefore + 1; }, 20'000));
        driver.terminate();
        QVERIFY(hasFinished(driver));
        QCOMPARE(driver.exitStatus(), QProcess::NormalExit);
        QCOMPARE(driver.exitCode(), 0);
        m_api.clearFaults(); // the stall is over (and the request counters start again from 0)
        // Nothing half-done: no picture on the server yet, the whole upload waits in the outbox.
        const QJsonObject before = serverMe();
        QVERIFY(before.contains("sub"));
        QVERIFY(!before.value("avatar_url").isString());
        {
            Outbox outbox(dataDir.path() + "/app/data");
            QVERIFY(outbox.open());
            QCOMPARE(outbox.entries().size(), 1);
            QCOMPARE(outbox.entries().constFirst().kind, OutboxEntry::PutAvatar);
            QVERIFY(!outbox.entries().constFirst().blob.isEmpty());
        }
        // The next start sends it, complete, once.
        QProcess next;
        next.setProgram(driverProgram());
        next.setArguments(common + QStringList{"--until-synced", "--handle-signals"});
        next.start();
        out.clear();
        readUntil(next, &out, "\"synced\":true");
        QVERIFY2(out.contains("{\"recovered\":1}") && out.contains("\"synced\":true"),
                 out.constData());
        QVERIFY(hasFinished(next));
        QCOMPARE(puts(), 1);
        const QJsonObject after = serverMe();
        QVERIFY2(after.value("avatar_url").isString(), QJsonDocument(after).toJson().constData());
    }

    void appExitsZeroOnSigtermQuickly()
    {
        QProcess app;
        startApp(app);
        QByteArray err;
        readUntil(app, &err, "Library: showing the library", true);
        QVERIFY2(app.state() == QProcess::Running, err.constData());
        QElapsedTimer clock;
        clock.start();
        app.terminate();
        QVERIFY(hasFinished(app));
        const qint64 ms = clock.elapsed();
        err += app.readAllStandardError();
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QVERIFY2(app.exitCode() == 0, err.right(2000).constData());
        qInfo("clipshelf exited with 0, %lld ms after SIGTERM", ms);
        QVERIFY2(ms < 2'000, qPrintable(QString::number(ms)));
    }

    void sigtermDuringARefreshKeepsTheSession()
    {
        m_provider.call("POST", "/__test/reset-stats");
        m_provider.call("POST", "/__test/stall-next?endpoint=token&count=1");
        QProcess app;
        startApp(app);
        QVERIFY(QTest::qWaitFor([&] { return m_provider.stat("stalled_requests") == 1; }, 30'000));
        app.terminate(); // the refresh is on the wire
        QVERIFY(app.waitForFinished(15'000));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);
        // The next start is signed in and refreshes without tripping reuse detection.
        const CliRun r = m_cli.run({"tags", "--json"});
        QVERIFY2(r.code == 0, r.describe().constData());
        QCOMPARE(m_provider.stat("refresh_failures"), 0);
        QCOMPARE(m_provider.stat("revocations"), 0);
    }

    void sigtermWhileARotatedTokenIsOnTheWireStoresIt()
    {
        // The provider has already rotated the refresh token; its answer trickles in
        // (one byte a millisecond, about two seconds). Quitting now must wait for it and
        // store the new refresh token, or the next start presents the old one and the
        // provider's reuse detection revokes the whole grant.
        m_provider.call("POST", "/__test/reset-stats");
        m_provider.call("POST", "/__test/misbehave?endpoint=token&mode=drip%3D1&count=1");
        QProcess app;
        startApp(app);
        QVERIFY(QTest::qWaitFor([&] { return m_provider.stat("misbehaved") == 1; }, 30'000));
        app.terminate();
        QVERIFY(hasFinished(app, 15'000));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);
        const QByteArray err = app.readAllStandardError();
        QVERIFY2(!err.contains("could not finish updating your sign-in"),
                 err.right(2000).constData());
        const int grantsByTheApp = m_provider.stat("refresh_grants");
        QVERIFY(grantsByTheApp >= 1);
        // The next process refreshes with what the app stored (the access token lives 4 s).
        QVERIFY(QTest::qWaitFor(
            [&] {
                const CliRun r = m_cli.run({"tags", "--json"});
                return r.code == 0 && m_provider.stat("refresh_grants") > grantsByTheApp;
            },
            30'000));
        QCOMPARE(m_provider.stat("refresh_failures"), 0);
        QCOMPARE(m_provider.stat("revocations"), 0);
    }

    void secondSigtermExitsAtOnce()
    {
        m_provider.call("POST", "/__test/reset-stats");
        m_provider.call("POST", "/__test/stall-next?endpoint=token&count=1");
        QProcess app;
        startApp(app);
        QVERIFY(QTest::qWaitFor([&] { return m_provider.stat("stalled_requests") == 1; }, 30'000));
        app.terminate();
        QByteArray err;
        readUntil(app, &err, "Waiting for the session refresh", true, 10'000);
        QVERIFY2(err.contains("Waiting for the session refresh"), err.right(2000).constData());
        QElapsedTimer clock;
        clock.start();
        app.terminate(); // the second one: at once
        QVERIFY(hasFinished(app));
        QVERIFY2(clock.elapsed() < 1'000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 143);
        // Nothing corrupted: the outbox opens, the session still works.
        Outbox outbox(Outbox::defaultDirectory(m_profile));
        QString error;
        QVERIFY2(outbox.open(&error), qPrintable(error));
        const CliRun r = m_cli.run({"tags", "--json"});
        QVERIFY2(r.code == 0, r.describe().constData());
        QCOMPARE(m_provider.stat("revocations"), 0);
    }
};

QTEST_MAIN(TestShutdown)
#include "tst_shutdown.moc"
