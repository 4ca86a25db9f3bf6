// TextArena: stable storage for the text of a table of records.
#include "library/textarena.h"

#include <cstring>
#include <QTest>

using namespace clipshelf;

class TestTextArena : public QObject
{
    Q_OBJECT
private slots:
    void bytesStayWhereTheyAreWritten()
    {
        TextArena arena;
        char *first = arena.allocate(5);
        std::memcpy(first, "hello", 5);
        // Enough small texts to open several blocks: the first one never moves.
        for (int i = 0; i < 10'000; ++i)
            std::memset(arena.allocate(40), 'x', 40);
        QCOMPARE(QByteArray(first, 5), QByteArray("hello"));
        QCOMPARE(arena.bytesUsed(), 5 + 10'000 * 40);
    }

    void consecutiveSmallTextsShareABlock()
    {
        TextArena arena;
        char *a = arena.allocate(10);
        char *b = arena.allocate(10);
        QCOMPARE(b, a + 10);
    }

    void aLargeTextGetsItsOwnBlockAndTheCurrentOneStaysOpen()
    {
        TextArena arena;
        char *a = arena.allocate(8);
        char *big = arena.allocate(64 * 1024);
        std::memset(big, 'b', 64 * 1024);
        char *c = arena.allocate(8);
        QCOMPARE(c, a + 8); // the small text continues the open block
        QCOMPARE(arena.bytesUsed(), 8 + 64 * 1024 + 8);
    }

    void nothingForAnEmptyText()
    {
        TextArena arena;
        QCOMPARE(arena.allocate(0), nullptr);
        QCOMPARE(arena.allocate(-3), nullptr);
        QCOMPARE(arena.bytesUsed(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTextArena)
#include "tst_textarena.moc"
