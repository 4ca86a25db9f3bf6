#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace clipshelf::cli::format {

/// Local time as "2026-01-03 10:15", or \a missing when invalid.
QString time(const QDateTime &when, const QString &missing = QStringLiteral("-"));
/// \a text on one line, cut to \a width characters with "…".
QString clip(const QString &text, qsizetype width);
/// Splits "a, b,c" into {"a", "b", "c"}: trimmed, empty parts dropped.
QStringList commaList(const QString &text);
/// "1 video", "3 videos".
QString count(qsizetype n, const QString &singular, const QString &plural);

} // namespace clipshelf::cli::format
