// YoutubeUrl: every accepted form of the contract, and what is rejected.
#include "core/youtubeurl.h"

#include <QtTest/QTest>

using clipshelf::YoutubeUrl;

class TestYoutubeUrl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void accepted_data();
    void accepted();
    void rejected_data();
    void rejected();
    void ids();
    void derivedUrls();
};

void TestYoutubeUrl::accepted_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("id");
    const QString id = QStringLiteral("dQw4w9WgXcQ");
    QTest::newRow("watch") << QStringLiteral("https://www.youtube.com/watch?v=dQw4w9WgXcQ") << id;
    QTest::newRow("watch extra params") << QStringLiteral("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s&list=PL1") << id;
    QTest::newRow("watch v not first") << QStringLiteral("https://www.youtube.com/watch?feature=share&v=dQw4w9WgXcQ") << id;
    QTest::newRow("mobile watch") << QStringLiteral("https://m.youtube.com/watch?v=dQw4w9WgXcQ") << id;
    QTest::newRow("youtu.be") << QStringLiteral("https://youtu.be/dQw4w9WgXcQ") << id;
    QTest::newRow("shorts") << QStringLiteral("https://www.youtube.com/shorts/dQw4w9WgXcQ") << id;
    QTest::newRow("embed") << QStringLiteral("https://www.youtube.com/embed/dQw4w9WgXcQ") << id;
    QTest::newRow("id with - and _") << QStringLiteral("https://youtu.be/a-b_c-d_e-f") << QStringLiteral("a-b_c-d_e-f");
    QTest::newRow("upper-case host") << QStringLiteral("https://WWW.YouTube.com/watch?v=dQw4w9WgXcQ") << id;
    QTest::newRow("surrounding spaces") << QStringLiteral("  https://youtu.be/dQw4w9WgXcQ\n") << id;
}

void TestYoutubeUrl::accepted()
{
    QFETCH(QString, input);
    QFETCH(QString, id);
    const YoutubeUrl url = YoutubeUrl::parse(input);
    QVERIFY2(url.isValid(), qPrintable(url.errorString()));
    QCOMPARE(url.videoId(), id);
    QCOMPARE(url.canonicalUrl(), QStringLiteral("https://www.youtube.com/watch?v=") + id);
    QVERIFY(url.errorString().isEmpty());
}

void TestYoutubeUrl::rejected_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("empty") << QString();
    QTest::newRow("not a url") << QStringLiteral("hello world");
    QTest::newRow("bare id") << QStringLiteral("dQw4w9WgXcQ");
    QTest::newRow("http") << QStringLiteral("http://www.youtube.com/watch?v=dQw4w9WgXcQ");
    QTest::newRow("no www") << QStringLiteral("https://youtube.com/watch?v=dQw4w9WgXcQ");
    QTest::newRow("music host") << QStringLiteral("https://music.youtube.com/watch?v=dQw4w9WgXcQ");
    QTest::newRow("lookalike host") << QStringLiteral("https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ");
    QTest::newRow("other site") << QStringLiteral("https://vimeo.com/123456");
    QTest::newRow("id too short") << QStringLiteral("https://www.youtube.com/watch?v=dQw4w9WgXc");
    QTest::newRow("id too long") << QStringLiteral("https://www.youtube.com/watch?v=dQw4w9WgXcQQ");
    QTest::newRow("id bad char") << QStringLiteral("https://www.youtube.com/watch?v=dQw4w9WgX.Q");
    QTest::newRow("id percent-encoded") << QStringLiteral("https://www.youtube.com/watch?v=dQw4w9WgX%51");
    QTest::newRow("no v") << QStringLiteral("https://www.youtube.com/watch?list=PL1");
    QTest::newRow("two v") << QStringLiteral("https://www.youtube.com/watch?v=dQw4w9WgXcQ&v=aaaaaaaaaaa");
    QTest::newRow("channel") << QStringLiteral("https://www.youtube.com/@somebody");
    QTest::newRow("playlist") << QStringLiteral("https://www.youtube.com/playlist?list=PL1");
    QTest::newRow("mobile shorts") << QStringLiteral("https://m.youtube.com/shorts/dQw4w9WgXcQ");
    QTest::newRow("shorts trailing") << QStringLiteral("https://www.youtube.com/shorts/dQw4w9WgXcQ/x");
    QTest::newRow("embed query") << QStringLiteral("https://www.youtube.com/embed/dQw4w9WgXcQ?start=3");
    QTest::newRow("youtu.be query") << QStringLiteral("https://youtu.be/dQw4w9WgXcQ?t=1");
    QTest::newRow("youtu.be trailing slash") << QStringLiteral("https://youtu.be/dQw4w9WgXcQ/");
    QTest::newRow("fragment") << QStringLiteral("https://www.youtube.com/watch?v=dQw4w9WgXcQ#t=3");
    QTest::newRow("port") << QStringLiteral("https://www.youtube.com:443/watch?v=dQw4w9WgXcQ");
    QTest::newRow("user info") << QStringLiteral("https://me@www.youtube.com/watch?v=dQw4w9WgXcQ");
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)");
    QTest::newRow("inner space") << QStringLiteral("https://www.youtube.com/watch?v=dQw4w9 WgXcQ");
}

void TestYoutubeUrl::rejected()
{
    QFETCH(QString, input);
    const YoutubeUrl url = YoutubeUrl::parse(input);
    QVERIFY2(!url.isValid(), qPrintable(url.videoId()));
    QVERIFY(url.videoId().isEmpty());
    QVERIFY(url.canonicalUrl().isEmpty());
    QVERIFY(!url.errorString().isEmpty());
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
    const YoutubeUrl url = YoutubeUrl::parse(u"https://youtu.be/dQw4w9WgXcQ");
    QCOMPARE(url.thumbnailUrl(), QStringLiteral("https://img.youtube.com/vi/dQw4w9WgXcQ/hqdefault.jpg"));
    QCOMPARE(YoutubeUrl::thumbnailUrlForId(QStringLiteral("x")), QStringLiteral("https://img.youtube.com/vi/x/hqdefault.jpg"));
}

QTEST_GUILESS_MAIN(TestYoutubeUrl)
#include "tst_youtubeurl.moc"
