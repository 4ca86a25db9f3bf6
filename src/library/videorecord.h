#pragma once

#include "library/searchneedle.h"
#include "library/tagdictionary.h"
#include "library/videorow.h"
#include "library/videosortkey.h"

#include <QByteArrayView>
#include <QVarLengthArray>
#include <vector>

namespace clipshelf {

class TextArena;

/**
 * One stored video, compact: the id and times, one block of UTF-8 text
 * (youtube id, non-canonical URL, title, notes) with the interned tag ids
 * behind it, and flags. Search needs no stored lower-case copy for ASCII
 * text (it folds case while it compares); only rows with non-ASCII text
 * carry one. The block lives in the TextArena of the record's table (it must
 * outlive the record and its copies, which share the block): a record is 48
 * bytes plus its text, about 130 bytes for a typical video (a VideoRow takes ~600).
 */
class VideoRecord
{
public:
    qint64 id = 0;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;

    VideoRecord() = default;
    /// Builds a record from UTF-8 parts; \a tagIds (in the row's order) are ids of one
    /// TagDictionary. Parts longer than 65,535 bytes (far beyond the API's limits) are cut. The
    /// text goes into \a arena.
    static VideoRecord build(TextArena &arena, qint64 id, qint64 createdMs, qint64 updatedMs,
                             QByteArrayView youtubeId, QByteArrayView url, QByteArrayView title,
                             QByteArrayView notes, QVarLengthArray<quint32, 8> tagIds);
    static VideoRecord fromRow(const VideoRow &row, TagDictionary &tags, TextArena &arena);
    VideoRow toRow(const TagDictionary &tags) const;

    VideoSortKey key() const { return {createdMs, id}; }
    bool pending() const { return m_flags & Pending; }
    bool pendingDelete() const { return m_flags & PendingDelete; }
    void setPending(bool on) { setFlag(Pending, on); }
    void setPendingDelete(bool on) { setFlag(PendingDelete, on); }

    QByteArrayView youtubeIdUtf8() const { return part(0, m_ytLen); }
    QByteArrayView urlUtf8() const { return part(m_ytLen, m_urlLen); }
    QByteArrayView titleUtf8() const { return part(m_ytLen + m_urlLen, m_titleLen); }
    QByteArrayView notesUtf8() const { return part(m_ytLen + m_urlLen + m_titleLen, m_notesLen); }
    QString youtubeId() const { return QString::fromUtf8(youtubeIdUtf8()); }
    QString title() const { return QString::fromUtf8(titleUtf8()); }
    QString notes() const { return QString::fromUtf8(notesUtf8()); }
    /// The stored URL, or the canonical one.
    QString effectiveUrl() const;
    QString displayTitle() const;
    int tagCount() const { return m_tagCount; }
    quint32 tagId(int i) const;
    QStringList tags(const TagDictionary &dictionary) const;

    /// True when the title, canonical URL or notes contain \a needle, ignoring case (the server's
    /// rule).
    bool matchesText(const SearchNeedle &needle) const;
    /// True when the row has a tag of every fold id in \a wanted (ids of \a tags).
    bool hasTags(const std::vector<quint32> &wanted, const TagDictionary &tags) const;

    /// The bytes of its text block (what it holds in its arena).
    qsizetype storedBytes() const;
    /// Copies the text block into \a arena and points there (compacting a table's arena).
    void moveTextTo(TextArena &arena);

private:
    enum Flag : quint8 { Pending = 1, PendingDelete = 2, Folded = 4 };
    void setFlag(Flag f, bool on) { m_flags = on ? quint8(m_flags | f) : quint8(m_flags & ~f); }
    QByteArrayView part(int from, int size) const { return QByteArrayView(m_text + from, size); }
    int textEnd() const { return m_ytLen + m_urlLen + m_titleLen + m_notesLen; }
    /// For Folded rows: the lower-cased search text behind the tag ids.
    QByteArrayView foldedHaystack() const;

    /// youtubeId, url, title, notes (UTF-8), then tag ids (4 bytes each), then,
    /// for non-ASCII text only, a 4-byte length and
    /// lower(title) \x1f lower(canonical URL) \x1f lower(notes). In the table's arena.
    const char *m_text = nullptr;
    quint16 m_ytLen = 0;
    quint16 m_urlLen = 0;
    quint16 m_titleLen = 0;
    quint16 m_notesLen = 0;
    quint8 m_tagCount = 0;
    quint8 m_flags = 0;
};

} // namespace clipshelf
