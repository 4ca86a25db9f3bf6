// SessionVault over MemorySecretStore: round trip, "signed out" for anything
// unreadable, store failures passed through, asynchronous callbacks, no
// secrets in the log.

#include "auth/sessionvault.h"
#include "buildconfig.h"
#include "secretoutcomes.h"
#include "storage/memorysecretstore.h"
#include "storage/secretmessages.h"

#include <memory>
#include <QLoggingCategory>
#include <QTimeZone>
#include <QtTest>

using namespace clipshelf;
using namespace clipshelf::test;
using Status = SecretResult::Status;

namespace {

Session makeSession()
{
    Session s;
    s.accessToken = QStringLiteral("at-6f1e2d3c-secret-access");
    s.tokenType = QStringLiteral("Bearer");
    s.accessTokenExpiry = QDateTime(QDate(2031, 5, 17), QTime(8, 30, 12, 345), QTimeZone::utc());
    s.refreshToken = QStringLiteral("rt-9a8b7c6d-secret-refresh");
    s.idToken = QStringLiteral("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJl");
    s.scope = QStringLiteral("openid profile email offline_access");
    s.profile.subject = QStringLiteral("user-1");
    s.profile.issuer = QStringLiteral("https://issuer.example");
    s.profile.name = QStringLiteral("Zoë Ångström 李");
    s.profile.email = QStringLiteral("zoe@example.com");
    s.profile.pictureUrl = QStringLiteral("https://issuer.example/p/1.png");
    return s;
}

void compareSessions(const Session &actual, const Session &expected)
{
    QCOMPARE(actual.accessToken, expected.accessToken);
    QCOMPARE(actual.tokenType, expected.tokenType);
    QCOMPARE(actual.accessTokenExpiry.toMSecsSinceEpoch(),
             expected.accessTokenExpiry.toMSecsSinceEpoch());
    QCOMPARE(actual.refreshToken, expected.refreshToken);
    QCOMPARE(actual.idToken, expected.idToken);
    QCOMPARE(actual.scope, expected.scope);
    QVERIFY(actual.profile == expected.profile);
}

QStringList g_logged;
void recordMessage(QtMsgType, const QMessageLogContext &, const QString &msg)
{
    g_logged << msg;
}

} // namespace

class TestSessionVault : public QObject
{
    Q_OBJECT

private slots:
    void serviceName();
    void roundTrip();
    void largeSessionRoundTrip();
    void loadWhenEmpty();
    void corruptBlobMeansSignedOut_data();
    void corruptBlobMeansSignedOut();
    void clear();
    void storeFailuresPassThrough();
    void incompleteSessionRefused();
    void callbacksAreAsynchronous();
    void vaultMayGoAwayBeforeCallback();
    void storeGoneMeansNoBackend();
    void neverLogsSecrets();
};

void TestSessionVault::serviceName()
{
    QCOMPARE(QStringLiteral(CLIPSHELF_APP_ID), QStringLiteral("org.clipshelf.Clipshelf"));
    QCOMPARE(SessionVault::serviceName(QStringLiteral("work")),
             QStringLiteral("org.clipshelf.Clipshelf/work"));
    QCOMPARE(SessionVault::serviceName(QString()),
             QStringLiteral("org.clipshelf.Clipshelf/default"));
    QVERIFY(SessionVault::serviceName(QStringLiteral("a")) !=
            SessionVault::serviceName(QStringLiteral("b")));
    QCOMPARE(SessionVault::entryKey(), QStringLiteral("session"));
}

void TestSessionVault::roundTrip()
{
    MemorySecretStore store;
    SessionVault vault(&store);
    QCOMPARE(vault.store(), &store);
    const Session session = makeSession();
    QVERIFY(session.isValid());

    auto saved = startSave(vault, session);
    QVERIFY(settle(saved));
    QCOMPARE(saved->result.status, Status::Ok);
    QVERIFY(store.contains(QStringLiteral("session")));

    auto loaded = startLoad(vault);
    QVERIFY(settle(loaded));
    QCOMPARE(loaded->result.status, Status::Ok);
    QVERIFY(loaded->session.isValid());
    compareSessions(loaded->session, session);

    // A second vault on the same store sees the same session.
    SessionVault other(&store);
    auto again = startLoad(other);
    QVERIFY(settle(again));
    QCOMPARE(again->result.status, Status::Ok);
    compareSessions(again->session, session);
}

void TestSessionVault::largeSessionRoundTrip()
{
    MemorySecretStore store;
    SessionVault vault(&store);
    Session session = makeSession();
    session.idToken = QString(7000, u'x'); // larger than one keychain chunk
    QVERIFY(settle(startSave(vault, session)));
    auto loaded = startLoad(vault);
    QVERIFY(settle(loaded));
    QCOMPARE(loaded->result.status, Status::Ok);
    compareSessions(loaded->session, session);
}

void TestSessionVault::loadWhenEmpty()
{
    MemorySecretStore store;
    SessionVault vault(&store);
    auto loaded = startLoad(vault);
    QVERIFY(settle(loaded));
    QCOMPARE(loaded->result.status, Status::NotFound);
    QVERIFY(!loaded->session.isValid());
}

void TestSessionVault::corruptBlobMeansSignedOut_data()
{
    QTest::addColumn<QByteArray>("blob");
    const QByteArray good = makeSession().toSecretBlob();
    QTest::newRow("garbage") << QByteArray("garbage");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("open brace") << QByteArray("{");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("array") << QByteArray("[1,2,3]");
    QTest::newRow("truncated") << good.left(good.size() / 2);
    QTest::newRow("binary") << QByteArray("\0\xff\xfe\x01garbage", 11);
    QTest::newRow("null bytes") << QByteArray(64, '\0');
}

void TestSessionVault::corruptBlobMeansSignedOut()
{
    QFETCH(QByteArray, blob);
    MemorySecretStore store;
    bool written = false;
    store.write(SessionVault::entryKey(), blob, [&](SecretResult r) { written = r.ok(); });
    QTRY_VERIFY(written);

    SessionVault vault(&store);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("could not be read")));
    auto loaded = startLoad(vault);
    QVERIFY(settle(loaded));
    QCOMPARE(loaded->result.status, Status::NotFound);
    QVERIFY(!loaded->result.message.isEmpty());
    QVERIFY(!loaded->session.isValid());
    QVERIFY(loaded->session.accessToken.isEmpty());
    QVERIFY(store.contains(SessionVault::entryKey())); // loading never deletes

    // Saving a fresh session repairs it.
    QVERIFY(settle(startSave(vault, makeSession())));
    auto repaired = startLoad(vault);
    QVERIFY(settle(repaired));
    QCOMPARE(repaired->result.status, Status::Ok);
}

void TestSessionVault::clear()
{
    MemorySecretStore store;
    SessionVault vault(&store);
    QVERIFY(settle(startSave(vault, makeSession())));
    auto cleared = startClear(vault);
    QVERIFY(settle(cleared));
    QCOMPARE(cleared->result.status, Status::Ok);
    QCOMPARE(store.entryCount(), 0);
    auto loaded = startLoad(vault);
    QVERIFY(settle(loaded));
    QCOMPARE(loaded->result.status, Status::NotFound);

    auto again = startClear(vault);
    QVERIFY(settle(again));
    QCOMPARE(again->result.status, Status::Ok);
}

void TestSessionVault::storeFailuresPassThrough()
{
    MemorySecretStore store;
    SessionVault vault(&store);
    QVERIFY(settle(startSave(vault, makeSession())));

    store.setFailure(Status::Locked, MemorySecretStore::Operation::Read);
    auto loaded = startLoad(vault);
    QVERIFY(settle(loaded));
    QCOMPARE(loaded->result.status, Status::Locked);
    QCOMPARE(loaded->result.message, SecretMessages::locked());
    QVERIFY(!loaded->session.isValid());

    store.setFailure(Status::NoBackend, MemorySecretStore::Operation::Write);
    auto saved = startSave(vault, makeSession());
    QVERIFY(settle(saved));
    QCOMPARE(saved->result.status, Status::NoBackend);
    QCOMPARE(saved->result.message, SecretMessages::noBackend());

    store.setFailure(Status::Error, MemorySecretStore::Operation::Remove, QStringLiteral("boom"));
    auto cleared = startClear(vault);
    QVERIFY(settle(cleared));
    QCOMPARE(cleared->result.status, Status::Error);
    QCOMPARE(cleared->result.message, QStringLiteral("boom"));

    store.setFailure(Status::Error, MemorySecretStore::Operation::Read);
    loaded = startLoad(vault);
    QVERIFY(settle(loaded));
    QCOMPARE(loaded->result.status, Status::Error); // e.g. damaged chunks: caller signs out
    QVERIFY(!loaded->session.isValid());
}

void TestSessionVault::incompleteSessionRefused()
{
    MemorySecretStore store;
    SessionVault vault(&store);
    Session noSubject = makeSession();
    noSubject.profile.subject.clear();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("incomplete")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("incomplete")));
    auto saved = startSave(vault, noSubject);
    QVERIFY(!saved->done);
    QVERIFY(settle(saved));
    QCOMPARE(saved->result.status, Status::Error);
    QVERIFY(!saved->result.message.isEmpty());
    QCOMPARE(store.entryCount(), 0);

    Session noToken = makeSession();
    noToken.accessToken.clear();
    saved = startSave(vault, noToken);
    QVERIFY(settle(saved));
    QCOMPARE(saved->result.status, Status::Error);
    QCOMPARE(store.entryCount(), 0);
}

void TestSessionVault::callbacksAreAsynchronous()
{
    MemorySecretStore store;
    SessionVault vault(&store);
    auto saved = startSave(vault, makeSession());
    QVERIFY(!saved->done);
    QVERIFY(settle(saved));
    auto loaded = startLoad(vault);
    QVERIFY(!loaded->done);
    QVERIFY(settle(loaded));
    auto cleared = startClear(vault);
    QVERIFY(!cleared->done);
    QVERIFY(settle(cleared));
}

void TestSessionVault::vaultMayGoAwayBeforeCallback()
{
    MemorySecretStore store;
    QVERIFY(settle(startSave(*std::make_unique<SessionVault>(&store), makeSession())));
    auto vault = std::make_unique<SessionVault>(&store);
    auto loaded = startLoad(*vault);
    vault.reset();
    QVERIFY(settle(loaded));
    QCOMPARE(loaded->result.status, Status::Ok);
}

void TestSessionVault::storeGoneMeansNoBackend()
{
    auto store = std::make_unique<MemorySecretStore>();
    SessionVault vault(store.get());
    store.reset();
    auto loaded = startLoad(vault);
    QVERIFY(!loaded->done);
    QVERIFY(settle(loaded));
    QCOMPARE(loaded->result.status, Status::NoBackend);
    auto saved = startSave(vault, makeSession());
    QVERIFY(settle(saved));
    QCOMPARE(saved->result.status, Status::NoBackend);
}

void TestSessionVault::neverLogsSecrets()
{
    const Session session = makeSession();
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    g_logged.clear();
    QtMessageHandler previous = qInstallMessageHandler(recordMessage);
    {
        MemorySecretStore store;
        SessionVault vault(&store);
        QVERIFY(settle(startSave(vault, session)));
        QVERIFY(settle(startLoad(vault)));
        store.write(SessionVault::entryKey(), session.toSecretBlob().left(40), {});
        QVERIFY(settle(startLoad(vault))); // corrupt: logs a warning
        QVERIFY(settle(startClear(vault)));
    }
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(!g_logged.isEmpty());
    for (const QString &line : std::as_const(g_logged)) {
        QVERIFY2(!line.contains(session.accessToken), qPrintable(line));
        QVERIFY2(!line.contains(session.refreshToken), qPrintable(line));
        QVERIFY2(!line.contains(session.idToken), qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(TestSessionVault)
#include "tst_sessionvault.moc"
