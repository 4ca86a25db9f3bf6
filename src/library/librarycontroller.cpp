#include "library/librarycontroller.h"

#include "core/logging.h"
#include "library/librarychanges.h"
#include "library/libraryloader.h"
#include "library/librarysearch.h"
#include "library/outboxstatus.h"
#include "library/videolinks.h"
#include "storage/librarycache.h"
#include "storage/outbox.h"
#include "storage/thumbnailstore.h"
#include "sync/outboxreplayer.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>

namespace clipshelf {

LibraryController::LibraryController(ApiClient *api, SessionManager *sessions, LibraryCache *cache,
                                     Outbox *outbox, OutboxReplayer *replayer,
                                     ThumbnailStore *thumbnails, QObject *parent)
    : QObject(parent), m_cache(cache), m_outbox(outbox), m_replayer(replayer),
      m_thumbnails(thumbnails), m_videos(new VideoListModel(this)), m_tags(new TagListModel(this)),
      m_loader(new LibraryLoader(api, cache, m_videos, m_tags, this)),
      m_changes(new LibraryChanges(outbox, replayer, m_videos, this)),
      m_search(new LibrarySearch(m_videos, m_tags, kSearchDebounceMs, this)),
      m_outboxStatus(new OutboxStatus(outbox, this)),
      m_session(
          new LibrarySession(sessions, cache, replayer, m_loader, m_changes, m_outboxStatus, this))
{
    connect(m_session, &LibrarySession::ownerChanged, this, [this] {
        emit pendingChangesChanged();
        emit showsCachedLibraryChanged();
    });
    connect(m_session, &LibrarySession::offlineChanged, this, &LibraryController::offlineChanged);
    connect(m_session, &LibrarySession::stateChanged, this, &LibraryController::updateEmptyState);
    connect(m_outboxStatus, &OutboxStatus::changed, this,
            &LibraryController::pendingChangesChanged);
    connect(m_outboxStatus, &OutboxStatus::recoveredChanged, this,
            &LibraryController::recoveredMessageChanged);
    connect(m_search, &LibrarySearch::textChanged, this, &LibraryController::searchTextChanged);
    connect(m_search, &LibrarySearch::selectedTagsChanged, this,
            &LibraryController::selectedTagsChanged);
    connect(m_search, &LibrarySearch::applied, this, &LibraryController::onFilterApplied);
    m_tagsRefresh.setSingleShot(true);
    m_tagsRefresh.setInterval(500);
    connect(&m_tagsRefresh, &QTimer::timeout, m_loader, &LibraryLoader::fetchTags);

    connect(m_loader, &LibraryLoader::loadingChanged, this, &LibraryController::loadingChanged);
    connect(m_loader, &LibraryLoader::loadingChanged, this, &LibraryController::updateEmptyState);
    connect(m_loader, &LibraryLoader::totalCountChanged, this,
            &LibraryController::totalCountChanged);
    connect(m_loader, &LibraryLoader::pageApplied, m_changes, &LibraryChanges::applyOverlay);
    connect(m_loader, &LibraryLoader::pageApplied, this, [this] {
        setError({});
        updateEmptyState();
    });
    connect(m_loader, &LibraryLoader::failed, this, &LibraryController::setError);
    connect(m_loader, &LibraryLoader::cacheLoaded, this, [this] {
        m_changes->applyOverlay(); // queued changes over the cached rows
        updateEmptyState();
    });
    connect(m_videos, &VideoListModel::countChanged, this, &LibraryController::updateEmptyState);

    connect(m_changes, &LibraryChanges::videoAdded, this, &LibraryController::videoAdded);
    connect(m_changes, &LibraryChanges::duplicateVideo, this, &LibraryController::duplicateVideo);
    connect(m_changes, &LibraryChanges::addFailed, this, &LibraryController::addFailed);
    connect(m_changes, &LibraryChanges::videoUpdated, this, &LibraryController::videoUpdated);
    connect(m_changes, &LibraryChanges::updateFailed, this, &LibraryController::updateFailed);
    connect(m_changes, &LibraryChanges::deleteScheduled, this, &LibraryController::deleteScheduled);
    connect(m_changes, &LibraryChanges::videoDeleted, this, &LibraryController::videoDeleted);
    connect(m_changes, &LibraryChanges::conflict, this, &LibraryController::conflict);
    connect(m_changes, &LibraryChanges::serverChanged, this, [this](int delta) {
        m_loader->adjustCount(delta);
        m_loader->noteServerChange();
        m_loader->scheduleCacheWrite();
        m_tagsRefresh.start();
    });

    connect(replayer, &OutboxReplayer::backOnline, this, [this] {
        if (m_thumbnails)
            m_thumbnails->resetFailures();
        refresh();
    });
}

LibraryController::~LibraryController() = default;

bool LibraryController::isLoading() const
{
    return m_loader->isLoading();
}

int LibraryController::totalCount() const
{
    return m_loader->totalCount();
}

int LibraryController::pendingChanges() const
{
    return m_outboxStatus->pendingChanges();
}

bool LibraryController::outboxBelongsToOtherUser() const
{
    return m_outboxStatus->belongsToOtherUser();
}

int LibraryController::otherUserChanges() const
{
    return m_outboxStatus->otherUserChanges();
}

int LibraryController::recoveredChanges() const
{
    return m_outboxStatus->recoveredChanges();
}

void LibraryController::setUndoMs(int ms)
{
    m_changes->setUndoMs(ms);
}

void LibraryController::flushCache()
{
    m_loader->flushCache();
    m_cache->waitForWrites();
}

void LibraryController::prepareForShutdown()
{
    m_changes->keepHeldForNextStart();
    m_replayer->stop();
    flushCache();
}

QString LibraryController::recoveredMessage() const
{
    return m_outboxStatus->recoveredMessage();
}

void LibraryController::dismissRecoveredMessage()
{
    m_outboxStatus->dismissRecovered();
}

void LibraryController::refresh()
{
    m_session->refresh();
}

QString LibraryController::searchText() const
{
    return m_search->text();
}

QStringList LibraryController::selectedTags() const
{
    return m_search->selectedTags();
}

void LibraryController::setSearchText(const QString &text)
{
    m_search->setText(text);
}

void LibraryController::applySearchNow()
{
    m_search->applyNow();
}

void LibraryController::toggleTag(const QString &tag)
{
    m_search->toggleTag(tag);
}

void LibraryController::clearFilters()
{
    m_search->clear();
}

void LibraryController::onFilterApplied(bool changed)
{
    if (changed)
        m_loader->filterChanged();
    updateEmptyState();
}

void LibraryController::setError(const QString &message)
{
    if (m_errorMessage == message)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}

void LibraryController::updateEmptyState()
{
    EmptyState state = NotEmpty;
    if (m_videos->count() == 0) {
        const bool waiting =
            m_loader->isLoading() ||
            (!m_loader->hasLoaded() && !m_session->isOffline() && m_session->isSignedIn());
        state = waiting ? Loading : m_videos->isFiltered() ? NoMatches : NoVideos;
    }
    if (state != m_emptyState) {
        m_emptyState = state;
        emit emptyStateChanged();
    }
}

QVariantMap LibraryController::checkUrl(const QString &text) const
{
    const QVariantMap out = videolinks::check(text, *m_videos);
    if (m_thumbnails && out.value(QStringLiteral("valid")).toBool())
        m_thumbnails->request(
            out.value(QStringLiteral("youtubeId")).toString()); // the preview starts loading now
    return out;
}

void LibraryController::addVideo(const QString &url, const QString &title, const QString &notes,
                                 const QStringList &tags)
{
    m_changes->add(url, title, notes, tags);
}

void LibraryController::updateVideo(qint64 id, const QString &title, const QString &notes,
                                    const QStringList &tags)
{
    m_changes->update(id, title, notes, tags);
}

void LibraryController::deleteVideo(qint64 id)
{
    m_changes->remove(id);
}

void LibraryController::undoDelete(qint64 id)
{
    m_changes->undo(id);
}

void LibraryController::commitPendingDeletes()
{
    m_changes->commitAll();
}

QStringList LibraryController::tagCompletions(const QString &prefix) const
{
    return m_tags->completions(prefix);
}

void LibraryController::openInBrowser(qint64 id)
{
    // Never the url the server (or the cache) holds: a file:, javascript: or custom
    // scheme would be launched. Only the https YouTube link rebuilt from a valid id.
    const QString url = videolinks::safeBrowserUrl(*m_videos, id);
    if (url.isEmpty()) {
        if (m_videos->find(id))
            qCWarning(lcCore) << "Not opening video" << id
                              << "in the browser: it has no valid YouTube id";
        return;
    }
    QDesktopServices::openUrl(QUrl(url));
}

void LibraryController::copyLink(qint64 id)
{
    const std::optional<VideoRow> row = m_videos->find(id);
    if (!row)
        return;
    const QString url = row->effectiveUrl();
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        QGuiApplication::clipboard()->setText(url);
    emit linkCopied(url);
}

int LibraryController::indexOfVideo(qint64 id) const
{
    return m_videos->indexOf(id);
}

QVariantMap LibraryController::video(qint64 id) const
{
    return videolinks::details(*m_videos, id);
}

void LibraryController::keepOutbox()
{
    m_outboxStatus->keepOtherUsers();
}

void LibraryController::discardOutbox()
{
    m_outboxStatus->discardOtherUsers();
}

void LibraryController::forgetLocalData()
{
    m_changes->reset();
    m_loader->reset();
    if (m_outbox)
        m_outbox->clear();
    m_cache->clear();
    if (m_thumbnails)
        m_thumbnails->clear();
    m_session->forgetOwner();
    clearFilters();
    updateEmptyState();
}

} // namespace clipshelf
