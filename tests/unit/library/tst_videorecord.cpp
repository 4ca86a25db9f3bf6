// VideoRecord: one stored video, compact, and how search and tag filters match it.
#include "library/textarena.h"
#include "library/videorecord.h"

#include <QTest>

using namespace clipshelf;

namespace {

VideoRow row(qint64 id, const QString &youtubeId, const QString &title, const QString &notes = {},
             const QStringList &tags = {})
{
    VideoRow r;
    r.id = id;
    r.createdMs = 1000 * id;
    r.updatedMs = 1000 * id + 5;
    r.youtubeId = youtubeId;
    r.title = title;
    r.notes = notes;
    r.tags = tags;
    return r;
}

} // namespace

class TestVideoRecord : public QObject
{
    Q_OBJECT

    TextArena m_arena;
    TagDictionary m_tags;

    VideoRecord record(const VideoRow &r) { return VideoRecord::fromRow(r, m_tags, m_arena); }
    bool matches(const VideoRow &r, const QString &text)
    {
        return record(r).matchesText(SearchNeedle(text.toLower()));
    }

private slots:
    void aRowRoundTrips()
    {
        VideoRow r = row(4, "dQw4w9WgXcQ", "Title", "Notes ✓", {"music", "Live"});
        r.url = "https://youtu.be/dQw4w9WgXcQ";
        r.pending = true;
        const VideoRecord rec = record(r);
        const VideoRow back = rec.toRow(m_tags);
        QCOMPARE(back.id, r.id);
        QCOMPARE(back.createdMs, r.createdMs);
        QCOMPARE(back.updatedMs, r.updatedMs);
        QCOMPARE(back.youtubeId, r.youtubeId);
        QCOMPARE(back.url, r.url);
        QCOMPARE(back.title, r.title);
        QCOMPARE(back.notes, r.notes);
        QCOMPARE(back.tags, r.tags);
        QVERIFY(back.pending);
        QVERIFY(!back.pendingDelete);
        QCOMPARE(rec.tagCount(), 2);
        QCOMPARE(rec.effectiveUrl(), r.url);
    }

    void untitledShowsTheCanonicalUrl()
    {
        const VideoRecord rec = record(row(1, "abcdefghijk", {}));
        QCOMPARE(rec.displayTitle(), QString("https://www.youtube.com/watch?v=abcdefghijk"));
        QVERIFY(rec.urlUtf8().isEmpty());
    }

    void flags()
    {
        VideoRecord rec = record(row(1, "abcdefghijk", "t"));
        rec.setPendingDelete(true);
        QVERIFY(rec.pendingDelete());
        QVERIFY(!rec.pending());
        rec.setPending(true);
        rec.setPendingDelete(false);
        QVERIFY(rec.pending());
        QVERIFY(!rec.pendingDelete());
    }

    void searchIgnoresCaseInTitleNotesAndUrl()
    {
        const VideoRow r = row(1, "AbCdEfGhIjK", "Cooking Pasta", "with GARLIC");
        QVERIFY(matches(r, "pasta"));
        QVERIFY(matches(r, "garlic"));
        QVERIFY(matches(r, "abcdefg"));      // the id, in any case
        QVERIFY(matches(r, "watch?v=abcd")); // from the URL's prefix into the id
        QVERIFY(matches(r, "youtube"));      // the prefix: every row
        QVERIFY(!matches(r, "pizza"));
        QVERIFY(!matches(r, "pastawith")); // not across title and notes
    }

    void theStoredUrlIsNotSearched()
    {
        VideoRow r = row(1, "abcdefghijk", "t");
        r.url = "https://youtu.be/abcdefghijk?si=tracking";
        QVERIFY(!matches(r, "tracking"));
    }

    void nonAsciiTextFoldsWithUnicodeRules()
    {
        const VideoRow r = row(1, "abcdefghijk", "ÜBER Café", "Straße");
        QVERIFY(matches(r, "über"));
        QVERIFY(matches(r, "café"));
        QVERIFY(matches(r, "straße"));
        QVERIFY(!matches(r, "strasse"));
        QVERIFY(!matches(row(2, "abcdefghijk", "plain"), "über")); // an ASCII row never holds it
    }

    void tagsMatchByFoldId()
    {
        const VideoRecord rec = record(row(1, "abcdefghijk", "t", {}, {"Music", "live"}));
        const quint32 music = m_tags.foldedId("music");
        const quint32 live = m_tags.foldedId("live");
        QVERIFY(rec.hasTags({music}, m_tags));
        QVERIFY(rec.hasTags({music, live}, m_tags));
        m_tags.intern(QString("other"));
        QVERIFY(!rec.hasTags({music, m_tags.foldedId("other")}, m_tags));
        QVERIFY(rec.hasTags({}, m_tags));
    }

    void overlongPartsAreCutAtACharacterBoundary()
    {
        const QString longTitle = QString(70'000, QChar(u'é')); // 2 bytes each
        const VideoRecord rec = record(row(1, "abcdefghijk", longTitle));
        QVERIFY(rec.titleUtf8().size() <= 0xffff);
        QCOMPARE(rec.titleUtf8().size() % 2, 0);
        QVERIFY(!rec.title().contains(QChar::ReplacementCharacter));
    }

    void textMovesToAnotherArena()
    {
        VideoRecord rec = record(row(3, "abcdefghijk", "Über", "n", {"t"}));
        const qsizetype bytes = rec.storedBytes();
        QVERIFY(bytes > 0);
        TextArena other;
        rec.moveTextTo(other);
        QCOMPARE(other.bytesUsed(), bytes);
        QCOMPARE(rec.title(), QString("Über"));
        QVERIFY(rec.matchesText(SearchNeedle("über")));
        QCOMPARE(rec.tags(m_tags), QStringList{"t"});
    }
};

QTEST_GUILESS_MAIN(TestVideoRecord)
#include "tst_videorecord.moc"
