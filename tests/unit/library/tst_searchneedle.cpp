// SearchNeedle: a search text prepared once for matching records.
#include "library/searchneedle.h"

#include <QTest>

using namespace clipshelf;

class TestSearchNeedle : public QObject
{
    Q_OBJECT
private slots:
    void anAsciiText()
    {
        const SearchNeedle n("cat");
        QCOMPARE(n.utf8, QByteArray("cat"));
        QVERIFY(n.ascii);
        QVERIFY(!n.inUrlPrefix);
        QVERIFY(!n.isEmpty());
    }

    void aNonAsciiText()
    {
        const SearchNeedle n(QString("café"));
        QVERIFY(!n.ascii);
        QCOMPARE(n.utf8, QString("café").toUtf8());
    }

    void aTextInsideTheUrlPrefixMatchesEveryRow()
    {
        QVERIFY(SearchNeedle("youtube.com").inUrlPrefix);
        QVERIFY(SearchNeedle("watch?v=").inUrlPrefix);
        QVERIFY(!SearchNeedle("watch?v=abc").inUrlPrefix);
    }

    void splitsWhereAMatchMayRunFromThePrefixIntoTheId()
    {
        // "v=abc": the prefix ends with "v=", so a match may start 2 characters before the id.
        const SearchNeedle n("v=abc");
        QCOMPARE(n.urlSplits.size(), 1);
        QCOMPARE(n.urlSplits.at(0), 2);
        QVERIFY(SearchNeedle("xyz").urlSplits.isEmpty());
    }

    void emptyMatchesEverything()
    {
        QVERIFY(SearchNeedle().isEmpty());
        QVERIFY(!SearchNeedle().inUrlPrefix);
    }

    void asciiCheck()
    {
        QVERIFY(SearchNeedle::isAscii("plain text"));
        QVERIFY(!SearchNeedle::isAscii(QString("naïve").toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestSearchNeedle)
#include "tst_searchneedle.moc"
