#include "models/videorow.h"

#include "core/youtubeurl.h"
#include "models/videojson.h"

#include <cstring>

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

namespace {

// Appends UTF-8 of lower(text): ASCII inline (no allocation), anything else through QString::toLower.
void appendLower(QByteArray &out, const QString &text)
{
    const qsizetype start = out.size();
    out.resize(start + text.size());
    char *dst = out.data() + start;
    const QChar *src = text.constData();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = src[i].unicode();
        if (c >= 0x80) {
            out.resize(start);
            out += text.toLower().toUtf8();
            return;
        }
        dst[i] = char(c >= u'A' && c <= u'Z' ? c + 32 : c);
    }
}

} // namespace

void VideoRow::buildHaystack()
{
    // Same text as the server's search_text, so local and remote matches agree.
    // UTF-8: a byte substring match is a code point substring match, and memmem is fast.
    static const QByteArray prefix = QByteArrayLiteral("https://www.youtube.com/watch?v=");
    haystack.clear();
    haystack.reserve(title.size() + prefix.size() + youtubeId.size() + notes.size() + 2);
    appendLower(haystack, title);
    haystack += '\x1f';
    haystack += prefix;
    appendLower(haystack, youtubeId);
    haystack += '\x1f';
    appendLower(haystack, notes);
}

bool VideoRow::haystackContains(const QByteArray &needle) const
{
    return needle.isEmpty()
           || memmem(haystack.constData(), size_t(haystack.size()), needle.constData(), size_t(needle.size()));
}

} // namespace clipshelf
