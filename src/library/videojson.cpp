#include "library/videojson.h"

#include "core/youtubeurl.h"
#include "library/jsonscanner.h"

#include <cstdio>
#include <cstring>
#include <limits>
#include <QHash>
#include <QTimeZone>

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
    QHash<QByteArrayView, quint32> m_seen; // views into the input (which the parser may read again)
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
        QString text; // escapes, and invalid UTF-8 replaced as QString does
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
            haveId = true; // ids are exact in a double (JavaScript clients read them too)
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
        const bool canonical =
            !urlEscaped && urlSize == prefix + youtubeId.view.size() &&
            std::memcmp(urlStart, kCanonicalPrefix, size_t(prefix)) == 0 &&
            QByteArrayView(urlStart + prefix, urlSize - prefix) == youtubeId.view;
        if (!canonical && !url.set(r, urlStart, urlSize, urlEscaped, urlAscii))
            return false;
    }
    *record = VideoRecord::build(arena, id, createdMs, updatedMs, youtubeId.view, url.view,
                                 title.view, notes.view, std::move(tagIds));
    return true;
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

bool parseVideo(QByteArrayView json, VideoRow *row, QString *error)
{
    Reader r(json.data(), json.data() + json.size());
    r.setBegin(json.data());
    TagDictionary dictionary;
    TagIds tags(&dictionary);
    TextArena arena;
    VideoRecord record;
    if (!parseVideo(r, tags, arena, &record) || !(r.atEnd() || r.fail("trailing characters"))) {
        if (error)
            *error = r.error();
        return false;
    }
    *row = record.toRow(dictionary);
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

qint64 parseTimeMs(QStringView text)
{
    return timeMs(text.utf16(), text.size());
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
