#pragma once

#include "library/textarena.h"
#include "library/videorecord.h"

#include <functional>
#include <memory>
#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <vector>

namespace clipshelf::videojson {

/// A parsed GET /videos body (a page from the API).
struct Page
{
    std::vector<VideoRow> rows;
    int count = 0;
    QString nextCursor;
};

/// A parsed GET /videos body as compact records (the library cache file).
struct Library
{
    std::vector<VideoRecord> rows;
    TagDictionary tags; ///< the tags the rows refer to
    /// The rows' text; shared with the copies of the rows (e.g. a cache writer's).
    std::shared_ptr<TextArena> text = std::make_shared<TextArena>();
    int count = 0;
    QString nextCursor;
};

/**
 * Fast path: reads {"videos":[…],"count":n,"next_cursor":…} straight into
 * VideoRows in one pass over the bytes, without building a QJsonDocument.
 * Unknown members are skipped. Returns false (and \a error) on malformed JSON;
 * callers may fall back to QJsonDocument for a precise message.
 */
bool parsePage(const QByteArray &json, Page *page, QString *error = nullptr);

/**
 * The same, into compact records, without a QString per field. When given,
 * \a consumed is called now and then with how far the input has been read
 * (the caller may release the memory before that point: the parser looks
 * back only at tag names, which it can read again). Thread-safe (a worker
 * thread may parse while the GUI thread works).
 */
bool parseLibrary(QByteArrayView json, Library *library, QString *error = nullptr,
                  const std::function<void(const char *)> &consumed = {});

/**
 * One video object (the answer to POST or PATCH /videos, or a 409's "video"),
 * read by the same code as a page's videos. False (\a row unchanged, and
 * \a error) when it is not JSON or not a video (no id or youtube_id).
 */
bool parseVideo(QByteArrayView json, VideoRow *row, QString *error = nullptr);

/// \a library written as a GET /videos body (the cache file), with JSON escaping.
QByteArray writeLibrary(const Library &library);

/// The same shape written back (for the cache), with JSON escaping.
QByteArray writePage(const std::vector<VideoRow> &rows, int count, const QString &nextCursor);

/// Milliseconds since the epoch of an RFC 3339 time ("2026-01-03T10:15:00Z", fractions and offsets
/// allowed); -1 if invalid.
qint64 parseTimeMs(QStringView text);
/// "2026-01-03T10:15:00Z" (with .mmm when not whole seconds).
QString formatTimeMs(qint64 ms);
/// A UTC QDateTime from milliseconds since the epoch.
QDateTime utcFromMs(qint64 ms);

} // namespace clipshelf::videojson
