// UserPreferences against a scripted API: the server's settings with queued changes on top.
#include "scriptedapi.h"
#include "settings/userpreferences.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

class TestUserPreferences : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    struct Fixture
    {
        explicit Fixture(QNetworkAccessManager &nam)
            : backend(api.base(), api.server.issuer(), &nam),
              prefs(backend.client.get(), backend.cache.get(), backend.outbox.get(),
                    backend.replayer.get(), [this] { return owner; })
        {
            backend.cache->setOwnerSub("user_alice");
            prefs.setOwner("user_alice");
            api.answer = [this](const FakeRequest &r) {
                if (r.path == "/api/v1/settings" && r.method == "GET") {
                    FakeResponse resp = ScriptedApi::json(settings);
                    resp.headers = {{"ETag", "\"v7\""}};
                    return resp;
                }
                if (r.path == "/api/v1/settings" && r.method == "PATCH")
                    return ScriptedApi::json(patchAnswer, patchStatus);
                return FakeResponse{404, "{}"};
            };
        }
        ScriptedApi api;
        ControllerBackend backend;
        QString owner = "user_alice";
        UserPreferences prefs;
        QByteArray settings =
            R"({"display_name":"Alice","theme":"light","language":"en","notifications":{"email_digest":false,"product_updates":false,"security_alerts":true}})";
        QByteArray patchAnswer = R"({"detail":"changed elsewhere"})";
        int patchStatus = 412;
    };

private slots:
    void reloadShowsTheServersSettingsAndCachesThem()
    {
        Fixture f(m_nam);
        QSignalSpy reloaded(&f.prefs, &UserPreferences::reloaded);
        QSignalSpy theme(&f.prefs, &UserPreferences::themeChanged);
        f.prefs.reload();
        QVERIFY(reloaded.wait(5000));
        QVERIFY(f.prefs.serverLoaded());
        QCOMPARE(f.prefs.shown().theme, QString("light"));
        QCOMPARE(f.prefs.shown().displayName, QString("Alice"));
        QCOMPARE(theme.count(), 1);
        QCOMPARE(f.backend.replayer->settingsEtag(), QString("\"v7\""));
        QCOMPARE(f.backend.cache->settings()->theme, QString("light"));
    }

    void aChangeShowsAtOnceAndIsQueued()
    {
        Fixture f(m_nam);
        f.backend.replayer->stop();
        QSignalSpy language(&f.prefs, &UserPreferences::languageChanged);
        f.prefs.apply(settingsedits::language("de", f.prefs.shown()));
        QCOMPARE(f.prefs.shown().language, QString("de"));
        QCOMPARE(language.count(), 1);
        QCOMPARE(f.backend.outbox->entries().size(), 1);
        QCOMPARE(f.backend.outbox->entries().first().kind, OutboxEntry::PatchSettings);
    }

    void errorsAndNoOneSignedInAreSaid()
    {
        Fixture f(m_nam);
        QSignalSpy message(&f.prefs, &UserPreferences::message);
        f.prefs.apply(settingsedits::theme("purple", f.prefs.shown()));
        QVERIFY(message.takeFirst().at(0).toString().contains("purple"));
        f.owner.clear();
        f.prefs.apply(settingsedits::theme("dark", f.prefs.shown()));
        QCOMPARE(message.takeFirst().at(0).toString(), QString("Sign in to change your settings."));
        QVERIFY(f.backend.outbox->entries().isEmpty());
    }

    void theCachedSettingsAreShownOffline()
    {
        Fixture f(m_nam);
        UserSettings cached;
        cached.theme = "dark";
        cached.etag = "\"v2\"";
        f.backend.cache->setSettings(cached);
        f.prefs.loadCache();
        f.prefs.rebuild();
        QCOMPARE(f.prefs.shown().theme, QString("dark"));
        QCOMPARE(f.backend.replayer->settingsEtag(), QString("\"v2\""));
        f.prefs.clear();
        f.prefs.rebuild();
        QCOMPARE(f.prefs.shown().theme, QString("system"));
    }

    void aChangeMadeElsewhereAsksForAReload()
    {
        Fixture f(m_nam);
        ApiError conflict;
        conflict.kind = ApiError::PreconditionFailed;
        QSignalSpy reload(&f.prefs, &UserPreferences::reloadWanted);
        QSignalSpy message(&f.prefs, &UserPreferences::message);
        f.prefs.onRefused(conflict);
        QCOMPARE(reload.count(), 1);
        QVERIFY(message.at(0).at(0).toString().contains("changed elsewhere"));
        ApiError refused;
        refused.kind = ApiError::Validation;
        refused.fields = {FieldError{"theme", "is not allowed"}};
        f.prefs.onRefused(refused);
        QCOMPARE(reload.count(), 1);
        QCOMPARE(message.at(1).at(0).toString(),
                 QString("Your change could not be saved: is not allowed"));
    }
};

QTEST_GUILESS_MAIN(TestUserPreferences)
#include "tst_userpreferences.moc"
