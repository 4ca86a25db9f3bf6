// OutboxStatus: what waits in the outbox, as the library page tells it (on a real outbox in a
// temporary directory).
#include "library/outboxstatus.h"
#include "storage/outbox.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace clipshelf;

class TestOutboxStatus : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Outbox> m_outbox;

    void add(const QString &owner)
    {
        OutboxEntry e;
        e.kind = OutboxEntry::DeleteVideo;
        e.videoId = 1;
        e.ownerSub = owner;
        QVERIFY(m_outbox->enqueue(e));
    }

private slots:
    void init()
    {
        m_outbox = std::make_unique<Outbox>(m_dir.path());
        QVERIFY(m_outbox->open());
        m_outbox->clear();
    }

    void countsTheOwnersAndTheOthersChanges()
    {
        OutboxStatus s(m_outbox.get());
        QSignalSpy changed(&s, &OutboxStatus::changed);
        add("alice");
        add("alice");
        add("bob");
        QVERIFY(changed.count() >= 3);
        QCOMPARE(s.otherUserChanges(), 0); // no one's library shown yet
        s.setOwner("alice");
        QCOMPARE(s.pendingChanges(), 2);
        QCOMPARE(s.otherUserChanges(), 1);
        QVERIFY(s.belongsToOtherUser());
    }

    void keepingOrDiscardingAnotherUsersChanges()
    {
        add("alice");
        add("bob");
        OutboxStatus s(m_outbox.get());
        s.setOwner("alice");
        s.keepOtherUsers();
        QVERIFY(!s.belongsToOtherUser());
        QCOMPARE(s.otherUserChanges(), 1); // kept
        s.setOwner("alice");               // shown again: asked again
        QVERIFY(s.belongsToOtherUser());
        s.discardOtherUsers();
        QCOMPARE(s.otherUserChanges(), 0);
        QCOMPARE(s.pendingChanges(), 1);
    }

    void anEarlierRunsChangesAreSaidOnce()
    {
        add("alice");
        add("bob");
        OutboxStatus s(m_outbox.get());
        QSignalSpy recovered(&s, &OutboxStatus::recoveredChanged);
        s.noteRecovered("alice");
        QCOMPARE(s.recoveredChanges(), 1);
        QVERIFY(!s.recoveredMessage().isEmpty());
        s.dismissRecovered();
        QVERIFY(s.recoveredMessage().isEmpty());
        s.dismissRecovered();
        QCOMPARE(recovered.count(), 2);
        OutboxStatus anyone(m_outbox.get());
        anyone.noteRecovered({}); // no user known: everyone's
        QCOMPARE(anyone.recoveredChanges(), 2);
    }
};

QTEST_GUILESS_MAIN(TestOutboxStatus)
#include "tst_outboxstatus.moc"
