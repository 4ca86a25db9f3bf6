#include "library/videojson.h"

#include "core/youtubeurl.h"
#include "library/jsonscanner.h"

#include <QHash>
#include <QTimeZone>

#include <cstdio>
#include <cstring>
#include <limits>

namespace clipshelf::videojson {

namespace {

constexpr char kCanonicalPrefix[] = "https://www.youtube.com/watch?v=";

using detail::Reader;
using detail::timeMs;

/// Tag ids by the tag's bytes in the input: one dictionary lookup per distinct spelling.
class TagIds
{
public:
    explicit TagIds(TagDictionary *dictionary) : m_dictionary(dictionary) {}

    bool read(Reader &r, quint32 *id)
    {
        const char *s = nullptr;
        qsizetype n = 0;
        bool escaped = false, ascii = false;
        if (!r.rawString(&s, &n, &escaped, &ascii))
            return false;
        const QByteArrayView raw(s, n);
        if (!escaped) {
            const auto it = m_seen.constFind(raw);
            if (it != m_seen.constEnd()) {
                *id = it.value();
                return true;
            }
        }
        QString text;
        if (!r.decode(s, n, escaped, ascii, &text))
            return false;
        *id = m_dictionary->intern(text);
        if (!escaped)
            m_seen.insert(raw, *id);
        return true;
    }

private:
    TagDictionary *m_dictionary;
    QHash<QByteArrayView, quint32> m_seen;   // views into the input (which the parser may read again)
};

/// A string member as UTF-8: a view into the input when it needs no decoding.
struct Utf8Text
{
    QByteArrayView view;
    QByteArray storage;

    bool read(Reader &r, bool nullable)
    {
        if (nullable && r.peek('n')) {
            view = {};
            return r.literal("null");
        }
        const char *s = nullptr;
        qsizetype n = 0;
        bool escaped = false, ascii = false;
        if (!r.rawString(&s, &n, &escaped, &ascii))
            return false;
        return set(r, s, n, escaped, ascii);
    }

    bool set(Reader &r, const char *s, qsizetype n, bool escaped, bool ascii)
    {
        if (!escaped && ascii) {
            view = QByteArrayView(s, n);
            return true;
        }
        QString text;   // escapes, and invalid UTF-8 replaced as QString does
        if (!r.decode(s, n, escaped, ascii, &text))
            return false;
        storage = text.toUtf8();
        view = storage;
        return true;
    }
};

bool parseVideo(Reader &r, TagIds &tags, TextArena &arena, VideoRecord *record)
{
    const char *urlStart = nullptr;
    qsizetype urlSize = 0;
    bool urlEscaped = false, urlAscii = true;
    bool haveId = false;
    qint64 id = 0, createdMs = 0, updatedMs = 0;
    Utf8Text youtubeId, title, notes, url;
    QVarLengthArray<quint32, 8> tagIds;
    const bool ok = r.object([&](QByteArrayView key) {
        if (key == "id") {
            haveId = true;   // ids are exact in a double (JavaScript clients read them too)
            return r.integer(&id, -(qint64(1) << 53), qint64(1) << 53);
        }
        if (key == "youtube_id")
            return youtubeId.read(r, false);
        if (key == "title")
            return title.read(r, true);
        if (key == "notes")
            return notes.read(r, true);
        if (key == "url")
            return r.rawString(&urlStart, &urlSize, &urlEscaped, &urlAscii);
        if (key == "created_at")
            return r.time(&createdMs);
        if (key == "updated_at")
            return r.time(&updatedMs);
        if (key == "tags") {
            tagIds.clear();
            return r.array([&] {
                quint32 tag = 0;
                if (!tags.read(r, &tag))
                    return false;
                tagIds.append(tag);
                return true;
            });
        }
        return r.skipValue();
    });
    if (!ok)
        return false;
    if (!haveId || youtubeId.view.isEmpty())
        return r.fail("a video without id or youtube_id");
    if (urlStart) {
        // The URL is nearly always the canonical one: keep it only when it is not.
        const qsizetype prefix = qsizetype(sizeof(kCanonicalPrefix) - 1);
        const bool canonical = !urlEscaped && urlSize == prefix + youtubeId.view.size()
                               && std::memcmp(urlStart, kCanonicalPrefix, size_t(prefix)) == 0
                               && QByteArrayView(urlStart + prefix, urlSize - prefix) == youtubeId.view;
        if (!canonical && !url.set(r, urlStart, urlSize, urlEscaped, urlAscii))
            return false;
    }
    *record = VideoRecord::build(arena, id, createdMs, updatedMs, youtubeId.view, url.view, title.view,
                                 notes.view, std::move(tagIds));
    return true;
}

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
        return std::snprintf(buf, 40, "%04lld-%02u-%02uT00:00:00Z", static_cast<long long>(year), month, day);
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
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
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

void appendEscaped(QByteArray &out, const QString &text) { appendEscapedUtf8(out, text.toUtf8()); }

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

bool parseLibrary(QByteArrayView json, Library *library, QString *error,
                  const std::function<void(const char *)> &consumed)
{
    Reader r(json.data(), json.data() + json.size());
    r.setBegin(json.data());
    Library result;
    TagIds tags(&result.tags);
    // Rows take ~300 bytes of JSON; reserving generously costs nothing until used.
    result.rows.reserve(size_t(json.size() / 160 + 16));
    const bool ok = r.object([&](QByteArrayView key) {
        if (key == "videos") {
            return r.array([&] {
                VideoRecord row;
                if (!parseVideo(r, tags, *result.text, &row))
                    return false;
                result.rows.push_back(std::move(row));
                if (consumed && result.rows.size() % 512 == 0)
                    consumed(r.position());
                return true;
            });
        }
        if (key == "count") {
            qint64 count = 0;
            if (!r.integer(&count, 0, std::numeric_limits<int>::max()))
                return false;
            result.count = int(count);
            return true;
        }
        if (key == "next_cursor")
            return r.nullableString(&result.nextCursor);
        return r.skipValue();
    }) && (r.atEnd() || r.fail("trailing characters"));
    if (!ok) {
        if (error)
            *error = r.error();
        return false;
    }
    *library = std::move(result);
    return true;
}

bool parsePage(const QByteArray &json, Page *page, QString *error)
{
    Library library;
    if (!parseLibrary(json, &library, error))
        return false;
    Page result;
    result.count = library.count;
    result.nextCursor = library.nextCursor;
    result.rows.reserve(library.rows.size());
    for (const VideoRecord &record : library.rows)
        result.rows.push_back(record.toRow(library.tags));
    *page = std::move(result);
    return true;
}

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

qint64 parseTimeMs(QStringView text)
{
    return timeMs(text.utf16(), text.size());
}

QString formatTimeMs(qint64 ms)
{
    char buf[40];
    return QString::fromLatin1(buf, formatTime(ms, buf));
}

QDateTime utcFromMs(qint64 ms)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC);
#else
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
#endif
}

} // namespace clipshelf::videojson
