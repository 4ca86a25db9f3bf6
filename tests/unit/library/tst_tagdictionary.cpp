// TagDictionary: every tag spelling once, and the case-folded id filters use.
#include "library/tagdictionary.h"

#include <QTest>

using namespace clipshelf;

class TestTagDictionary : public QObject
{
    Q_OBJECT
private slots:
    void aSpellingIsStoredOnce()
    {
        TagDictionary d;
        const quint32 a = d.intern(QString("music"));
        QCOMPARE(d.intern(QString("music")), a);
        QCOMPARE(d.intern(QByteArrayView("music")), a);
        QCOMPARE(d.name(a), QString("music"));
        QCOMPARE(d.size(), 1);
    }

    void spellingsThatLowerCaseAlikeShareTheirFoldId()
    {
        TagDictionary d;
        const quint32 upper = d.intern(QString("Music"));
        const quint32 lower = d.intern(QString("music"));
        QVERIFY(upper != lower);
        QCOMPARE(d.name(upper), QString("Music")); // the exact spelling is kept
        QCOMPARE(d.fold(upper), lower);
        QCOMPARE(d.fold(lower), lower);
        QCOMPARE(d.size(), 2);
        QCOMPARE(d.foldedId("music"), lower);
    }

    void nonAsciiTagsFoldToo()
    {
        TagDictionary d;
        const quint32 id = d.intern(QString("ÜBER"));
        QCOMPARE(d.foldedId(QString("über")), d.fold(id));
    }

    void anUnknownTagHasNoId()
    {
        TagDictionary d;
        d.intern(QString("music"));
        QCOMPARE(d.foldedId("cooking"), TagDictionary::kNone);
    }
};

QTEST_GUILESS_MAIN(TestTagDictionary)
#include "tst_tagdictionary.moc"
