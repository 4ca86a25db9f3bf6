// Issue 13 end to end: `clipshelf-cli login` against the local provider while it
// answers wrongly on purpose (POST /__test/misbehave, tests/stack/provider).
// Chromium signs in as Alice; each bad answer must be refused with one clear
// sentence, and nothing may be stored (`status` then exits 3).
#include "tst_cli_process.h"

#include <QProcess>
#include <QTest>
#include <QUrlQuery>

using namespace clipshelf;
using namespace clipshelf::test;

class TestCliHostileProvider : public QObject
{
    Q_OBJECT

    TestProvider m_provider;
    CliRunner m_cli;

    /// Arms one misbehaviour (one answer) at the provider.
    void misbehave(const QString &endpoint, const QString &mode)
    {
        QUrlQuery q;
        q.addQueryItem("endpoint", endpoint);
        q.addQueryItem("mode", QString::fromUtf8(QUrl::toPercentEncoding(mode)));
        const QByteArray answer =
            m_provider.call("POST", "/__test/misbehave?" + q.query(QUrl::FullyEncoded));
        QVERIFY2(answer.contains("\"ok\":true"), answer.constData());
    }

    /// Runs `login` with a fresh profile; afterwards, nothing may be stored.
    CliRun loginRefused()
    {
        m_cli.env.insert("CLIPSHELF_PROFILE", freshProfile("hostile"));
        const CliRun r = m_cli.run({"login"}, {}, 90'000);
        const CliRun status = m_cli.run({"status"});
        if (status.code != 3)
            QTest::qFail(("stored after a refused sign-in: " + status.describe()).constData(),
                         __FILE__, __LINE__);
        return r;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(m_cli.program), qPrintable(m_cli.program + " is not built"));
        QVERIFY(m_provider.start());
        m_cli.configure(m_provider.issuer(), QString(), freshProfile("hostile"));
        m_cli.forbidden << "X-Injected";
    }

    void init() { m_provider.call("POST", "/__test/reset-stats"); }

    // Item 1: CR LF in the access token could inject headers into userinfo and API requests.
    void accessTokenWithCrLfIsRefused()
    {
        misbehave("token", "crlf-access-token");
        const CliRun r = loginRefused();
        QCOMPARE(r.code, 5); // an answer the CLI cannot use: the provider's fault (docs/cli.md)
        QVERIFY2(r.err.contains("characters that are not allowed"), qPrintable(r.describe()));
        QCOMPARE(m_provider.stat("userinfo"), 0); // the token never went into a header
    }

    // Item 1: a code with CR LF in the callback.
    void codeWithCrLfIsRefused()
    {
        misbehave("authorization", "crlf-code");
        const CliRun r = loginRefused();
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("not allowed"), qPrintable(r.describe()));
        QCOMPARE(m_provider.stat("token_requests"), 0);
    }

    // Item 2: /callback?code=A&code=B: refused like a wrong state; the CLI keeps waiting.
    void duplicatedCodeIsRefusedAndTheCliKeepsWaiting()
    {
        misbehave("authorization", "duplicate-code");
        QProcess cli;
        QProcessEnvironment env = m_cli.env;
        env.insert("CLIPSHELF_PROFILE", freshProfile("hostile"));
        cli.setProcessEnvironment(env);
        cli.start(m_cli.program, {"login"});
        QVERIFY(cli.waitForStarted(10'000));
        // The browser reached the callback (the misbehaviour was used) and went away.
        QTRY_VERIFY_WITH_TIMEOUT(m_provider.stat("misbehaved") == 1, 60'000);
        QVERIFY(!cli.waitForFinished(5'000)); // still waiting for a valid callback
        QCOMPARE(m_provider.stat("token_requests"), 0);
        cli.kill();
        cli.waitForFinished(5'000);
        m_cli.checkNoSecrets(cli.readAllStandardOutput() + cli.readAllStandardError());
    }

    // Item 3: expires_in that is not a non-negative whole number.
    void badExpiresInIsRefused_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("negative") << "-1";
        QTest::newRow("word") << "\"soon\"";
        QTest::newRow("with unit") << "\"3600s\"";
        QTest::newRow("fraction") << "1.5";
        QTest::newRow("huge") << "1e300";
    }
    void badExpiresInIsRefused()
    {
        QFETCH(QString, value);
        misbehave("token", "expires-in=" + value);
        const CliRun r = loginRefused();
        QCOMPARE(r.code, 5); // an answer the CLI cannot use: the provider's fault (docs/cli.md)
        QVERIFY2(r.err.contains("expires_in"), qPrintable(r.describe()));
    }

    // Item 4: a token over 16 KiB, and a token answer over 64 KiB.
    void hugeAccessTokenIsRefused()
    {
        misbehave("token", "huge-access-token=20000");
        const CliRun r = loginRefused();
        QCOMPARE(r.code, 5); // an answer the CLI cannot use: the provider's fault (docs/cli.md)
        QVERIFY2(r.err.contains("larger than 16 KiB"), qPrintable(r.describe()));
    }

    void hugeTokenAnswerIsRefused()
    {
        misbehave("token", "huge-body=10485760");
        const CliRun r = loginRefused();
        QCOMPARE(r.code, 5); // an answer the CLI cannot use: the provider's fault (docs/cli.md)
        QVERIFY2(r.err.contains("larger than 64 KiB"), qPrintable(r.describe()));
    }

    void hugeDiscoveryDocumentIsRefused()
    {
        misbehave("discovery", "huge-body=1048576");
        const CliRun r = loginRefused();
        QVERIFY2(r.code != 0 && r.err.contains("larger than 256 KiB"), qPrintable(r.describe()));
    }

    // Item 5: a plain-http endpoint in discovery, an http issuer or API URL elsewhere.
    void plainHttpEndpointIsRefused()
    {
        misbehave("discovery", "plain-http-endpoint=token_endpoint");
        const CliRun r = loginRefused();
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("token_endpoint") && r.err.contains("plain http"),
                 qPrintable(r.describe()));
        QCOMPARE(m_provider.stat("authorization_requests"), 0);
    }

    void plainHttpIssuerOrApiUrlIsRefused_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::newRow("issuer") << "CLIPSHELF_ISSUER"
                                << "http://id.example.com";
        QTest::newRow("api-url") << "CLIPSHELF_API_URL"
                                 << "http://api.example.com/api/v1";
    }
    void plainHttpIssuerOrApiUrlIsRefused()
    {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QProcessEnvironment env;
        env.insert(variable, value);
        const CliRun login = m_cli.run({"login"}, env);
        QCOMPARE(login.code, 2);
        QVERIFY2(login.err.contains("plain http") &&
                     login.err.contains("environment " + variable.toUtf8()),
                 qPrintable(login.describe()));
        // doctor reports it as a failed check, with the fix.
        const CliRun doctor = m_cli.run({"doctor", "--json"}, env, 60'000);
        QCOMPARE(doctor.code, 1);
        const QJsonObject check = checksById(doctor).value("config");
        QCOMPARE(check.value("status").toString(), QString("fail"));
        QVERIFY2(check.value("summary").toString().contains("plain http"),
                 qPrintable(doctor.describe()));
        QVERIFY2(check.value("fix").toString().contains("https"), qPrintable(doctor.describe()));
    }

    // Item 10: error_description=The+user+cancelled is shown as "The user cancelled".
    void providerTextIsDecoded()
    {
        misbehave("authorization", "error-description=The user cancelled\r\nat the provider");
        const CliRun r = loginRefused();
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("The user cancelled at the provider"), qPrintable(r.describe()));
        QVERIFY2(!r.err.contains('+'), qPrintable(r.describe()));
        // One line, control characters gone. (The browser driver shares stderr and may print
        // its own line last, so the CLI's line is found by what it says, not by its place.)
        QList<QByteArray> lines;
        for (const QByteArray &line : r.err.split('\n'))
            if (line.contains("The user cancelled"))
                lines << line;
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith("clipshelf-cli: ") &&
                     lines.first().contains("The user cancelled at the provider"),
                 qPrintable(r.describe()));
        QVERIFY(!r.err.contains('\r'));
    }
};

QTEST_GUILESS_MAIN(TestCliHostileProvider)
#include "tst_cli_hostile_provider.moc"
