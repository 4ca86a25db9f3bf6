// clipshelf-cli against the real local stack: the oidc-provider test provider,
// the reference API server, gnome-keyring's Secret Service and chromium as the
// browser. Alice signs in once through --browser, Bob once through
// --no-browser; every other command reuses those sessions. Each command's exit
// code and --json output are checked, and no output may contain a token.
#include "auth/sessionvault.h"
#include "storage/keychainsecretstore.h"
#include "tst_cli_process.h"

#include <QImage>
#include <QJsonArray>
#include <QNetworkReply>
#include <QTemporaryDir>

using namespace clipshelf;
using namespace clipshelf::test;

namespace {

const QString kVideo = QStringLiteral("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
const QString kVideo2 = QStringLiteral("https://youtu.be/9bZkp7q19f0");

/// The session that clipshelf-cli stored for \a profile, read from the keychain.
Session storedSession(const QString &profile)
{
    KeychainSecretStore store(SessionVault::serviceName(profile));
    SessionVault vault(&store);
    Session session;
    bool done = false;
    vault.load([&](const SecretResult &, const Session &s) {
        session = s;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10'000))
        qWarning("the keychain did not answer");
    return session;
}

QStringList ids(const QJsonArray &array)
{
    QStringList out;
    for (const QJsonValue &v : array)
        out << QString::number(v.toObject().value("id").toInteger());
    return out;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

    TestProvider m_provider;
    TestApiServer m_api;
    CliRunner m_alice;
    CliRunner m_bob;
    QString m_aliceProfile = freshProfile("cli-alice");
    QString m_bobProfile = freshProfile("cli-bob");
    Session m_aliceSession;
    qint64 m_videoId = 0;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;

    void rememberSecrets(CliRunner &runner, const Session &s)
    {
        for (const QString &secret : {s.accessToken, s.refreshToken, s.idToken})
            runner.forbidden << secret.toUtf8();
        m_alice.forbidden = m_bob.forbidden = runner.forbidden;
    }

private slots:
    void initTestCase();
    void usageErrorsExitWith2();
    void helpDescribesEachCommand();
    void apiCommandsNeedASignIn();
    void loginThroughTheBrowser();
    void statusAndWhoami();
    void videosAddListShowEditRemove();
    void duplicateAndBadLinks();
    void shareLinksAreSavedNormalised();
    void listPagesWithCursorAndAll();
    void serverErrorsExitWith5();
    void tagsAndActivity();
    void settingsGetAndSet();
    void settingsChangedElsewhereExitsWith7();
    void avatarIsScaledBeforeUpload();
    void apiKeysCreateListRevoke();
    void doctorWhenSignedIn();
    void loginWithoutBrowserAndIsolation();
    void apiDownExitsWith4();
    void logoutEndsTheSession();
};

void TestCli::initTestCase()
{
    QVERIFY2(QFile::exists(m_alice.program), qPrintable(m_alice.program + " is not built"));
    QVERIFY(m_dir.isValid());
    QVERIFY(m_provider.start());
    QVERIFY(m_api.start(m_provider.issuer()));
    m_alice.configure(m_provider.issuer(), m_api.url(), m_aliceProfile, "alice");
    m_bob.configure(m_provider.issuer(), m_api.url(), m_bobProfile, "bob");
    m_bob.env.insert("CLIPSHELF_BROWSER", "/bin/false"); // Bob signs in with --no-browser
}

void TestCli::usageErrorsExitWith2()
{
    const QList<QStringList> cases{
        {},
        {"frobnicate"},
        {"videos"},
        {"videos", "frobnicate"},
        {"videos", "list", "--bogus"},
        {"videos", "list", "--limit", "0"},
        {"videos", "show"},
        {"videos", "show", "abc"},
        {"videos", "show", "1", "2"},
        {"videos", "edit", "1"},
        {"settings", "set", "nope=1"},
        {"settings", "set", "theme=blue"},
        {"settings", "set", "notifications.email_digest=maybe"},
        {"settings", "set", "theme"},
        {"settings", "get", "nope"},
        {"status", "extra"},
        {"--profile", "bad name!", "status"},
    };
    for (const QStringList &args : cases) {
        const CliRun r = m_alice.run(args);
        QVERIFY2(r.code == 2, qPrintable(args.join(' ') + ": " + r.describe()));
        QVERIFY2(r.out.isEmpty(), qPrintable(args.join(' ') + ": " + r.describe()));
        // One clear sentence, then where to find the usage.
        QVERIFY2(r.err.startsWith("clipshelf-cli: ") && r.err.count('\n') == 2,
                 qPrintable(r.describe()));
    }
}

void TestCli::helpDescribesEachCommand()
{
    CliRun r = m_alice.run({"--help"});
    QCOMPARE(r.code, 0);
    for (const char *text : {"videos add", "settings set", "api-keys create", "avatar rm", "doctor",
                             "activity", "Exit codes:", "7  conflict", "--json", "--profile"})
        QVERIFY2(r.out.contains(text), text);

    r = m_alice.run({"videos", "add", "--help"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith("Usage: clipshelf-cli videos add [options] URL"), r.out.constData());
    QVERIFY(r.out.contains("--tag <tag>") && r.out.contains("--title <title>") &&
            r.out.contains("--notes <notes>"));
    QVERIFY(!r.out.contains("--no-browser"));

    // Global options may come before the command, and --help after it.
    r = m_alice.run({"--json", "videos", "--help"});
    QCOMPARE(r.code, 0);
    for (const char *sub : {"videos list", "videos add", "videos show", "videos edit", "videos rm"})
        QVERIFY2(r.out.contains(sub), sub);

    r = m_alice.run({"--version"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.startsWith("clipshelf-cli "));
}

void TestCli::apiCommandsNeedASignIn()
{
    CliRun r = m_alice.run({"status"});
    QCOMPARE(r.code, 3);
    r = m_alice.run({"videos", "list"});
    QCOMPARE(r.code, 3);
    QVERIFY2(r.err.contains("Not signed in; run `clipshelf-cli login` first."),
             qPrintable(r.describe()));

    // No API URL configured: an incomplete configuration, exit 2.
    QProcessEnvironment noApi;
    noApi.insert("CLIPSHELF_API_URL", "");
    r = m_alice.run({"tags"}, noApi);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("No API URL is configured"), qPrintable(r.describe()));
}

void TestCli::loginThroughTheBrowser()
{
    const CliRun r = m_alice.run({"login"}, {}, 90'000);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains("Signed in as Alice Liddell <alice@example.com>"),
             qPrintable(r.describe()));
    m_aliceSession = storedSession(m_aliceProfile);
    QVERIFY(m_aliceSession.isValid());
    QVERIFY(m_aliceSession.hasRefreshToken());
    rememberSecrets(m_alice, m_aliceSession);

    const CliRun again = m_alice.run({"login"});
    QCOMPARE(again.code, 0);
    QVERIFY(again.out.contains("(already)"));
}

void TestCli::statusAndWhoami()
{
    CliRun r = m_alice.run({"status", "--json"});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json().value("signed_in").toBool(), true);
    QCOMPARE(r.json().value("refresh_token_present").toBool(), true);
    r = m_alice.run({"whoami", "--json"});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json().value("sub").toString(), QString("user_alice"));
    r = m_alice.run({"whoami"});
    QVERIFY(r.out.contains("alice@example.com"));
}

void TestCli::videosAddListShowEditRemove()
{
    // add: the API's own Video object with --json.
    CliRun r = m_alice.run({"videos", "add", kVideo, "--tag", "music", "--tag", "Classic",
                            "--title", "Never", "--notes", "line one", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QJsonObject video = r.json();
    m_videoId = video.value("id").toInteger();
    QVERIFY(m_videoId > 0);
    QCOMPARE(video.value("youtube_id").toString(), QString("dQw4w9WgXcQ"));
    QCOMPARE(video.value("title").toString(), QString("Never"));
    QCOMPARE(video.value("tags").toArray(), (QJsonArray{"music", "classic"}));
    QVERIFY(video.contains("thumbnail_url") && video.contains("created_at"));

    // Options may also come before the command words.
    r = m_alice.run({"--tag", "kpop", "videos", "add", kVideo2});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QVERIFY(r.out.startsWith("Saved video "));

    r = m_alice.run({"videos", "list", "--json"});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json().value("count").toInt(), 2);
    QVERIFY(r.json().contains("next_cursor"));
    QVERIFY(ids(r.json().value("videos").toArray()).contains(QString::number(m_videoId)));

    r = m_alice.run({"videos", "list", "--tags", "music,classic", "--json"});
    QCOMPARE(ids(r.json().value("videos").toArray()), QStringList{QString::number(m_videoId)});
    r = m_alice.run({"videos", "list", "--query", "NEVER", "--json"});
    QCOMPARE(r.json().value("count").toInt(), 1);
    r = m_alice.run({"videos", "list", "--limit", "1", "--json"});
    QCOMPARE(r.json().value("videos").toArray().size(), 1);
    QVERIFY(r.json().value("next_cursor").isString());

    r = m_alice.run({"videos", "list"});
    QCOMPARE(r.code, 0);
    const QList<QByteArray> lines = r.out.split('\n');
    QVERIFY2(lines.value(0).startsWith("ID") && lines.value(0).contains("TITLE") &&
                 lines.value(0).contains("TAGS"),
             r.out.constData());
    QVERIFY(r.out.contains("Never") && r.out.contains("music,classic"));
    const auto row = std::find_if(lines.cbegin(), lines.cend(),
                                  [](const QByteArray &l) { return l.contains("Never"); });
    QCOMPARE(row->indexOf("Never"), lines.value(0).indexOf("TITLE")); // aligned columns

    r = m_alice.run({"videos", "show", QString::number(m_videoId), "--json"});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json().value("notes").toString(), QString("line one"));
    r = m_alice.run({"videos", "show", QString::number(m_videoId)});
    QVERIFY(r.out.contains("Title") && r.out.contains("Never") && r.out.contains("line one"));

    r = m_alice.run({"videos", "edit", QString::number(m_videoId), "--title", "Never gonna",
                     "--tags", "music, 80s", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().value("title").toString(), QString("Never gonna"));
    QCOMPARE(r.json().value("tags").toArray(), (QJsonArray{"music", "80s"}));
    r = m_alice.run({"videos", "edit", QString::number(m_videoId), "--notes", "", "--json"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.json().value("notes").isNull());

    r = m_alice.run({"videos", "show", "999999"});
    QCOMPARE(r.code, 6);
    QVERIFY2(r.err.contains("There is no video 999999"), qPrintable(r.describe()));

    // rm: the second video goes; removing it again is "not found".
    r = m_alice.run({"videos", "list", "--query", "9bZkp7q19f0", "--json"});
    const QString second = ids(r.json().value("videos").toArray()).value(0);
    r = m_alice.run({"videos", "rm", second, "--json"});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json().value("deleted").toBool(), true);
    r = m_alice.run({"videos", "rm", second});
    QCOMPARE(r.code, 6);
    r = m_alice.run({"videos", "edit", second, "--title", "x"});
    QCOMPARE(r.code, 6);
}

void TestCli::duplicateAndBadLinks()
{
    CliRun r = m_alice.run({"videos", "add", "https://youtu.be/dQw4w9WgXcQ", "--json"});
    QCOMPARE(r.code, 7);
    QVERIFY2(
        r.err.contains(
            QStringLiteral("You already saved this video, as video %1.").arg(m_videoId).toUtf8()),
        qPrintable(r.describe()));
    QCOMPARE(r.json().value("id").toInteger(), m_videoId); // --json: the saved one

    const int before = m_api.stats().value("requests").toInt();
    r = m_alice.run({"videos", "add", "https://vimeo.com/12345"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(
                 "The link \"https://vimeo.com/12345\" is not a youtube.com or youtu.be address."),
             qPrintable(r.describe()));
    QCOMPARE(r.err.count('\n'), 1);
    QCOMPARE(m_api.stats().value("requests").toInt(), before); // refused before sending
}

void TestCli::shareLinksAreSavedNormalised()
{
    // The Share button's link, with extras that are dropped: the saved link is printed.
    CliRun r =
        m_alice.run({"videos", "add", "https://youtu.be/jfKfPfyJRdk?si=B_RZg_I-lLaa7UU-&t=42"});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.contains("\nLink: https://www.youtube.com/watch?v=jfKfPfyJRdk\n"),
             qPrintable(r.describe()));
    r = m_alice.run(
        {"videos", "add", "http://music.youtube.com/watch?v=aqz-KE-bpKQ&si=x#t=30", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().value("url").toString(),
             QString("https://www.youtube.com/watch?v=aqz-KE-bpKQ"));
    // Refused before sending, with one sentence that says why.
    r = m_alice.run({"videos", "add", "https://www.youtube.com/playlist?list=PL1"});
    QCOMPARE(r.code, 1);
    QCOMPARE(
        r.err,
        QByteArray("clipshelf-cli: The link \"https://www.youtube.com/playlist?list=PL1\" is a "
                   "playlist, not one video.\n"));
}

void TestCli::listPagesWithCursorAndAll()
{
    // Three videos now (the classic and the two share links), newest first.
    CliRun r = m_alice.run({"videos", "list", "--json"});
    QCOMPARE(r.json().value("count").toInt(), 3);
    const QStringList all = ids(r.json().value("videos").toArray());

    // Page by page with --cursor, as --json's next_cursor says.
    QStringList paged;
    QString cursor;
    for (int page = 0; page < 5; ++page) {
        QStringList args{"videos", "list", "--limit", "1", "--json"};
        if (!cursor.isEmpty())
            args << "--cursor" << cursor;
        r = m_alice.run(args);
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        paged += ids(r.json().value("videos").toArray());
        QVERIFY(r.json().contains("next_cursor"));
        cursor = r.json().value("next_cursor").toString();
        if (cursor.isEmpty())
            break;
    }
    QCOMPARE(paged, all);

    // The table names the next page's cursor on its last line.
    r = m_alice.run({"videos", "list", "--limit", "2"});
    QCOMPARE(r.code, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QVERIFY2(lines.last().startsWith("Next page: --cursor "), r.out.constData());
    const QString next = QString::fromUtf8(lines.last().mid(20).split(' ').first());
    r = m_alice.run({"videos", "list", "--limit", "2", "--cursor", next, "--json"});
    QCOMPARE(ids(r.json().value("videos").toArray()), all.mid(2));
    QVERIFY(r.json().value("next_cursor").isNull());

    // --all: every page, as one list (pages of --limit).
    r = m_alice.run({"videos", "list", "--all", "--limit", "1", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QCOMPARE(ids(r.json().value("videos").toArray()), all);
    QCOMPARE(r.json().value("count").toInt(), 3);
    QVERIFY(r.json().value("next_cursor").isNull());
    QVERIFY(m_api.stats().value("by_method_path").toObject().value("GET /videos").toInt() > 0);
    r = m_alice.run({"videos", "list", "--all", "--limit", "1"});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.trimmed().split('\n').size(), 4); // header + 3 rows, no "next page"
    r = m_alice.run({"videos", "list", "--cursor", "garbage"});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err.count('\n'), 1);

    // Back to the one video the later tests expect.
    for (const QString &id : all) {
        if (id != QString::number(m_videoId))
            QCOMPARE(m_alice.run({"videos", "rm", id}).code, 0);
    }
}

void TestCli::serverErrorsExitWith5()
{
    m_api.addFault({{"path_prefix", "/tags"}, {"action", "status"}, {"status", 500}, {"count", 1}});
    const CliRun r = m_alice.run({"tags"});
    QCOMPARE(r.code, 5);
    QCOMPARE(r.err.count('\n'), 1);
    m_api.clearFaults();
}

void TestCli::tagsAndActivity()
{
    CliRun r = m_alice.run({"tags", "--json"});
    QCOMPARE(r.code, 0);
    QJsonArray tags = r.json().value("tags").toArray();
    QCOMPARE(tags.size(), 2);
    QCOMPARE(tags.at(0).toObject().value("count").toInt(), 1);
    r = m_alice.run({"tags"});
    QVERIFY(r.out.startsWith("TAG") && r.out.contains("music"));

    r = m_alice.run({"activity", "--json"});
    QCOMPARE(r.code, 0);
    QStringList kinds;
    for (const QJsonValue &e : r.json().value("events").toArray())
        kinds << e.toObject().value("kind").toString();
    QVERIFY2(kinds.contains("video_deleted"), qPrintable(kinds.join(',')));
    r = m_alice.run({"activity"});
    QVERIFY(r.out.startsWith("WHEN") && r.out.contains("video_deleted"));
}

void TestCli::settingsGetAndSet()
{
    CliRun r = m_alice.run({"settings", "get", "--json"});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json().value("theme").toString(), QString("system"));
    QVERIFY(r.json().value("notifications").toObject().contains("email_digest"));

    r = m_alice.run({"settings", "set", "theme=dark", "notifications.email_digest=false",
                     "notifications.product_updates=true", "display_name=Al", "language=de-DE",
                     "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().value("theme").toString(), QString("dark"));
    QCOMPARE(r.json().value("display_name").toString(), QString("Al"));
    QCOMPARE(r.json().value("notifications").toObject().value("product_updates").toBool(), true);

    r = m_alice.run({"settings", "get", "theme"});
    QCOMPARE(r.out, QByteArray("dark\n"));
    r = m_alice.run({"settings", "get", "notifications.email_digest", "--json"});
    QCOMPARE(r.json(), (QJsonObject{{"notifications", QJsonObject{{"email_digest", false}}}}));
    r = m_alice.run({"settings", "get"});
    QVERIFY(r.out.startsWith("KEY") && r.out.contains("notifications.product_updates") &&
            r.out.contains("de-DE"));

    r = m_alice.run({"settings", "set", "display_name="});
    QCOMPARE(r.code, 0);
    r = m_alice.run({"settings", "get", "display_name", "--json"});
    QVERIFY(r.json().value("display_name").isNull());
}

void TestCli::settingsChangedElsewhereExitsWith7()
{
    // The PATCH's If-Match no longer matches: the service answers 412.
    m_api.addFault(
        {{"path_prefix", "/settings"}, {"method", "PATCH"}, {"action", "status"}, {"status", 412}});
    const CliRun r = m_alice.run({"settings", "set", "theme=light"});
    m_api.clearFaults();
    QCOMPARE(r.code, 7);
    QVERIFY2(r.err.contains("changed elsewhere") && r.err.contains("try again"),
             qPrintable(r.describe()));
    QCOMPARE(m_alice.run({"settings", "get", "theme"}).out, QByteArray("dark\n"));
}

void TestCli::avatarIsScaledBeforeUpload()
{
    QImage big(1600, 900, QImage::Format_RGB32);
    big.fill(Qt::darkCyan);
    const QString png = m_dir.filePath("big.png");
    QVERIFY(big.save(png));
    CliRun r = m_alice.run({"avatar", "set", png, "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    const QString avatarUrl = r.json().value("avatar_url").toString();
    QVERIFY(!avatarUrl.isEmpty());

    // What arrived at the API: at most 512 px a side, same aspect.
    QNetworkRequest request{QUrl(avatarUrl)};
    request.setRawHeader("Authorization",
                         "Bearer " + storedSession(m_aliceProfile).accessToken.toUtf8());
    QNetworkReply *reply = m_nam.get(request);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10'000);
    const QImage stored = QImage::fromData(reply->readAll());
    reply->deleteLater();
    QCOMPARE(stored.size(), QSize(512, 288));

    // A JPEG stays a JPEG (portrait this time).
    const QString jpeg = m_dir.filePath("tall.jpg");
    QVERIFY(big.scaled(900, 1400).save(jpeg, "JPEG"));
    r = m_alice.run({"avatar", "set", jpeg});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QVERIFY2(r.out.startsWith("Avatar updated (329x512 px"), qPrintable(r.describe()));
    reply = m_nam.get(request);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10'000);
    QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), QString("image/jpeg"));
    QCOMPARE(QImage::fromData(reply->readAll()).size(), QSize(329, 512));
    reply->deleteLater();

    const QString text = m_dir.filePath("notes.png");
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not an image at all");
    file.close();
    r = m_alice.run({"avatar", "set", text});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("is not a PNG or JPEG image"), qPrintable(r.describe()));
    r = m_alice.run({"avatar", "set", m_dir.filePath("missing.jpg")});
    QCOMPARE(r.code, 1);

    r = m_alice.run({"avatar", "rm"});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QByteArray("Avatar removed.\n"));
}

void TestCli::apiKeysCreateListRevoke()
{
    CliRun r = m_alice.run({"api-keys", "create", "backup script", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    const QJsonObject created = r.json();
    const QString id = created.value("id").toString();
    const QString secret = created.value("secret").toString();
    QVERIFY(!id.isEmpty());
    QVERIFY(secret.startsWith(created.value("prefix").toString()));
    QVERIFY(r.err.contains("will not be shown again"));

    r = m_alice.run({"api-keys", "create", "ci"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("Created API key \"ci\"") && r.out.contains("Secret: "));

    m_alice.forbidden << secret.toUtf8(); // from now on it must never appear again
    r = m_alice.run({"api-keys", "list", "--json"});
    QCOMPARE(r.code, 0);
    const QJsonArray keys = r.json().value("api_keys").toArray();
    QCOMPARE(keys.size(), 2);
    QVERIFY(!keys.at(0).toObject().contains("secret"));
    r = m_alice.run({"api-keys", "list"});
    QVERIFY(r.out.startsWith("ID") && r.out.contains("backup script") && r.out.contains("never"));

    r = m_alice.run({"api-keys", "revoke", id});
    QCOMPARE(r.code, 0);
    r = m_alice.run({"api-keys", "revoke", id});
    QCOMPARE(r.code, 6);
    QCOMPARE(m_alice.run({"api-keys", "list", "--json"}).json().value("api_keys").toArray().size(),
             1);
}

void TestCli::doctorWhenSignedIn()
{
    const CliRun r = m_alice.run({"doctor", "--json"});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    for (const QJsonValue &v : r.json().value("checks").toArray()) {
        const QJsonObject check = v.toObject();
        QVERIFY2(check.value("status").toString() != "fail", qPrintable(r.describe()));
        if (check.value("id").toString() == "session") {
            QCOMPARE(check.value("status").toString(), QString("ok"));
            QVERIFY(check.value("summary").toString().contains("Alice Liddell"));
            QVERIFY(check.value("summary").toString().contains("refresh token present"));
        }
    }
}

void TestCli::loginWithoutBrowserAndIsolation()
{
    // login --no-browser prints the link and waits; a browser elsewhere finishes it.
    QProcess cli;
    cli.setProcessEnvironment(m_bob.env);
    cli.start(m_bob.program, {"login", "--no-browser"});
    QString url;
    QByteArray printed;
    QVERIFY(QTest::qWaitFor(
        [&] {
            printed += cli.readAllStandardOutput();
            for (const QByteArray &line : printed.split('\n')) {
                if (line.startsWith("http") && printed.endsWith('\n'))
                    url = QString::fromUtf8(line.trimmed());
            }
            return !url.isEmpty() || cli.state() == QProcess::NotRunning;
        },
        20'000));
    QVERIFY2(!url.isEmpty(), printed.constData());
    QVERIFY(printed.contains("Open this link in a browser to sign in"));

    QProcess browser;
    QStringList command = QProcess::splitCommand(testBrowserCommand("bob"));
    browser.start(command.takeFirst(), command << url);
    QVERIFY(browser.waitForFinished(60'000));
    QVERIFY2(browser.exitCode() == 0, browser.readAllStandardError().constData());
    QVERIFY(cli.waitForFinished(20'000));
    printed += cli.readAllStandardOutput();
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(printed.contains("Signed in as Bob Builder"), printed.constData());
    const Session bob = storedSession(m_bobProfile);
    QVERIFY(bob.isValid());
    rememberSecrets(m_bob, bob);
    m_bob.checkNoSecrets(printed + cli.readAllStandardError());

    // Bob never sees Alice's video: not even that it exists.
    CliRun r = m_bob.run({"videos", "show", QString::number(m_videoId)});
    QCOMPARE(r.code, 6);
    r = m_bob.run({"videos", "rm", QString::number(m_videoId)});
    QCOMPARE(r.code, 6);
    r = m_bob.run({"videos", "list", "--json"});
    QCOMPARE(r.json().value("count").toInt(), 0);
    QCOMPARE(m_alice.run({"videos", "show", QString::number(m_videoId)}).code, 0);
}

void TestCli::apiDownExitsWith4()
{
    const QString apiUrl = m_api.url();
    m_api.stop();
    const CliRun r = m_alice.run({"videos", "list"});
    QCOMPARE(r.code, 4);
    QVERIFY2(r.err.contains(apiUrl.toUtf8()) && r.err.count('\n') == 1, qPrintable(r.describe()));
}

void TestCli::logoutEndsTheSession()
{
    const int revocations = m_provider.stat("revocations");
    CliRun r = m_alice.run({"logout"});
    QCOMPARE(r.code, 0);
    QCOMPARE(m_provider.stat("revocations"), revocations + 1);
    QCOMPARE(m_alice.run({"status"}).code, 3);
    r = m_alice.run({"tags"});
    QCOMPARE(r.code, 3);
    QVERIFY(!storedSession(m_aliceProfile).isValid());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
