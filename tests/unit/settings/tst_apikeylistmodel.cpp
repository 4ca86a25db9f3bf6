// ApiKeyListModel: the user's API keys, never their secrets (fixture:
// tests/data/settings/apikeys.json).
#include "settings/apikeylistmodel.h"
#include "testdata.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

namespace {

QList<ApiKeyInfo> fixtureKeys()
{
    QList<ApiKeyInfo> keys;
    for (const QJsonValue &v : testJson("settings/apikeys.json").value("api_keys").toArray())
        keys << ApiKeyInfo::fromJson(v.toObject());
    return keys;
}

} // namespace

class TestApiKeyListModel : public QObject
{
    Q_OBJECT
private slots:
    void showsTheKeys()
    {
        ApiKeyListModel m;
        QSignalSpy count(&m, &ApiKeyListModel::countChanged);
        m.setKeys(fixtureKeys());
        QCOMPARE(m.count(), 2);
        QCOMPARE(count.count(), 1);
        QCOMPARE(m.data(m.index(0), ApiKeyListModel::KeyIdRole).toString(), QString("key_1"));
        QCOMPARE(m.data(m.index(0), ApiKeyListModel::NameRole).toString(), QString("Laptop"));
        QCOMPARE(m.data(m.index(0), ApiKeyListModel::PrefixRole).toString(), QString("cs_ab12"));
        QVERIFY(m.data(m.index(0), ApiKeyListModel::LastUsedAtRole).toDateTime().isValid());
        QVERIFY(!m.data(m.index(1), ApiKeyListModel::LastUsedAtRole)
                     .toDateTime()
                     .isValid()); // never used
        QCOMPARE(m.roleNames().size(), 5);
    }

    void neverKeepsASecret()
    {
        const QList<ApiKeyInfo> keys = fixtureKeys();
        QVERIFY(!keys.at(1).secret.isEmpty()); // the fixture has one …
        ApiKeyListModel m;
        m.setKeys(keys);
        for (const ApiKeyInfo &k : m.keys())
            QVERIFY(k.secret.isEmpty()); // … the model drops it
    }

    void removesByID()
    {
        ApiKeyListModel m;
        m.setKeys(fixtureKeys());
        QSignalSpy count(&m, &ApiKeyListModel::countChanged);
        m.remove("key_1");
        QCOMPARE(m.count(), 1);
        QCOMPARE(m.keys().first().id, QString("key_2"));
        m.remove("unknown");
        QCOMPARE(m.count(), 1);
        QCOMPARE(count.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestApiKeyListModel)
#include "tst_apikeylistmodel.moc"
