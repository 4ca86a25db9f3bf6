#pragma once

#include "api/apitypes.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <vector>

namespace clipshelf {

/// The order of the library: newest first, then the higher id (as the API sorts).
struct VideoSortKey
{
    qint64 createdMs = 0;
    qint64 id = 0;
    /// True when *this comes before \a o in the list.
    bool before(const VideoSortKey &o) const { return createdMs != o.createdMs ? createdMs > o.createdMs : id > o.id; }
    bool operator==(const VideoSortKey &o) const = default;
};

/**
 * One video as the list model stores it: compact (no QVariant, times as
 * milliseconds, the canonical URL and thumbnail derived from youtubeId) with
 * what filtering needs precomputed: a lower-case haystack for text search (as
 * the server matches: title, canonical URL, notes) and the interned tag ids.
 */
struct VideoRow
{
    qint64 id = 0;                 ///< negative: a queued add not yet on the server
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    QString youtubeId;
    QString url;                   ///< only when it differs from the canonical one (else empty)
    QString title;
    QString notes;
    QStringList tags;
    QByteArray haystack;           ///< UTF-8 of lower(title) \x1f lower(canonical url) \x1f lower(notes)
    QVarLengthArray<quint32, 4> tagIds;   ///< into VideoListModel's tag dictionary, sorted
    bool pending = false;          ///< a local change waits to sync
    bool pendingDelete = false;    ///< deleted, undo still possible (or the delete waits to sync)

    VideoSortKey key() const { return {createdMs, id}; }
    QString effectiveUrl() const;
    QString displayTitle() const { return title.isEmpty() ? effectiveUrl() : title; }
    Video toVideo() const;
    /// Without haystack/tagIds: VideoListModel fills those in.
    static VideoRow fromVideo(const Video &video);
    /// Builds the search haystack exactly as the server's search text.
    void buildHaystack();
    /// True when the haystack contains \a needle (UTF-8 of a lower-case query).
    bool haystackContains(const QByteArray &needle) const;
};

} // namespace clipshelf
