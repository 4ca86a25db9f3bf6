// LibraryCache: per-owner files, atomic background writes, never mixing users.
#include "storage/librarycache.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace clipshelf;

class TestLibraryCache : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void defaultDirectoryIsPerProfile()
    {
        const QString a = LibraryCache::defaultDirectory("alpha");
        const QString b = LibraryCache::defaultDirectory("beta");
        QVERIFY(a != b);
        QVERIFY(a.contains("alpha"));
        QVERIFY(a.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    }

    void storesAndReadsEverything()
    {
        QTemporaryDir dir;
        {
            LibraryCache cache(dir.filePath("c"));
            QCOMPARE(cache.ownerSub(), QString());
            QVERIFY(cache.readLibraryJson().isEmpty());
            QVERIFY(!cache.settings());
            cache.setOwnerSub("user_alice");
            cache.setLibraryState({"cursor-1", false, 250});
            cache.writeLibraryAsync(
                [] { return QByteArray("{\"videos\":[],\"count\":0,\"next_cursor\":null}"); });
            cache.setTags({{"music", 3}, {"legs", 1}});
            UserSettings s;
            s.displayName = "Alice";
            s.theme = "dark";
            s.language = "de";
            s.notifications.productUpdates = true;
            s.etag = "\"v7\"";
            cache.setSettings(s);
            UserInfo me;
            me.sub = "user_alice";
            me.email = "alice@example.com";
            me.avatarUrl = "http://x/me/avatar?v=1";
            cache.setMe(me);
            const QString avatar = cache.writeAvatar("PNGDATA");
            QVERIFY(QFile::exists(avatar));
            cache.waitForWrites();
        }
        LibraryCache cache(dir.filePath("c")); // a new start reads it back
        QCOMPARE(cache.ownerSub(), QString("user_alice"));
        QCOMPARE(cache.libraryState().nextCursor, QString("cursor-1"));
        QCOMPARE(cache.libraryState().count, 250);
        QVERIFY(cache.readLibraryJson().startsWith("{\"videos\""));
        QCOMPARE(cache.tags().size(), 2);
        QCOMPARE(cache.tags().at(0).name, QString("music"));
        QCOMPARE(cache.settings()->theme, QString("dark"));
        QCOMPARE(cache.settings()->etag, QString("\"v7\""));
        QCOMPARE(cache.settings()->notifications.productUpdates, true);
        QCOMPARE(cache.me()->email, QString("alice@example.com"));
        QFile avatar(cache.avatarPath());
        QVERIFY(avatar.open(QIODevice::ReadOnly));
        QCOMPARE(avatar.readAll(), QByteArray("PNGDATA"));
    }

    void aNewAvatarGetsANewName()
    {
        QTemporaryDir dir;
        LibraryCache cache(dir.path());
        const QString first = cache.writeAvatar("one");
        QTest::qWait(2);
        const QString second = cache.writeAvatar("two");
        QVERIFY(first != second);
        QVERIFY(!QFile::exists(first));
        QCOMPARE(cache.avatarPath(), second);
        QCOMPARE(cache.writeAvatar({}), QString());
        QCOMPARE(cache.avatarPath(), QString());
    }

    void anotherOwnerStartsEmpty()
    {
        QTemporaryDir dir;
        LibraryCache cache(dir.path());
        cache.setOwnerSub("user_alice");
        cache.writeLibraryAsync([] { return QByteArray("{\"videos\":[]}"); });
        cache.setTags({{"secret-project", 1}});
        cache.writeAvatar("alice");
        cache.waitForWrites();
        cache.setOwnerSub("user_bob");
        QCOMPARE(cache.ownerSub(), QString("user_bob"));
        QVERIFY(cache.readLibraryJson().isEmpty());
        QVERIFY(cache.tags().isEmpty());
        QCOMPARE(cache.avatarPath(), QString());
    }

    void clearRemovesEveryFile()
    {
        QTemporaryDir dir;
        LibraryCache cache(dir.path());
        cache.setOwnerSub("user_alice");
        cache.writeLibraryAsync([] { return QByteArray("{}"); });
        cache.writeAvatar("x");
        cache.clear();
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList());
        QCOMPARE(cache.ownerSub(), QString());
    }

    void backgroundWritesKeepTheirOrder()
    {
        QTemporaryDir dir;
        LibraryCache cache(dir.path());
        for (int i = 0; i < 20; ++i)
            cache.writeLibraryAsync([i] { return QByteArray::number(i); });
        cache.waitForWrites();
        QCOMPARE(cache.readLibraryJson(), QByteArray("19"));
    }
};

QTEST_GUILESS_MAIN(TestLibraryCache)
#include "tst_librarycache.moc"
