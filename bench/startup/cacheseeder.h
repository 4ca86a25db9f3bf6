#pragma once

#include <QString>

namespace clipshelf::bench {

/**
 * Leaves what a previous run of the app leaves behind for \a profile: \a
 * jsonFile (a GET /videos body) as the cached library owned by \a ownerSub,
 * written through LibraryCache, and \a thumbnailFile as the cached thumbnail
 * of the first \a thumbnails videos (ThumbnailStore's directory). Returns the
 * number of videos, or -1 with \a error.
 */
int seedProfileCache(const QString &profile, const QString &ownerSub, const QString &jsonFile,
                     const QString &thumbnailFile, int thumbnails, QString *error);

} // namespace clipshelf::bench
