// The one composition (src/composition): the graph the app, the CLI and the
// start-up benchmark build, here with an in-memory secret store and temporary
// directories. Checks the wiring, not the parts (they have their own tests).
#include "api/apiclient.h"
#include "auth/authcontroller.h"
#include "auth/sessionmanager.h"
#include "composition/composition.h"
#include "composition/workspace.h"
#include "fakeprovider.h"
#include "settings/settingscontroller.h"
#include "storage/librarycache.h"
#include "storage/memorysecretstore.h"
#include "unitsession.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

class TestComposition : public QObject
{
    Q_OBJECT

    /// A provider that is also the API; remembers the Authorization header of API requests.
    struct Fixture
    {
        FakeProvider server;
        QTemporaryDir dir;
        MemorySecretStore *store = nullptr; ///< owned by the composition
        QByteArrayList authorizations;

        Fixture()
        {
            server.other = [this](const FakeRequest &request) {
                authorizations << request.headers.value("authorization");
                return FakeProvider::json({{"ok", true}});
            };
        }

        Config config() const
        {
            Config c = unitConfig(server.issuer());
            c.set(Config::Key::ApiUrl, server.issuer() + QStringLiteral("/api/v1"), "test");
            return c;
        }

        std::unique_ptr<Composition> compose(bool withWorkspace)
        {
            Composition::Options options;
            options.withWorkspace = withWorkspace;
            auto memory = std::make_unique<MemorySecretStore>();
            store = memory.get();
            options.secretStore = std::move(memory);
            options.directories = {dir.path() + QStringLiteral("/data"),
                                   dir.path() + QStringLiteral("/thumbnails")};
            return std::make_unique<Composition>(config(), std::move(options));
        }
    };

    /// Sends one API request through \a api and waits for its answer.
    static bool sendOne(ApiClient *api)
    {
        bool ok = false;
        bool done = false;
        QObject context;
        api->send(ApiRequest::get(QStringLiteral("/me")), &context, [&](const ApiResult &result) {
            ok = result.ok();
            done = true;
        });
        return QTest::qWaitFor([&] { return done; }, 10'000) && ok;
    }

private slots:
    void appGraphIsWiredOnOneSession()
    {
        Fixture f;
        auto graph = f.compose(true);
        QVERIFY(graph->workspace());
        QCOMPARE(graph->secretStore(), f.store);
        QCOMPARE(graph->sessions(), graph->auth()->sessions());
        // One API client: the workspace's, which the controllers use too.
        QCOMPARE(graph->api(), graph->workspace()->api());
        QVERIFY(graph->workspace()
                    ->storageWarning()
                    .isEmpty()); // the outbox is on disk, in the given directory
        QVERIFY(QFileInfo::exists(f.dir.path() + QStringLiteral("/data")));

        graph->sessions()->adopt(unitSession(f.server.issuer(), "AT-composed", "RT", 3600),
                                 [](const SecretResult &) {});
        QVERIFY(sendOne(graph->api()));
        // Ours, and what the controllers fetched for the new session: all on its token.
        QVERIFY(!f.authorizations.isEmpty());
        for (const QByteArray &authorization : std::as_const(f.authorizations))
            QCOMPARE(authorization, QByteArray("Bearer AT-composed"));
    }

    void cliGraphHasNoWorkspaceAndOneApiClient()
    {
        Fixture f;
        auto graph = f.compose(false);
        QVERIFY(!graph->workspace());
        ApiClient *api = graph->api();
        QVERIFY(api);
        QCOMPARE(graph->api(), api); // made once
        graph->sessions()->adopt(unitSession(f.server.issuer(), "AT-cli", "RT", 3600),
                                 [](const SecretResult &) {});
        QVERIFY(sendOne(api));
        QCOMPARE(f.authorizations, QByteArrayList{"Bearer AT-cli"});
    }

    // The app applies the cached language between the workspace's start and the
    // session's restore, so that no message of the restore is in the old language.
    void startAppliesTheCachedSettingsBeforeRestoring()
    {
        Fixture f;
        {
            LibraryCache seed(f.dir.path() + QStringLiteral("/data/cache"));
            seed.setOwnerSub(QStringLiteral("user_alice"));
            UserSettings settings;
            settings.language = QStringLiteral("de");
            seed.setSettings(settings);
            seed.waitForWrites();
        }
        auto graph = f.compose(true);
        QSignalSpy restored(graph->auth(), &AuthController::restoreFinished);
        int calls = 0;
        QString languageThen;
        int keychainOperationsThen = -1;
        graph->start(LibraryController::CacheLoading::Blocking, [&] {
            ++calls;
            languageThen = graph->workspace()->settings()->language();
            keychainOperationsThen = f.store->operationCount();
        });
        QCOMPARE(calls, 1);
        QCOMPARE(languageThen, QStringLiteral("de"));
        QCOMPARE(keychainOperationsThen, 0); // the restore had not begun
        QVERIFY(restored.wait(10'000));      // and began afterwards
        QVERIFY(f.store->operationCount() > 0);
        QVERIFY(!graph->auth()->isSignedIn());
    }

    void shutdownDrainsPendingKeychainWork()
    {
        Fixture f;
        auto graph = f.compose(true);
        graph->sessions()->adopt(unitSession(f.server.issuer(), "AT", "RT", 3600),
                                 [](const SecretResult &) {});
        QVERIFY(graph->sessions()->pendingKeychainWork() > 0); // the memory store answers later
        QVERIFY(graph->shutdown());
        QCOMPARE(graph->sessions()->pendingKeychainWork(), 0);
        QVERIFY(f.store->entryCount() > 0);
        QVERIFY(graph->shutdown()); // idempotent
    }

    void shutdownSaysWhenKeychainWorkIsUnfinished()
    {
        Fixture f;
        auto graph = f.compose(false);
        graph->sessions()->adopt(unitSession(f.server.issuer(), "AT", "RT", 3600),
                                 [](const SecretResult &) {});
        QVERIFY(!graph->shutdown(QDeadlineTimer(0)));
        QVERIFY(!graph->shutdown()); // the first answer stands
    }
};

QTEST_GUILESS_MAIN(TestComposition)
#include "tst_composition.moc"
