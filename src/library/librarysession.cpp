#include "library/librarysession.h"

#include "auth/sessionmanager.h"
#include "core/logging.h"
#include "library/librarychanges.h"
#include "library/libraryloader.h"
#include "library/outboxstatus.h"
#include "storage/librarycache.h"
#include "sync/outboxreplayer.h"

namespace clipshelf {

LibrarySession::LibrarySession(SessionManager *sessions, LibraryCache *cache,
                               OutboxReplayer *replayer, LibraryLoader *loader,
                               LibraryChanges *changes, OutboxStatus *outboxStatus, QObject *parent)
    : QObject(parent), m_sessions(sessions), m_cache(cache), m_replayer(replayer), m_loader(loader),
      m_changes(changes), m_outboxStatus(outboxStatus)
{
    connect(sessions, &SessionManager::sessionChanged, this, &LibrarySession::onSessionChanged);
    connect(sessions, &SessionManager::connectionStateChanged, this,
            &LibrarySession::onConnectionChanged);
}

bool LibrarySession::isSignedIn() const
{
    return m_sessions && m_sessions->isActive();
}

void LibrarySession::start(CacheLoading loading)
{
    if (m_started)
        return;
    m_started = true;
    m_cacheLoading = loading;
    // Whose library: the signed-in user's, else (offline start) the cache's owner.
    const QString sub = isSignedIn() ? m_sessions->session().profile.subject : m_cache->ownerSub();
    // What an earlier run left in the outbox (after quitting offline, a signal or a crash): say so
    // once.
    m_outboxStatus->noteRecovered(sub);
    m_changes->releaseLeftoverHolds();
    onConnectionChanged();
    adoptOwner(sub);
    emit stateChanged();
}

void LibrarySession::onSessionChanged()
{
    if (!m_started || !isSignedIn())
        return;
    const QString sub = m_sessions->session().profile.subject;
    if (sub != m_owner) {
        adoptOwner(sub);
        return;
    }
    // sessionChanged also fires on every token refresh: only a first load (the
    // session was restored after the cache was shown) or a new sign-in is due then.
    const bool wasEnded = m_sessionEnded;
    onConnectionChanged();
    if (!m_loader->hasServerData() || wasEnded)
        refresh();
}

void LibrarySession::adoptOwner(const QString &sub)
{
    if (sub.isEmpty() || sub == m_owner)
        return;
    const bool switching =
        !m_owner.isEmpty() || (!m_cache->ownerSub().isEmpty() && m_cache->ownerSub() != sub);
    qCInfo(lcCore) << "Library: showing the library of" << (switching ? "another" : "the")
                   << "user";
    m_owner = sub;
    m_outboxStatus->setOwner(sub);
    m_changes->reset();
    m_changes->setOwner(sub);
    m_loader->reset();
    m_cache->setOwnerSub(sub); // another user's cached library is dropped here
    if (m_cacheLoading == CacheLoading::InBackground) {
        m_loader->loadCacheInBackground(); // cacheLoaded() applies the overlay
    } else {
        m_loader->loadCache();
        m_changes->applyOverlay();
    }
    emit ownerChanged();
    refresh();
    emit stateChanged();
}

void LibrarySession::forgetOwner()
{
    m_owner.clear();
    m_outboxStatus->setOwner({});
    m_changes->setOwner({});
    emit ownerChanged();
}

void LibrarySession::onConnectionChanged()
{
    if (!m_sessions)
        return;
    const SessionManager::ConnectionState state = m_sessions->connectionState();
    const bool offline = state == SessionManager::Offline || state == SessionManager::Reconnecting;
    const bool ended =
        state == SessionManager::SessionEnded || (!isSignedIn() && !m_owner.isEmpty());
    m_loader->setOnline(!offline && isSignedIn());
    if (offline != m_offline || ended != m_sessionEnded) {
        m_offline = offline;
        m_sessionEnded = ended;
        emit offlineChanged();
    }
    emit stateChanged();
}

void LibrarySession::refresh()
{
    if (!isSignedIn())
        return;
    onConnectionChanged();
    m_loader->refresh();
    if (m_replayer)
        m_replayer->kick();
}

} // namespace clipshelf
