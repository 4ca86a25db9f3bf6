// Settings against the real provider, browser, keychain and reference API
// server: changes with If-Match and a 412, rollback, offline changes, the
// avatar round trip, and an API key whose secret is shown once.
#include "libraryfixture.h"

#include <QDirIterator>
#include <QImage>
#include <QJsonArray>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

class TestSettingsIntegration : public QObject, protected AliceOnTheStack
{
    Q_OBJECT

    SettingsController &settings() { return m_alice->settings(); }

    QJsonObject serverSettings() { return m_alice->call(endpoints::getSettings()).json(); }

private slots:
    void initTestCase()
    {
        QVERIFY(startWithAliceSignedIn());
        QSignalSpy reloaded(&settings(), &SettingsController::reloaded);
        m_alice->workspace.start();
        QVERIFY(reloaded.wait(20'000));
        QCOMPARE(settings().theme(), QString("system"));
        QTRY_COMPARE_WITH_TIMEOUT(settings().email(), QString("alice@example.com"), 10'000);
    }

    void cleanupTestCase() { stopStack(); }

    void changesAreSavedAtOnce()
    {
        QSignalSpy saved(&settings(), &SettingsController::saved);
        settings().setTheme("dark");
        QCOMPARE(settings().theme(), QString("dark"));
        settings().setLanguage("de");
        settings().setDisplayName("  Alice L.  ");
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 3, 20'000);
        const QJsonObject s = serverSettings();
        QCOMPARE(s.value("theme").toString(), QString("dark"));
        QCOMPARE(s.value("language").toString(), QString("de"));
        QCOMPARE(s.value("display_name").toString(), QString("Alice L."));
        QCOMPARE(settings().pendingChanges(), 0);
    }

    void changedElsewhereAnswers412AndReloads()
    {
        // Another device changes the settings (its own If-Match), so ours is stale.
        const ApiResult current = m_alice->call(endpoints::getSettings());
        const QString etag = QString::fromLatin1(current.headers.value("etag"));
        QVERIFY(
            m_alice->call(endpoints::patchSettings({{"display_name", "Changed elsewhere"}}, etag))
                .ok());
        m_api.clearFaults();
        settings().setTheme("light");
        QTRY_VERIFY_WITH_TIMEOUT(settings().message().contains("changed elsewhere"), 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(settings().displayName(), QString("Changed elsewhere"), 20'000);
        QCOMPARE(settings().theme(), QString("dark"));
        QCOMPARE(serverSettings().value("theme").toString(), QString("dark"));
        const QJsonObject byMethod = m_api.stats().value("by_method_path").toObject();
        QCOMPARE(byMethod.value("PATCH /settings").toInt(), 1); // the 412, sent with If-Match
        settings().clearMessage();
    }

    void refusedNotificationRollsBack()
    {
        const bool before = settings().productUpdates();
        m_api.addFault({{"path_prefix", "/settings"},
                        {"method", "PATCH"},
                        {"action", "status"},
                        {"status", 422}});
        settings().setNotification("product_updates", !before);
        QCOMPARE(settings().productUpdates(), !before);                         // shown at once …
        QTRY_COMPARE_WITH_TIMEOUT(settings().productUpdates(), before, 20'000); // … rolled back
        QVERIFY(settings().message().contains("could not be saved"));
        QCOMPARE(
            serverSettings().value("notifications").toObject().value("product_updates").toBool(),
            before);
        settings().clearMessage();

        QSignalSpy saved(&settings(), &SettingsController::saved);
        settings().setNotification("security_alerts", false);
        QVERIFY(saved.wait(20'000));
        QCOMPARE(
            serverSettings().value("notifications").toObject().value("security_alerts").toBool(),
            false);
    }

    void offlineChangesWaitAndAreSent()
    {
        m_api.addFault(
            {{"path_prefix", "/settings"}, {"method", "PATCH"}, {"action", "drop"}, {"count", 1}});
        QSignalSpy saved(&settings(), &SettingsController::saved);
        settings().setNotification("email_digest", true);
        QTRY_COMPARE_WITH_TIMEOUT(settings().pendingChanges(), 1, 10'000);
        QVERIFY(settings().emailDigest()); // kept while waiting, not rolled back
        // The connection is found back (a /health probe) and the change goes out.
        QVERIFY(saved.wait(30'000));
        QCOMPARE(settings().pendingChanges(), 0);
        QCOMPARE(serverSettings().value("notifications").toObject().value("email_digest").toBool(),
                 true);
    }

    void avatarRoundTrip()
    {
        QTemporaryDir dir;
        QImage picture(1200, 800, QImage::Format_RGB32);
        picture.fill(QColor(200, 80, 40));
        const QString file = dir.filePath("me.png");
        QVERIFY(picture.save(file));
        const QVariantMap prepared = settings().prepareAvatar(QUrl::fromLocalFile(file));
        QVERIFY2(prepared.value("ok").toBool(), qPrintable(prepared.value("message").toString()));
        QCOMPARE(prepared.value("width").toInt(), 512);
        QVERIFY(QImage(prepared.value("previewUrl").toUrl().toLocalFile()).width() == 512);
        const QVariantMap bad =
            settings().prepareAvatar(QUrl::fromLocalFile(dir.filePath("missing.png")));
        QVERIFY(!bad.value("ok").toBool());
        QVERIFY(!bad.value("message").toString().isEmpty());

        QSignalSpy saved(&settings(), &SettingsController::saved);
        settings().uploadPreparedAvatar();
        QVERIFY(saved.wait(20'000));
        const QJsonObject me = m_alice->call(endpoints::me()).json();
        QVERIFY(!me.value("avatar_url").toString().isEmpty());
        const ApiResult image = m_alice->call(endpoints::getAvatar());
        QVERIFY(image.ok());
        QCOMPARE(QImage::fromData(image.body).size(), QSize(512, 341));
        QVERIFY(settings().hasAvatar());
        QCOMPARE(QImage(settings().avatarUrl().toLocalFile()).size(), QSize(512, 341));

        settings().removeAvatar();
        QVERIFY(!settings().hasAvatar());
        QVERIFY(saved.wait(20'000));
        QVERIFY(m_alice->call(endpoints::me()).json().value("avatar_url").isNull());
    }

    void apiKeySecretIsShownOnce()
    {
        QSignalSpy created(&settings(), &SettingsController::apiKeyCreated);
        settings().createApiKey("  ci runner ");
        QVERIFY(created.wait(20'000));
        QCOMPARE(created.at(0).at(0).toString(), QString("ci runner"));
        const QString secret = created.at(0).at(1).toString();
        QVERIFY(secret.size() > 16);
        ApiKeyListModel *keys = settings().apiKeyModel();
        QCOMPARE(keys->count(), 1);
        const QString prefix = keys->data(keys->index(0), ApiKeyListModel::PrefixRole).toString();
        QVERIFY(!prefix.isEmpty() && secret.startsWith(prefix));
        // Never again: not in the list, not in the model, not on disk.
        const QJsonArray listed =
            m_alice->call(endpoints::listApiKeys()).json().value("api_keys").toArray();
        QCOMPARE(listed.size(), 1);
        QVERIFY(!listed.at(0).toObject().contains("secret"));
        for (const ApiKeyInfo &k : keys->keys())
            QVERIFY(k.secret.isEmpty());
        m_alice->library().flushCache();
        QDirIterator it(m_alice->root, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(secret.toUtf8()), qPrintable(f.fileName()));
        }
        QTRY_VERIFY_WITH_TIMEOUT(settings().activityModel()->count() > 0, 10'000);

        QSignalSpy revoked(&settings(), &SettingsController::apiKeyRevoked);
        settings().revokeApiKey(keys->data(keys->index(0), ApiKeyListModel::KeyIdRole).toString());
        QVERIFY(revoked.wait(20'000));
        QCOMPARE(keys->count(), 0);
        QVERIFY(
            m_alice->call(endpoints::listApiKeys()).json().value("api_keys").toArray().isEmpty());
    }

    void signOutAndForgetRemovesEverything()
    {
        QSignalSpy out(&m_alice->auth, &AuthController::signOutFinished);
        m_alice->auth.signOutAndForget();
        QVERIFY(out.wait(20'000));
        QCOMPARE(m_alice->auth.state(), AuthController::SignedOut);
        QVERIFY(m_alice->workspace.cache()->readLibraryJson().isEmpty());
        QVERIFY(!m_alice->workspace.cache()->settings());
        QCOMPARE(m_alice->workspace.outbox()->entries().size(), 0);
        QVERIFY(!settings().hasAvatar());
        QCOMPARE(settings().email(), QString());
        // The keychain no longer holds the session: a restore finds nobody.
        AuthController again(m_alice->config, &m_alice->store, &m_nam);
        QSignalSpy restored(&again, &AuthController::restoreFinished);
        again.restore();
        QVERIFY(restored.wait(20'000));
        QCOMPARE(again.state(), AuthController::SignedOut);
    }
};

QTEST_MAIN(TestSettingsIntegration)
#include "tst_settings_integration.moc"
