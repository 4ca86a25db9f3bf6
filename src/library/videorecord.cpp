#include "library/videorecord.h"

#include "core/youtubeurl.h"
#include "library/textarena.h"

#include <algorithm>
#include <cstring>

namespace clipshelf {

namespace {

constexpr qsizetype kMaxPart = 0xffff;

/// \a text cut to at most kMaxPart bytes, at a UTF-8 character boundary.
QByteArrayView capped(QByteArrayView text)
{
    if (text.size() <= kMaxPart)
        return text;
    qsizetype n = kMaxPart;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xc0) == 0x80)
        --n;
    return text.first(n);
}

char foldAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c + 32) : c;
}

/// Where \a needle (lower case) first occurs in \a hay at or after \a from, ignoring ASCII case; -1
/// if not.
qsizetype findFolded(QByteArrayView hay, qsizetype from, QByteArrayView needle)
{
    const qsizetype m = needle.size();
    const qsizetype last = hay.size() - m;
    const char *h = hay.data();
    const char *p = needle.data();
    const char first = p[0];
    const char firstUpper = first >= 'a' && first <= 'z' ? char(first - 32) : first;
    for (qsizetype i = from; i <= last; ++i) {
        const char c = h[i];
        if (c != first && c != firstUpper)
            continue;
        qsizetype k = 1;
        while (k < m && foldAscii(h[i + k]) == p[k])
            ++k;
        if (k == m)
            return i;
    }
    return -1;
}

/// True when \a hay starts with \a needle, ignoring ASCII case.
bool startsWithFolded(QByteArrayView hay, QByteArrayView needle)
{
    if (hay.size() < needle.size())
        return false;
    for (qsizetype k = 0; k < needle.size(); ++k)
        if (foldAscii(hay[k]) != needle[k])
            return false;
    return true;
}

QByteArray lowerUtf8(QByteArrayView utf8)
{
    return QString::fromUtf8(utf8).toLower().toUtf8();
}

} // namespace

VideoRecord VideoRecord::build(TextArena &arena, qint64 id, qint64 createdMs, qint64 updatedMs,
                               QByteArrayView youtubeId, QByteArrayView url, QByteArrayView title,
                               QByteArrayView notes, QVarLengthArray<quint32, 8> tagIds)
{
    youtubeId = capped(youtubeId);
    url = capped(url);
    title = capped(title);
    notes = capped(notes);
    if (tagIds.size() > 255) // the API allows 20
        tagIds.resize(255);

    VideoRecord r;
    r.id = id;
    r.createdMs = createdMs;
    r.updatedMs = updatedMs;
    r.m_ytLen = quint16(youtubeId.size());
    r.m_urlLen = quint16(url.size());
    r.m_titleLen = quint16(title.size());
    r.m_notesLen = quint16(notes.size());
    r.m_tagCount = quint8(tagIds.size());
    const bool folded = !SearchNeedle::isAscii(youtubeId) || !SearchNeedle::isAscii(title) ||
                        !SearchNeedle::isAscii(notes);
    QByteArray haystack;
    if (folded) {
        // Exactly the server's search text, lower-cased with Unicode rules.
        haystack = lowerUtf8(title);
        haystack += '\x1f';
        haystack += SearchNeedle::kUrlPrefix;
        haystack += lowerUtf8(youtubeId);
        haystack += '\x1f';
        haystack += lowerUtf8(notes);
        r.m_flags |= Folded;
    }
    const qsizetype textSize = youtubeId.size() + url.size() + title.size() + notes.size();
    const qsizetype foldedSize = folded ? 4 + haystack.size() : 0;
    char *out = arena.allocate(textSize + qsizetype(tagIds.size()) * 4 + foldedSize);
    r.m_text = out;
    for (QByteArrayView part : {youtubeId, url, title, notes}) {
        if (!part.isEmpty())
            std::memcpy(out, part.data(), size_t(part.size()));
        out += part.size();
    }
    if (!tagIds.isEmpty())
        std::memcpy(out, tagIds.constData(), size_t(tagIds.size()) * 4);
    out += tagIds.size() * 4;
    if (folded) {
        const quint32 length = quint32(haystack.size());
        std::memcpy(out, &length, 4);
        if (length > 0)
            std::memcpy(out + 4, haystack.constData(), length);
    }
    return r;
}

QByteArrayView VideoRecord::foldedHaystack() const
{
    const char *at = m_text + textEnd() + qsizetype(m_tagCount) * 4;
    quint32 length = 0;
    std::memcpy(&length, at, 4);
    return QByteArrayView(at + 4, qsizetype(length));
}

qsizetype VideoRecord::storedBytes() const
{
    const qsizetype plain = textEnd() + qsizetype(m_tagCount) * 4;
    return (m_flags & Folded) ? plain + 4 + foldedHaystack().size() : plain;
}

void VideoRecord::moveTextTo(TextArena &arena)
{
    const qsizetype size = storedBytes();
    char *copy = arena.allocate(size);
    if (size > 0)
        std::memcpy(copy, m_text, size_t(size));
    m_text = copy;
}

VideoRecord VideoRecord::fromRow(const VideoRow &row, TagDictionary &tags, TextArena &arena)
{
    QVarLengthArray<quint32, 8> ids;
    for (const QString &t : row.tags)
        ids.append(tags.intern(t));
    VideoRecord r = build(arena, row.id, row.createdMs, row.updatedMs, row.youtubeId.toUtf8(),
                          row.url.toUtf8(), row.title.toUtf8(), row.notes.toUtf8(), std::move(ids));
    r.setPending(row.pending);
    r.setPendingDelete(row.pendingDelete);
    return r;
}

VideoRow VideoRecord::toRow(const TagDictionary &dictionary) const
{
    VideoRow row;
    row.id = id;
    row.createdMs = createdMs;
    row.updatedMs = updatedMs;
    row.youtubeId = youtubeId();
    row.url = QString::fromUtf8(urlUtf8());
    row.title = title();
    row.notes = notes();
    row.tags = tags(dictionary);
    row.pending = pending();
    row.pendingDelete = pendingDelete();
    return row;
}

QString VideoRecord::effectiveUrl() const
{
    return m_urlLen ? QString::fromUtf8(urlUtf8()) : YoutubeUrl::canonicalUrlForId(youtubeId());
}

QString VideoRecord::displayTitle() const
{
    return m_titleLen ? title() : effectiveUrl();
}

quint32 VideoRecord::tagId(int i) const
{
    quint32 id = 0;
    std::memcpy(&id, m_text + textEnd() + i * 4, 4);
    return id;
}

QStringList VideoRecord::tags(const TagDictionary &dictionary) const
{
    QStringList out;
    out.reserve(m_tagCount);
    for (int i = 0; i < m_tagCount; ++i)
        out.append(dictionary.name(tagId(i)));
    return out;
}

bool VideoRecord::matchesText(const SearchNeedle &needle) const
{
    if (needle.isEmpty() || needle.inUrlPrefix)
        return true;
    if (m_flags & Folded)
        return foldedHaystack().indexOf(QByteArrayView(needle.utf8)) >= 0;
    if (!needle.ascii)
        return false; // lower-cased ASCII text has no other bytes
    // One pass over youtube id, stored URL, title and notes (they lie back to
    // back); a match counts when it lies inside the title, the notes or the id
    // (the canonical URL ends with the id; the stored URL is not searched).
    const QByteArrayView all(m_text, textEnd());
    const qsizetype m = needle.utf8.size();
    const qsizetype titleStart = m_ytLen + m_urlLen;
    const qsizetype notesStart = titleStart + m_titleLen;
    for (qsizetype at = findFolded(all, 0, needle.utf8); at >= 0;
         at = findFolded(all, at + 1, needle.utf8)) {
        const qsizetype end = at + m;
        if (end <= m_ytLen || (at >= titleStart && end <= notesStart) || at >= notesStart)
            return true;
    }
    // A match that starts in the canonical URL's prefix and ends in the id.
    for (int k : needle.urlSplits)
        if (startsWithFolded(youtubeIdUtf8(), QByteArrayView(needle.utf8).sliced(k)))
            return true;
    return false;
}

bool VideoRecord::hasTags(const std::vector<quint32> &wanted, const TagDictionary &dictionary) const
{
    for (quint32 want : wanted) {
        bool found = false;
        for (int i = 0; i < m_tagCount && !found; ++i)
            found = dictionary.fold(tagId(i)) == want;
        if (!found)
            return false;
    }
    return true;
}

} // namespace clipshelf
