// AccountSecurity against a scripted API: API keys (list, create, revoke) and recent activity.
#include "scriptedapi.h"
#include "settings/accountsecurity.h"
#include "testdata.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

class TestAccountSecurity : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    struct Fixture
    {
        explicit Fixture(QNetworkAccessManager &nam)
            : backend(api.base(), api.server.issuer(), &nam),
              security(backend.client.get(), backend.sessions.get())
        {
            api.answer = [this](const FakeRequest &r) {
                if (r.path == "/api/v1/api-keys" && r.method == "GET")
                    return ScriptedApi::json(testData("settings/apikeys.json"));
                if (r.path == "/api/v1/activity")
                    return ScriptedApi::json(testData("settings/activity.json"));
                if (r.path == "/api/v1/api-keys" && r.method == "POST") {
                    createBody = r.body;
                    return ScriptedApi::json(
                        R"({"id":"key_9","name":"New","prefix":"cs_new","created_at":"2026-01-09T00:00:00Z","last_used_at":null,"secret":"cs_new_once"})",
                        201);
                }
                if (r.path == "/api/v1/api-keys/key_1" && r.method == "DELETE")
                    return revokeStatus == 204
                               ? ScriptedApi::noContent()
                               : ScriptedApi::json(R"({"detail":"no"})", revokeStatus);
                return FakeResponse{404, "{}"};
            };
        }
        ScriptedApi api;
        ControllerBackend backend;
        AccountSecurity security;
        QByteArray createBody;
        int revokeStatus = 204;
    };

private slots:
    void listsKeysAndActivity()
    {
        Fixture f(m_nam);
        QSignalSpy busy(&f.security, &AccountSecurity::busyDelta);
        f.security.reloadKeys();
        f.security.reloadActivity();
        QTRY_COMPARE(f.security.apiKeys()->count(), 2);
        QTRY_COMPARE(f.security.activity()->count(), 2);
        QCOMPARE(busy.count(), 2); // +1, -1
        for (const ApiKeyInfo &k : f.security.apiKeys()->keys())
            QVERIFY(k.secret.isEmpty());
        f.security.clear();
        QCOMPARE(f.security.apiKeys()->count(), 0);
        QCOMPARE(f.security.activity()->count(), 0);
    }

    void aNewKeysSecretGoesToTheSignalOnly()
    {
        Fixture f(m_nam);
        QSignalSpy created(&f.security, &AccountSecurity::apiKeyCreated);
        f.security.createApiKey("  New ");
        QVERIFY(created.wait(5000));
        QCOMPARE(created.at(0).at(0).toString(), QString("New"));
        QCOMPARE(created.at(0).at(1).toString(), QString("cs_new_once"));
        QVERIFY(f.createBody.contains("\"New\"")); // trimmed
        QCOMPARE(f.security.apiKeys()->keys().first().id, QString("key_9"));
        QVERIFY(f.security.apiKeys()->keys().first().secret.isEmpty());
    }

    void aKeyNeedsAName()
    {
        Fixture f(m_nam);
        QSignalSpy failed(&f.security, &AccountSecurity::apiKeyFailed);
        f.security.createApiKey("   ");
        f.security.createApiKey(QString(101, 'k'));
        QCOMPARE(failed.count(), 2);
        QTest::qWait(100);
        QVERIFY(f.createBody.isEmpty());
    }

    void revokingRemovesTheKey()
    {
        Fixture f(m_nam);
        f.security.reloadKeys();
        QTRY_COMPARE(f.security.apiKeys()->count(), 2);
        QSignalSpy revoked(&f.security, &AccountSecurity::apiKeyRevoked);
        f.security.revokeApiKey("key_1");
        QVERIFY(revoked.wait(5000));
        QCOMPARE(f.security.apiKeys()->count(), 1);
    }

    void aFailedRevocationSaysWhy()
    {
        Fixture f(m_nam);
        f.revokeStatus = 403;
        QSignalSpy message(&f.security, &AccountSecurity::message);
        f.security.revokeApiKey("key_1");
        QVERIFY(message.wait(5000));
        QVERIFY(message.at(0).at(0).toString().startsWith("The key could not be revoked"));
    }
};

QTEST_GUILESS_MAIN(TestAccountSecurity)
#include "tst_accountsecurity.moc"
