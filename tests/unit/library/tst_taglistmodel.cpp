// TagListModel: the user's tags, most used first, for the tag bar and completion.
#include "library/taglistmodel.h"

#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;

namespace {

QStringList names(const TagListModel &m)
{
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i)
        out << m.data(m.index(i), TagListModel::NameRole).toString();
    return out;
}

} // namespace

class TestTagListModel : public QObject
{
    Q_OBJECT
private slots:
    void mostUsedFirstThenByName()
    {
        TagListModel m;
        QSignalSpy count(&m, &TagListModel::countChanged);
        m.setTags({{"b", 2}, {"c", 5}, {"a", 2}});
        QCOMPARE(names(m), (QStringList{"c", "a", "b"}));
        QCOMPARE(m.data(m.index(0), TagListModel::CountRole).toInt(), 5);
        QCOMPARE(m.roleNames().value(TagListModel::SelectedRole), QByteArray("selected"));
        QCOMPARE(count.count(), 1);
        QCOMPARE(m.data(m.index(9), TagListModel::NameRole), QVariant());
    }

    void aSelectedTagStaysListedWhenTheServerDropsIt()
    {
        TagListModel m;
        m.setTags({{"music", 3}});
        m.setSelected({"Gone"});
        QCOMPARE(names(m), (QStringList{"music", "Gone"}));
        QVERIFY(m.data(m.index(1), TagListModel::SelectedRole).toBool());
        QCOMPARE(m.data(m.index(1), TagListModel::CountRole).toInt(), 0);
        m.setSelected({});
        QCOMPARE(names(m), QStringList{"music"}); // unselected: it goes
    }

    void selectionIgnoresCase()
    {
        TagListModel m;
        m.setTags({{"Music", 3}});
        m.setSelected({"music"});
        QCOMPARE(m.count(), 1);
        QVERIFY(m.data(m.index(0), TagListModel::SelectedRole).toBool());
    }

    void completionsStartThenContain()
    {
        TagListModel m;
        m.setTags({{"cooking", 9}, {"book", 7}, {"cookies", 3}, {"unused", 0}});
        QCOMPARE(m.completions("coo"), (QStringList{"cooking", "cookies"}));
        QCOMPARE(m.completions("ok"), (QStringList{"cooking", "book", "cookies"}));
        QCOMPARE(m.completions("oo", 1), QStringList{"cooking"});
        QCOMPARE(m.completions(""),
                 (QStringList{"cooking", "book", "cookies"})); // never a tag no video has
    }
};

QTEST_GUILESS_MAIN(TestTagListModel)
#include "tst_taglistmodel.moc"
