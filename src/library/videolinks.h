#pragma once

#include <QString>
#include <QVariantMap>

namespace clipshelf {

class VideoListModel;

/// A video's link and details as the library page's dialogs use them.
namespace videolinks {

/// What the Add dialog shows for the link \a text: {valid, youtubeId, canonicalUrl,
/// thumbnailUrl, thumbnailSource, message, existingId (0 = none; looked up in \a videos)}.
QVariantMap check(const QString &text, const VideoListModel &videos);

/// The https YouTube link of video \a id rebuilt from its id (never the stored URL,
/// which could name another scheme), or empty when there is no such video or its id is invalid.
QString safeBrowserUrl(const VideoListModel &videos, qint64 id);

/// Every role of video \a id (shown or filtered out), or empty.
QVariantMap details(const VideoListModel &videos, qint64 id);

} // namespace videolinks

} // namespace clipshelf
