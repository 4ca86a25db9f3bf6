// Issue 13 item 5 in the app: with an http issuer or API URL elsewhere than this
// computer, the stored session is neither loaded nor sent anywhere, and the
// sign-in page (AuthController::errorMessage) says why.
#include "auth/authcontroller.h"
#include "auth/sessionvault.h"
#include "storage/memorysecretstore.h"
#include "unitsession.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

class TestAuthControllerPlainHttp : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

private slots:
    void storedSessionIsNotLoaded_data()
    {
        QTest::addColumn<QString>("issuer");
        QTest::addColumn<QString>("apiUrl");
        QTest::newRow("issuer") << "http://id.example.com"
                                << "https://api.example.com";
        QTest::newRow("api-url") << "https://id.example.com"
                                 << "http://api.example.com";
    }
    void storedSessionIsNotLoaded()
    {
        QFETCH(QString, issuer);
        QFETCH(QString, apiUrl);
        Config config = unitConfig(issuer);
        config.set(Config::Key::ApiUrl, apiUrl, "test");
        MemorySecretStore store;
        bool saved = false;
        SessionVault(&store).save(unitSession(issuer, "at", "rt", 3600),
                                  [&](const SecretResult &) { saved = true; });
        QTRY_VERIFY(saved);

        AuthController auth(config, &store, &m_nam);
        QSignalSpy restored(&auth, &AuthController::restoreFinished);
        auth.restore();
        QVERIFY(restored.wait(5000));
        QCOMPARE(auth.state(), AuthController::SignedOut);
        QVERIFY(!auth.sessions()->isActive());
        QVERIFY2(auth.errorMessage().contains("plain http"), qPrintable(auth.errorMessage()));
    }
};

QTEST_MAIN(TestAuthControllerPlainHttp)
#include "tst_authcontrollerplainhttp.moc"
