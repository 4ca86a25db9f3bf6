#pragma once

#include "library/librarysession.h"
#include "library/taglistmodel.h"
#include "library/videolistmodel.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QVariantMap>

namespace clipshelf {

class ApiClient;
class LibraryCache;
class Outbox;
class LibraryChanges;
class LibraryLoader;
class LibrarySearch;
class OutboxStatus;
class OutboxReplayer;
class SessionManager;
class ThumbnailStore;

/**
 * The library page's logic: loads the user's videos (from the cache at once,
 * then page by page from the API), filters them by tags and text, and adds,
 * edits and deletes through the persistent outbox so that nothing is lost
 * offline or when the session ends. Offline, the cached library is filtered
 * locally with the server's rules.
 */
class LibraryController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(clipshelf::VideoListModel *videos READ videos CONSTANT)
    Q_PROPERTY(clipshelf::TagListModel *tags READ tags CONSTANT)
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    Q_PROPERTY(QStringList selectedTags READ selectedTags NOTIFY selectedTagsChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY totalCountChanged)
    Q_PROPERTY(EmptyState emptyState READ emptyState NOTIFY emptyStateChanged)
    Q_PROPERTY(int pendingChanges READ pendingChanges NOTIFY pendingChangesChanged)
    Q_PROPERTY(
        bool outboxBelongsToOtherUser READ outboxBelongsToOtherUser NOTIFY pendingChangesChanged)
    Q_PROPERTY(int otherUserChanges READ otherUserChanges NOTIFY pendingChangesChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(bool offline READ isOffline NOTIFY offlineChanged)
    Q_PROPERTY(bool sessionEnded READ isSessionEnded NOTIFY offlineChanged)
    /// True when the library of a known user is shown (even before the session
    /// is restored: the cache is not secret and shows offline too).
    Q_PROPERTY(bool showsCachedLibrary READ showsCachedLibrary NOTIFY showsCachedLibraryChanged)
    /// Not empty when start() found changes of an earlier run waiting in the outbox (shown once,
    /// then dismissed).
    Q_PROPERTY(QString recoveredMessage READ recoveredMessage NOTIFY recoveredMessageChanged)

public:
    enum EmptyState { NotEmpty, NoVideos, NoMatches, Loading };
    Q_ENUM(EmptyState)
    /// How start() reads the cache: before it returns, or on a worker thread.
    using CacheLoading = LibrarySession::CacheLoading;

    /// Undo window of deleteVideo().
    static constexpr int kUndoMs = 5000;
    /// Debounce of searchText.
    static constexpr int kSearchDebounceMs = 250;

    /// \a thumbnails may be null (no thumbnail cache to clear on forgetLocalData()).
    LibraryController(ApiClient *api, SessionManager *sessions, LibraryCache *cache, Outbox *outbox,
                      OutboxReplayer *replayer, ThumbnailStore *thumbnails,
                      QObject *parent = nullptr);
    ~LibraryController() override;

    VideoListModel *videos() const { return m_videos; }
    TagListModel *tags() const { return m_tags; }
    QString searchText() const;
    void setSearchText(const QString &text);
    QStringList selectedTags() const;
    bool isLoading() const;
    int totalCount() const;
    EmptyState emptyState() const { return m_emptyState; }
    int pendingChanges() const;
    bool outboxBelongsToOtherUser() const;
    int otherUserChanges() const;
    QString errorMessage() const { return m_errorMessage; }
    bool isOffline() const { return m_session->isOffline(); }
    bool isSessionEnded() const { return m_session->isSessionEnded(); }
    bool showsCachedLibrary() const { return !m_session->owner().isEmpty(); }
    /// Tests and benchmarks: apply the search text now instead of after the debounce.
    void applySearchNow();
    /// Tests: a shorter undo window.
    void setUndoMs(int ms);
    LibraryLoader *loader() const { return m_loader; }
    /// Writes the cache now and waits for it (tests, shutdown).
    void flushCache();
    /// The app is quitting: deletes in their undo window stay in the outbox (the
    /// next start sends them), nothing more is sent, and the cache is written.
    void prepareForShutdown();
    QString recoveredMessage() const;
    /// How many of an earlier run's changes start() found in the outbox.
    int recoveredChanges() const;
    Q_INVOKABLE void dismissRecoveredMessage();

    /// Loads the cache (if it belongs to the current user) and starts a refresh when online.
    Q_INVOKABLE void start() { start(CacheLoading::Blocking); }
    void start(CacheLoading loading) { m_session->start(loading); }
    /// Reloads the first page, the tags and the count from the API.
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void toggleTag(const QString &tag);
    Q_INVOKABLE void clearFilters();

    /// {valid, youtubeId, canonicalUrl, thumbnailUrl, thumbnailSource, message, existingId (0 =
    /// none)}
    Q_INVOKABLE QVariantMap checkUrl(const QString &text) const;
    Q_INVOKABLE void addVideo(const QString &url, const QString &title, const QString &notes,
                              const QStringList &tags);
    Q_INVOKABLE void updateVideo(qint64 id, const QString &title, const QString &notes,
                                 const QStringList &tags);
    Q_INVOKABLE void deleteVideo(qint64 id);
    Q_INVOKABLE void undoDelete(qint64 id);
    /// Sends every delete still inside its undo window (call when the app closes).
    Q_INVOKABLE void commitPendingDeletes();
    Q_INVOKABLE QStringList tagCompletions(const QString &prefix) const;
    Q_INVOKABLE void openInBrowser(qint64 id);
    Q_INVOKABLE void copyLink(qint64 id);
    Q_INVOKABLE int indexOfVideo(qint64 id) const;
    /// {videoId, url, youtubeId, title, displayTitle, notes, tags, createdAt, pending, …} or empty.
    Q_INVOKABLE QVariantMap video(qint64 id) const;

    /// The changes of another user stay (sent when that user signs in again).
    Q_INVOKABLE void keepOutbox();
    /// The changes of another user are dropped.
    Q_INVOKABLE void discardOutbox();
    /// Removes the cache, the outbox (everyone's) and the thumbnails of this profile.
    Q_INVOKABLE void forgetLocalData();

signals:
    void searchTextChanged();
    void selectedTagsChanged();
    void loadingChanged();
    void totalCountChanged();
    void emptyStateChanged();
    void pendingChangesChanged();
    void errorMessageChanged();
    void offlineChanged();
    void showsCachedLibraryChanged();
    void recoveredMessageChanged();

    /// \a id > 0: saved on the server; \a id < 0: queued (offline), shown as pending.
    void videoAdded(qint64 id);
    /// 409: \a existingId is the video already saved ("Already in your library").
    void duplicateVideo(qint64 existingId, const QString &message);
    /// 422 or a local check: \a field is "url", "title", "notes", "tags" or "" for a general
    /// problem.
    void addFailed(const QString &field, const QString &message);
    /// Saved (or queued while offline).
    void videoUpdated(qint64 id);
    void updateFailed(qint64 id, const QString &field, const QString &message);
    /// The undo window started.
    void deleteScheduled(qint64 id, const QString &title);
    void videoDeleted(qint64 id);
    /// A queued change could not be applied (deleted elsewhere, duplicate, refused): in plain
    /// words.
    void conflict(const QString &message);
    /// copyLink() put this URL on the clipboard.
    void linkCopied(const QString &url);

private:
    void onFilterApplied(bool changed);
    void setError(const QString &message);
    void updateEmptyState();

    LibraryCache *m_cache;
    QPointer<Outbox> m_outbox;
    QPointer<OutboxReplayer> m_replayer;
    QPointer<ThumbnailStore> m_thumbnails;
    VideoListModel *m_videos;
    TagListModel *m_tags;
    LibraryLoader *m_loader;
    LibraryChanges *m_changes;
    LibrarySearch *m_search;
    OutboxStatus *m_outboxStatus;
    LibrarySession *m_session;

    QTimer m_tagsRefresh;
    QString m_errorMessage;
    EmptyState m_emptyState = Loading;
};

} // namespace clipshelf
