// clipshelf-cli against the real local stack when things go wrong (issue 13):
// what a failed sign-in or an ended session leaves in the keychain (nothing),
// the exit code of each failure path (docs/cli.md), a browser that cannot be
// opened, a provider that grants no refresh token, and signing out at the
// provider. The provider issues 5-second access tokens, so refreshes happen
// within the test; its test hooks make it misbehave on request.
#include "auth/sessionvault.h"
#include "storage/keychainsecretstore.h"
#include "tst_cli_process.h"

#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QUrlQuery>

using namespace clipshelf;
using namespace clipshelf::test;

namespace {

constexpr int kAccessTtlSeconds = 5;

/// The session that clipshelf-cli stored for \a profile, read from the keychain.
Session storedSession(const QString &profile)
{
    KeychainSecretStore store(SessionVault::serviceName(profile));
    SessionVault vault(&store);
    Session session;
    bool done = false;
    vault.load([&](const SecretResult &, const Session &s) {
        session = s;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10'000))
        qWarning("the keychain did not answer");
    return session;
}

/// Waits until clipshelf-cli can no longer use \a session's access token (it must refresh).
bool waitUntilExpired(const Session &session)
{
    return QTest::qWaitFor(
        [&] { return QDateTime::currentDateTimeUtc() > session.accessTokenExpiry; },
        (kAccessTtlSeconds + 5) * 1000);
}

/// Reads \a cli's stdout until a line starting with http appears; returns it ("" on timeout).
QString waitForLink(QProcess &cli, QByteArray *printed, int timeoutMs)
{
    QString url;
    (void)QTest::qWaitFor(
        [&] {
            *printed += cli.readAllStandardOutput();
            for (const QByteArray &line : printed->split('\n')) {
                if (line.startsWith("http") && printed->endsWith('\n'))
                    url = QString::fromUtf8(line.trimmed());
            }
            return !url.isEmpty() || cli.state() == QProcess::NotRunning;
        },
        timeoutMs);
    return url;
}

/// True once \a process has exited (waitForFinished() alone says false for one that already has).
bool hasExited(QProcess &process, int timeoutMs)
{
    return process.state() == QProcess::NotRunning || process.waitForFinished(timeoutMs);
}

} // namespace

class TestCliLifecycle : public QObject
{
    Q_OBJECT

    QTemporaryDir m_providerState;
    QTemporaryDir m_dir;
    TestProvider m_provider;
    TestApiServer m_api;
    CliRunner m_cli; ///< alice, on a profile that stays signed in between the tests
    QString m_profile = freshProfile("cli-life");

    QProcessEnvironment providerEnv() const
    {
        QProcessEnvironment env;
        env.insert("PROVIDER_ACCESS_TTL", QString::number(kAccessTtlSeconds));
        env.insert("PROVIDER_STATE_DIR", m_providerState.path());
        return env;
    }
    /// A runner like m_cli on a fresh profile of its own.
    CliRunner freshRunner(const QString &prefix, const QString &user = QStringLiteral("alice"))
    {
        CliRunner runner;
        runner.configure(m_provider.issuer(), m_api.url(), freshProfile(prefix), user);
        return runner;
    }
    void hook(const QString &pathAndQuery)
    {
        QVERIFY(m_provider.call("POST", pathAndQuery).contains("\"ok\":true"));
    }

private slots:
    void initTestCase();
    void signInStoppedForAnotherAccountLeavesNothingStored();
    void signInFailuresExitWithTheirCodes();
    void browserThatCannotStartIsReportedAtOnce();
    void browserCommandThatFailsIsReportedAtOnce();
    void signIn();
    void providerServerErrorDuringRefreshExitsWith5();
    void serverErrorSayingInvalidGrantKeepsTheSession();
    void providerDownDuringRefreshExitsWith4();
    void sessionEndedByTheProviderIsRemovedFromTheKeychain();
    void signInWithoutRefreshTokenSaysSo();
    void logoutForgetSignsOutAtTheProvider();
};

void TestCliLifecycle::initTestCase()
{
    QVERIFY2(QFile::exists(m_cli.program), qPrintable(m_cli.program + " is not built"));
    QVERIFY(m_providerState.isValid());
    QVERIFY(m_provider.start(providerEnv()));
    QVERIFY(m_api.start(m_provider.issuer(), QStringLiteral("/api/v1"), {"--leeway", "1"}));
    m_cli.configure(m_provider.issuer(), m_api.url(), m_profile, "alice");
}

// Item 7: userinfo answers (a second late) for another account: the sign-in stops,
// and the tokens it had already begun to store are gone before the CLI exits.
void TestCliLifecycle::signInStoppedForAnotherAccountLeavesNothingStored()
{
    CliRunner runner = freshRunner("cli-mallory");
    hook("/__test/userinfo-mode?mode=other-sub&delay_ms=1000&count=1");
    const CliRun r = runner.run({"login"}, {}, 90'000);
    QVERIFY2(r.code == 1, qPrintable(r.describe()));
    QVERIFY2(r.err.contains("Sign-in stopped for your safety"), qPrintable(r.describe()));
    const QString profile = runner.env.value("CLIPSHELF_PROFILE");
    QVERIFY(!storedSession(profile).isValid());
    const CliRun status = runner.run({"status"});
    QVERIFY2(status.code == 3, qPrintable(status.describe()));
}

// Item 11: a failed sign-in exits 4 when the provider cannot be reached, 5 when it
// answers with a server error, 1 when it refuses, 2 when the configuration is incomplete.
void TestCliLifecycle::signInFailuresExitWithTheirCodes()
{
    CliRunner runner = freshRunner("cli-signin-codes");

    hook("/__test/fail-next?endpoint=discovery&status=503&count=1");
    CliRun r = runner.run({"login"});
    QVERIFY2(r.code == 5, qPrintable("discovery 503: " + r.describe()));

    hook("/__test/fail-next?endpoint=token&status=500&count=1");
    r = runner.run({"login"}, {}, 90'000);
    QVERIFY2(r.code == 5, qPrintable("token endpoint 500: " + r.describe()));

    QProcessEnvironment cancel;
    cancel.insert("CLIPSHELF_BROWSER", testBrowserCommand("alice", "--cancel"));
    r = runner.run({"login"}, cancel, 90'000);
    QVERIFY2(r.code == 1, qPrintable("cancelled at the provider: " + r.describe()));

    QProcessEnvironment down;
    down.insert("CLIPSHELF_ISSUER", "http://127.0.0.1:1");
    r = runner.run({"login"}, down);
    QVERIFY2(r.code == 4, qPrintable("provider down: " + r.describe()));

    QProcessEnvironment noClient;
    noClient.insert("CLIPSHELF_CLIENT_ID", "");
    r = runner.run({"login"}, noClient);
    QVERIFY2(r.code == 2, qPrintable("no client id: " + r.describe()));
    QProcessEnvironment noApi;
    noApi.insert("CLIPSHELF_API_URL", "");
    r = runner.run({"tags"}, noApi);
    QVERIFY2(r.code == 2, qPrintable("no API URL: " + r.describe()));

    QCOMPARE(runner.run({"status"}).code, 3);
}

// Item 9: a browser that cannot start is reported at once, with the link to open by hand;
// opening it finishes the sign-in.
void TestCliLifecycle::browserThatCannotStartIsReportedAtOnce()
{
    CliRunner runner = freshRunner("cli-nobrowser");
    QProcess cli;
    cli.setProcessEnvironment(runner.env);
    QElapsedTimer timer;
    timer.start();
    cli.start(runner.program, {"login", "--browser", "/nonexistent/browser"});
    QByteArray printed;
    const QString url = waitForLink(cli, &printed, 10'000);
    QVERIFY2(!url.isEmpty(), printed.constData());
    QVERIFY(timer.elapsed() < 10'000);
    QByteArray err;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     err += cli.readAllStandardError();
                     return err.contains("could not be opened");
                 },
                 5000),
             err.constData());
    QVERIFY2(err.contains("/nonexistent/browser"), err.constData());
    QVERIFY2(!err.contains("Finish signing in in your browser"), err.constData());

    QProcess browser;
    QStringList command = QProcess::splitCommand(testBrowserCommand("alice"));
    browser.start(command.takeFirst(), command << url);
    QVERIFY(hasExited(browser, 60'000));
    QVERIFY(hasExited(cli, 20'000));
    printed += cli.readAllStandardOutput();
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(printed.contains("Signed in as Alice Liddell"), printed.constData());
    QCOMPARE(runner.run({"logout"}).code, 0);
}

// Item 9: the same for a browser command that starts but exits with an error.
void TestCliLifecycle::browserCommandThatFailsIsReportedAtOnce()
{
    CliRunner runner = freshRunner("cli-badbrowser");
    QProcess cli;
    cli.setProcessEnvironment(runner.env);
    cli.start(runner.program, {"login", "--browser", "sh -c \"exit 3\""});
    QByteArray printed;
    const QString url = waitForLink(cli, &printed, 10'000);
    QVERIFY2(!url.isEmpty(), printed.constData());
    QVERIFY(url.startsWith(m_provider.issuer()));
    QByteArray err;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     err += cli.readAllStandardError();
                     return err.contains("could not be opened");
                 },
                 5000),
             err.constData());
    cli.kill();
    cli.waitForFinished(5000);
}

void TestCliLifecycle::signIn()
{
    const CliRun r = m_cli.run({"login"}, {}, 90'000);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    const Session s = storedSession(m_profile);
    QVERIFY(s.isValid() && s.hasRefreshToken());
    m_cli.forbidden << s.accessToken.toUtf8() << s.refreshToken.toUtf8() << s.idToken.toUtf8();
}

// Item 11: the provider's 5xx during a refresh is a server error (5), not "unreachable" (4).
void TestCliLifecycle::providerServerErrorDuringRefreshExitsWith5()
{
    QVERIFY(waitUntilExpired(storedSession(m_profile)));
    hook("/__test/fail-next?endpoint=token&status=500&count=1");
    const CliRun r = m_cli.run({"tags"});
    QVERIFY2(r.code == 5, qPrintable(r.describe()));
    QCOMPARE(m_cli.run({"status"}).code, 0);
}

// Item 19: a 5xx whose body says invalid_grant is the provider's trouble: the session stays.
void TestCliLifecycle::serverErrorSayingInvalidGrantKeepsTheSession()
{
    QVERIFY(waitUntilExpired(storedSession(m_profile)));
    hook("/__test/fail-next?endpoint=token&status=503&error=invalid_grant&count=1");
    CliRun r = m_cli.run({"tags"});
    QVERIFY2(r.code == 5, qPrintable(r.describe()));
    QCOMPARE(m_cli.run({"status"}).code, 0);
    // And it still works once the provider is well again.
    r = m_cli.run({"tags"});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
}

// Item 11: the provider down during a refresh: unreachable (4), still signed in.
void TestCliLifecycle::providerDownDuringRefreshExitsWith4()
{
    QVERIFY(waitUntilExpired(storedSession(m_profile)));
    const int port = m_provider.port();
    m_provider.stop();
    const CliRun r = m_cli.run({"tags"});
    QVERIFY(m_provider.start(providerEnv(), port));
    QVERIFY2(r.code == 4, qPrintable(r.describe()));
    QCOMPARE(m_cli.run({"status"}).code, 0);
}

// Item 7: a refresh answered invalid_grant ends the session and removes it from the
// keychain before the CLI exits: `status` then says not signed in.
void TestCliLifecycle::sessionEndedByTheProviderIsRemovedFromTheKeychain()
{
    QVERIFY(waitUntilExpired(storedSession(m_profile)));
    hook("/__test/fail-next?endpoint=token&status=400&error=invalid_grant&count=1");
    const CliRun r = m_cli.run({"tags"});
    QVERIFY2(r.code == 3, qPrintable(r.describe()));
    QVERIFY2(r.err.contains("Your session has ended"), qPrintable(r.describe()));
    QVERIFY(!storedSession(m_profile).isValid());
    const CliRun status = m_cli.run({"status"});
    QVERIFY2(status.code == 3, qPrintable(status.describe()));
}

// Item 20: a provider that grants no refresh token: login and doctor say when the
// session will end and what makes the provider grant one.
void TestCliLifecycle::signInWithoutRefreshTokenSaysSo()
{
    CliRunner runner = freshRunner("cli-norefresh");
    runner.env.insert("CLIPSHELF_SCOPES",
                      "openid profile email"); // no offline_access: no refresh token
    const CliRun r = runner.run({"login"}, {}, 90'000);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QVERIFY2(r.err.contains("You will need to sign in again in ") &&
                 r.err.contains("did not allow staying signed in"),
             qPrintable(r.describe()));
    QVERIFY(!storedSession(runner.env.value("CLIPSHELF_PROFILE")).hasRefreshToken());
    const CliRun doctor = runner.run({"doctor", "--json"});
    const QJsonObject check = checksById(doctor).value("session");
    QVERIFY2(check.value("status").toString() == "warn", qPrintable(doctor.describe()));
    QVERIFY2(check.value("summary").toString().contains("sign in again"),
             qPrintable(doctor.describe()));
    QVERIFY2(check.value("fix").toString().contains("offline_access") &&
                 check.value("fix").toString().contains("prompt=consent"),
             qPrintable(doctor.describe()));
    // Other commands do not repeat it.
    const CliRun status = runner.run({"status"});
    QCOMPARE(status.code, 0);
    QVERIFY2(status.err.isEmpty(), qPrintable(status.describe()));
}

// Item 21: logout --forget also ends the provider's session in the browser:
// end_session_endpoint with id_token_hint and a local post_logout_redirect_uri.
void TestCliLifecycle::logoutForgetSignsOutAtTheProvider()
{
    CliRunner runner = freshRunner("cli-forget");
    const QString profile = runner.env.value("CLIPSHELF_PROFILE");
    CliRun r = runner.run({"login"}, {}, 90'000);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    const Session session = storedSession(profile);
    QVERIFY(!session.idToken.isEmpty());
    runner.forbidden << session.idToken.toUtf8() << session.refreshToken.toUtf8();

    // The "browser" writes down the URL it is given.
    const QString urlFile = m_dir.filePath("signout-url.txt");
    const QString script = m_dir.filePath("browser.sh");
    QFile scriptFile(script);
    QVERIFY(scriptFile.open(QIODevice::WriteOnly));
    scriptFile.write(QStringLiteral("printf %s \"$1\" > '%1'\n").arg(urlFile).toUtf8());
    scriptFile.close();
    const int revocations = m_provider.stat("revocations");
    QProcess cli;
    QProcessEnvironment env = runner.env;
    env.insert("CLIPSHELF_BROWSER", QStringLiteral("sh %1").arg(script));
    cli.setProcessEnvironment(env);
    cli.start(runner.program, {"logout", "--forget"});
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(urlFile).size() > 0, 20'000);
    QFile urlText(urlFile);
    QVERIFY(urlText.open(QIODevice::ReadOnly));
    const QUrl url(QString::fromUtf8(urlText.readAll()));
    QCOMPARE(url.adjusted(QUrl::RemoveQuery).toString(), m_provider.issuer() + "/session/end");
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue("id_token_hint", QUrl::FullyDecoded), session.idToken);
    QCOMPARE(query.queryItemValue("client_id"), QString("clipshelf-desktop"));
    const QUrl landing(query.queryItemValue("post_logout_redirect_uri", QUrl::FullyDecoded));
    QCOMPARE(landing.host(), QString("127.0.0.1"));
    QCOMPARE(landing.path(), QString("/logout"));

    QNetworkAccessManager nam;
    QNetworkReply *page = nam.get(QNetworkRequest(url));
    QTRY_VERIFY_WITH_TIMEOUT(page->isFinished(), 10'000);
    const QByteArray html = page->readAll();
    // The provider accepts the request (hint and redirect): its sign-out form, not its error page.
    QVERIFY2(page->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200 &&
                 html.contains("/session/end/confirm"),
             html.right(1500).constData());
    page->deleteLater();

    // The browser comes back to the local page: the CLI says what it did and exits.
    QNetworkReply *back = nam.get(QNetworkRequest(landing));
    QTRY_VERIFY_WITH_TIMEOUT(back->isFinished(), 10'000);
    QCOMPARE(back->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    back->deleteLater();
    const bool exited = hasExited(cli, 10'000);
    const QByteArray out = cli.readAllStandardOutput();
    QVERIFY2(exited, out + cli.readAllStandardError());
    runner.checkNoSecrets(out + cli.readAllStandardError());
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(out.contains("Signed out.") && out.contains("opened") &&
                 out.contains("signed out of Clipshelf and of"),
             out.constData());
    QCOMPARE(m_provider.stat("revocations"), revocations + 1);
    QVERIFY(!storedSession(profile).isValid());
}

QTEST_GUILESS_MAIN(TestCliLifecycle)
#include "tst_cli_lifecycle.moc"
