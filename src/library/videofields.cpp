#include "library/videofields.h"

#include "api/apierror.h"

#include <QCoreApplication>

// The messages keep the LibraryChanges translation context, where they were first
// (resources/translations).
namespace clipshelf::videofields {

qsizetype codePoints(const QString &s)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < s.size(); ++i, ++n)
        if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
            ++i;
    return n;
}

QString validate(const QString &title, const QString &notes, QStringList *tags, QString *field)
{
    if (codePoints(title.trimmed()) > 300) {
        *field = QStringLiteral("title");
        return QCoreApplication::translate("clipshelf::LibraryChanges",
                                           "The title can have at most 300 characters.");
    }
    if (codePoints(notes) > 10000) {
        *field = QStringLiteral("notes");
        return QCoreApplication::translate("clipshelf::LibraryChanges",
                                           "Notes can have at most 10,000 characters.");
    }
    QStringList normalised;
    for (const QString &t : std::as_const(*tags)) {
        const QString tag = t.trimmed().toLower();
        if (tag.isEmpty())
            continue;
        if (codePoints(tag) > 40) {
            *field = QStringLiteral("tags");
            return QCoreApplication::translate(
                       "clipshelf::LibraryChanges",
                       "The tag “%1” is too long: tags can have at most 40 characters.")
                .arg(tag.left(40) + u'…');
        }
        if (!normalised.contains(tag))
            normalised.append(tag);
    }
    if (normalised.size() > 20) {
        *field = QStringLiteral("tags");
        return QCoreApplication::translate("clipshelf::LibraryChanges",
                                           "A video can have at most 20 tags.");
    }
    *tags = normalised;
    return {};
}

std::pair<QString, QString> fieldProblem(const ApiError &error)
{
    if (!error.fields.isEmpty()) {
        const FieldError &f = error.fields.constFirst();
        const QString field = f.field.section(QLatin1Char('['), 0, 0);
        if (field == QLatin1String("url")) {
            // The server words it like YoutubeUrl::errorString(): a clause about the link.
            QString clause = f.message.trimmed();
            while (clause.endsWith(QLatin1Char('.')))
                clause.chop(1);
            return {field, QCoreApplication::translate("clipshelf::LibraryChanges",
                                                       "This link is not a YouTube video: it %1.")
                               .arg(clause)};
        }
        if (QStringList{QStringLiteral("title"), QStringLiteral("notes"), QStringLiteral("tags")}
                .contains(field))
            return {field, f.message};
    }
    return {QString(), error.message};
}

} // namespace clipshelf::videofields
