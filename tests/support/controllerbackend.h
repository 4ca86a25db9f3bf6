#pragma once
// What the library and settings controllers sit on, wired as the app wires it,
// for their unit tests (tst_librarycontroller, tst_settingscontroller): a
// signed-in session, an ApiClient on a scripted API, the cache, the outbox and
// its replayer.

#include "api/apiclient.h"
#include "api/connectivity.h"
#include "auth/sessionmanager.h"
#include "storage/librarycache.h"
#include "storage/memorysecretstore.h"
#include "storage/outbox.h"
#include "sync/outboxreplayer.h"
#include "unitsession.h"

#include <memory>
#include <optional>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QUrl>

namespace clipshelf::test {

/**
 * The parts under a controller. The session's access token ("AT") is good for
 * an hour, so nothing goes to the provider unless a test makes it; the
 * ApiClient does not retry, so a test sees each failure as it happens.
 * A test's fixture derives from it and adds the controller, which is then
 * destroyed before these parts.
 */
struct ControllerBackend
{
    /// \a apiBase: the scripted API, e.g. http://127.0.0.1:PORT/api/v1. \a issuer:
    /// the session's provider. \a dataDir: where the cache and the outbox live
    /// (empty: a temporary directory of its own). \a subject: who is signed in.
    ControllerBackend(const QUrl &apiBase, const QString &issuer, QNetworkAccessManager *nam,
                      const QString &dataDir = {},
                      const QString &subject = QStringLiteral("user_alice"))
    {
        if (dataDir.isEmpty())
            ownDir.emplace();
        dir = dataDir.isEmpty() ? ownDir->path() : dataDir;
        sessions = std::make_unique<SessionManager>(unitConfig(issuer), &store, nam);
        sessions->adopt(unitSession(issuer, "AT", "RT", 3600, subject),
                        [](const SecretResult &) {});
        client = std::make_unique<ApiClient>(apiBase, sessions.get(), nam);
        client->setMaxRetries(0);
        connectivity.follow(client.get());
        sessions->followConnectivity(&connectivity);
        cache = std::make_unique<LibraryCache>(dir + "/cache");
        outbox = std::make_unique<Outbox>(dir);
        outbox->open();
        replayer = std::make_unique<OutboxReplayer>(client.get(), sessions.get(), outbox.get());
    }

    std::optional<QTemporaryDir> ownDir;
    QString dir;
    MemorySecretStore store;
    std::unique_ptr<SessionManager> sessions;
    std::unique_ptr<ApiClient> client;
    Connectivity connectivity;
    std::unique_ptr<LibraryCache> cache;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<OutboxReplayer> replayer;
};

} // namespace clipshelf::test
