#include "format.h"

namespace clipshelf::cli::format {

QString time(const QDateTime &when, const QString &missing)
{
    return when.isValid() ? when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                          : missing;
}

QString clip(const QString &text, qsizetype width)
{
    QString line = text.simplified();
    if (line.size() > width)
        line = line.left(width - 1) + QChar(0x2026);
    return line;
}

QStringList commaList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','))) {
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    }
    return out;
}

QString count(qsizetype n, const QString &singular, const QString &plural)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? singular : plural);
}

} // namespace clipshelf::cli::format
