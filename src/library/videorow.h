#pragma once

#include "library/videosortkey.h"

#include <QString>
#include <QStringList>

namespace clipshelf {

/**
 * One video as the library's logic handles it (pages from the API, queued
 * local changes): plain strings, times as milliseconds, the canonical URL and
 * the thumbnail derived from youtubeId. VideoListModel stores it compactly
 * as a VideoRecord and gives it back as a VideoRow.
 */
struct VideoRow
{
    qint64 id = 0; ///< negative: a queued add not yet on the server
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    QString youtubeId;
    QString url; ///< only when it differs from the canonical one (else empty)
    QString title;
    QString notes;
    QStringList tags;
    bool pending = false;       ///< a local change waits to sync
    bool pendingDelete = false; ///< deleted, undo still possible (or the delete waits to sync)

    VideoSortKey key() const { return {createdMs, id}; }
    QString effectiveUrl() const;
    QString displayTitle() const { return title.isEmpty() ? effectiveUrl() : title; }
};

} // namespace clipshelf
