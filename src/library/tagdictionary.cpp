#include "library/tagdictionary.h"

namespace clipshelf {

quint32 TagDictionary::intern(QByteArrayView utf8)
{
    QByteArray key = utf8.toByteArray();
    const auto it = m_ids.constFind(key);
    if (it != m_ids.constEnd())
        return it.value();
    const QString name = QString::fromUtf8(utf8);
    const QString lower = name.toLower();
    const quint32 id = quint32(m_names.size());
    m_ids.insert(std::move(key), id);
    m_names.append(name);
    m_fold.append(id);
    if (lower != name) {
        const quint32 folded = intern(QByteArrayView(lower.toUtf8()));
        m_fold[qsizetype(id)] = folded;
    }
    return id;
}

quint32 TagDictionary::foldedId(const QString &lowerTag) const
{
    const auto it = m_ids.constFind(lowerTag.toUtf8());
    return it == m_ids.constEnd() ? kNone : m_fold[qsizetype(it.value())];
}

} // namespace clipshelf
