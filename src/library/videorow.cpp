#include "library/videorow.h"

#include "core/youtubeurl.h"
#include "library/videojson.h"

namespace clipshelf {

QString VideoRow::effectiveUrl() const
{
    return url.isEmpty() ? YoutubeUrl::canonicalUrlForId(youtubeId) : url;
}

Video VideoRow::toVideo() const
{
    Video v;
    v.id = id;
    v.url = effectiveUrl();
    v.youtubeId = youtubeId;
    v.title = title;
    v.notes = notes;
    v.thumbnailUrl = YoutubeUrl::thumbnailUrlForId(youtubeId);
    v.tags = tags;
    v.createdAt = videojson::utcFromMs(createdMs);
    v.updatedAt = videojson::utcFromMs(updatedMs);
    return v;
}

VideoRow VideoRow::fromVideo(const Video &video)
{
    VideoRow r;
    r.id = video.id;
    r.createdMs = video.createdAt.isValid() ? video.createdAt.toMSecsSinceEpoch() : 0;
    r.updatedMs = video.updatedAt.isValid() ? video.updatedAt.toMSecsSinceEpoch() : r.createdMs;
    r.youtubeId = video.youtubeId;
    if (video.url != YoutubeUrl::canonicalUrlForId(video.youtubeId))
        r.url = video.url;
    r.title = video.title;
    r.notes = video.notes;
    r.tags = video.tags;
    return r;
}

} // namespace clipshelf
