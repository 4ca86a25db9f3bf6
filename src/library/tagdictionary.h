#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace clipshelf {

/**
 * The distinct tags of a library, each stored once: rows refer to them by id.
 * Ids are per exact spelling; fold(id) is the id shared by every spelling
 * that lower-cases alike (filters are case-insensitive, as on the server).
 * Not thread-safe; one dictionary belongs to one table of records.
 */
class TagDictionary
{
public:
    /// The id of \a utf8 (exact spelling), added when new.
    quint32 intern(QByteArrayView utf8);
    quint32 intern(const QString &tag) { return intern(QByteArrayView(tag.toUtf8())); }
    /// The id of the lower-case spelling of \a lowerTag, or kNone when no row has it.
    quint32 foldedId(const QString &lowerTag) const;
    quint32 fold(quint32 id) const { return m_fold[qsizetype(id)]; }
    QString name(quint32 id) const { return m_names[qsizetype(id)]; }
    int size() const { return int(m_names.size()); }

    static constexpr quint32 kNone = 0xffffffffu;

private:
    QHash<QByteArray, quint32> m_ids; ///< UTF-8 spelling -> id
    QStringList m_names;              ///< id -> spelling
    QList<quint32> m_fold;            ///< id -> id of its lower-case spelling
};

} // namespace clipshelf
