// Outbox: order, persistence across restarts (and a killed process), per-user
// counting, held deletes, retargeting a queued add.
#include "storage/outbox.h"

#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace clipshelf;

namespace {

OutboxEntry make(OutboxEntry::Kind kind, const QString &sub, qint64 videoId = 0,
                 OutboxEntry::State state = OutboxEntry::Waiting)
{
    OutboxEntry e;
    e.kind = kind;
    e.ownerSub = sub;
    e.videoId = videoId;
    e.state = state;
    e.payload = {{"title", "t"}};
    return e;
}

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

private slots:
    void keepsOrderAndSurvivesARestart()
    {
        QTemporaryDir dir;
        qint64 addSeq = 0;
        {
            Outbox outbox(dir.path());
            QVERIFY(outbox.open());
            QSignalSpy changed(&outbox, &Outbox::changed);
            OutboxEntry add = make(OutboxEntry::AddVideo, "user_alice");
            add.idempotencyKey = "key-1";
            add.payload = {{"url", "https://youtu.be/abcdefghijk"}, {"title", "Ü"}};
            QVERIFY(outbox.enqueue(add));
            addSeq = add.seq;
            QCOMPARE(add.videoId, -add.seq); // the local id of a queued add
            OutboxEntry edit = make(OutboxEntry::EditVideo, "user_alice", add.localId());
            QVERIFY(outbox.enqueue(edit));
            OutboxEntry avatar = make(OutboxEntry::PutAvatar, "user_alice");
            avatar.blob = QByteArray("\x89PNG\0\1", 6);
            QVERIFY(outbox.enqueue(avatar));
            QCOMPARE(changed.count(), 3);
            QVERIFY(edit.seq > add.seq && avatar.seq > edit.seq);
        }
        Outbox again(dir.path());
        QVERIFY(again.open());
        QCOMPARE(again.entries().size(), 3);
        const OutboxEntry add = again.entries().at(0);
        QCOMPARE(add.seq, addSeq);
        QCOMPARE(add.kind, OutboxEntry::AddVideo);
        QCOMPARE(add.idempotencyKey, QString("key-1"));
        QCOMPARE(add.payload.value("title").toString(), QString("Ü"));
        QCOMPARE(add.ownerSub, QString("user_alice"));
        QVERIFY(add.createdAt.isValid());
        QCOMPARE(again.entries().at(1).videoId, -addSeq);
        QCOMPARE(again.entries().at(2).blob, QByteArray("\x89PNG\0\1", 6));
    }

    void countsPerUserAndSkipsHeldDeletes()
    {
        QTemporaryDir dir;
        Outbox outbox(dir.path());
        QVERIFY(outbox.open());
        OutboxEntry a = make(OutboxEntry::AddVideo, "user_alice");
        OutboxEntry d = make(OutboxEntry::DeleteVideo, "user_alice", 5, OutboxEntry::Held);
        OutboxEntry b = make(OutboxEntry::PatchSettings, "user_bob");
        QVERIFY(outbox.enqueue(a) && outbox.enqueue(d) && outbox.enqueue(b));
        QCOMPARE(outbox.countFor("user_alice"), 1);
        QCOMPARE(outbox.entriesFor("user_alice").size(), 1);
        QCOMPARE(outbox.entriesFor("user_alice", true).size(), 2);
        QCOMPARE(outbox.countNotFor("user_alice"), 1);
        QVERIFY(outbox.release(d.seq));
        QCOMPARE(outbox.countFor("user_alice"), 2);
        QVERIFY(outbox.removeAllNotFor("user_alice"));
        QCOMPARE(outbox.countNotFor("user_alice"), 0);
        QCOMPARE(outbox.entries().size(), 2);
    }

    void retargetsUpdatesAndRemoves()
    {
        QTemporaryDir dir;
        Outbox outbox(dir.path());
        QVERIFY(outbox.open());
        OutboxEntry add = make(OutboxEntry::AddVideo, "u");
        QVERIFY(outbox.enqueue(add));
        OutboxEntry edit = make(OutboxEntry::EditVideo, "u", add.localId());
        QVERIFY(outbox.enqueue(edit));
        QVERIFY(outbox.retarget(add.localId(), 77));
        QCOMPARE(outbox.entry(edit.seq)->videoId, 77);
        edit = *outbox.entry(edit.seq);
        edit.payload = {{"patch", QJsonObject{{"title", "new"}}}};
        QVERIFY(outbox.update(edit));
        QVERIFY(outbox.remove(add.seq));
        Outbox reread(dir.path());
        QVERIFY(reread.open());
        QCOMPARE(reread.entries().size(), 1);
        QCOMPARE(reread.entries().at(0).videoId, 77);
        QCOMPARE(reread.entries().at(0).payload.value("patch").toObject().value("title").toString(),
                 QString("new"));
        QVERIFY(reread.clear());
        QVERIFY(reread.entries().isEmpty());
    }

    void survivesAKilledProcess()
    {
        // A child process stores a change and is killed with SIGKILL right after
        // enqueue() returned: the change must be on disk.
        if (qEnvironmentVariableIsSet("OUTBOX_CHILD_DIR")) {
            Outbox outbox(qEnvironmentVariable("OUTBOX_CHILD_DIR"));
            QVERIFY(outbox.open());
            OutboxEntry e = make(OutboxEntry::AddVideo, "user_alice");
            QVERIFY(outbox.enqueue(e));
            std::fputs("stored\n", stdout);
            std::fflush(stdout);
            QTest::qWait(60'000); // killed long before
            return;
        }
        QTemporaryDir dir;
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("OUTBOX_CHILD_DIR", dir.path());
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {"survivesAKilledProcess"});
        QVERIFY(child.waitForStarted());
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += child.readAllStandardOutput()).contains("stored") ||
                                     child.state() != QProcess::Running,
                                 20'000);
        QCOMPARE(child.state(), QProcess::Running);
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished());
        Outbox outbox(dir.path());
        QVERIFY(outbox.open());
        QCOMPARE(outbox.entries().size(), 1);
    }

    void worksInMemoryWhenTheDiskFails()
    {
        Outbox outbox("/proc/clipshelf-cannot-be-created");
        QString error;
        QVERIFY(!outbox.open(&error));
        QVERIFY(!error.isEmpty());
        outbox.useMemoryOnly();
        OutboxEntry a = make(OutboxEntry::AddVideo, "u");
        OutboxEntry b = make(OutboxEntry::AddVideo, "u");
        QVERIFY(outbox.enqueue(a) && outbox.enqueue(b));
        QVERIFY(b.seq > a.seq);
        QCOMPARE(a.videoId, -a.seq);
        QVERIFY(outbox.remove(a.seq));
        QCOMPARE(outbox.entries().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
