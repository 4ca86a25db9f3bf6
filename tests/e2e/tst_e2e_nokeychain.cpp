// End to end with NO Secret Service on the bus: the user is told why, and the
// sign-in still works for this run with the session in memory only.
#include "auth/authcontroller.h"
#include "auth/sessionvault.h"
#include "localstack.h"
#include "storage/keychainsecretstore.h"

#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

class TestE2eNoKeychain : public QObject
{
    Q_OBJECT

    TestProvider m_provider;
    QNetworkAccessManager m_nam;

private slots:
    void initTestCase() { QVERIFY(m_provider.start()); }

    void signInKeepsSessionInMemoryAndSaysWhy()
    {
        const Config c = stackConfig(m_provider.issuer(), {}, QStringLiteral("e2e-nokeychain"));
        KeychainSecretStore store(SessionVault::serviceName(c.profile()));
        AuthController auth(c, &store, &m_nam);
        QSignalSpy restored(&auth, &AuthController::restoreFinished);
        auth.restore();
        QVERIFY(restored.wait(20'000));
        QCOMPARE(auth.state(), AuthController::SignedOut);
        QVERIFY2(auth.keychainWarning().contains("No Secret Service"),
                 qPrintable(auth.keychainWarning()));
        QVERIFY(auth.isSessionInMemoryOnly());

        auth.signIn();
        QTRY_COMPARE_WITH_TIMEOUT(auth.state(), AuthController::SignedIn, 90'000);
        QCOMPARE(auth.userName(), QString("Alice Liddell"));
        QVERIFY(auth.isSessionInMemoryOnly());

        QSignalSpy signedOut(&auth, &AuthController::signOutFinished);
        auth.signOut();
        QVERIFY(signedOut.wait(20'000));
        QCOMPARE(auth.state(), AuthController::SignedOut);
    }
};

QTEST_GUILESS_MAIN(TestE2eNoKeychain)
#include "tst_e2e_nokeychain.moc"
