#pragma once

#include "library/searchneedle.h"
#include "library/videorecord.h"
#include "library/videosortkey.h"

#include <optional>
#include <QString>
#include <QStringList>
#include <vector>

namespace clipshelf {

/**
 * What the library list shows: rows carrying every chosen tag and containing
 * the search text (both case-insensitive, the server's rules), not being
 * deleted, and not past the lower bound (the part of the list not paged in yet).
 */
class VideoFilter
{
public:
    /// Sets the text (trimmed, lower-cased) and tags (the same, without duplicates); false when
    /// unchanged.
    bool set(const QString &text, const QStringList &tags);
    QString text() const { return m_text; }
    QStringList tags() const { return m_tags; }
    bool isFiltered() const { return !m_text.isEmpty() || !m_tags.isEmpty(); }
    /// Rows after \a key stay hidden; std::nullopt shows everything. False when unchanged.
    bool setLowerBound(std::optional<VideoSortKey> key);

    /// Looks the tags up in \a dictionary (again after it changed). False when some
    /// tag is on no row: nothing can match.
    bool prepare(const TagDictionary &dictionary);
    /// True when \a row passes text and tags (ignoring deletes and the lower bound),
    /// as of the last prepare().
    bool matches(const VideoRecord &row, const TagDictionary &dictionary) const;
    /// True when \a row is shown: it matches, is not being deleted and lies within the lower bound.
    /// Inline: it runs for every stored row on each change of what is shown.
    bool shows(const VideoRecord &row, const TagDictionary &dictionary) const
    {
        if (row.pendingDelete() || (m_lowerBound && m_lowerBound->before(row.key())))
            return false;
        return (m_tagIds.empty() || row.hasTags(m_tagIds, dictionary)) && row.matchesText(m_needle);
    }

private:
    QString m_text;                ///< lower case
    SearchNeedle m_needle;         ///< prepared from it
    QStringList m_tags;            ///< lower case
    std::vector<quint32> m_tagIds; ///< their fold ids, sorted; a missing tag matches nothing
    std::optional<VideoSortKey> m_lowerBound;
};

} // namespace clipshelf
