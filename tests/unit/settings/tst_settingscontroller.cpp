// SettingsController against a scripted API (one class under test; the real
// server is used by tests/integration/tst_settings*.cpp); AvatarImage has tst_avatarimage.
#include "controllerbackend.h"
#include "fakeprovider.h"
#include "settings/settingscontroller.h"

#include <QImage>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

namespace {

/// GET/PATCH /settings with ETags, as the contract says.
struct FakeSettingsApi
{
    FakeProvider server;
    QJsonObject settings{{"display_name", QJsonValue()},
                         {"theme", "system"},
                         {"language", "en"},
                         {"notifications", QJsonObject{{"email_digest", false},
                                                       {"product_updates", false},
                                                       {"security_alerts", true}}}};
    int version = 1;
    int refuseNext = 0; // answer the next PATCH with this status
    QList<QByteArray> ifMatch;

    FakeSettingsApi()
    {
        server.other = [this](const FakeRequest &r) {
            const QByteArray etag = "\"v" + QByteArray::number(version) + "\"";
            if (r.path == "/api/v1/settings" && r.method == "GET") {
                FakeResponse resp = FakeProvider::json(settings);
                resp.headers = {{"ETag", etag}};
                return resp;
            }
            if (r.path == "/api/v1/settings" && r.method == "PATCH") {
                ifMatch << r.headers.value("if-match");
                if (refuseNext) {
                    const int status = std::exchange(refuseNext, 0);
                    return FakeProvider::json({{"detail", "refused"}}, status);
                }
                if (r.headers.value("if-match") != etag)
                    return FakeProvider::json({{"detail", "changed elsewhere"}}, 412);
                const QJsonObject patch = QJsonDocument::fromJson(r.body).object();
                for (auto it = patch.begin(); it != patch.end(); ++it) {
                    if (it.key() == "notifications") {
                        QJsonObject n = settings.value("notifications").toObject();
                        const QJsonObject changes = it.value().toObject();
                        for (auto jt = changes.begin(); jt != changes.end(); ++jt)
                            n.insert(jt.key(), jt.value());
                        settings.insert("notifications", n);
                    } else {
                        settings.insert(it.key(), it.value());
                    }
                }
                ++version;
                FakeResponse resp = FakeProvider::json(settings);
                resp.headers = {{"ETag", "\"v" + QByteArray::number(version) + "\""}};
                return resp;
            }
            if (r.path == "/api/v1/me")
                return FakeProvider::json({{"id", 1},
                                           {"sub", "user_alice"},
                                           {"email", "alice@example.com"},
                                           {"name", "Alice"},
                                           {"avatar_url", QJsonValue()},
                                           {"created_at", "2026-01-01T00:00:00Z"}});
            if (r.path == "/api/v1/api-keys")
                return FakeProvider::json({{"api_keys", QJsonArray()}});
            if (r.path == "/api/v1/activity")
                return FakeProvider::json({{"events", QJsonArray()}});
            return FakeResponse{404, "{}"};
        };
    }
    int patches() const
    {
        return int(std::count_if(server.requests.begin(), server.requests.end(),
                                 [](const FakeRequest &r) { return r.method == "PATCH"; }));
    }
};

} // namespace

class TestSettingsController : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    struct Fixture : ControllerBackend
    {
        using ControllerBackend::ControllerBackend;
        std::unique_ptr<SettingsController> settings;
    };

    /// The controller on \a api, started and done with its first load.
    std::unique_ptr<Fixture> make(FakeSettingsApi &api)
    {
        const QString issuer = api.server.issuer();
        auto f = std::make_unique<Fixture>(QUrl(issuer + "/api/v1"), issuer, &m_nam);
        f->cache->setOwnerSub("user_alice");
        f->settings = std::make_unique<SettingsController>(
            f->client.get(), f->sessions.get(), f->cache.get(), f->outbox.get(), f->replayer.get());
        QSignalSpy reloaded(f->settings.get(), &SettingsController::reloaded);
        f->settings->start();
        reloaded.wait(5000);
        return f;
    }

private slots:
    void changesShowAtOnceAndGoWithIfMatch()
    {
        FakeSettingsApi api;
        auto f = make(api);
        SettingsController &s = *f->settings;
        QCOMPARE(s.theme(), QString("system"));
        QTRY_COMPARE(s.email(), QString("alice@example.com"));
        QSignalSpy theme(&s, &SettingsController::themeChanged);
        QSignalSpy saved(&s, &SettingsController::saved);
        s.setTheme("dark");
        QCOMPARE(s.theme(), QString("dark")); // applied at once
        QCOMPARE(theme.count(), 1);
        QVERIFY(saved.wait(5000));
        QCOMPARE(api.ifMatch, QList<QByteArray>{"\"v1\""});
        s.setLanguage("de");
        s.setNotification("product_updates", true);
        QTRY_COMPARE(saved.count(), 3);
        QCOMPARE(api.ifMatch,
                 (QList<QByteArray>{"\"v1\"", "\"v2\"", "\"v3\""})); // each with the newest ETag
        QCOMPARE(api.settings.value("language").toString(), QString("de"));
        QVERIFY(s.productUpdates());
        QCOMPARE(s.pendingChanges(), 0);
        QCOMPARE(f->cache->settings()->theme, QString("dark")); // cached for offline starts

        s.setTheme("purple");
        s.setLanguage("fr");
        s.setNotification("nonsense", true);
        QVERIFY(!s.message().isEmpty());
        QCOMPARE(api.patches(), 3);
    }

    void refusedChangesRollBack()
    {
        FakeSettingsApi api;
        auto f = make(api);
        SettingsController &s = *f->settings;
        QSignalSpy notifications(&s, &SettingsController::notificationsChanged);
        api.refuseNext = 422;
        s.setNotification("email_digest", true);
        QVERIFY(s.emailDigest());
        QTRY_VERIFY(!s.emailDigest());                       // rolled back …
        QVERIFY(s.message().contains("could not be saved")); // … with a message
        QCOMPARE(notifications.count(), 2);
        QCOMPARE(s.pendingChanges(), 0);
    }

    void changedElsewhereReloads()
    {
        FakeSettingsApi api;
        auto f = make(api);
        SettingsController &s = *f->settings;
        // Another device changes the settings: the ETag moves on.
        api.settings.insert("display_name", "Set elsewhere");
        api.version = 7;
        s.setTheme("light");
        QTRY_VERIFY(s.message().contains("changed elsewhere"));
        QTRY_COMPARE(s.displayName(), QString("Set elsewhere"));
        QCOMPARE(s.theme(), QString("system")); // the server's, not the refused change
        QCOMPARE(api.ifMatch.value(0), QByteArray("\"v1\""));

        // Now with the new ETag it goes through.
        s.clearMessage();
        s.setTheme("light");
        QTRY_COMPARE(api.settings.value("theme").toString(), QString("light"));
        QCOMPARE(s.message(), QString());
    }
};

QTEST_MAIN(TestSettingsController)
#include "tst_settingscontroller.moc"
