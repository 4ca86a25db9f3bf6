// settingsedits: the settings page's changes as JSON merge patches.
#include "settings/settingsedits.h"

#include <QTest>

using namespace clipshelf;

class TestSettingsEdits : public QObject
{
    Q_OBJECT
private slots:
    void displayName()
    {
        UserSettings shown;
        shown.displayName = "Alice";
        QCOMPARE(settingsedits::displayName("  Al ", shown).patch,
                 (QJsonObject{{"display_name", "Al"}}));
        QVERIFY(settingsedits::displayName("Alice ", shown)
                    .patch.isEmpty()); // unchanged: nothing to send
        QCOMPARE(settingsedits::displayName("", shown).patch,
                 (QJsonObject{{"display_name", QJsonValue()}}));
        const settingsedits::Edit tooLong = settingsedits::displayName(QString(101, 'a'), shown);
        QVERIFY(tooLong.patch.isEmpty());
        QVERIFY(!tooLong.error.isEmpty());
    }

    void themeAndLanguage()
    {
        const UserSettings shown; // system, en
        QCOMPARE(settingsedits::theme("dark", shown).patch, (QJsonObject{{"theme", "dark"}}));
        QVERIFY(settingsedits::theme("system", shown).patch.isEmpty());
        QVERIFY(settingsedits::theme("purple", shown).error.contains("purple"));
        QCOMPARE(settingsedits::language("de", shown).patch, (QJsonObject{{"language", "de"}}));
        QVERIFY(!settingsedits::language("fr", shown).error.isEmpty());
    }

    void notifications()
    {
        QCOMPARE(settingsedits::notification("email_digest", true).patch,
                 (QJsonObject{{"notifications", QJsonObject{{"email_digest", true}}}}));
        QVERIFY(settingsedits::notification("spam", true).error.contains("spam"));
    }

    void mergePatchObjectsMergeOthersReplace()
    {
        const QJsonObject target{{"theme", "light"},
                                 {"notifications", QJsonObject{{"a", true}, {"b", false}}}};
        const QJsonObject merged =
            settingsedits::merged(target, {{"theme", "dark"},
                                           {"notifications", QJsonObject{{"b", true}}},
                                           {"display_name", QJsonValue()}});
        QCOMPARE(merged.value("theme").toString(), QString("dark"));
        QCOMPARE(merged.value("notifications").toObject(), (QJsonObject{{"a", true}, {"b", true}}));
        QVERIFY(merged.value("display_name").isNull());
    }

    void queuedPatchesLieOverTheServersSettings()
    {
        UserSettings server;
        server.theme = "light";
        server.etag = "\"v3\"";
        OutboxEntry first, second, other;
        first.kind = second.kind = OutboxEntry::PatchSettings;
        first.payload = {{"patch", QJsonObject{{"theme", "dark"}}}};
        second.payload = {
            {"patch", QJsonObject{{"notifications", QJsonObject{{"product_updates", true}}}}}};
        other.kind = OutboxEntry::EditVideo;
        other.payload = {{"patch", QJsonObject{{"theme", "never"}}}};
        const UserSettings shown = settingsedits::withQueued(server, {first, other, second});
        QCOMPARE(shown.theme, QString("dark"));
        QVERIFY(shown.notifications.productUpdates);
        QVERIFY(shown.notifications.securityAlerts); // untouched
        QCOMPARE(shown.etag, QString("\"v3\""));
    }
};

QTEST_GUILESS_MAIN(TestSettingsEdits)
#include "tst_settingsedits.moc"
