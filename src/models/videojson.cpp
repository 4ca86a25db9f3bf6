#include "models/videojson.h"

#include "core/youtubeurl.h"
#include "models/jsonscanner.h"

#include <QHash>
#include <QTimeZone>

#include <cstdio>
#include <cstring>

namespace clipshelf::videojson {

namespace {

constexpr char kCanonicalPrefix[] = "https://www.youtube.com/watch?v=";

using detail::Reader;
using detail::timeMs;

/// Shares one QString per distinct tag across all rows (less memory, faster).
class TagInterner
{
public:
    QString intern(QByteArrayView raw, Reader &reader, bool escaped, bool ascii)
    {
        if (!escaped) {
            auto it = m_seen.constFind(raw);
            if (it != m_seen.constEnd())
                return it.value();
        }
        QString text;
        if (!reader.decode(raw.data(), raw.size(), escaped, ascii, &text))
            return {};
        if (!escaped)
            m_seen.insert(raw, text);
        return text;
    }

private:
    QHash<QByteArrayView, QString> m_seen;   // views into the input, alive while parsing
};

bool parseVideo(Reader &r, TagInterner &tags, VideoRow *row)
{
    const char *urlStart = nullptr;
    qsizetype urlSize = 0;
    bool urlEscaped = false, urlAscii = true;
    bool haveId = false;
    const bool ok = r.object([&](QByteArrayView key) {
        if (key == "id") {
            double d;
            if (!r.number(&d))
                return false;
            row->id = qint64(d);
            haveId = true;
            return true;
        }
        if (key == "youtube_id")
            return r.string(&row->youtubeId);
        if (key == "title")
            return r.nullableString(&row->title);
        if (key == "notes")
            return r.nullableString(&row->notes);
        if (key == "url")
            return r.rawString(&urlStart, &urlSize, &urlEscaped, &urlAscii);
        if (key == "created_at")
            return r.time(&row->createdMs);
        if (key == "updated_at")
            return r.time(&row->updatedMs);
        if (key == "tags") {
            return r.array([&] {
                const char *s = nullptr;
                qsizetype n = 0;
                bool escaped = false, ascii = false;
                if (!r.rawString(&s, &n, &escaped, &ascii))
                    return false;
                row->tags.append(tags.intern(QByteArrayView(s, n), r, escaped, ascii));
                return !r.failed();
            });
        }
        return r.skipValue();
    });
    if (!ok)
        return false;
    if (!haveId || row->youtubeId.isEmpty())
        return r.fail("a video without id or youtube_id");
    if (urlStart) {
        // The URL is nearly always the canonical one: keep it only when it is not.
        const qsizetype prefix = qsizetype(sizeof(kCanonicalPrefix) - 1);
        const bool canonical = !urlEscaped && urlSize == prefix + row->youtubeId.size()
                               && std::memcmp(urlStart, kCanonicalPrefix, size_t(prefix)) == 0
                               && QLatin1String(urlStart + prefix, urlSize - prefix) == row->youtubeId;
        if (!canonical && !r.decode(urlStart, urlSize, urlEscaped, urlAscii, &row->url))
            return false;
    }
    return true;
}

int formatTime(qint64 ms, char *buf)
{
    // Civil date from days since the epoch (Howard Hinnant's algorithm): much
    // faster than QDateTime::toString, which matters when writing 100,000 rows.
    qint64 days = ms >= 0 ? ms / 86'400'000 : (ms - 86'399'999) / 86'400'000;
    qint64 rest = ms - days * 86'400'000;
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

void appendEscaped(QByteArray &out, const QString &text)
{
    out += '"';
    // Fast path: printable ASCII needs no conversion and no escaping.
    const QChar *chars = text.constData();
    qsizetype i = 0;
    while (i < text.size() && chars[i].unicode() >= 0x20 && chars[i].unicode() < 0x7f && chars[i] != u'"'
           && chars[i] != u'\\')
        ++i;
    if (i == text.size()) {
        const qsizetype at = out.size();
        out.resize(at + i);
        char *dst = out.data() + at;
        for (qsizetype k = 0; k < i; ++k)
            dst[k] = char(chars[k].unicode());
        out += '"';
        return;
    }
    const QByteArray utf8 = text.toUtf8();
    const char *p = utf8.constData();
    const char *e = p + utf8.size();
    const char *run = p;
    static const char hex[] = "0123456789abcdef";
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
    out += '"';
}

void appendNullable(QByteArray &out, const QString &text)
{
    if (text.isEmpty())
        out += "null";
    else
        appendEscaped(out, text);
}

} // namespace

bool parsePage(const QByteArray &json, Page *page, QString *error)
{
    Reader r(json.constData(), json.constData() + json.size());
    r.setBegin(json.constData());
    TagInterner tags;
    Page result;
    const bool ok = r.object([&](QByteArrayView key) {
        if (key == "videos") {
            return r.array([&] {
                VideoRow row;
                if (!parseVideo(r, tags, &row))
                    return false;
                result.rows.push_back(std::move(row));
                return true;
            });
        }
        if (key == "count") {
            double d;
            if (!r.number(&d))
                return false;
            result.count = int(d);
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
    *page = std::move(result);
    return true;
}

QByteArray writePage(const std::vector<VideoRow> &rows, int count, const QString &nextCursor)
{
    QByteArray out;
    out.reserve(qsizetype(rows.size()) * 360 + 64);
    out += "{\"videos\":[";
    bool first = true;
    char time[40];
    for (const VideoRow &v : rows) {
        if (!first)
            out += ',';
        first = false;
        const QByteArray id = v.youtubeId.toLatin1();   // 11 characters of [A-Za-z0-9_-]
        out += "{\"id\":";
        out += QByteArray::number(v.id);
        out += ",\"url\":";
        if (v.url.isEmpty()) {
            out += '"';
            out += kCanonicalPrefix;
            out += id;
            out += '"';
        } else {
            appendEscaped(out, v.url);
        }
        out += ",\"youtube_id\":";
        appendEscaped(out, v.youtubeId);
        out += ",\"title\":";
        appendNullable(out, v.title);
        out += ",\"notes\":";
        appendNullable(out, v.notes);
        out += ",\"thumbnail_url\":\"https://img.youtube.com/vi/";
        out += id;
        out += "/hqdefault.jpg\",\"tags\":[";
        for (qsizetype i = 0; i < v.tags.size(); ++i) {
            if (i)
                out += ',';
            appendEscaped(out, v.tags.at(i));
        }
        out += "],\"created_at\":\"";
        out.append(time, formatTime(v.createdMs, time));
        out += "\",\"updated_at\":\"";
        out.append(time, formatTime(v.updatedMs, time));
        out += "\"}";
    }
    out += "],\"count\":";
    out += QByteArray::number(count);
    out += ",\"next_cursor\":";
    appendNullable(out, nextCursor);
    out += '}';
    return out;
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
