// ChangeOutcomes against a scripted API: how queued video changes end, in the list and in words.
#include "library/changeoutcomes.h"
#include "library/undowindow.h"
#include "library/videolistmodel.h"
#include "scriptedapi.h"
#include "testdata.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

class TestChangeOutcomes : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    struct Fixture
    {
        explicit Fixture(QNetworkAccessManager &nam)
            : backend(api.base(), api.server.issuer(), &nam),
              outcomes(backend.outbox.get(), backend.replayer.get(), &videos, &undo)
        {
            VideoRow server;
            server.id = 7, server.createdMs = 100, server.youtubeId = "abcdefghijk",
            server.title = "Server title";
            videos.setRows({server});
        }
        /// Queues an add of dQw4w9WgXcQ and shows it, as LibraryChanges does.
        OutboxEntry queueAdd()
        {
            OutboxEntry e;
            e.kind = OutboxEntry::AddVideo;
            e.ownerSub = "user_alice";
            e.idempotencyKey = "key-1";
            e.payload = {{"url", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
                         {"title", "Mine"},
                         {"tags", QJsonArray()}};
            backend.outbox->enqueue(e);
            VideoRow row;
            row.id = e.localId();
            row.createdMs = 200;
            row.youtubeId = "dQw4w9WgXcQ";
            row.title = "Mine";
            row.pending = true;
            videos.upsert(row);
            return e;
        }
        OutboxEntry queueEdit(qint64 id)
        {
            OutboxEntry e;
            e.kind = OutboxEntry::EditVideo;
            e.ownerSub = "user_alice";
            e.videoId = id;
            e.payload = {{"patch", QJsonObject{{"title", "Edited"}}}, {"title", "Server title"}};
            backend.outbox->enqueue(e);
            return e;
        }
        ScriptedApi api;
        ControllerBackend backend;
        VideoListModel videos;
        UndoWindow undo;
        ChangeOutcomes outcomes;
    };

private slots:
    void aSavedAddTakesTheServersIdAndItsUndoWindowFollows()
    {
        Fixture f(m_nam);
        f.api.answer = [](const FakeRequest &) {
            return ScriptedApi::json(testData("library/video.json"), 201);
        };
        const OutboxEntry add = f.queueAdd();
        f.undo.setDurationMs(60'000);
        f.undo.open(add.localId(), 999); // deleted while the add was on the wire
        f.outcomes.expectAnswer(add);
        QSignalSpy added(&f.outcomes, &ChangeOutcomes::videoAdded);
        QSignalSpy server(&f.outcomes, &ChangeOutcomes::serverChanged);
        QSignalSpy overlay(&f.outcomes, &ChangeOutcomes::overlayNeeded);
        f.backend.replayer->kick();
        QVERIFY(added.wait(5000));
        QCOMPARE(added.at(0).at(0).toLongLong(), 1001);
        QCOMPARE(server.at(0).at(0).toInt(), 1);
        QCOMPARE(overlay.count(), 1);
        QVERIFY(f.videos.find(1001));
        QVERIFY(!f.videos.find(add.localId()));
        QVERIFY(f.undo.isHeld(1001));
        QVERIFY(!f.undo.isHeld(add.localId()));
    }

    void aRefusedAddNoOneWaitsForIsAConflict()
    {
        Fixture f(m_nam);
        f.api.answer = [](const FakeRequest &) {
            return ScriptedApi::json(R"({"detail":"The link is refused."})", 422);
        };
        f.queueAdd();
        QSignalSpy conflict(&f.outcomes, &ChangeOutcomes::conflict);
        QSignalSpy failed(&f.outcomes, &ChangeOutcomes::addFailed);
        f.backend.replayer->kick();
        QVERIFY(conflict.wait(5000));
        QCOMPARE(conflict.at(0).at(0).toString(),
                 QString("“Mine” could not be added: The link is refused."));
        QCOMPARE(failed.count(), 0);
        QVERIFY(!f.videos.findByYoutubeId("dQw4w9WgXcQ"));
    }

    void anEditOfAVideoDeletedElsewhere()
    {
        Fixture f(m_nam);
        f.api.answer = [](const FakeRequest &) {
            return ScriptedApi::json(R"({"detail":"gone"})", 404);
        };
        const OutboxEntry edit = f.queueEdit(7);
        f.queueEdit(7); // a second change to it goes as well
        f.outcomes.expectAnswer(edit);
        QSignalSpy failed(&f.outcomes, &ChangeOutcomes::updateFailed);
        QSignalSpy conflict(&f.outcomes, &ChangeOutcomes::conflict);
        f.backend.replayer->kick();
        QVERIFY(conflict.wait(5000));
        QCOMPARE(failed.count(), 1);
        QVERIFY(conflict.at(0).at(0).toString().contains("deleted elsewhere"));
        QVERIFY(!f.videos.find(7));
        QVERIFY(f.backend.outbox->entries().isEmpty());
    }

    void aRefusedEditRollsBackToTheServersRow()
    {
        Fixture f(m_nam);
        f.api.answer = [](const FakeRequest &) {
            return ScriptedApi::json(R"({"detail":"no"})", 403);
        };
        VideoRow shown = *f.videos.find(7);
        f.outcomes.serverRows().insert(7, shown);
        shown.title = "Edited";
        shown.pending = true;
        f.videos.upsert(shown);
        f.queueEdit(7);
        QSignalSpy conflict(&f.outcomes, &ChangeOutcomes::conflict);
        f.backend.replayer->kick();
        QVERIFY(conflict.wait(5000));
        QCOMPARE(f.videos.find(7)->title, QString("Server title"));
        QVERIFY(!f.videos.find(7)->pending);
        QVERIFY(f.outcomes.serverRows().isEmpty());
    }

    void aDeferredAddIsSavedForTheUi()
    {
        Fixture f(m_nam);
        f.api.answer = [](const FakeRequest &) {
            return ScriptedApi::json(R"({"detail":"busy"})", 503);
        };
        const OutboxEntry add = f.queueAdd();
        f.outcomes.expectAnswer(add);
        QSignalSpy added(&f.outcomes, &ChangeOutcomes::videoAdded);
        f.backend.replayer->kick();
        QVERIFY(added.wait(5000));
        QCOMPARE(added.at(0).at(0).toLongLong(), add.localId()); // it waits in the outbox
        f.backend.replayer->stop();
    }

    void dropChangesToRemovesEveryChangeOfAVideo()
    {
        Fixture f(m_nam);
        f.backend.replayer->stop();
        f.queueEdit(7);
        f.queueEdit(8);
        f.outcomes.dropChangesTo(7);
        QCOMPARE(f.backend.outbox->entries().size(), 1);
        QCOMPARE(f.backend.outbox->entries().first().videoId, 8);
    }
};

QTEST_GUILESS_MAIN(TestChangeOutcomes)
#include "tst_changeoutcomes.moc"
