#pragma once

#include <QString>
#include <QStringList>
#include <utility>

namespace clipshelf {

struct ApiError;

/// A video's editable fields checked as the server checks them, and the server's refusals in plain
/// words.
namespace videofields {

/// "" when \a title, \a notes and \a tags are fine, else the message (and \a field:
/// "title", "notes" or "tags"). \a tags is normalised (trimmed, lower case, no duplicates).
QString validate(const QString &title, const QString &notes, QStringList *tags, QString *field);

/// The field a 400 or 422 names ("tags[2]" -> "tags") and its message. A refusal
/// the form has no field for (e.g. "body"), or one without errors[], is general
/// ("" and the answer's own message).
std::pair<QString, QString> fieldProblem(const ApiError &error);

/// Length in Unicode code points (as the server counts), not UTF-16 units.
qsizetype codePoints(const QString &s);

} // namespace videofields

} // namespace clipshelf
