// OutboxReplayer against a scripted API: what it sends, in which order, for whom, and what it
// reports.
#include "scriptedapi.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

class TestOutboxReplayer : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    OutboxEntry queue(ControllerBackend &b, OutboxEntry::Kind kind, qint64 videoId,
                      const QString &owner = "user_alice",
                      OutboxEntry::State state = OutboxEntry::Waiting)
    {
        OutboxEntry e;
        e.kind = kind;
        e.videoId = videoId;
        e.ownerSub = owner;
        e.state = state;
        if (kind == OutboxEntry::EditVideo)
            e.payload = {{"patch", QJsonObject{{"title", "New"}}}};
        b.outbox->enqueue(e);
        return e;
    }

private slots:
    void sendsTheSignedInUsersChangesInOrder()
    {
        ScriptedApi api;
        api.answer = [](const FakeRequest &) { return ScriptedApi::noContent(); };
        ControllerBackend b(api.base(), api.server.issuer(), &m_nam);
        queue(b, OutboxEntry::DeleteVideo, 1);
        queue(b, OutboxEntry::DeleteVideo, 3, "user_bob"); // never sent for alice's session
        queue(b, OutboxEntry::DeleteVideo, 2);
        QSignalSpy succeeded(b.replayer.get(), &OutboxReplayer::entrySucceeded);
        b.replayer->kick();
        QTRY_COMPARE(succeeded.count(), 2);
        QCOMPARE(api.calls(), (QStringList{"DELETE /videos/1", "DELETE /videos/2"}));
        QCOMPARE(b.outbox->entries().size(), 1);
        QCOMPARE(b.outbox->entries().first().ownerSub, QString("user_bob"));
    }

    void aRefusedChangeIsRemovedAndReported()
    {
        ScriptedApi api;
        api.answer = [](const FakeRequest &) {
            return ScriptedApi::json(
                R"({"detail":"invalid","errors":[{"field":"title","message":"too long"}]})", 422);
        };
        ControllerBackend b(api.base(), api.server.issuer(), &m_nam);
        queue(b, OutboxEntry::EditVideo, 5);
        QSignalSpy rejected(b.replayer.get(), &OutboxReplayer::entryRejected);
        b.replayer->kick();
        QVERIFY(rejected.wait(5000));
        QVERIFY(b.outbox->entries().isEmpty());
        QCOMPARE(api.calls(), QStringList{"PATCH /videos/5"});
    }

    void aTransientFailureKeepsTheChangeAndTriesAgain()
    {
        ScriptedApi api;
        int calls = 0;
        api.answer = [&calls](const FakeRequest &) {
            return ++calls == 1 ? ScriptedApi::json(R"({"detail":"busy"})", 503)
                                : ScriptedApi::noContent();
        };
        ControllerBackend b(api.base(), api.server.issuer(), &m_nam);
        queue(b, OutboxEntry::DeleteVideo, 1);
        QSignalSpy deferred(b.replayer.get(), &OutboxReplayer::entryDeferred);
        QSignalSpy succeeded(b.replayer.get(), &OutboxReplayer::entrySucceeded);
        b.replayer->kick();
        QVERIFY(deferred.wait(5000));
        QCOMPARE(b.outbox->entries().size(), 1); // kept
        QVERIFY(!b.replayer->canSendNow());      // backing off
        QVERIFY(succeeded.wait(5000));           // after the pause, by itself
        QVERIFY(b.outbox->entries().isEmpty());
    }

    void deletingAVideoAlreadyGoneSucceeds()
    {
        ScriptedApi api; // 404 to everything
        ControllerBackend b(api.base(), api.server.issuer(), &m_nam);
        queue(b, OutboxEntry::DeleteVideo, 9);
        QSignalSpy succeeded(b.replayer.get(), &OutboxReplayer::entrySucceeded);
        b.replayer->kick();
        QVERIFY(succeeded.wait(5000));
        QVERIFY(b.outbox->entries().isEmpty());
    }

    void heldDeletesAndChangesToUnsentAddsWait()
    {
        ScriptedApi api;
        api.answer = [](const FakeRequest &) { return ScriptedApi::noContent(); };
        ControllerBackend b(api.base(), api.server.issuer(), &m_nam);
        const OutboxEntry held =
            queue(b, OutboxEntry::DeleteVideo, 4, "user_alice", OutboxEntry::Held);
        queue(b, OutboxEntry::EditVideo, -17); // its add is not in the outbox
        b.replayer->kick();
        QTest::qWait(200);
        QVERIFY(api.calls().isEmpty());
        QSignalSpy succeeded(b.replayer.get(), &OutboxReplayer::entrySucceeded);
        b.outbox->release(held.seq);
        b.replayer->kick();
        QVERIFY(succeeded.wait(5000));
        QCOMPARE(api.calls(), QStringList{"DELETE /videos/4"});
    }

    void aStoppedReplayerSendsNothing()
    {
        ScriptedApi api;
        ControllerBackend b(api.base(), api.server.issuer(), &m_nam);
        queue(b, OutboxEntry::DeleteVideo, 1);
        b.replayer->stop();
        b.replayer->kick();
        QTest::qWait(200);
        QVERIFY(api.calls().isEmpty());
        QCOMPARE(b.outbox->entries().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestOutboxReplayer)
#include "tst_outboxreplayer.moc"
