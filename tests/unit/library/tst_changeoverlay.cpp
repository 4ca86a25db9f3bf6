// changeoverlay: queued local changes laid over the rows the list holds.
#include "library/changeoverlay.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace clipshelf;

namespace {

VideoRow serverRow(qint64 id, const QString &title)
{
    VideoRow r;
    r.id = id;
    r.createdMs = 1000;
    r.youtubeId = "abcdefghijk";
    r.title = title;
    r.tags = {"old"};
    return r;
}

OutboxEntry entry(OutboxEntry::Kind kind, qint64 seq, qint64 videoId,
                  const QJsonObject &payload = {})
{
    OutboxEntry e;
    e.kind = kind;
    e.seq = seq;
    e.videoId = videoId;
    e.payload = payload;
    e.createdAt = QDateTime::fromMSecsSinceEpoch(5000, QTimeZone::utc());
    return e;
}

} // namespace

class TestChangeOverlay : public QObject
{
    Q_OBJECT

    QHash<qint64, VideoRow> m_rows; // what the list holds
    std::function<std::optional<VideoRow>(qint64)> find =
        [this](qint64 id) -> std::optional<VideoRow> {
        if (m_rows.contains(id))
            return m_rows.value(id);
        return std::nullopt;
    };

private slots:
    void init() { m_rows = {{1, serverRow(1, "Server title")}}; }

    void aPatchChangesOnlyWhatItNames()
    {
        VideoRow r = serverRow(1, "t");
        r.notes = "kept";
        changeoverlay::applyPatch(r, {{"title", "new"}, {"tags", QJsonArray{"a", "b"}}});
        QCOMPARE(r.title, QString("new"));
        QCOMPARE(r.notes, QString("kept"));
        QCOMPARE(r.tags, (QStringList{"a", "b"}));
        changeoverlay::applyPatch(r, {{"notes", QJsonValue()}});
        QVERIFY(r.notes.isEmpty());
    }

    void aQueuedAddBecomesAPendingRow()
    {
        QHash<qint64, VideoRow> serverRows;
        const auto rows =
            changeoverlay::overlay({entry(OutboxEntry::AddVideo, 4, -4,
                                          {{"url", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
                                           {"title", "Mine"},
                                           {"tags", QJsonArray{"x"}}})},
                                   find, &serverRows);
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].id, -4);
        QCOMPARE(rows[0].youtubeId, QString("dQw4w9WgXcQ"));
        QCOMPARE(rows[0].title, QString("Mine"));
        QCOMPARE(rows[0].tags, QStringList{"x"});
        QCOMPARE(rows[0].createdMs, 5000);
        QVERIFY(rows[0].pending);
        QVERIFY(serverRows.isEmpty());
    }

    void editsStackAndTheServerVersionIsKept()
    {
        QHash<qint64, VideoRow> serverRows;
        const auto rows = changeoverlay::overlay(
            {entry(OutboxEntry::EditVideo, 5, 1, {{"patch", QJsonObject{{"title", "First"}}}}),
             entry(OutboxEntry::EditVideo, 6, 1, {{"patch", QJsonObject{{"notes", "Second"}}}})},
            find, &serverRows);
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].title, QString("First"));
        QCOMPARE(rows[0].notes, QString("Second"));
        QVERIFY(rows[0].pending);
        QCOMPARE(serverRows.value(1).title, QString("Server title")); // to roll back to
    }

    void aQueuedDeleteHidesTheRow()
    {
        QHash<qint64, VideoRow> serverRows;
        const auto rows =
            changeoverlay::overlay({entry(OutboxEntry::DeleteVideo, 7, 1)}, find, &serverRows);
        QCOMPARE(rows.size(), size_t(1));
        QVERIFY(rows[0].pendingDelete);
        QVERIFY(rows[0].pending);
    }

    void changesToUnknownRowsAndOtherKindsAreLeftOut()
    {
        QHash<qint64, VideoRow> serverRows;
        m_rows.insert(-9, serverRow(-9, "already shown"));
        const auto rows = changeoverlay::overlay(
            {entry(OutboxEntry::EditVideo, 8, 77, {{"patch", QJsonObject{{"title", "x"}}}}),
             entry(OutboxEntry::PatchSettings, 9, 0), entry(OutboxEntry::AddVideo, 9, -9)},
            find, &serverRows);
        QVERIFY(rows.empty());
    }
};

QTEST_GUILESS_MAIN(TestChangeOverlay)
#include "tst_changeoverlay.moc"
