// clipshelf-cli on a machine without a Secret Service: run by ctest under
// tests/support/with-secret-service.sh with CLIPSHELF_NO_SECRET_SERVICE=1 (a
// private D-Bus session where nothing owns org.freedesktop.secrets). doctor
// must fail the keychain check with the plain message, quickly; commands that
// need a session say that nobody is signed in.
#include "storage/secretmessages.h"
#include "tst_cli_process.h"

#include <QJsonArray>

using namespace clipshelf;
using namespace clipshelf::test;

class TestCliNoKeychain : public QObject, protected CliStackFixture
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (qgetenv("CLIPSHELF_NO_SECRET_SERVICE") != "1")
            QSKIP("run under tests/support/with-secret-service.sh with "
                  "CLIPSHELF_NO_SECRET_SERVICE=1");
        startStack("cli-nokeychain");
    }

    void doctorFailsTheKeychainCheck()
    {
        const CliRun r = m_cli.run({"doctor", "--json"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.isJsonObject(), qPrintable(r.describe()));
        QVERIFY2(r.elapsedMs < 8000, qPrintable(QString::number(r.elapsedMs)));
        const auto checks = checksById(r);
        for (auto it = checks.cbegin(); it != checks.cend(); ++it) {
            if (it.key().startsWith("provider."))
                QCOMPARE(it.value().value("status").toString(), QString("ok"));
        }
        const QJsonObject keychain = checks.value("keychain");
        const QJsonObject session = checks.value("session");
        QCOMPARE(keychain.value("status").toString(), QString("fail"));
        QCOMPARE(keychain.value("summary").toString(), SecretMessages::noBackend());
        QVERIFY(keychain.value("fix").toString().contains("gnome-keyring"));
        QCOMPARE(session.value("status").toString(), QString("warn"));
        QVERIFY(session.value("summary").toString().contains("keychain"));

        const CliRun text = m_cli.run({"doctor"});
        QCOMPARE(text.code, 1);
        QVERIFY(text.out.contains("FAIL  keychain"));
        QVERIFY(text.out.contains(SecretMessages::noBackend().toUtf8()));
    }

    void commandsSayNotSignedIn()
    {
        CliRun r = m_cli.run({"status"});
        QCOMPARE(r.code, 3);
        r = m_cli.run({"videos", "list"});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("Not signed in"), qPrintable(r.describe()));
    }
};

QTEST_GUILESS_MAIN(TestCliNoKeychain)
#include "tst_cli_nokeychain.moc"
