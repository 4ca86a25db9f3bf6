#include "composition/workspace.h"

#include "api/apiclient.h"
#include "api/connectivity.h"
#include "auth/authcontroller.h"
#include "core/logging.h"
#include "library/librarycontroller.h"
#include "settings/settingscontroller.h"
#include "storage/librarycache.h"
#include "storage/outbox.h"
#include "storage/thumbnailstore.h"
#include "sync/outboxreplayer.h"

namespace clipshelf {

Workspace::Workspace(const Config &config, AuthController *auth, QNetworkAccessManager *nam,
                     const Directories &dirs, QObject *parent)
    : QObject(parent)
{
    const QString profile = config.profile();
    const QString dataDir = dirs.data.isEmpty() ? Outbox::defaultDirectory(profile) : dirs.data;
    m_cache =
        std::make_unique<LibraryCache>(dirs.data.isEmpty() ? LibraryCache::defaultDirectory(profile)
                                                           : dirs.data + QStringLiteral("/cache"));
    m_api = new ApiClient(config.apiUrl(), auth->sessions(), nam, this);
    m_connectivity = new Connectivity(this);
    m_connectivity->follow(m_api);
    auth->sessions()->followConnectivity(m_connectivity);
    m_outbox = new Outbox(dataDir, this);
    QString error;
    if (!m_outbox->open(&error)) {
        qCWarning(lcCore) << "The outbox cannot be stored on disk; changes are kept in memory:"
                          << error;
        m_outbox->useMemoryOnly();
        m_storageError = error;
    }
    m_replayer = new OutboxReplayer(m_api, auth->sessions(), m_outbox, this);
    m_thumbnails = new ThumbnailStore(
        dirs.thumbnails.isEmpty() ? ThumbnailStore::defaultDirectory(profile) : dirs.thumbnails,
        nam, this);
    m_library = new LibraryController(m_api, auth->sessions(), m_cache.get(), m_outbox, m_replayer,
                                      m_thumbnails, this);
    m_settings =
        new SettingsController(m_api, auth->sessions(), m_cache.get(), m_outbox, m_replayer, this);
    connect(auth, &AuthController::forgetLocalDataRequested, this, [this] {
        m_library->forgetLocalData();
        m_settings->forgetLocalData();
    });
}

Workspace::~Workspace()
{
    // The controllers use the cache: they go first.
    delete m_library;
    delete m_settings;
    if (m_cache)
        m_cache->waitForWrites();
}

QString Workspace::storageWarning() const
{
    if (!m_outbox->isMemoryOnly())
        return {};
    return tr("Clipshelf cannot store changes on this computer (%1), so it keeps them in memory "
              "only: "
              "changes that haven’t synced yet are lost when Clipshelf closes or the computer "
              "restarts.")
        .arg(m_storageError);
}

void Workspace::start(LibraryController::CacheLoading loading)
{
    m_library->start(loading);
    m_settings->start();
    m_replayer->kick();
}

void Workspace::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    m_library->prepareForShutdown();
}

void Workspace::persist()
{
    m_library->flushCache(); // the outbox commits every change as it is made
}

} // namespace clipshelf
