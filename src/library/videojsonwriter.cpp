#include "library/videojson.h"

#include <cstdio>

// The writing half of videojson.h: the cache file, and times as the API writes them.
namespace clipshelf::videojson {

namespace {

constexpr char kCanonicalPrefix[] = "https://www.youtube.com/watch?v=";

int formatTime(qint64 ms, char *buf)
{
    // Civil date from days since the epoch (Howard Hinnant's algorithm): much
    // faster than QDateTime::toString, which matters when writing 100,000 rows.
    // Floored division without overflow: ms may be any qint64 (formatTimeMs is public).
    qint64 days = ms / 86'400'000;
    qint64 rest = ms % 86'400'000;
    if (rest < 0) {
        --days;
        rest += 86'400'000;
    }
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = unsigned(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned day = doy - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = qint64(yoe) + era * 400 + (month <= 2);
    const int millis = int(rest % 1000);
    rest /= 1000;
    if (year < 0 || year > 9999)
        return std::snprintf(buf, 40, "%04lld-%02u-%02uT00:00:00Z", static_cast<long long>(year),
                             month, day);
    auto put = [&buf](int at, int value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            buf[at + i] = char('0' + value % 10);
    };
    put(0, int(year), 4);
    buf[4] = '-';
    put(5, int(month), 2);
    buf[7] = '-';
    put(8, int(day), 2);
    buf[10] = 'T';
    put(11, int(rest / 3600), 2);
    buf[13] = ':';
    put(14, int(rest / 60 % 60), 2);
    buf[16] = ':';
    put(17, int(rest % 60), 2);
    int n = 19;
    if (millis) {
        buf[n++] = '.';
        put(n, millis, 3);
        n += 3;
    }
    buf[n++] = 'Z';
    return n;
}

/// The UTF-8 \a text with JSON escapes, without quotes.
void appendEscapedRun(QByteArray &out, QByteArrayView text)
{
    static const char hex[] = "0123456789abcdef";
    const char *p = text.data();
    const char *e = p + text.size();
    const char *run = p;
    for (; p < e; ++p) {
        const unsigned char c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, p - run);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
        run = p + 1;
    }
    out.append(run, e - run);
}

void appendEscapedUtf8(QByteArray &out, QByteArrayView text)
{
    out += '"';
    appendEscapedRun(out, text);
    out += '"';
}

void appendEscaped(QByteArray &out, const QString &text)
{
    appendEscapedUtf8(out, text.toUtf8());
}

void appendNullable(QByteArray &out, const QString &text)
{
    if (text.isEmpty())
        out += "null";
    else
        appendEscaped(out, text);
}

void appendNullableUtf8(QByteArray &out, QByteArrayView text)
{
    if (text.isEmpty())
        out += "null";
    else
        appendEscapedUtf8(out, text);
}

} // namespace

QByteArray writeLibrary(const Library &library)
{
    QByteArray out;
    out.reserve(qsizetype(library.rows.size()) * 360 + 64);
    out += "{\"videos\":[";
    bool first = true;
    char time[40];
    for (const VideoRecord &v : library.rows) {
        if (!first)
            out += ',';
        first = false;
        out += "{\"id\":";
        out += QByteArray::number(v.id);
        out += ",\"url\":";
        if (v.urlUtf8().isEmpty()) {
            out += '"';
            out += kCanonicalPrefix;
            appendEscapedRun(out, v.youtubeIdUtf8());
            out += '"';
        } else {
            appendEscapedUtf8(out, v.urlUtf8());
        }
        out += ",\"youtube_id\":";
        appendEscapedUtf8(out, v.youtubeIdUtf8());
        out += ",\"title\":";
        appendNullableUtf8(out, v.titleUtf8());
        out += ",\"notes\":";
        appendNullableUtf8(out, v.notesUtf8());
        out += ",\"thumbnail_url\":\"https://img.youtube.com/vi/";
        appendEscapedRun(out, v.youtubeIdUtf8());
        out += "/hqdefault.jpg\",\"tags\":[";
        for (int i = 0; i < v.tagCount(); ++i) {
            if (i)
                out += ',';
            appendEscaped(out, library.tags.name(v.tagId(i)));
        }
        out += "],\"created_at\":\"";
        out.append(time, formatTime(v.createdMs, time));
        out += "\",\"updated_at\":\"";
        out.append(time, formatTime(v.updatedMs, time));
        out += "\"}";
    }
    out += "],\"count\":";
    out += QByteArray::number(library.count);
    out += ",\"next_cursor\":";
    appendNullable(out, library.nextCursor);
    out += '}';
    return out;
}

QByteArray writePage(const std::vector<VideoRow> &rows, int count, const QString &nextCursor)
{
    Library library;
    library.rows.reserve(rows.size());
    for (const VideoRow &row : rows)
        library.rows.push_back(VideoRecord::fromRow(row, library.tags, *library.text));
    library.count = count;
    library.nextCursor = nextCursor;
    return writeLibrary(library);
}

QString formatTimeMs(qint64 ms)
{
    char buf[40];
    return QString::fromLatin1(buf, formatTime(ms, buf));
}

} // namespace clipshelf::videojson
