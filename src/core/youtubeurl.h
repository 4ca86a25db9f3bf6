// YouTube link validation and normalisation, exactly as the API contract's
// VideoCreate.url describes it (contract 1.1). Pure QtCore and self-contained:
// the desktop client, the CLI and the reference API server share this one rule
// set, and tests/data/youtube-links.json is the one table all of them test.
//
// Accepted (scheme and host compared case-insensitively, surrounding
// whitespace ignored), ID = 11 characters of [A-Za-z0-9_-]:
//   https://www.youtube.com/watch?v=ID
//   https://m.youtube.com/watch?v=ID
//   https://music.youtube.com/watch?v=ID
//   https://youtu.be/ID
//   https://www.youtube.com/shorts/ID
//   https://www.youtube.com/live/ID
//   https://www.youtube.com/embed/ID
// http:// instead of https://, and youtube.com without "www.", are accepted
// too. Every form may carry extra query parameters (?si=..., &t=42,
// &list=...) and a #fragment; both are dropped. Anything else is refused:
// other schemes and hosts (youtube.com.evil.example), ports, user info,
// playlists without a video, channel pages, ids that are not 11 characters,
// more than one v=, trailing path segments.
#pragma once

#include <QtCore/QString>
#include <QtCore/QStringView>

namespace clipshelf {

class YoutubeUrl
{
public:
    // Parses a user-supplied link. isValid() tells whether it was accepted.
    static YoutubeUrl parse(QStringView input);

    // True when id has exactly 11 characters of [A-Za-z0-9_-].
    static bool isValidId(QStringView id);

    // https://www.youtube.com/watch?v=ID
    static QString canonicalUrlForId(const QString &id);
    // https://img.youtube.com/vi/ID/hqdefault.jpg
    static QString thumbnailUrlForId(const QString &id);

    bool isValid() const { return !m_id.isEmpty(); }
    QString videoId() const { return m_id; }
    QString canonicalUrl() const { return isValid() ? canonicalUrlForId(m_id) : QString(); }
    QString thumbnailUrl() const { return isValid() ? thumbnailUrlForId(m_id) : QString(); }
    // Why the link was refused, as a clause that completes "The link ...",
    // e.g. "is a channel page, not a video" (translated where a translator is
    // installed); empty when valid.
    QString errorString() const { return m_error; }

private:
    static YoutubeUrl ok(const QString &id);
    static YoutubeUrl fail(const char *reason);

    QString m_id;
    QString m_error;
};

} // namespace clipshelf
