#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

namespace clipshelf {

class LibraryCache;
class LibraryChanges;
class LibraryLoader;
class OutboxReplayer;
class OutboxStatus;
class SessionManager;

/**
 * Whose library is shown and whether it can be refreshed: follows the session
 * (sign-in, another user, token refreshes) and the connection state, and hands
 * the owner to the loader, the changes and the outbox status. Part of
 * LibraryController.
 */
class LibrarySession : public QObject
{
    Q_OBJECT
public:
    /// How start() reads the cache: before it returns, or on a worker thread.
    enum class CacheLoading { Blocking, InBackground };

    LibrarySession(SessionManager *sessions, LibraryCache *cache, OutboxReplayer *replayer,
                   LibraryLoader *loader, LibraryChanges *changes, OutboxStatus *outboxStatus,
                   QObject *parent = nullptr);

    /// Shows the signed-in user's library (offline: the cache owner's); only the first call counts.
    void start(CacheLoading loading);
    /// Reloads from the API and sends the outbox, if signed in.
    void refresh();
    /// Shows no one's library any more (the local data was removed).
    void forgetOwner();

    /// The subject whose library is shown; empty before start() or after forgetOwner().
    QString owner() const { return m_owner; }
    bool isStarted() const { return m_started; }
    bool isOffline() const { return m_offline; }
    bool isSessionEnded() const { return m_sessionEnded; }
    /// A session is active (signed in, tokens at hand).
    bool isSignedIn() const;

signals:
    /// owner() changed (the pending changes count changes with it).
    void ownerChanged();
    /// isOffline() or isSessionEnded() changed.
    void offlineChanged();
    /// Something the empty state depends on may have changed.
    void stateChanged();

private:
    void onSessionChanged();
    void onConnectionChanged();
    void adoptOwner(const QString &sub);

    QPointer<SessionManager> m_sessions;
    LibraryCache *m_cache;
    QPointer<OutboxReplayer> m_replayer;
    LibraryLoader *m_loader;
    LibraryChanges *m_changes;
    OutboxStatus *m_outboxStatus;

    QString m_owner; ///< subject whose library is shown
    bool m_started = false;
    CacheLoading m_cacheLoading = CacheLoading::Blocking;
    bool m_offline = false;
    bool m_sessionEnded = false;
};

} // namespace clipshelf
