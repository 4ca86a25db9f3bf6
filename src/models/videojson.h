#pragma once

#include "models/videorow.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <vector>

namespace clipshelf::videojson {

/// A parsed GET /videos body (or the library cache file).
struct Page
{
    std::vector<VideoRow> rows;   ///< haystack and tagIds not yet filled in
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

/// The same shape written back (for the cache), with JSON escaping.
QByteArray writePage(const std::vector<VideoRow> &rows, int count, const QString &nextCursor);

/// Milliseconds since the epoch of an RFC 3339 time ("2026-01-03T10:15:00Z", fractions and offsets allowed); -1 if invalid.
qint64 parseTimeMs(QStringView text);
/// "2026-01-03T10:15:00Z" (with .mmm when not whole seconds).
QString formatTimeMs(qint64 ms);
/// A UTC QDateTime from milliseconds since the epoch.
QDateTime utcFromMs(qint64 ms);

} // namespace clipshelf::videojson
