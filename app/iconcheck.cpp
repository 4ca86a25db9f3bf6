#include "iconcheck.h"

#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QSize>
#include <QSvgRenderer>

namespace clipshelf {

QList<IconProblem> checkIcons(const QString &dir, qsizetype *checked)
{
    QList<IconProblem> problems;
    const QDir icons(dir);
    const QStringList names = icons.entryList({QStringLiteral("*.svg")}, QDir::Files, QDir::Name);
    if (checked)
        *checked = names.size();
    if (names.isEmpty()) {
        problems.append({dir, QStringLiteral("no .svg files")});
        return problems;
    }
    for (const QString &name : names) {
        const QString path = icons.filePath(name);
        // QtSvg parses the file itself: tells a damaged icon from a missing plugin
        // (and links QtSvg into the app, which is what makes windeployqt and
        // macdeployqt deploy the SVG image plugin at all).
        if (!QSvgRenderer(path).isValid()) {
            problems.append({name, QStringLiteral("not a valid SVG file")});
            continue;
        }
        // The path QML's Image takes: QImageReader and the imageformats plugin.
        QImageReader reader(path);
        reader.setScaledSize(QSize(24, 24));
        const QImage image = reader.read();
        if (image.isNull())
            problems.append({name, reader.errorString()});
    }
    return problems;
}

QString describeIconProblems(const QList<IconProblem> &problems, qsizetype checked)
{
    if (problems.isEmpty())
        return {};
    const IconProblem &first = problems.constFirst();
    if (checked == 0)
        return QStringLiteral("no icons could be loaded: %1 has %2.")
            .arg(first.fileName, first.reason);
    return QStringLiteral("%1 of %2 icons could not be loaded, e.g. %3 (%4).")
        .arg(problems.size())
        .arg(checked)
        .arg(first.fileName, first.reason);
}

} // namespace clipshelf
