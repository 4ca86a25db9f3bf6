// POST /videos with every link shape of tests/data/youtube-links.json, the
// same table the client's YoutubeUrl unit test reads: accepted links are saved
// under their video id with the canonical url, refused ones answer 422 on url.
#include "serverfixture.h"

#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtTest/QTest>

using namespace testsupport;

class TestApiServerLinks : public QObject
{
    Q_OBJECT
private:
    ServerFixture f;
    QByteArray alice;

private Q_SLOTS:
    void initTestCase();
    void links_data();
    void links();
};

void TestApiServerLinks::initTestCase()
{
    QVERIFY(f.start());
    alice = f.alice();
}

void TestApiServerLinks::links_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<QString>("id");
    QFile file(QStringLiteral(CLIPSHELF_YOUTUBE_LINKS));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray rows =
        QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("links")).toArray();
    QVERIFY(rows.size() >= 40);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows.at(i).toObject();
        const QString link = row.value(QStringLiteral("link")).toString();
        const QJsonValue id = row.value(QStringLiteral("id"));
        QTest::addRow("%d %s", int(i), qPrintable(link.trimmed()))
            << link << (id.isString() ? id.toString() : QString());
    }
}

void TestApiServerLinks::links()
{
    QFETCH(QString, link);
    QFETCH(QString, id);
    const TestReply r =
        f.call("POST", QStringLiteral("/videos"), alice, {{QStringLiteral("url"), link}});
    if (id.isNull()) {
        QCOMPARE(r.status, 422);
        const QJsonObject error = r.jsonArray(QStringLiteral("errors")).first().toObject();
        QCOMPARE(error.value(QStringLiteral("field")).toString(), QStringLiteral("url"));
        QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
        return;
    }
    // The same video may already be saved by an earlier row: 409 with it.
    QVERIFY2(r.status == 201 || r.status == 409, r.body.constData());
    const QJsonObject video =
        r.status == 201 ? r.json() : r.json().value(QStringLiteral("video")).toObject();
    QCOMPARE(video.value(QStringLiteral("youtube_id")).toString(), id);
    QCOMPARE(video.value(QStringLiteral("url")).toString(),
             QStringLiteral("https://www.youtube.com/watch?v=") + id);
}

QTEST_GUILESS_MAIN(TestApiServerLinks)
#include "tst_apiserver_links.moc"
