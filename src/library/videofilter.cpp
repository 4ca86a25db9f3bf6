#include "library/videofilter.h"

#include "library/videorecord.h"

#include <algorithm>

namespace clipshelf {

bool VideoFilter::set(const QString &text, const QStringList &tags)
{
    QString lowerText = text.trimmed().toLower();
    QStringList lowerTags;
    for (const QString &t : tags)
        lowerTags.append(t.trimmed().toLower());
    lowerTags.removeDuplicates();
    if (lowerText == m_text && lowerTags == m_tags)
        return false;
    m_text = std::move(lowerText);
    m_needle = SearchNeedle(m_text);
    m_tags = std::move(lowerTags);
    return true;
}

bool VideoFilter::setLowerBound(std::optional<VideoSortKey> key)
{
    if (m_lowerBound == key)
        return false;
    m_lowerBound = key;
    return true;
}

bool VideoFilter::prepare(const TagDictionary &dictionary)
{
    m_tagIds.clear();
    for (const QString &t : m_tags)
        m_tagIds.push_back(dictionary.foldedId(t));
    std::sort(m_tagIds.begin(), m_tagIds.end());
    return m_tagIds.empty() || m_tagIds.back() != TagDictionary::kNone;
}

bool VideoFilter::matches(const VideoRecord &row, const TagDictionary &dictionary) const
{
    for (quint32 want : m_tagIds)
        if (want == TagDictionary::kNone)
            return false;
    return (m_tagIds.empty() || row.hasTags(m_tagIds, dictionary)) && row.matchesText(m_needle);
}

} // namespace clipshelf
