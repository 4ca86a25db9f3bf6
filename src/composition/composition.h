#pragma once

#include "composition/workspace.h"
#include "core/config.h"
#include "library/librarycontroller.h"

#include <functional>
#include <memory>
#include <optional>
#include <QDeadlineTimer>

class QNetworkAccessManager;

namespace clipshelf {

class ApiClient;
class AuthController;
class SecretStore;
class SessionManager;

/**
 * The object graph of one Clipshelf process, built in one place: configuration →
 * network access manager → secret store (the profile's keychain) → AuthController
 * (with its SessionManager) → API client → Workspace. The app, the CLI, the
 * start-up benchmark and the tests all build it here, so they run the same wiring;
 * Options says what differs between them.
 */
class Composition
{
public:
    /// What differs between the app, the CLI and the tests.
    struct Options
    {
        /// The app (and its benchmark) want the profile's Workspace (library, settings,
        /// outbox, cache, thumbnails); the CLI does not, and gets an API client on demand.
        bool withWorkspace = true;
        /// Where the session's secrets live; null means the profile's keychain.
        std::unique_ptr<SecretStore> secretStore;
        /// The Workspace's directories; empty ones are the profile's standard locations.
        Workspace::Directories directories;
    };

    /// The app's graph: the profile's keychain and Workspace.
    explicit Composition(Config config);
    Composition(Config config, bool withWorkspace);
    Composition(Config config, Options options);
    ~Composition();

    Composition(const Composition &) = delete;
    Composition &operator=(const Composition &) = delete;

    const Config &config() const { return m_config; }
    QNetworkAccessManager *network() const { return m_network.get(); }
    SecretStore *secretStore() const { return m_store.get(); }
    AuthController *auth() const { return m_auth.get(); }
    SessionManager *sessions() const;
    /// The profile's Workspace, or null when built without one (the CLI).
    Workspace *workspace() const { return m_workspace.get(); }
    /// The API client on the session's tokens: the Workspace's, or one made on the
    /// first call when there is no Workspace.
    ApiClient *api();

    /**
     * Starts the process's work: the Workspace loads its caches (\a loading) and
     * starts syncing, \a beforeRestore runs (the app applies the cached language
     * there, so that no message of the restore stays in the old one), and the stored
     * session begins to be restored.
     */
    void start(LibraryController::CacheLoading loading,
               const std::function<void()> &beforeRestore = {});
    /**
     * The process is quitting: the Workspace keeps every change in the outbox and
     * writes its cache, then the keychain work still under way is finished (bounded by
     * \a deadline). False when some keychain work did not finish
     * (SessionManager::unfinishedWorkMessage() says so). Idempotent: later calls
     * return the first answer.
     */
    bool shutdown(QDeadlineTimer deadline = QDeadlineTimer(5000));

private:
    Config m_config;
    // Declared in the order they are built; destroyed in reverse.
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<SecretStore> m_store;
    std::unique_ptr<AuthController> m_auth;
    std::unique_ptr<ApiClient> m_api; ///< only without a Workspace (the Workspace owns its own)
    std::unique_ptr<Workspace> m_workspace;
    std::optional<bool> m_shutDown; ///< shutdown()'s answer, once it ran
};

} // namespace clipshelf
