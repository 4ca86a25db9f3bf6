// KeychainSecretStore on a machine without a Secret Service: run by ctest
// under tests/support/with-secret-service.sh with CLIPSHELF_NO_SECRET_SERVICE=1
// (a private D-Bus session on which nothing owns org.freedesktop.secrets).
// Every operation must answer NoBackend with the plain-words message, quickly,
// and without leaking the value.

#include "auth/sessionvault.h"
#include "secretoutcomes.h"
#include "storage/keychainsecretstore.h"
#include "storage/secretmessages.h"

#include <memory>
#include <QElapsedTimer>
#include <QProcess>
#include <qt6keychain/keychain.h>
#include <QTemporaryDir>
#include <QtTest>

using namespace clipshelf;
using namespace clipshelf::test;
using Status = SecretResult::Status;

namespace {

constexpr int WaitMs = 30000;

} // namespace

class TestKeychainNoBackend : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rawQtKeychainError();
    void operationsReportNoBackend_data();
    void operationsReportNoBackend();
    void sessionVaultReportsNoBackend();
    void withoutAnySessionBus();
};

void TestKeychainNoBackend::initTestCase()
{
#if !defined(Q_OS_LINUX)
    QSKIP("the no-Secret-Service environment is Linux-specific");
#endif
    if (qgetenv("CLIPSHELF_NO_SECRET_SERVICE") != "1")
        QSKIP("run under tests/support/with-secret-service.sh with CLIPSHELF_NO_SECRET_SERVICE=1 "
              "(ctest does)");
}

void TestKeychainNoBackend::rawQtKeychainError()
{
    // What qtkeychain itself says here, to keep the mapping honest.
    auto *job = new QKeychain::ReadPasswordJob(QStringLiteral("org.clipshelf.Clipshelf.test/none"));
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(QStringLiteral("session"));
    auto out = std::make_shared<std::pair<bool, SecretResult>>();
    QString text;
    int code = -1;
    connect(job, &QKeychain::Job::finished, this, [out, &text, &code](QKeychain::Job *j) {
        code = int(j->error());
        text = j->errorString();
        out->second = KeychainSecretStore::mapKeychainError(code, text);
        out->first = true;
    });
    job->start();
    QTRY_VERIFY_WITH_TIMEOUT(out->first, WaitMs);
    qInfo("qtkeychain without a Secret Service: error %d, \"%s\"", code, qPrintable(text));
    QVERIFY(code != int(QKeychain::NoError));
    QCOMPARE(out->second.status, Status::NoBackend);
}

void TestKeychainNoBackend::operationsReportNoBackend_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("read") << QStringLiteral("read") << QByteArray();
    QTest::newRow("write small") << QStringLiteral("write") << QByteArray("NOBACKEND-SECRET-small");
    QTest::newRow("write large") << QStringLiteral("write")
                                 << QByteArray("NOBACKEND-SECRET-large" + QByteArray(9000, 'q'));
    QTest::newRow("remove") << QStringLiteral("remove") << QByteArray();
}

void TestKeychainNoBackend::operationsReportNoBackend()
{
    QFETCH(QString, operation);
    QFETCH(QByteArray, value);
    KeychainSecretStore store(SessionVault::serviceName(QStringLiteral("nobackend")));
    std::shared_ptr<WriteOutcome> out;
    std::shared_ptr<ReadOutcome> read; // only for "read": the value it gave back
    QElapsedTimer t;
    t.start();
    if (operation == QLatin1String("read"))
        out = read = startRead(store, QStringLiteral("session"));
    else if (operation == QLatin1String("write"))
        out = startWrite(store, QStringLiteral("session"), value);
    else
        out = startRemove(store, QStringLiteral("session"));
    QVERIFY(!out->done);
    // Expect the store's warning about the failed keychain call (no value in it).
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("failed")));
    QTRY_VERIFY_WITH_TIMEOUT(out->done, WaitMs);
    qInfo("%s answered in %lld ms", qPrintable(operation), qlonglong(t.elapsed()));
    QCOMPARE(out->result.status, Status::NoBackend);
    QVERIFY(out->result.backendUnavailable());
    QCOMPARE(out->result.message,
             QStringLiteral("No Secret Service is running: install and unlock gnome-keyring or "
                            "KWallet, then sign in again."));
    QVERIFY(!read || read->value.isEmpty());
    QVERIFY(!out->result.message.contains(QLatin1String("NOBACKEND-SECRET")));
}

void TestKeychainNoBackend::sessionVaultReportsNoBackend()
{
    KeychainSecretStore store(SessionVault::serviceName(QStringLiteral("nobackend")));
    SessionVault vault(&store);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("failed")));
    const auto loaded = startLoad(vault);
    QTRY_VERIFY_WITH_TIMEOUT(loaded->done, WaitMs);
    QCOMPARE(loaded->result.status, Status::NoBackend);
    QCOMPARE(loaded->result.message, SecretMessages::noBackend());
    QVERIFY(!loaded->session.isValid());
}

void TestKeychainNoBackend::withoutAnySessionBus()
{
    // The other "no backend" flavour: no D-Bus session at all (a headless login
    // without DBUS_SESSION_BUS_ADDRESS), where libsecret tries to autolaunch a
    // bus and fails. libsecret connects once per process, so the checks above
    // run again in a child process.
    if (qEnvironmentVariableIsSet("CLIPSHELF_KEYCHAIN_TEST_CHILD"))
        QSKIP("already the child");
    QTemporaryDir runtime;
    QVERIFY(runtime.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path()); // no "bus" socket in it
    env.insert(QStringLiteral("CLIPSHELF_KEYCHAIN_TEST_CHILD"), QStringLiteral("1"));
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("rawQtKeychainError"), QStringLiteral("operationsReportNoBackend"),
                 QStringLiteral("sessionVaultReportsNoBackend")});
    QVERIFY(child.waitForFinished(WaitMs));
    const QByteArray output = child.readAll();
    for (const QByteArray &line : output.split('\n')) {
        if (line.contains("QINFO") || line.contains("FAIL") || line.contains("Totals"))
            qInfo("child: %s", line.constData());
    }
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QVERIFY2(child.exitCode() == 0, output.constData());
    QVERIFY(!output.contains("NOBACKEND-SECRET"));
}

QTEST_GUILESS_MAIN(TestKeychainNoBackend)
#include "tst_keychain_nobackend.moc"
