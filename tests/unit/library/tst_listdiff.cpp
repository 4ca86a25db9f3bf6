// planListDiff: the inserts and removes that move a view from one sorted list to another.
#include "library/listdiff.h"

#include <QTest>

using namespace clipshelf;

namespace {

/// Applies \a runs to \a old as a view would.
std::vector<int> apply(std::vector<int> old, const std::vector<int> &next,
                       const std::vector<ListRun> &runs)
{
    for (const ListRun &r : runs) {
        const auto at = old.begin() + qsizetype(r.pos);
        if (r.insert)
            old.insert(at, next.begin() + qsizetype(r.from),
                       next.begin() + qsizetype(r.from + r.count));
        else
            old.erase(at, at + qsizetype(r.count));
    }
    return old;
}

const auto descending = [](int a, int b) { return a > b; };

} // namespace

class TestListDiff : public QObject
{
    Q_OBJECT
private slots:
    void sameListsNeedNothing()
    {
        const std::vector<int> l{9, 5, 1};
        const auto runs = planListDiff(l, l, descending, 64);
        QVERIFY(runs);
        QVERIFY(runs->empty());
    }

    void runsOfInsertsAndRemoves()
    {
        const std::vector<int> old{9, 8, 7, 3, 1};
        const std::vector<int> next{10, 9, 6, 5, 3, 2};
        const auto runs = planListDiff(old, next, descending, 64);
        QVERIFY(runs);
        QCOMPARE(apply(old, next, *runs), next);
        QCOMPARE(runs->size(), size_t(5)); // +10, -8 7, +6 5, +2, -1
        QVERIFY(runs->at(0).insert);
        QCOMPARE(runs->at(0).pos, size_t(0));
        QVERIFY(!runs->at(1).insert);
        QCOMPARE(runs->at(1).count, size_t(2));
    }

    void fromAndToEmpty()
    {
        const std::vector<int> l{4, 3};
        const auto in = planListDiff(std::vector<int>{}, l, descending, 64);
        QCOMPARE(in->size(), size_t(1));
        QCOMPARE(apply({}, l, *in), l);
        const auto out = planListDiff(l, std::vector<int>{}, descending, 64);
        QCOMPARE(out->size(), size_t(1));
        QVERIFY(apply(l, {}, *out).empty());
    }

    void tooManyRunsAskForAReset()
    {
        std::vector<int> odd, even;
        for (int i = 200; i > 0; --i)
            (i % 2 ? odd : even).push_back(i);
        QVERIFY(!planListDiff(odd, even, descending, 64));
        QVERIFY(planListDiff(odd, even, descending, 1000));
    }
};

QTEST_GUILESS_MAIN(TestListDiff)
#include "tst_listdiff.moc"
