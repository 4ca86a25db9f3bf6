// clipshelf-cli doctor against the real local stack (provider, reference API,
// gnome-keyring): healthy, an issuer mismatch, busy redirect ports, the API
// down and the provider down. Its report must stay valid JSON, come back
// within a few seconds and never show a secret.
#include "tst_cli_process.h"

#include <QJsonArray>
#include <QTcpServer>

using namespace clipshelf;
using namespace clipshelf::test;

namespace {

QString statusOf(const CliRun &r, const QString &id)
{
    return checksById(r).value(id).value("status").toString();
}

/// A loopback port on which nothing listens.
quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

} // namespace

class TestCliDoctor : public QObject, protected CliStackFixture
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        startStack("cli-doctor");
        m_cli.forbidden << "doctor-test-client-secret";
    }

    void healthy()
    {
        QProcessEnvironment withSecret;
        withSecret.insert("CLIPSHELF_CLIENT_SECRET", "doctor-test-client-secret");
        const CliRun r = m_cli.run({"doctor", "--json"}, withSecret);
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QVERIFY(r.isJsonObject());
        const auto checks = checksById(r);
        for (const char *id : {"config", "provider.discovery", "provider.issuer", "provider.pkce",
                               "provider.revocation", "redirect_ports", "keychain", "clock",
                               "api.health", "session", "versions", "proxy"}) {
            QVERIFY2(checks.contains(id), id);
            QVERIFY2(checks.value(id).value("status").toString() == "ok" ||
                         QLatin1String(id) == "session",
                     qPrintable(QString::fromLatin1(id) + ": " + r.describe()));
        }
        // Signed out is a warning with the way out, not a failure.
        QCOMPARE(checks.value("session").value("status").toString(), QString("warn"));
        QVERIFY(checks.value("session").value("fix").toString().contains("clipshelf-cli login"));
        QVERIFY(checks.value("keychain").value("summary").toString().contains("probe entry"));

        const QJsonObject config = r.json().value("config").toObject();
        QCOMPARE(config.value("client-secret").toObject().value("value").toString(),
                 QString("set"));
        QCOMPARE(config.value("issuer").toObject().value("value").toString(), m_provider.issuer());
        QCOMPARE(config.value("issuer").toObject().value("source").toString(),
                 QString("environment CLIPSHELF_ISSUER"));
        QCOMPARE(r.json().value("versions").toObject().value("qt").toString(),
                 QString::fromLatin1(qVersion()));
        QCOMPARE(r.json().value("summary").toObject().value("fail").toInt(), 0);

        // The same as text, with the configuration's sources.
        const CliRun text = m_cli.run({"doctor"});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains("ok    provider.issuer"));
        QVERIFY(text.out.contains("environment CLIPSHELF_ISSUER"));
        QVERIFY(text.out.contains("client-secret") && text.out.contains("not set"));
        QVERIFY(text.out.contains("Result: "));
    }

    void issuerMismatchNamesBoth()
    {
        QUrl configured(m_provider.issuer());
        configured.setHost("localhost");
        QProcessEnvironment env;
        env.insert("CLIPSHELF_ISSUER", configured.toString());
        const CliRun r = m_cli.run({"doctor", "--json"}, env);
        QCOMPARE(r.code, 1);
        const QJsonObject issuer = checksById(r).value("provider.issuer");
        QCOMPARE(issuer.value("status").toString(), QString("fail"));
        const QString summary = issuer.value("summary").toString();
        QVERIFY2(summary.contains(m_provider.issuer()) && summary.contains(configured.toString()),
                 qPrintable(summary));
        QVERIFY(issuer.value("fix").toString().contains(m_provider.issuer()));
    }

    void busyRedirectPorts()
    {
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
        QProcessEnvironment env;
        env.insert("CLIPSHELF_REDIRECT_PORTS", QString::number(busy.serverPort()));
        CliRun r = m_cli.run({"doctor", "--json"}, env);
        QCOMPARE(r.code, 1);
        QCOMPARE(statusOf(r, "redirect_ports"), QString("fail"));

        env.insert("CLIPSHELF_REDIRECT_PORTS",
                   QStringLiteral("%1,%2").arg(busy.serverPort()).arg(closedPort()));
        r = m_cli.run({"doctor", "--json"}, env);
        QCOMPARE(statusOf(r, "redirect_ports"), QString("warn"));
    }

    void apiUnreachable()
    {
        QProcessEnvironment env;
        env.insert("CLIPSHELF_API_URL",
                   QStringLiteral("http://127.0.0.1:%1/api/v1").arg(closedPort()));
        const CliRun r = m_cli.run({"doctor", "--json"}, env);
        QCOMPARE(r.code, 1);
        QCOMPARE(statusOf(r, "api.health"), QString("fail"));
        QCOMPARE(statusOf(r, "provider.discovery"), QString("ok"));
        QCOMPARE(statusOf(r, "clock"), QString("ok")); // the provider's clock alone
    }

    void providerDown()
    {
        m_provider.stop();
        const CliRun r = m_cli.run({"doctor", "--json"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.isJsonObject(), qPrintable(r.describe()));
        QVERIFY2(r.elapsedMs < 8000, qPrintable(QString::number(r.elapsedMs)));
        const QJsonObject discovery = checksById(r).value("provider.discovery");
        QCOMPARE(discovery.value("status").toString(), QString("fail"));
        QVERIFY(discovery.value("summary").toString().contains("Could not reach the provider"));
        QVERIFY(!discovery.value("fix").toString().isEmpty());
        QCOMPARE(statusOf(r, "api.health"), QString("ok"));
        QCOMPARE(statusOf(r, "keychain"), QString("ok"));

        const CliRun text = m_cli.run({"doctor"});
        QCOMPARE(text.code, 1);
        QVERIFY(text.out.contains("FAIL  provider.discovery"));
    }
};

QTEST_GUILESS_MAIN(TestCliDoctor)
#include "tst_cli_doctor.moc"
