// YoutubeUrl: every link shape of tests/data/youtube-links.json (the table the
// reference API server's tests run against POST /videos too), plus the id
// rules and the derived URLs.
#include "core/youtubeurl.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtTest/QTest>

using clipshelf::YoutubeUrl;

class TestYoutubeUrl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void table_data();
    void table();
    void tableIsLargeEnough();
    void errorsDoNotRepeatThemselves();
    void ids();
    void derivedUrls();

private:
    static QJsonArray links();
};

QJsonArray TestYoutubeUrl::links()
{
    QFile file(QStringLiteral(CLIPSHELF_YOUTUBE_LINKS));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", CLIPSHELF_YOUTUBE_LINKS);
    return QJsonDocument::fromJson(file.readAll())
        .object()
        .value(QStringLiteral("links"))
        .toArray();
}

void TestYoutubeUrl::table_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("id"); // null: refused
    const QJsonArray rows = links();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows.at(i).toObject();
        const QString link = row.value(QStringLiteral("link")).toString();
        const QJsonValue id = row.value(QStringLiteral("id"));
        QTest::addRow("%d %s", int(i), qPrintable(link.trimmed()))
            << link << (id.isString() ? id.toString() : QString());
    }
}

void TestYoutubeUrl::table()
{
    QFETCH(QString, input);
    QFETCH(QString, id);
    const YoutubeUrl url = YoutubeUrl::parse(input);
    if (id.isNull()) {
        QVERIFY2(!url.isValid(), qPrintable(url.videoId()));
        QVERIFY(url.videoId().isEmpty());
        QVERIFY(url.canonicalUrl().isEmpty());
        QVERIFY(!url.errorString().isEmpty());
    } else {
        QVERIFY2(url.isValid(), qPrintable(url.errorString()));
        QCOMPARE(url.videoId(), id);
        QCOMPARE(url.canonicalUrl(), QStringLiteral("https://www.youtube.com/watch?v=") + id);
        QVERIFY(url.errorString().isEmpty());
    }
}

void TestYoutubeUrl::tableIsLargeEnough()
{
    int accepted = 0, refused = 0;
    for (const QJsonValue &v : links())
        (v.toObject().value(QStringLiteral("id")).isString() ? accepted : refused) += 1;
    QVERIFY2(accepted + refused >= 40, "the table has fewer than 40 link shapes");
    QVERIFY(accepted >= 20);
    QVERIFY(refused >= 20);
}

void TestYoutubeUrl::errorsDoNotRepeatThemselves()
{
    // A reason is one clause that completes "The link ...": no second sentence,
    // no list of examples glued on, no "YouTube ... YouTube" echo.
    for (const QJsonValue &v : links()) {
        const QString link = v.toObject().value(QStringLiteral("link")).toString();
        const QString reason = YoutubeUrl::parse(link).errorString();
        if (reason.isEmpty())
            continue;
        QVERIFY2(!reason.contains(u';') && !reason.contains(QLatin1String("expected")),
                 qPrintable(reason));
        QVERIFY2(reason.count(QLatin1String("YouTube")) <= 1, qPrintable(reason));
        QVERIFY2(reason.at(0).isLower() && !reason.endsWith(u'.'), qPrintable(reason));
    }
}

void TestYoutubeUrl::ids()
{
    QVERIFY(YoutubeUrl::isValidId(u"abcdefghijk"));
    QVERIFY(YoutubeUrl::isValidId(u"ABC-_012345"));
    QVERIFY(!YoutubeUrl::isValidId(u"abcdefghij"));
    QVERIFY(!YoutubeUrl::isValidId(u"abcdefghijkl"));
    QVERIFY(!YoutubeUrl::isValidId(u"abcdefghij\u00e9"));
    QVERIFY(!YoutubeUrl::isValidId(u"abcdefghij="));
}

void TestYoutubeUrl::derivedUrls()
{
    const YoutubeUrl url = YoutubeUrl::parse(u"https://youtu.be/dQw4w9WgXcQ?si=abc");
    QCOMPARE(url.canonicalUrl(), QStringLiteral("https://www.youtube.com/watch?v=dQw4w9WgXcQ"));
    QCOMPARE(url.thumbnailUrl(),
             QStringLiteral("https://img.youtube.com/vi/dQw4w9WgXcQ/hqdefault.jpg"));
    QCOMPARE(YoutubeUrl::thumbnailUrlForId(QStringLiteral("x")),
             QStringLiteral("https://img.youtube.com/vi/x/hqdefault.jpg"));
}

QTEST_GUILESS_MAIN(TestYoutubeUrl)
#include "tst_youtubeurl.moc"
