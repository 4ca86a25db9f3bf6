// The library against the real provider, browser, keychain and reference API
// server: isolation between users, add/duplicate/refusal, edit, delete with
// undo, paging and search, a session ended by the provider mid-edit, and
// another user's waiting changes.
#include "library/libraryloader.h"
#include "libraryfixture.h"
#include "storage/outbox.h"
#include "sync/outboxreplayer.h"

#include <QJsonArray>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

class TestLibraryIntegration : public QObject, protected AliceOnTheStack
{
    Q_OBJECT

    bool startedAndLoaded(SignedInProfile &p)
    {
        p.workspace.start();
        return QTest::qWaitFor(
            [&] { return p.library().loader()->hasLoaded() && !p.library().isLoading(); }, 30'000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(startWithAliceSignedIn());
        QVERIFY(startedAndLoaded(*m_alice));
        QCOMPARE(m_alice->library().emptyState(), LibraryController::NoVideos);
    }

    void cleanupTestCase() { stopStack(); }

    void addsEditsAndDeletesWithUndo()
    {
        LibraryController &lib = m_alice->library();
        lib.setUndoMs(400);
        QSignalSpy added(&lib, &LibraryController::videoAdded);
        QSignalSpy duplicate(&lib, &LibraryController::duplicateVideo);
        QSignalSpy failed(&lib, &LibraryController::addFailed);
        lib.addVideo("https://www.youtube.com/watch?v=aliceOnly01&t=42", "Alice's own",
                     "private notes", {"Mine", "music"});
        QVERIFY(added.wait(20'000));
        const qint64 id = added.at(0).at(0).toLongLong();
        QVERIFY(id > 0);
        QCOMPARE(lib.video(id).value("url").toString(),
                 QString("https://www.youtube.com/watch?v=aliceOnly01"));
        QCOMPARE(lib.emptyState(), LibraryController::NotEmpty);
        QTRY_COMPARE_WITH_TIMEOUT(lib.tags()->count(), 2, 10'000);

        lib.addVideo("https://www.youtube.com/embed/aliceOnly01", {}, {}, {});
        QCOMPARE(duplicate.count(), 1);
        QCOMPARE(duplicate.at(0).at(0).toLongLong(), id);
        QCOMPARE(duplicate.at(0).at(1).toString(), QString("Already in your library"));

        // The server refuses (as injected): the message reaches the form.
        m_api.addFault({{"path_prefix", "/videos"},
                        {"method", "POST"},
                        {"action", "status"},
                        {"status", 422}});
        lib.addVideo("https://youtu.be/refused0001", {}, {}, {});
        QVERIFY(failed.wait(20'000));
        QVERIFY(!failed.at(0).at(1).toString().isEmpty());
        QCOMPARE(lib.pendingChanges(), 0);

        QSignalSpy updated(&lib, &LibraryController::videoUpdated);
        lib.updateVideo(id, "Renamed", "", {"mine"});
        QVERIFY(updated.wait(20'000));
        const ApiResult got = m_alice->call(endpoints::getVideo(id));
        QCOMPARE(got.json().value("title").toString(), QString("Renamed"));
        QVERIFY(got.json().value("notes").isNull());
        QCOMPARE(got.json().value("tags").toArray().size(), 1);

        QSignalSpy deleted(&lib, &LibraryController::videoDeleted);
        lib.deleteVideo(id);
        QCOMPARE(lib.videos()->count(), 0);
        lib.undoDelete(id);
        QCOMPARE(lib.videos()->count(), 1);
        QTest::qWait(700);
        QVERIFY(m_alice->call(endpoints::getVideo(id)).ok()); // undone: never sent
        lib.deleteVideo(id);
        QVERIFY(deleted.wait(20'000));
        QCOMPARE(m_alice->call(endpoints::getVideo(id)).error.kind, ApiError::NotFound);
    }

    void aliceNeverSeesBobsVideos()
    {
        // Alice has one video; bob, in his own profile, never sees it, even by searching.
        QSignalSpy added(&m_alice->library(), &LibraryController::videoAdded);
        m_alice->library().addVideo("https://youtu.be/aliceSecret", "Alice secret", {},
                                    {"alicetag"});
        QVERIFY(added.wait(20'000));
        SignedInProfile bob(m_provider.issuer(), m_api.url(), "bob", &m_nam);
        QVERIFY(bob.signIn());
        QCOMPARE(bob.auth.session().profile.subject, QString("user_bob"));
        QVERIFY(startedAndLoaded(bob));
        QCOMPARE(bob.library().videos()->count(), 0);
        QCOMPARE(bob.library().tags()->count(), 0);
        bob.library().setSearchText("secret");
        bob.library().applySearchNow();
        QTRY_VERIFY_WITH_TIMEOUT(!bob.library().isLoading(), 10'000);
        QCOMPARE(bob.library().videos()->count(), 0);
        QCOMPARE(bob.library().emptyState(), LibraryController::NoMatches);
        QCOMPARE(bob.call(endpoints::getVideo(added.at(0).at(0).toLongLong())).error.kind,
                 ApiError::NotFound);
        // The same YouTube video is bob's own, not a duplicate.
        QSignalSpy bobAdded(&bob.library(), &LibraryController::videoAdded);
        bob.library().clearFilters();
        bob.library().addVideo("https://youtu.be/aliceSecret", {}, {}, {});
        QVERIFY(bobAdded.wait(20'000));
        QVERIFY(bobAdded.at(0).at(0).toLongLong() != added.at(0).at(0).toLongLong());
        QCOMPARE(m_alice->serverVideos().size(), 1);
    }

    void pagesInAndSearchesTheServer()
    {
        // 230 more videos, created through the API directly.
        for (int i = 0; i < 230; ++i) {
            VideoDraft d;
            d.url = QStringLiteral("https://youtu.be/page%1").arg(i, 7, 10, QLatin1Char('0'));
            d.title = QStringLiteral("Paged %1").arg(i);
            d.tags = {i % 2 ? "odd" : "even"};
            QVERIFY(m_alice->call(endpoints::createVideo(d, {})).ok());
        }
        // A second start of the app on the same data: the cache first, then the server.
        m_alice->library().flushCache();
        SignedInProfile again(m_provider.issuer(), m_api.url(), "alice", &m_nam, m_alice->profile,
                              m_alice->root);
        QSignalSpy restored(&again.auth, &AuthController::restoreFinished);
        again.auth.restore();
        QVERIFY(restored.wait(20'000));
        QCOMPARE(again.auth.state(), AuthController::SignedIn);
        again.workspace.start();
        QCOMPARE(again.library().videos()->count(), 1); // the cache, at once
        QTRY_COMPARE_WITH_TIMEOUT(again.library().videos()->count(), 100, 20'000);
        QCOMPARE(again.library().totalCount(), 231);
        again.library().videos()->fetchMore({});
        QTRY_COMPARE_WITH_TIMEOUT(again.library().videos()->count(), 200, 20'000);
        // Searching while not everything is loaded asks the server.
        again.library().setSearchText("paged 1"); // 1, 10–19, 100–199
        again.library().applySearchNow();
        QTRY_COMPARE_WITH_TIMEOUT(again.library().totalCount(), 111, 20'000);
        again.library().toggleTag("odd");
        QTRY_COMPARE_WITH_TIMEOUT(again.library().totalCount(), 56, 20'000);
        again.library().clearFilters();
        again.library().videos()->fetchMore({});
        QTRY_COMPARE_WITH_TIMEOUT(again.library().videos()->count(), 231, 20'000);
        QVERIFY(again.library().loader()->isComplete());
    }

    void anotherUsersWaitingChangesAreNotSent()
    {
        const QString profile = freshProfile("lib-switch");
        QTemporaryDir shared;
        {
            SignedInProfile alice(m_provider.issuer(), m_api.url(), "alice", &m_nam, profile,
                                  shared.path());
            QVERIFY(alice.signIn());
            QVERIFY(startedAndLoaded(alice));
            m_api.addFault({{"path_prefix", "/videos"},
                            {"method", "POST"},
                            {"action", "drop"},
                            {"count", 1000}});
            QSignalSpy added(&alice.library(), &LibraryController::videoAdded);
            alice.library().addVideo("https://youtu.be/waitingAl01", "waiting", {}, {});
            QVERIFY(added.wait(20'000));
            QVERIFY(added.at(0).at(0).toLongLong() < 0);
            QCOMPARE(alice.library().pendingChanges(), 1);
            QSignalSpy out(&alice.auth, &AuthController::signOutFinished);
            alice.auth.signOut();
            QVERIFY(out.wait(20'000));
        }
        m_api.clearFaults();
        SignedInProfile bob(m_provider.issuer(), m_api.url(), "bob", &m_nam, profile,
                            shared.path());
        QVERIFY(bob.signIn());
        QVERIFY(startedAndLoaded(bob));
        QVERIFY(bob.library().outboxBelongsToOtherUser());
        QCOMPARE(bob.library().otherUserChanges(), 1);
        QCOMPARE(bob.library().pendingChanges(), 0);
        for (int i = 0; i < bob.library().videos()->count();
             ++i) // alice's waiting add is not shown to bob
            QVERIFY(bob.library().videos()->get(i).value("title").toString() != "waiting");
        QTest::qWait(500);
        QCOMPARE(m_api.stats().value("by_method_path").toObject().value("POST /videos").toInt(), 0);
        bob.library().discardOutbox();
        QVERIFY(!bob.library().outboxBelongsToOtherUser());
        QCOMPARE(bob.workspace.outbox()->entries().size(), 0);
    }

    void editOfAnAddWhoseAnswerWasLostIsNotLost()
    {
        // Issue 13, item 17: the server saves an add but its answer is lost, and the video is
        // edited before the add goes out again. The replay (same Idempotency-Key, same body)
        // and the edit both reach the server; the reference server refuses a key reused with
        // another body (422), which used to drop the row and lose the edit.
        LibraryController &lib = m_alice->library();
        m_api.clearFaults();
        // Every answer lost (the client's own quick retries too) until the edit is made.
        m_api.addFault({{"path_prefix", "/videos"},
                        {"method", "POST"},
                        {"action", "drop_after"},
                        {"count", 100}});
        QSignalSpy added(&lib, &LibraryController::videoAdded);
        lib.addVideo("https://youtu.be/lostAnswer1", "as added", {}, {});
        QVERIFY(added.wait(20'000));
        const qint64 localId = added.at(0).at(0).toLongLong();
        QVERIFY(localId < 0); // waits to be sent again
        QVERIFY(!m_alice->workspace.replayer()->isSending());
        lib.updateVideo(localId, "edited meanwhile", "notes too", {});
        m_api.clearFaults();
        QTRY_COMPARE_WITH_TIMEOUT(lib.pendingChanges(), 0, 30'000);
        QList<Video> matching;
        for (const Video &v : m_alice->serverVideos())
            if (v.youtubeId == QLatin1String("lostAnswer1"))
                matching << v;
        QCOMPARE(matching.size(), 1);
        QCOMPARE(matching.first().title, QString("edited meanwhile"));
        QCOMPARE(matching.first().notes, QString("notes too"));
        QCOMPARE(lib.video(matching.first().id).value("title").toString(),
                 QString("edited meanwhile"));
    }

    void editIsSavedOnceAfterTheSessionEndedMidEdit()
    {
        LibraryController &lib = m_alice->library();
        QSignalSpy added(&lib, &LibraryController::videoAdded);
        lib.addVideo("https://youtu.be/sessionEnd1", "before", {}, {});
        QVERIFY(added.wait(20'000));
        const qint64 id = added.at(0).at(0).toLongLong();
        QVERIFY(id > 0);
        m_api.clearFaults();

        // The provider ends alice's session; the API rejects the edit's token: the
        // refresh fails with invalid_grant while the edit is on the wire.
        m_provider.call("POST", "/__test/revoke?sub=user_alice");
        m_api.addFault({{"path_prefix", QStringLiteral("/videos/%1").arg(id)},
                        {"method", "PATCH"},
                        {"action", "status"},
                        {"status", 401}});
        QSignalSpy ended(m_alice->auth.sessions(), &SessionManager::sessionEnded);
        lib.updateVideo(id, "edited while the session ended", "kept", {});
        QVERIFY(ended.wait(20'000));
        QTRY_VERIFY(lib.isSessionEnded());
        QCOMPARE(lib.pendingChanges(), 1);
        QCOMPARE(lib.video(id).value("title").toString(),
                 QString("edited while the session ended"));
        QCOMPARE(m_alice->auth.state(), AuthController::SignedOut);

        // Signing in again as alice sends the edit, once.
        QVERIFY(m_alice->signIn());
        QTRY_COMPARE_WITH_TIMEOUT(lib.pendingChanges(), 0, 20'000);
        const ApiResult got = m_alice->call(endpoints::getVideo(id));
        QCOMPARE(got.json().value("title").toString(), QString("edited while the session ended"));
        QCOMPARE(got.json().value("notes").toString(), QString("kept"));
        const QJsonObject byMethod = m_api.stats().value("by_method_path").toObject();
        // One PATCH refused with 401 (the fault), one applied: nothing sent twice.
        QCOMPARE(byMethod.value(QStringLiteral("PATCH /videos/%1").arg(id)).toInt(), 2);
        QVERIFY(!lib.isSessionEnded());
    }
};

QTEST_MAIN(TestLibraryIntegration)
#include "tst_library_integration.moc"
