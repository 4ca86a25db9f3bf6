// Issue 21, item 7: the smoke test's icon check finds icons that cannot load.
#include "iconcheck.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using clipshelf::checkIcons;
using clipshelf::describeIconProblems;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

const QByteArray kGoodSvg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\">"
                            "<path d=\"M4 4h16v16H4z\" fill=\"#000\"/></svg>";

} // namespace

class TestIconCheck : public QObject
{
    Q_OBJECT

private slots:
    void theAppsIconsAllLoad()
    {
        qsizetype checked = 0;
        const auto problems = checkIcons(QStringLiteral(":/qt/qml/Clipshelf/icons"), &checked);
        QVERIFY2(problems.isEmpty(), qPrintable(describeIconProblems(problems, checked)));
        QVERIFY(checked >= 20);
    }

    void aDamagedIconIsNamed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath("good.svg"), kGoodSvg));
        QVERIFY(writeFile(dir.filePath("broken.svg"),
                          "<svg xmlns=\"http://www.w3.org/2000/svg\"><path d="));
        qsizetype checked = 0;
        const auto problems = checkIcons(dir.path(), &checked);
        QCOMPARE(checked, 2);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.constFirst().fileName, QStringLiteral("broken.svg"));
        QCOMPARE(describeIconProblems(problems, checked),
                 QStringLiteral(
                     "1 of 2 icons could not be loaded, e.g. broken.svg (not a valid SVG file)."));
    }

    void aWrongIconFolderIsAProblem()
    {
        // A broken icon path: nothing to load is a failure, not a pass.
        qsizetype checked = -1;
        const auto problems =
            checkIcons(QStringLiteral(":/qt/qml/Clipshelf/no-such-icons"), &checked);
        QCOMPARE(checked, 0);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(
            describeIconProblems(problems, checked),
            QStringLiteral(
                "no icons could be loaded: :/qt/qml/Clipshelf/no-such-icons has no .svg files."));
    }

    void noProblemNoSentence() { QVERIFY(describeIconProblems({}, 3).isEmpty()); }
};

QTEST_MAIN(TestIconCheck)
#include "tst_iconcheck.moc"
