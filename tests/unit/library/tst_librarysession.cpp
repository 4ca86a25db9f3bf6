// LibrarySession: whose library is shown, following the session and the
// connection, on the real loader, changes and outbox status.
#include "controllerbackend.h"
#include "library/librarychanges.h"
#include "library/libraryloader.h"
#include "library/librarysession.h"
#include "library/outboxstatus.h"
#include "library/taglistmodel.h"
#include "library/videolistmodel.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

class TestLibrarySession : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    struct Parts : ControllerBackend
    {
        Parts(QNetworkAccessManager *nam, const QString &dir, const QString &sub)
            : ControllerBackend(QUrl(QStringLiteral("http://127.0.0.1:1/api/v1")),
                                QStringLiteral("http://127.0.0.1:1"), nam, dir, sub)
        {}
        VideoListModel videos;
        TagListModel tags;
        LibraryLoader loader{client.get(), cache.get(), &videos, &tags};
        LibraryChanges changes{outbox.get(), replayer.get(), &videos};
        OutboxStatus status{outbox.get()};
        LibrarySession session{sessions.get(), cache.get(), replayer.get(),
                               &loader,        &changes,    &status};
    };

private slots:
    void startShowsTheSignedInUsersLibraryOnce()
    {
        QTemporaryDir dir;
        Parts p(&m_nam, dir.path(), QStringLiteral("user_alice"));
        QSignalSpy owner(&p.session, &LibrarySession::ownerChanged);
        QVERIFY(!p.session.isStarted());
        QVERIFY(p.session.owner().isEmpty());
        QVERIFY(p.session.isSignedIn());

        p.session.start(LibrarySession::CacheLoading::Blocking);
        QVERIFY(p.session.isStarted());
        QCOMPARE(p.session.owner(), QStringLiteral("user_alice"));
        QCOMPARE(p.cache->ownerSub(), QStringLiteral("user_alice"));
        QCOMPARE(owner.count(), 1);
        QVERIFY(!p.session.isOffline());
        QVERIFY(!p.session.isSessionEnded());

        p.session.start(LibrarySession::CacheLoading::Blocking); // only the first call counts
        QCOMPARE(owner.count(), 1);
    }

    void forgetOwnerShowsNoOnesLibrary()
    {
        QTemporaryDir dir;
        Parts p(&m_nam, dir.path(), QStringLiteral("user_bob"));
        p.session.start(LibrarySession::CacheLoading::Blocking);
        QSignalSpy owner(&p.session, &LibrarySession::ownerChanged);
        p.session.forgetOwner();
        QVERIFY(p.session.owner().isEmpty());
        QCOMPARE(owner.count(), 1);
    }

    void anotherUsersSignInSwitchesTheOwner()
    {
        QTemporaryDir dir;
        Parts p(&m_nam, dir.path(), QStringLiteral("user_alice"));
        p.session.start(LibrarySession::CacheLoading::Blocking);
        QSignalSpy owner(&p.session, &LibrarySession::ownerChanged);
        p.sessions->adopt(unitSession(QStringLiteral("http://127.0.0.1:1"), "AT2", "RT2", 3600,
                                      QStringLiteral("user_bob")),
                          [](const SecretResult &) {});
        QTRY_COMPARE(p.session.owner(), QStringLiteral("user_bob"));
        QCOMPARE(owner.count(), 1);
        QCOMPARE(p.cache->ownerSub(), QStringLiteral("user_bob"));
    }

    void signingOutEndsTheSessionButKeepsTheOwner()
    {
        QTemporaryDir dir;
        Parts p(&m_nam, dir.path(), QStringLiteral("user_alice"));
        p.session.start(LibrarySession::CacheLoading::Blocking);
        p.sessions->forget([](SecretResult, QString) {});
        QTRY_VERIFY(!p.session.isSignedIn());
        p.session.refresh(); // not signed in: nothing to do
        QCOMPARE(p.session.owner(), QStringLiteral("user_alice"));
    }
};

QTEST_GUILESS_MAIN(TestLibrarySession)
#include "tst_librarysession.moc"
