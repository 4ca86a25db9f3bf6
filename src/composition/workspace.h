#pragma once

#include "core/config.h"
#include "library/librarycontroller.h"

#include <memory>
#include <QObject>
#include <QString>

class QNetworkAccessManager;

namespace clipshelf {

class ApiClient;
class AuthController;
class Connectivity;
class LibraryCache;
class LibraryController;
class Outbox;
class OutboxReplayer;
class SettingsController;
class ThumbnailStore;

/**
 * Everything of one profile beyond the session, wired together: the API
 * client, the cache, the outbox and its replayer, the thumbnails, and the
 * library and settings controllers. The app gets it from its Composition
 * (composition.h); tests may build one directly. Directories default to
 * QStandardPaths locations under the profile's name.
 */
class Workspace : public QObject
{
    Q_OBJECT
public:
    struct Directories
    {
        QString data;       ///< cache + outbox; default AppDataLocation/<profile>
        QString thumbnails; ///< default CacheLocation/<profile>/thumbnails
    };

    Workspace(const Config &config, AuthController *auth, QNetworkAccessManager *nam,
              const Directories &dirs = {}, QObject *parent = nullptr);
    ~Workspace() override;

    ApiClient *api() const { return m_api; }
    /// What the API's answers say about the network (the session's connection state follows it).
    Connectivity *connectivity() const { return m_connectivity; }
    LibraryCache *cache() const { return m_cache.get(); }
    Outbox *outbox() const { return m_outbox; }
    OutboxReplayer *replayer() const { return m_replayer; }
    ThumbnailStore *thumbnails() const { return m_thumbnails; }
    LibraryController *library() const { return m_library; }
    SettingsController *settings() const { return m_settings; }
    /// Not empty when the outbox could not be opened: changes then live in memory
    /// only, and those not yet synced are lost when Clipshelf closes. Built on each
    /// call, so it is in the language of the moment (App re-reads it on a switch).
    QString storageWarning() const;

    /// Loads the caches and starts syncing; call once after construction. The app
    /// reads the library cache InBackground, so that its window comes up meanwhile.
    void start(LibraryController::CacheLoading loading = LibraryController::CacheLoading::Blocking);
    /// The process is quitting (window closed, Ctrl+Q, SIGTERM…): every change stays in
    /// the outbox for the next start (deletes in their undo window too), nothing more is
    /// sent, and the cache is written. Idempotent.
    void shutdown();
    /// Writes what is only in memory (the cache) without quitting: the desktop session
    /// asks this before it may end (QGuiApplication::commitDataRequest).
    void persist();

private:
    std::unique_ptr<LibraryCache> m_cache;
    ApiClient *m_api = nullptr;
    Connectivity *m_connectivity = nullptr;
    Outbox *m_outbox = nullptr;
    OutboxReplayer *m_replayer = nullptr;
    ThumbnailStore *m_thumbnails = nullptr;
    LibraryController *m_library = nullptr;
    SettingsController *m_settings = nullptr;
    QString m_storageError; ///< why the outbox is in memory only (empty when it is on disk)
    bool m_shutDown = false;
};

} // namespace clipshelf
