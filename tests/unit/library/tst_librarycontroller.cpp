// LibraryController against a scripted API (one class under test; the real
// reference server is used by tests/integration/tst_library*.cpp): paging,
// filtering, cache, offline adds through the outbox with Idempotency-Keys,
// edit, delete with undo, conflicts, another user's changes.
#include "controllerbackend.h"
#include "fakeprovider.h"
#include "library/librarycontroller.h"
#include "library/libraryloader.h"
#include "library/videojson.h"

#include <QDesktopServices>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace clipshelf;
using namespace clipshelf::test;

/// Records the URLs QDesktopServices::openUrl() would launch.
class UrlRecorder : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened << url; }
};

namespace {

QString ytId(int i)
{
    return QStringLiteral("y%1").arg(i, 10, 10, QLatin1Char('0'));
}

/// A small in-memory Clipshelf API: enough of the contract for the controller.
class FakeLibraryApi : public QObject
{
public:
    enum Mode { Up, Down, DropAfterProcessing };
    Mode mode = Up;
    bool holdLists = false; // GET /videos: answered as of its arrival, sent on releaseLists()
    QList<Video> videos;    // newest first
    QHash<QString, QByteArray> replies; // Idempotency-Key -> first answer
    QList<QByteArray> log;              // "METHOD path?query"
    QList<QByteArray> idempotencyKeys;
    qint64 nextId = 1000;

    FakeLibraryApi()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    QUrl base() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1").arg(m_server.serverPort()));
    }
    int count(const QByteArray &prefix) const
    {
        return int(std::count_if(log.begin(), log.end(),
                                 [&](const QByteArray &l) { return l.startsWith(prefix); }));
    }
    void seed(int n)
    {
        for (int i = 1; i <= n; ++i) {
            Video v;
            v.id = i;
            v.youtubeId = ytId(i);
            v.url = "https://www.youtube.com/watch?v=" + v.youtubeId;
            v.thumbnailUrl = "t";
            v.title = QStringLiteral("Video %1").arg(i);
            v.tags = {i % 2 ? "odd" : "even", i % 10 == 0 ? "tens" : "other"};
            v.createdAt = v.updatedAt = videojson::utcFromMs(1'700'000'000'000LL + i * 1000LL);
            videos.prepend(v);
        }
    }
    int heldLists() const { return int(m_held.size()); }
    void releaseLists()
    {
        for (const auto &[socket, reply] : std::as_const(m_held))
            if (socket)
                writeFakeResponse(socket, reply);
        m_held.clear();
    }
    const Video *find(qint64 id) const
    {
        for (const Video &v : videos)
            if (v.id == id)
                return &v;
        return nullptr;
    }

private:
    using Reply = FakeResponse;

    static QByteArray json(const QJsonObject &o)
    {
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

    Reply handle(const QByteArray &method, const QString &path, const QUrlQuery &query,
                 const QByteArray &body, const QHash<QByteArray, QByteArray> &headers)
    {
        if (path == "/api/v1/health")
            return {200, json({{"status", "ok"}})};
        if (headers.value("authorization") != "Bearer AT")
            return {401, json({{"detail", "no"}})};
        if (method == "GET" && path == "/api/v1/videos") {
            const QString q = query.queryItemValue("q", QUrl::FullyDecoded).toLower();
            const QStringList tags =
                query.queryItemValue("tags", QUrl::FullyDecoded).split(',', Qt::SkipEmptyParts);
            QList<Video> match;
            for (const Video &v : videos) {
                const QString hay =
                    v.title.toLower() + "\x1f" + v.url.toLower() + "\x1f" + v.notes.toLower();
                bool ok = q.isEmpty() || hay.contains(q);
                for (const QString &t : tags)
                    ok = ok && v.tags.contains(t);
                if (ok)
                    match << v;
            }
            const int limit = query.queryItemValue("limit").toInt();
            const int from = query.queryItemValue("cursor").toInt();
            QJsonArray page;
            for (int i = from; i < match.size() && (limit == 0 || i < from + limit); ++i)
                page.append(match[i].toJson());
            const bool more = limit > 0 && from + limit < match.size();
            return {200, json({{"videos", page},
                               {"count", int(match.size())},
                               {"next_cursor",
                                more ? QJsonValue(QString::number(from + limit)) : QJsonValue()}})};
        }
        if (method == "POST" && path == "/api/v1/videos") {
            const QByteArray key = headers.value("idempotency-key");
            idempotencyKeys << key;
            if (!key.isEmpty() && replies.contains(QString::fromLatin1(key)))
                return {201,
                        replies.value(QString::fromLatin1(key)),
                        "application/json",
                        {{"Idempotency-Replayed", "true"}}};
            const QJsonObject o = QJsonDocument::fromJson(body).object();
            if (o.value("title").toString() == "server says no")
                return {422,
                        json({{"detail", "invalid"},
                              {"errors", QJsonArray{QJsonObject{{"field", "title"},
                                                                {"message", "is not allowed"}}}}})};
            // Other answers contract 1.1 allows: 400 with errors, 422 without, 413.
            if (o.value("title").toString() == "server 400")
                return {400, json({{"detail", "Bad input"},
                                   {"errors", QJsonArray{QJsonObject{
                                                  {"field", "url"},
                                                  {"message", "is a playlist, not one video"}}}}})};
            if (o.value("title").toString() == "server 422 bare")
                return {422, json({{"detail", "Not accepted today"}})};
            if (o.value("title").toString() == "server 413")
                return {413, json({{"detail", "The request body is larger than 1 MiB"}})};
            const QString id = o.value("url").toString().section("v=", 1);
            for (const Video &v : videos)
                if (v.youtubeId == id)
                    return {409, json({{"detail", "Already saved"}, {"video", v.toJson()}})};
            Video v;
            v.id = nextId++;
            v.youtubeId = id;
            v.url = "https://www.youtube.com/watch?v=" + id;
            v.thumbnailUrl = "t";
            v.title = o.value("title").toString();
            v.notes = o.value("notes").toString();
            for (const QJsonValue &t : o.value("tags").toArray())
                v.tags << t.toString();
            v.createdAt = v.updatedAt = QDateTime::currentDateTimeUtc();
            videos.prepend(v);
            const QByteArray reply = json(v.toJson());
            if (!key.isEmpty())
                replies.insert(QString::fromLatin1(key), reply);
            return {201, reply};
        }
        if (path == "/api/v1/tags" && method == "GET") {
            QMap<QString, int> counts;
            for (const Video &v : videos)
                for (const QString &t : v.tags)
                    ++counts[t];
            QJsonArray list;
            for (auto it = counts.cbegin(); it != counts.cend(); ++it)
                list.append(QJsonObject{{"name", it.key()}, {"count", it.value()}});
            return {200, json({{"tags", list}})};
        }
        if (path.startsWith("/api/v1/videos/")) {
            const qint64 id = path.section('/', -1).toLongLong();
            for (qsizetype i = 0; i < videos.size(); ++i) {
                if (videos[i].id != id)
                    continue;
                if (method == "DELETE") {
                    videos.removeAt(i);
                    return {204, {}};
                }
                if (method == "PATCH") {
                    const QJsonObject p = QJsonDocument::fromJson(body).object();
                    if (p.contains("title"))
                        videos[i].title = p.value("title").toString();
                    if (p.contains("notes"))
                        videos[i].notes = p.value("notes").toString();
                    if (p.contains("tags")) {
                        videos[i].tags.clear();
                        for (const QJsonValue &t : p.value("tags").toArray())
                            videos[i].tags << t.toString();
                    }
                    return {200, json(videos[i].toJson())};
                }
            }
            return {404, json({{"detail", "Video not found"}})};
        }
        return {404, json({{"detail", "no route"}})};
    }

    void onData(QTcpSocket *s)
    {
        const std::optional<FakeRequest> request = readFakeRequest(s);
        if (!request)
            return;
        const FakeRequest &r = *request;
        if (mode == Down) { // as if unreachable: the connection closes without an answer
            s->abort();
            return;
        }
        log << r.method + ' ' + r.target;
        const Reply reply = handle(r.method, r.path, r.query, r.body, r.headers);
        if (holdLists && r.method == "GET" && r.path == "/api/v1/videos") {
            m_held.append({QPointer<QTcpSocket>(s), reply});
            return;
        }
        if (mode == DropAfterProcessing && r.method == "POST") {
            s->abort(); // done, but the answer is lost
            return;
        }
        writeFakeResponse(s, reply);
    }

    QTcpServer m_server;
    QList<std::pair<QPointer<QTcpSocket>, Reply>> m_held;
};

} // namespace

class TestLibraryController : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    struct Fixture : ControllerBackend
    {
        using ControllerBackend::ControllerBackend;
        std::unique_ptr<LibraryController> library;
    };

    std::unique_ptr<Fixture> make(FakeLibraryApi *api, const QString &dir,
                                  const QString &sub = "user_alice")
    {
        const QString issuer =
            QStringLiteral("http://127.0.0.1:1"); // never asked: the token is fresh
        auto f = std::make_unique<Fixture>(api->base(), issuer, &m_nam, dir, sub);
        f->replayer->setProbeIntervals(50, 200);
        f->library =
            std::make_unique<LibraryController>(f->client.get(), f->sessions.get(), f->cache.get(),
                                                f->outbox.get(), f->replayer.get(), nullptr);
        f->library->setUndoMs(300);
        return f;
    }

    /// The usual start of a test: \a api with videos 1 to \a videos, and a
    /// library on it in \a dir, started.
    std::unique_ptr<Fixture> started(FakeLibraryApi &api, const QTemporaryDir &dir, int videos)
    {
        api.seed(videos);
        auto f = make(&api, dir.path());
        f->library->start();
        return f;
    }

    static QList<qint64> ids(const VideoListModel *m)
    {
        QList<qint64> out;
        for (int i = 0; i < m->rowCount(); ++i)
            out << m->data(m->index(i), VideoListModel::VideoIdRole).toLongLong();
        return out;
    }

private slots:
    void pagesInThenFiltersLocally()
    {
        FakeLibraryApi api;
        api.seed(250);
        QTemporaryDir dir;
        auto f = make(&api, dir.path());
        LibraryController &lib = *f->library;
        QCOMPARE(lib.emptyState(), LibraryController::Loading);
        lib.start();
        QTRY_COMPARE(lib.videos()->count(), 100);
        QCOMPARE(lib.totalCount(), 250);
        QCOMPARE(lib.emptyState(), LibraryController::NotEmpty);
        QCOMPARE(ids(lib.videos()).first(), 250);
        QTRY_COMPARE(lib.tags()->count(), 4);
        QVERIFY(lib.videos()->canFetchMore({}));
        lib.videos()->fetchMore({});
        QTRY_COMPARE(lib.videos()->count(), 200);
        lib.videos()->fetchMore({});
        QTRY_COMPARE(lib.videos()->count(), 250);
        QVERIFY(!lib.videos()->canFetchMore({}));
        QVERIFY(lib.loader()->isComplete());
        QCOMPARE(api.count("GET /api/v1/videos"), 3);

        // Everything is here: filters need no server.
        lib.toggleTag("tens");
        QCOMPARE(lib.selectedTags(), QStringList{"tens"});
        QCOMPARE(lib.videos()->count(), 25);
        lib.toggleTag("EVEN");
        QCOMPARE(lib.videos()->count(), 25);
        lib.setSearchText("video 24");
        QSignalSpy searched(lib.videos(), &VideoListModel::modelReset);
        QVERIFY(searched.wait(2000)); // debounced
        QCOMPARE(ids(lib.videos()), (QList<qint64>{240}));
        lib.setSearchText("no such thing");
        lib.applySearchNow();
        QCOMPARE(lib.emptyState(), LibraryController::NoMatches);
        lib.clearFilters();
        QCOMPARE(lib.videos()->count(), 250);
        QCOMPARE(api.count("GET /api/v1/videos"), 3);
    }

    void searchesOnTheServerWhileIncomplete()
    {
        FakeLibraryApi api;
        QTemporaryDir dir;
        auto f = started(api, dir, 250);
        LibraryController &lib = *f->library;
        QTRY_COMPARE(lib.videos()->count(), 100);
        lib.setSearchText("Video 7"); // 7, 70-79, 700… only some are loaded
        lib.applySearchNow();
        QTRY_COMPARE(api.count("GET /api/v1/videos?q=video%207"), 1);
        QTRY_COMPARE(lib.videos()->count(), 11); // 7 and 70–79, as the server says, newest first
        QCOMPARE(lib.totalCount(), 11);
        QCOMPARE(ids(lib.videos()).last(), 7);
        lib.clearFilters();
        QCOMPARE(lib.videos()->count(), 100); // the unverified rest stays hidden until paged in
    }

    void showsTheCacheAtOnceAndWorksOffline()
    {
        FakeLibraryApi api;
        api.seed(30);
        QTemporaryDir dir;
        {
            auto f = make(&api, dir.path());
            f->library->start();
            QTRY_COMPARE(f->library->videos()->count(), 30);
            QTRY_COMPARE(f->library->tags()->count(), 4);
            f->library->flushCache();
        }
        api.mode = FakeLibraryApi::Down;
        auto f = make(&api, dir.path());
        LibraryController &lib = *f->library;
        lib.start();
        QCOMPARE(lib.videos()->count(), 30); // at once, from disk
        QCOMPARE(lib.tags()->count(), 4);
        QTRY_VERIFY(lib.isOffline());
        lib.setSearchText("VIDEO 1");
        lib.applySearchNow();
        QCOMPARE(lib.videos()->count(), 11); // 1, 10–19
        QCOMPARE(lib.totalCount(), 11);
        QCOMPARE(lib.tagCompletions("t"),
                 (QStringList{"tens", "other"})); // prefix first, then contains
        QCOMPARE(lib.tagCompletions(""),
                 (QStringList{"other", "even", "odd", "tens"})); // most used first
    }

    void readsTheCacheInTheBackground()
    {
        FakeLibraryApi api;
        api.seed(30);
        QTemporaryDir dir;
        {
            auto f = make(&api, dir.path());
            f->library->start();
            QTRY_COMPARE(f->library->videos()->count(), 30);
            f->library->flushCache();
        }
        const int requestsBefore = api.count("GET /api/v1/videos");
        auto f = make(&api, dir.path());
        LibraryController &lib = *f->library;
        QSignalSpy shown(&lib, &LibraryController::showsCachedLibraryChanged);
        QSignalSpy loaded(lib.loader(), &LibraryLoader::cacheLoaded);
        lib.start(LibraryController::CacheLoading::InBackground);
        // The owner is known at once (the app shows the library page), the rows follow.
        QVERIFY(lib.showsCachedLibrary());
        QCOMPARE(shown.count(), 1);
        QVERIFY(lib.loader()->isLoadingCache());
        QVERIFY(lib.isLoading());
        QCOMPARE(lib.emptyState(), LibraryController::Loading);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(lib.videos()->count(), 30);
        // The server is asked only after the cache is in (its rows never replace newer ones).
        QCOMPARE(api.count("GET /api/v1/videos"), requestsBefore);
        QTRY_COMPARE(api.count("GET /api/v1/videos"), requestsBefore + 1);
        QCOMPARE(lib.emptyState(), LibraryController::NotEmpty);
    }

    void aResetDropsACacheStillBeingRead()
    {
        FakeLibraryApi api;
        api.seed(30);
        QTemporaryDir dir;
        {
            auto f = make(&api, dir.path());
            f->library->start();
            QTRY_COMPARE(f->library->videos()->count(), 30);
            f->library->flushCache();
        }
        auto f = make(&api, dir.path());
        LibraryController &lib = *f->library;
        lib.start(LibraryController::CacheLoading::InBackground);
        lib.forgetLocalData();
        QVERIFY(!lib.showsCachedLibrary());
        QVERIFY(!lib.loader()->isLoadingCache());
        // Whatever the worker read is dropped when it arrives.
        lib.loader()->waitForBackgroundWork();
        QCOMPARE(lib.videos()->count(), 0);
        QVERIFY(!lib.showsCachedLibrary());
    }

    void addsOnlineAndReportsDuplicatesAndRefusals()
    {
        FakeLibraryApi api;
        QTemporaryDir dir;
        auto f = started(api, dir, 150);
        LibraryController &lib = *f->library;
        QTRY_COMPARE(lib.videos()->count(), 100);
        QSignalSpy added(&lib, &LibraryController::videoAdded);
        QSignalSpy duplicate(&lib, &LibraryController::duplicateVideo);
        QSignalSpy failed(&lib, &LibraryController::addFailed);

        lib.addVideo("https://youtu.be/abcdefghijk", " Title ", "Notes", {"Music", "music ", ""});
        QVERIFY(added.wait(5000));
        const qint64 id = added.at(0).at(0).toLongLong();
        QVERIFY(id > 0);
        QCOMPARE(lib.videos()->indexOf(id), 0);
        QCOMPARE(lib.video(id).value("title").toString(), QString("Title"));
        QCOMPARE(lib.video(id).value("tags").toStringList(), QStringList{"music"});
        QCOMPARE(lib.video(id).value("pending").toBool(), false);
        QCOMPARE(lib.pendingChanges(), 0);
        QCOMPARE(api.idempotencyKeys.size(), 1);
        QVERIFY(!api.idempotencyKeys.at(0).isEmpty());

        // Known locally: answered without asking the server.
        lib.addVideo("https://www.youtube.com/watch?v=abcdefghijk&t=3", {}, {}, {});
        QCOMPARE(duplicate.count(), 1);
        QCOMPARE(duplicate.at(0).at(0).toLongLong(), id);
        QCOMPARE(duplicate.at(0).at(1).toString(), QString("Already in your library"));
        QCOMPARE(lib.checkUrl("https://m.youtube.com/watch?v=abcdefghijk")
                     .value("existingId")
                     .toLongLong(),
                 id);

        // Saved but not loaded yet (page 2): the server's 409 names it.
        lib.addVideo("https://www.youtube.com/shorts/" + ytId(3), {}, {}, {});
        QTRY_COMPARE(duplicate.count(), 2);
        QCOMPARE(duplicate.at(1).at(0).toLongLong(), 3);
        QVERIFY(lib.videos()->find(3));

        // 422 at the field, and checks done before sending.
        lib.addVideo("https://youtu.be/zzzzzzzzzzz", "server says no", {}, {});
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), QString("title"));
        QCOMPARE(failed.at(0).at(1).toString(), QString("is not allowed"));
        QVERIFY(!lib.videos()->findByYoutubeId("zzzzzzzzzzz"));
        lib.addVideo("https://www.youtube.com/watch?v=short", {}, {}, {});
        QCOMPARE(failed.count(), 2);
        QCOMPARE(failed.at(1).at(0).toString(), QString("url"));
        lib.addVideo("https://youtu.be/yyyyyyyyyyy", QString(301, 'x'), {}, {});
        QCOMPARE(failed.at(2).at(0).toString(), QString("title"));
        lib.addVideo("https://youtu.be/yyyyyyyyyyy", {}, {}, {QString(41, 't')});
        QCOMPARE(failed.at(3).at(0).toString(), QString("tags"));
        QCOMPARE(lib.pendingChanges(), 0);
        QCOMPARE(f->outbox->entries().size(), 0);

        const QVariantMap check = lib.checkUrl(" https://youtu.be/AbCdEfGhIjK ");
        QVERIFY(check.value("valid").toBool());
        QCOMPARE(check.value("canonicalUrl").toString(),
                 QString("https://www.youtube.com/watch?v=AbCdEfGhIjK"));
        QCOMPARE(check.value("thumbnailSource").toString(),
                 QString("image://thumbnail/AbCdEfGhIjK"));
        // Contract 1.1: http and share-button extras are fine, channel pages are not.
        QCOMPARE(
            lib.checkUrl("http://youtu.be/AbCdEfGhIjK?si=xyz#t=3").value("canonicalUrl").toString(),
            QString("https://www.youtube.com/watch?v=AbCdEfGhIjK"));
        QVERIFY(!lib.checkUrl("https://www.youtube.com/@someone").value("valid").toBool());
        QCOMPARE(lib.checkUrl("https://www.youtube.com/@someone").value("message").toString(),
                 QString("This link is not a YouTube video: it is a channel page, not one video."));
    }

    void serverRefusalsShowAtTheRightPlace()
    {
        FakeLibraryApi api;
        QTemporaryDir dir;
        auto f = started(api, dir, 3);
        LibraryController &lib = *f->library;
        QTRY_COMPARE(lib.videos()->count(), 3);
        QSignalSpy failed(&lib, &LibraryController::addFailed);
        // 400 with errors: at the field, worded as a sentence about the link.
        lib.addVideo("https://youtu.be/zzzzzzzzzz1", "server 400", {}, {});
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), QString("url"));
        QCOMPARE(failed.at(0).at(1).toString(),
                 QString("This link is not a YouTube video: it is a playlist, not one video."));
        // 422 without errors: in general, with the server's detail.
        lib.addVideo("https://youtu.be/zzzzzzzzzz2", "server 422 bare", {}, {});
        QTRY_COMPARE(failed.count(), 2);
        QCOMPARE(failed.at(1).at(0).toString(), QString());
        QCOMPARE(failed.at(1).at(1).toString(), QString("Not accepted today"));
        // 413: in general, in our words.
        lib.addVideo("https://youtu.be/zzzzzzzzzz3", "server 413", {}, {});
        QTRY_COMPARE(failed.count(), 3);
        QCOMPARE(failed.at(2).at(0).toString(), QString());
        QCOMPARE(failed.at(2).at(1).toString(),
                 QString("That is too large for the Clipshelf service."));
        // Nothing was kept or queued for any of them.
        QCOMPARE(lib.pendingChanges(), 0);
        QCOMPARE(lib.videos()->count(), 3);
    }

    void offlineAddsWaitAndAreSentOnceEach()
    {
        FakeLibraryApi api;
        QTemporaryDir dir;
        auto f = started(api, dir, 5);
        LibraryController &lib = *f->library;
        QTRY_COMPARE(lib.videos()->count(), 5);
        api.mode = FakeLibraryApi::Down;
        QSignalSpy added(&lib, &LibraryController::videoAdded);
        lib.addVideo("https://youtu.be/aaaaaaaaaa1", "one", {}, {"x"});
        QTRY_COMPARE(added.count(), 1); // the first try fails: queued
        QTRY_VERIFY(lib.isOffline());
        lib.addVideo("https://youtu.be/aaaaaaaaaa2", "two", {}, {});
        lib.addVideo("https://youtu.be/aaaaaaaaaa3", "three", {}, {});
        QCOMPARE(added.count(), 3);
        for (const QList<QVariant> &a : added)
            QVERIFY(a.at(0).toLongLong() < 0);
        QCOMPARE(lib.pendingChanges(), 3);
        QCOMPARE(lib.videos()->count(), 8);
        QCOMPARE(ids(lib.videos()).first(), added.at(2).at(0).toLongLong()); // newest first
        QVERIFY(lib.video(added.at(0).at(0).toLongLong()).value("pending").toBool());
        // An edit of a queued add is a change of its own, sent after the add (issue 13, item 17).
        lib.updateVideo(added.at(1).at(0).toLongLong(), "two, renamed", "n", {});
        QCOMPARE(f->outbox->entries().size(), 4);
        QCOMPARE(lib.video(added.at(1).at(0).toLongLong()).value("title").toString(),
                 QString("two, renamed"));

        // The first answer is lost after the server saved it: the replay must not add it twice.
        api.mode = FakeLibraryApi::DropAfterProcessing;
        QTRY_VERIFY_WITH_TIMEOUT(api.videos.size() >= 6, 10'000);
        api.mode = FakeLibraryApi::Up;
        QTRY_COMPARE_WITH_TIMEOUT(lib.pendingChanges(), 0, 15'000);
        QCOMPARE(api.videos.size(), 8);
        QStringList titles;
        for (const Video &v : api.videos)
            titles << v.title;
        QVERIFY(titles.contains("two, renamed"));
        QCOMPARE(titles.count("one"), 1);
        QSet<QByteArray> keys(api.idempotencyKeys.begin(), api.idempotencyKeys.end());
        QCOMPARE(keys.size(), 3); // one key per add, however often it was sent
        QVERIFY(api.idempotencyKeys.size() > 3);
        QTRY_VERIFY(!ids(lib.videos()).contains(-1) && ids(lib.videos()).first() > 0);
        QCOMPARE(lib.videos()->count(), 8);
        QVERIFY(!lib.isOffline());
    }

    void editsAndDeletesWithUndo()
    {
        FakeLibraryApi api;
        QTemporaryDir dir;
        auto f = started(api, dir, 3);
        LibraryController &lib = *f->library;
        QTRY_COMPARE(lib.videos()->count(), 3);
        QSignalSpy updated(&lib, &LibraryController::videoUpdated);
        lib.updateVideo(2, "New title", "Some notes", {"a", "B"});
        QVERIFY(updated.wait(5000));
        QCOMPARE(api.find(2)->title, QString("New title"));
        QCOMPARE(api.find(2)->tags, (QStringList{"a", "b"}));
        QCOMPARE(lib.video(2).value("notes").toString(), QString("Some notes"));

        QSignalSpy scheduled(&lib, &LibraryController::deleteScheduled);
        QSignalSpy deleted(&lib, &LibraryController::videoDeleted);
        lib.deleteVideo(2);
        QCOMPARE(scheduled.count(), 1);
        QCOMPARE(scheduled.at(0).at(1).toString(), QString("New title"));
        QCOMPARE(lib.videos()->count(), 2); // hidden at once
        QCOMPARE(lib.pendingChanges(), 0);  // held, not waiting
        lib.undoDelete(2);
        QCOMPARE(lib.videos()->count(), 3);
        QTest::qWait(500); // past the undo window: nothing is sent
        QCOMPARE(api.count("DELETE"), 0);
        QCOMPARE(f->outbox->entries().size(), 0);

        lib.deleteVideo(2);
        QVERIFY(deleted.wait(5000)); // sent when the window closed
        QCOMPARE(api.count("DELETE /api/v1/videos/2"), 1);
        QVERIFY(!api.find(2));
        lib.deleteVideo(3);
        lib.commitPendingDeletes(); // the app closes: sent at once
        QTRY_VERIFY(!api.find(3));
        QCOMPARE(lib.videos()->count(), 1);
    }

    void aListAnsweredBeforeAChangeNeverUndoesIt()
    {
        // The list is read on the server, then an edit and a delete are saved there, then the
        // list's answer arrives: it must neither bring back the old title nor the deleted video.
        FakeLibraryApi api;
        QTemporaryDir dir;
        auto f = started(api, dir, 3);
        LibraryController &lib = *f->library;
        QTRY_COMPARE(lib.videos()->count(), 3);
        QTRY_VERIFY(!lib.isLoading());
        api.holdLists = true;
        lib.refresh();
        QTRY_COMPARE(api.heldLists(), 1);
        QSignalSpy updated(&lib, &LibraryController::videoUpdated);
        lib.updateVideo(2, "New title", {}, api.find(2)->tags);
        QVERIFY(updated.wait(5000));
        QSignalSpy deleted(&lib, &LibraryController::videoDeleted);
        lib.deleteVideo(3);
        lib.commitPendingDeletes();
        QVERIFY(deleted.wait(5000));
        QCOMPARE(api.find(2)->title, QString("New title"));
        QVERIFY(!api.find(3));

        QSignalSpy applied(lib.loader(), &LibraryLoader::pageApplied);
        api.holdLists = false;
        api.releaseLists();
        QVERIFY(applied.wait(5000));
        QCOMPARE(lib.video(2).value("title").toString(), QString("New title"));
        QCOMPARE(ids(lib.videos()), (QList<qint64>{2, 1}));
    }

    void editOfAQueuedAddIsNeverLost()
    {
        // Issue 13, item 17: the add reached the server but its answer was lost; an edit made
        // meanwhile must reach the server too (not ride on the add's Idempotency-Key).
        FakeLibraryApi api;
        QTemporaryDir dir;
        auto f = started(api, dir, 1);
        LibraryController &lib = *f->library;
        QTRY_COMPARE(lib.videos()->count(), 1);
        api.mode = FakeLibraryApi::DropAfterProcessing;
        QSignalSpy added(&lib, &LibraryController::videoAdded);
        lib.addVideo("https://youtu.be/bbbbbbbbbb1", "first title", {}, {});
        QTRY_COMPARE(api.videos.size(), 2); // saved on the server, the answer lost
        api.mode = FakeLibraryApi::Down;
        QTRY_COMPARE(added.count(), 1);
        QTRY_VERIFY(!f->replayer->isSending());
        const qint64 localId = added.at(0).at(0).toLongLong();
        QVERIFY(localId < 0);
        lib.updateVideo(localId, "second title", {}, {"edited"});
        api.mode = FakeLibraryApi::Up;
        QTRY_COMPARE_WITH_TIMEOUT(lib.pendingChanges(), 0, 15'000);
        QCOMPARE(api.videos.size(), 2);
        QCOMPARE(api.videos.first().title, QString("second title"));
        QCOMPARE(api.videos.first().tags, QStringList{"edited"});
        QCOMPARE(lib.video(api.videos.first().id).value("title").toString(),
                 QString("second title"));
    }

    void opensOnlyYoutubeLinks()
    {
        // Issue 13, item 12: the url from the server (or the cache) is never launched as it is.
        FakeLibraryApi api;
        QTemporaryDir dir;
        api.seed(3);
        api.videos[0].url = "file:///etc/passwd";  // video 3, a valid YouTube id
        api.videos[1].url = "javascript:alert(1)"; // video 2
        api.videos[1].youtubeId = "../../evil";    // and no valid id
        api.videos[2].url = "clipshelf-evil://x";  // video 1
        auto f = make(&api, dir.path());
        f->library->start();
        LibraryController &lib = *f->library;
        QTRY_COMPARE(lib.videos()->count(), 3);
        UrlRecorder recorder;
        for (const char *scheme : {"https", "http", "file", "javascript", "clipshelf-evil"})
            QDesktopServices::setUrlHandler(scheme, &recorder, "open");
        lib.openInBrowser(3);
        lib.openInBrowser(2);
        lib.openInBrowser(1);
        for (const char *scheme : {"https", "http", "file", "javascript", "clipshelf-evil"})
            QDesktopServices::unsetUrlHandler(scheme);
        QCOMPARE(recorder.opened,
                 (QList<QUrl>{QUrl("https://www.youtube.com/watch?v=" + ytId(3)),
                              QUrl("https://www.youtube.com/watch?v=" + ytId(1))}));
    }

    void explainsConflicts()
    {
        FakeLibraryApi api;
        QTemporaryDir dir;
        auto f = started(api, dir, 3);
        LibraryController &lib = *f->library;
        QTRY_COMPARE(lib.videos()->count(), 3);
        api.videos.removeIf([](const Video &v) { return v.id == 1; }); // deleted elsewhere
        api.mode = FakeLibraryApi::Down;
        QSignalSpy conflict(&lib, &LibraryController::conflict);
        QSignalSpy updateFailed(&lib, &LibraryController::updateFailed);
        lib.updateVideo(1, "Mine", {}, {});
        QTRY_VERIFY(lib.isOffline());
        QCOMPARE(lib.pendingChanges(), 1);
        api.mode = FakeLibraryApi::Up;
        QTRY_COMPARE_WITH_TIMEOUT(conflict.count(), 1, 10'000);
        QVERIFY(conflict.at(0).at(0).toString().contains("deleted elsewhere"));
        QVERIFY(conflict.at(0).at(0).toString().contains("Video 1"));
        QCOMPARE(updateFailed.count(), 0);
        QCOMPARE(lib.pendingChanges(), 0);
        QVERIFY(!lib.videos()->find(1));
    }

    void anotherUsersChangesAreNeverSent()
    {
        FakeLibraryApi api;
        QTemporaryDir dir;
        {
            Outbox outbox(dir.path());
            QVERIFY(outbox.open());
            OutboxEntry bobs;
            bobs.kind = OutboxEntry::AddVideo;
            bobs.ownerSub = "user_bob";
            bobs.idempotencyKey = "k";
            bobs.payload = {{"url", "https://www.youtube.com/watch?v=bbbbbbbbbbb"}};
            QVERIFY(outbox.enqueue(bobs));
        }
        auto f = make(&api, dir.path(), "user_alice");
        LibraryController &lib = *f->library;
        lib.start();
        QTRY_COMPARE(lib.emptyState(), LibraryController::NoVideos);
        QVERIFY(lib.outboxBelongsToOtherUser());
        QCOMPARE(lib.otherUserChanges(), 1);
        QCOMPARE(lib.pendingChanges(), 0);
        QCOMPARE(lib.videos()->count(), 0); // bob's queued add is not shown to alice
        f->replayer->kick();
        QTest::qWait(200);
        QCOMPARE(api.count("POST"), 0);
        lib.keepOutbox();
        QVERIFY(!lib.outboxBelongsToOtherUser());
        QCOMPARE(f->outbox->entries().size(), 1);
        lib.discardOutbox();
        QCOMPARE(f->outbox->entries().size(), 0);
    }

    void forgetsEverything()
    {
        FakeLibraryApi api;
        QTemporaryDir dir;
        auto f = started(api, dir, 4);
        LibraryController &lib = *f->library;
        QTRY_COMPARE(lib.videos()->count(), 4);
        lib.flushCache();
        api.mode = FakeLibraryApi::Down;
        lib.addVideo("https://youtu.be/ccccccccccc", {}, {}, {});
        QTRY_COMPARE(lib.pendingChanges(), 1);
        lib.forgetLocalData();
        QCOMPARE(lib.videos()->count(), 0);
        QCOMPARE(f->outbox->entries().size(), 0);
        QVERIFY(f->cache->readLibraryJson().isEmpty());
        QCOMPARE(f->cache->ownerSub(), QString());
    }
};

QTEST_GUILESS_MAIN(TestLibraryController)
#include "tst_librarycontroller.moc"
