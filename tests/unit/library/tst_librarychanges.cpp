// LibraryChanges against a scripted API: adds, edits and deletes go through the
// outbox, show at once, and end as the server answers.
#include "library/librarychanges.h"
#include "library/videolistmodel.h"
#include "scriptedapi.h"
#include "testdata.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

namespace {

VideoRow serverRow(qint64 id, const QString &youtubeId, const QString &title)
{
    VideoRow r;
    r.id = id;
    r.createdMs = r.updatedMs = 1'700'000'000'000LL + id;
    r.youtubeId = youtubeId;
    r.title = title;
    return r;
}

} // namespace

class TestLibraryChanges : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    struct Fixture
    {
        explicit Fixture(QNetworkAccessManager &nam)
            : backend(api.base(), api.server.issuer(), &nam),
              changes(backend.outbox.get(), backend.replayer.get(), &videos)
        {
            changes.setOwner("user_alice");
            videos.setRows({serverRow(7, "abcdefghijk", "Server title")});
        }
        ScriptedApi api;
        ControllerBackend backend;
        VideoListModel videos;
        LibraryChanges changes;
    };

private slots:
    void anAddShowsAtOnceAndTakesTheServersRow()
    {
        Fixture f(m_nam);
        QByteArray key;
        f.api.answer = [&key](const FakeRequest &r) {
            key = r.headers.value("idempotency-key");
            return ScriptedApi::json(testData("library/video.json"), 201);
        };
        QSignalSpy added(&f.changes, &LibraryChanges::videoAdded);
        QSignalSpy server(&f.changes, &LibraryChanges::serverChanged);
        f.changes.add("https://youtu.be/dQw4w9WgXcQ", " Saved ", {}, {"Music"});
        const std::optional<VideoRow> local = f.videos.findByYoutubeId("dQw4w9WgXcQ");
        QVERIFY(local);
        QVERIFY(local->id < 0); // shown at once, as a queued add
        QVERIFY(local->pending);
        QCOMPARE(local->tags, QStringList{"music"});
        QVERIFY(added.wait(5000));
        QCOMPARE(added.at(0).at(0).toLongLong(), 1001); // the server's id, from its answer
        QVERIFY(!key.isEmpty());
        QCOMPARE(server.at(0).at(0).toInt(), 1);
        const std::optional<VideoRow> saved = f.videos.find(1001);
        QVERIFY(saved);
        QVERIFY(!saved->pending);
        QVERIFY(!f.videos.find(local->id));
        QVERIFY(f.backend.outbox->entries().isEmpty());
    }

    void badInputNeverReachesTheOutbox()
    {
        Fixture f(m_nam);
        QSignalSpy failed(&f.changes, &LibraryChanges::addFailed);
        f.changes.add("https://example.com/x", {}, {}, {});
        f.changes.add("https://youtu.be/dQw4w9WgXcQ", QString(301, 't'), {}, {});
        QCOMPARE(failed.count(), 2);
        QCOMPARE(failed.at(0).at(0).toString(), QString("url"));
        QCOMPARE(failed.at(1).at(0).toString(), QString("title"));
        QVERIFY(f.backend.outbox->entries().isEmpty());
        f.changes.setOwner({});
        f.changes.add("https://youtu.be/dQw4w9WgXcQ", {}, {}, {});
        QCOMPARE(failed.count(), 3); // no one signed in
    }

    void aVideoAlreadyInTheListIsADuplicate()
    {
        Fixture f(m_nam);
        QSignalSpy duplicate(&f.changes, &LibraryChanges::duplicateVideo);
        f.changes.add("https://www.youtube.com/watch?v=abcdefghijk", {}, {}, {});
        QCOMPARE(duplicate.count(), 1);
        QCOMPARE(duplicate.at(0).at(0).toLongLong(), 7);
        QVERIFY(f.backend.outbox->entries().isEmpty());
    }

    void theServersDuplicateIsReadFromItsAnswer()
    {
        Fixture f(m_nam);
        f.api.answer = [](const FakeRequest &) {
            QJsonObject video = testJson("library/video.json");
            video["id"] = 55;
            return ScriptedApi::json(
                QJsonDocument(QJsonObject{{"detail", "already saved"}, {"video", video}}).toJson(),
                409);
        };
        QSignalSpy duplicate(&f.changes, &LibraryChanges::duplicateVideo);
        f.changes.add("https://youtu.be/dQw4w9WgXcQ", {}, {}, {});
        QVERIFY(duplicate.wait(5000));
        QCOMPARE(duplicate.at(0).at(0).toLongLong(), 55);
        const std::optional<VideoRow> existing = f.videos.find(55);
        QVERIFY(existing);
        QCOMPARE(existing->title, QString("Saved"));
        QCOMPARE(f.videos.totalRows(), 2); // the queued add is gone, the server's row is in
    }

    void aRefusedEditRollsBack()
    {
        Fixture f(m_nam);
        f.api.answer = [](const FakeRequest &) {
            return ScriptedApi::json(
                R"({"detail":"invalid","errors":[{"field":"notes","message":"not allowed"}]})",
                422);
        };
        QSignalSpy failed(&f.changes, &LibraryChanges::updateFailed);
        f.changes.update(7, "Edited", "notes", {});
        QCOMPARE(f.videos.find(7)->title, QString("Edited")); // at once
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.at(0).at(1).toString(), QString("notes"));
        QCOMPARE(failed.at(0).at(2).toString(), QString("not allowed"));
        QCOMPARE(f.videos.find(7)->title, QString("Server title"));
        QVERIFY(!f.videos.find(7)->pending);
    }

    void aDeleteWaitsForTheUndoWindow()
    {
        Fixture f(m_nam);
        f.api.answer = [](const FakeRequest &) { return ScriptedApi::noContent(); };
        f.changes.setUndoMs(100);
        QSignalSpy scheduled(&f.changes, &LibraryChanges::deleteScheduled);
        QSignalSpy deleted(&f.changes, &LibraryChanges::videoDeleted);
        f.changes.remove(7);
        QCOMPARE(scheduled.count(), 1);
        QCOMPARE(scheduled.at(0).at(1).toString(), QString("Server title"));
        QCOMPARE(f.videos.count(), 0); // hidden
        f.changes.undo(7);
        QCOMPARE(f.videos.count(), 1);
        QVERIFY(f.backend.outbox->entries().isEmpty());
        QTest::qWait(250);
        QVERIFY(f.api.calls().isEmpty()); // nothing went out

        f.changes.remove(7);
        QVERIFY(deleted.wait(5000));
        QCOMPARE(f.api.calls(), QStringList{"DELETE /videos/7"});
        QVERIFY(!f.videos.find(7));
    }

    void theOverlayShowsTheOwnersQueuedChanges()
    {
        Fixture f(m_nam);
        f.backend.replayer->stop(); // nothing is sent: the changes stay queued
        OutboxEntry edit;
        edit.kind = OutboxEntry::EditVideo;
        edit.videoId = 7;
        edit.ownerSub = "user_alice";
        edit.payload = {{"patch", QJsonObject{{"title", "Queued title"}}}};
        f.backend.outbox->enqueue(edit);
        OutboxEntry other = edit;
        other.ownerSub = "user_bob";
        other.payload = {{"patch", QJsonObject{{"title", "Bob's"}}}};
        f.backend.outbox->enqueue(other);
        f.videos.setRows({serverRow(7, "abcdefghijk", "Server title")}); // a fresh page
        f.changes.applyOverlay();
        QCOMPARE(f.videos.find(7)->title, QString("Queued title"));
        QVERIFY(f.videos.find(7)->pending);
    }
};

QTEST_GUILESS_MAIN(TestLibraryChanges)
#include "tst_librarychanges.moc"
