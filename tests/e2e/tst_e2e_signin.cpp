// End to end: the real provider (oidc-provider), the real browser (chromium
// driven by playwright-core through --browser) and the real keychain
// (gnome-keyring's Secret Service, started by with-secret-service.sh).
#include "auth/authcontroller.h"
#include "auth/sessionvault.h"
#include "localstack.h"
#include "storage/keychainsecretstore.h"

#include <qt6keychain/keychain.h>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

namespace {

constexpr int kBrowserTimeoutMs = 90'000;

QString browserCommand(const QString &user, const QString &extra = {})
{
    return testBrowserCommand(user,
                              QStringLiteral("--expect-text \"Signed in to Clipshelf\" ") + extra);
}

/// Reads the raw keychain entry the vault uses; returns the qtkeychain error code.
int keychainEntryStatus(const QString &profile)
{
    QKeychain::ReadPasswordJob job(SessionVault::serviceName(profile));
    job.setAutoDelete(false);
    job.setKey(QStringLiteral("session"));
    QSignalSpy done(&job, &QKeychain::Job::finished);
    job.start();
    done.wait(10'000);
    return int(job.error());
}

} // namespace

class TestE2eSignIn : public QObject
{
    Q_OBJECT

    TestProvider m_provider;
    QNetworkAccessManager m_nam;

    Config configFor(const QString &profile, const QString &browser)
    {
        Config c = stackConfig(m_provider.issuer(), {}, profile);
        c.set(Config::Key::Browser, browser, "test");
        return c;
    }

private slots:
    void initTestCase() { QVERIFY(m_provider.start()); }
    void cleanupTestCase() { m_provider.stop(); }

    void signInRestoreAndSignOut()
    {
        const QString profile = freshProfile("e2e");
        KeychainSecretStore store(SessionVault::serviceName(profile));

        // 1. Sign in through the browser; the loopback redirect completes it.
        {
            AuthController auth(configFor(profile, browserCommand("alice")), &store, &m_nam);
            QSignalSpy restored(&auth, &AuthController::restoreFinished);
            auth.restore();
            QVERIFY(restored.wait(10'000));
            QCOMPARE(auth.state(), AuthController::SignedOut);
            auth.signIn();
            QTRY_COMPARE_WITH_TIMEOUT(auth.state(), AuthController::SignedIn, kBrowserTimeoutMs);
            QCOMPARE(auth.errorMessage(), QString());
            QCOMPARE(auth.userName(), QString("Alice Liddell"));
            QCOMPARE(auth.email(), QString("alice@example.com"));
            QVERIFY(auth.session().hasRefreshToken());
            QVERIFY(!auth.isSessionInMemoryOnly());
            QCOMPARE(auth.keychainWarning(), QString());
        }
        QCOMPARE(keychainEntryStatus(profile), int(QKeychain::NoError));
        const int authorizations = m_provider.stat("authorization_requests");
        const int tokenRequests = m_provider.stat("token_requests");
        QCOMPARE(m_provider.stat("authorization_code_grants"), 1);

        // 2. A second run restores the session from the keychain, without any browser.
        AuthController again(configFor(profile, "/bin/false"), &store, &m_nam);
        QSignalSpy restored(&again, &AuthController::restoreFinished);
        again.restore();
        QVERIFY(restored.wait(10'000));
        QCOMPARE(again.state(), AuthController::SignedIn);
        QCOMPARE(again.userName(), QString("Alice Liddell"));
        QCOMPARE(m_provider.stat("authorization_requests"), authorizations);
        QCOMPARE(m_provider.stat("token_requests"), tokenRequests);

        // 3. Sign out: the keychain entry goes, the refresh token is revoked at the provider.
        const int revocations = m_provider.stat("revocations");
        QSignalSpy signedOut(&again, &AuthController::signOutFinished);
        again.signOut();
        QVERIFY(signedOut.wait(20'000));
        QCOMPARE(again.state(), AuthController::SignedOut);
        QCOMPARE(keychainEntryStatus(profile), int(QKeychain::EntryNotFound));
        QCOMPARE(m_provider.stat("revocations"), revocations + 1);
    }

    void cancelAtTheProviderEndsTheAttempt()
    {
        const QString profile = freshProfile("e2e");
        KeychainSecretStore store(SessionVault::serviceName(profile));
        AuthController auth(configFor(profile, browserCommand("alice", "--cancel")), &store,
                            &m_nam);
        auth.signIn();
        QTRY_COMPARE_WITH_TIMEOUT(auth.state(), AuthController::WaitingForBrowser, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(auth.state(), AuthController::SignedOut, kBrowserTimeoutMs);
        QVERIFY2(auth.errorMessage().contains("cancelled or denied"),
                 qPrintable(auth.errorMessage()));
        QCOMPARE(keychainEntryStatus(profile), int(QKeychain::EntryNotFound));
    }

    void cliLoginStatusWhoamiLogout()
    {
        const QString cli = testEnv("CLIPSHELF_BINARY_DIR") + "/app/clipshelf-cli";
        const QString profile = freshProfile("e2e");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("CLIPSHELF_ISSUER", m_provider.issuer());
        env.insert("CLIPSHELF_CLIENT_ID", "clipshelf-desktop");
        env.insert("CLIPSHELF_RESOURCE", "urn:clipshelf:api");
        env.insert("CLIPSHELF_PROFILE", profile);
        env.insert("CLIPSHELF_BROWSER", browserCommand("bob"));
        auto run = [&](const QStringList &args, int *code) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(cli, args);
            const bool finished = p.waitForFinished(kBrowserTimeoutMs);
            *code = finished ? p.exitCode() : -1;
            const QByteArray out = p.readAllStandardOutput();
            const QByteArray err = p.readAllStandardError();
            if (out.contains("eyJ") || err.contains("eyJ"))
                qFatal("a token was printed");
            return out;
        };
        int code = 0;
        QByteArray out = run({"login"}, &code);
        QCOMPARE(code, 0);
        QVERIFY2(out.contains("Signed in as Bob Builder <bob@example.com>"), out.constData());

        out = run({"status", "--json"}, &code);
        QCOMPARE(code, 0);
        const QJsonObject status = QJsonDocument::fromJson(out).object();
        QCOMPARE(status.value("signed_in").toBool(), true);
        QCOMPARE(status.value("refresh_token_present").toBool(), true);
        QCOMPARE(status.value("session_storage").toString(), QString("keychain"));
        QCOMPARE(status.value("user").toObject().value("sub").toString(), QString("user_bob"));

        out = run({"whoami", "--json"}, &code);
        QCOMPARE(code, 0);
        QCOMPARE(QJsonDocument::fromJson(out).object().value("email").toString(),
                 QString("bob@example.com"));

        out = run({"logout"}, &code);
        QCOMPARE(code, 0);
        QVERIFY(out.contains("Signed out."));
        run({"status"}, &code);
        QCOMPARE(code, 3);
        run({"whoami"}, &code);
        QCOMPARE(code, 3);
    }
};

QTEST_GUILESS_MAIN(TestE2eSignIn)
#include "tst_e2e_signin.moc"
