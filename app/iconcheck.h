// The smoke test's icon check: every icon the UI draws must load, through the
// same image plugin QML's Image uses, on the machine the app was installed on.
#pragma once

#include <QList>
#include <QString>

namespace clipshelf {

/// An icon that cannot be drawn, and why.
struct IconProblem
{
    QString fileName; ///< e.g. "copy.svg"
    QString reason;   ///< e.g. "Unsupported image format"
};

/// Loads every *.svg in `dir` (a resource path such as ":/qt/qml/Clipshelf/icons")
/// and returns those that do not load; an empty or missing folder is a problem too.
/// `checked` receives how many icons there were.
QList<IconProblem> checkIcons(const QString &dir, qsizetype *checked = nullptr);

/// One sentence for the smoke test's output, e.g. "31 of 31 icons could not be
/// loaded, e.g. copy.svg (Unsupported image format)."; empty when there is no problem.
QString describeIconProblems(const QList<IconProblem> &problems, qsizetype checked);

} // namespace clipshelf
