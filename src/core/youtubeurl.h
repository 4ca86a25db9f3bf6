// YouTube link validation and normalisation, exactly as the API contract's
// VideoCreate.url describes it. Pure QtCore and self-contained so that the
// desktop client can share it (validate before sending, show the thumbnail).
//
// Accepted (scheme and host compared case-insensitively, surrounding
// whitespace ignored), ID = 11 characters of [A-Za-z0-9_-]:
//   https://www.youtube.com/watch?v=ID   (extra query parameters allowed)
//   https://m.youtube.com/watch?v=ID     (extra query parameters allowed)
//   https://youtu.be/ID
//   https://www.youtube.com/shorts/ID
//   https://www.youtube.com/embed/ID
// Anything else is rejected: other schemes (http), other hosts (youtube.com
// without www, music.youtube.com), ports, user info, fragments, query
// parameters on the short forms, trailing path segments.
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
    // Human-readable reason when !isValid().
    QString errorString() const { return m_error; }

private:
    static YoutubeUrl ok(const QString &id);
    static YoutubeUrl fail(const QString &reason);

    QString m_id;
    QString m_error;
};

} // namespace clipshelf
