#include "library/librarychanges.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "core/youtubeurl.h"
#include "sync/outboxreplayer.h"
#include "library/changeoverlay.h"
#include "library/undowindow.h"
#include "library/videofields.h"
#include "library/videojson.h"
#include "library/videolistmodel.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace clipshelf {

namespace {

QJsonValue nullable(const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); }

} // namespace

LibraryChanges::LibraryChanges(Outbox *outbox, OutboxReplayer *replayer, VideoListModel *videos, QObject *parent)
    : QObject(parent), m_outbox(outbox), m_replayer(replayer), m_videos(videos), m_undo(new UndoWindow(this))
{
    connect(m_undo, &UndoWindow::expired, this, &LibraryChanges::release);
    connect(replayer, &OutboxReplayer::entrySucceeded, this, &LibraryChanges::onSucceeded);
    connect(replayer, &OutboxReplayer::entryRejected, this, &LibraryChanges::onRejected);
    connect(replayer, &OutboxReplayer::entryDeferred, this,
            [this](const OutboxEntry &entry, const ApiError &) { onDeferred(entry); });
}

LibraryChanges::~LibraryChanges() = default;

void LibraryChanges::setUndoMs(int ms) { m_undo->setDurationMs(ms); }

bool LibraryChanges::enqueue(OutboxEntry &entry)
{
    entry.ownerSub = m_owner;
    return m_outbox && m_outbox->enqueue(entry);
}

std::optional<OutboxEntry> LibraryChanges::queuedAdd(qint64 localId) const
{
    for (const OutboxEntry &e : m_outbox->entries())
        if (e.kind == OutboxEntry::AddVideo && e.videoId == localId)
            return e;
    return std::nullopt;
}

QString LibraryChanges::titleOf(const OutboxEntry &entry) const
{
    const QString title = entry.payload.value(QLatin1String("title")).toString();
    if (!title.isEmpty())
        return title;
    if (const std::optional<VideoRow> row = m_videos->find(entry.videoId))
        return row->displayTitle();
    return entry.payload.value(QLatin1String("url")).toString();
}

// --- the user's changes --------------------------------------------------------

void LibraryChanges::add(const QString &url, const QString &title, const QString &notes, const QStringList &tags)
{
    const YoutubeUrl link = YoutubeUrl::parse(url);
    if (!link.isValid()) {
        emit addFailed(QStringLiteral("url"), tr("This link is not a YouTube video: it %1.").arg(link.errorString()));
        return;
    }
    QStringList cleanTags = tags;
    QString field;
    const QString problem = videofields::validate(title, notes, &cleanTags, &field);
    if (!problem.isEmpty()) {
        emit addFailed(field, problem);
        return;
    }
    if (const std::optional<VideoRow> existing = m_videos->findByYoutubeId(link.videoId())) {
        emit duplicateVideo(existing->id, tr("Already in your library"));
        return;
    }
    if (m_owner.isEmpty()) {
        emit addFailed(QString(), tr("Sign in to add videos."));
        return;
    }
    OutboxEntry entry;
    entry.kind = OutboxEntry::AddVideo;
    entry.idempotencyKey = endpoints::newIdempotencyKey();   // one per press of Add: a replay never adds twice
    entry.payload = {{QStringLiteral("url"), link.canonicalUrl()},
                     {QStringLiteral("title"), title.trimmed()},
                     {QStringLiteral("notes"), notes.trimmed().isEmpty() ? QString() : notes},
                     {QStringLiteral("tags"), QJsonArray::fromStringList(cleanTags)}};
    if (!enqueue(entry)) {
        emit addFailed(QString(), tr("The video could not be saved on this computer."));
        return;
    }
    VideoRow row;
    row.id = entry.localId();
    row.createdMs = row.updatedMs = entry.createdAt.toMSecsSinceEpoch();
    row.youtubeId = link.videoId();
    row.title = title.trimmed();
    row.notes = entry.payload.value(QLatin1String("notes")).toString();
    row.tags = cleanTags;
    row.pending = true;
    m_videos->upsert(row);
    if (m_replayer->canSendNow()) {
        m_liveAdds.insert(entry.seq);
        m_replayer->kick();
    } else {
        emit videoAdded(entry.localId());
    }
}

void LibraryChanges::update(qint64 id, const QString &title, const QString &notes, const QStringList &tags)
{
    const std::optional<VideoRow> row = m_videos->find(id);
    if (!row) {
        emit updateFailed(id, QString(), tr("This video is no longer in your library."));
        return;
    }
    QStringList cleanTags = tags;
    QString field;
    const QString problem = videofields::validate(title, notes, &cleanTags, &field);
    if (!problem.isEmpty()) {
        emit updateFailed(id, field, problem);
        return;
    }
    const QString cleanNotes = notes.trimmed().isEmpty() ? QString() : notes;
    QJsonObject patch;
    if (title.trimmed() != row->title)
        patch.insert(QStringLiteral("title"), nullable(title.trimmed()));
    if (cleanNotes != row->notes)
        patch.insert(QStringLiteral("notes"), nullable(cleanNotes));
    if (cleanTags != row->tags)
        patch.insert(QStringLiteral("tags"), QJsonArray::fromStringList(cleanTags));
    if (patch.isEmpty()) {
        emit videoUpdated(id);
        return;
    }
    VideoRow updated = *row;
    changeoverlay::applyPatch(updated, patch);
    updated.pending = true;
    // An edit of a queued add (id < 0) is a change of its own, sent after the add: never
    // a rewrite of the add's body, which an earlier send whose answer was lost may have
    // saved already (its Idempotency-Key would then replay the old body, or be refused).
    if (id > 0 && !row->pending)
        m_serverRows.insert(id, *row);
    OutboxEntry entry;
    entry.kind = OutboxEntry::EditVideo;
    entry.videoId = id;
    entry.payload = {{QStringLiteral("patch"), patch}, {QStringLiteral("title"), row->displayTitle()}};
    if (!enqueue(entry)) {
        emit updateFailed(id, QString(), tr("The change could not be saved on this computer."));
        return;
    }
    m_videos->upsert(updated);
    if (m_replayer->canSendNow()) {
        m_liveEdits.insert(entry.seq);
        m_replayer->kick();
    } else {
        emit videoUpdated(id);
    }
}

void LibraryChanges::remove(qint64 id)
{
    const std::optional<VideoRow> row = m_videos->find(id);
    if (!row || m_undo->isHeld(id))
        return;
    const QString title = row->displayTitle();
    OutboxEntry entry;
    entry.kind = OutboxEntry::DeleteVideo;
    entry.state = OutboxEntry::Held;   // nothing is sent during the undo window
    entry.videoId = id;
    entry.payload = {{QStringLiteral("title"), title}};
    if (!enqueue(entry)) {
        emit conflict(tr("“%1” could not be deleted: this computer could not store the change.").arg(title));
        return;
    }
    m_undo->open(id, entry.seq);
    m_videos->setPendingDelete(id, true);
    emit deleteScheduled(id, title);
}

void LibraryChanges::undo(qint64 id)
{
    const std::optional<qint64> seq = m_undo->close(id);
    if (!seq)
        return;
    m_outbox->remove(*seq);
    m_videos->setPendingDelete(id, false);
}

void LibraryChanges::release(qint64 id)
{
    const std::optional<qint64> held = m_undo->close(id);
    if (!held)
        return;
    const qint64 seq = *held;
    if (id < 0) {
        std::optional<OutboxEntry> queued = queuedAdd(id);
        if (queued && m_replayer->inFlightSeq() != queued->seq) {
            dropChangesTo(id);   // never sent: nothing to delete on the server
            m_videos->remove(id);
            emit videoDeleted(id);
            return;
        }
    }
    m_outbox->release(seq);
    m_replayer->kick();
}

void LibraryChanges::commitAll()
{
    const QList<qint64> ids = m_undo->heldIds();
    for (qint64 id : ids)
        release(id);
}

void LibraryChanges::keepHeldForNextStart() { m_undo->stopTimers(); }

void LibraryChanges::releaseLeftoverHolds()
{
    for (const OutboxEntry &e : m_outbox->entries()) {
        if (e.state == OutboxEntry::Held && !m_undo->holdsSeq(e.seq))
            m_outbox->release(e.seq);   // the app closed during the undo window: that commits
    }
}

void LibraryChanges::reset()
{
    m_undo->clear();
    m_serverRows.clear();
    m_liveAdds.clear();
    m_liveEdits.clear();
}

void LibraryChanges::dropChangesTo(qint64 localId)
{
    const QList<OutboxEntry> entries = m_outbox->entries();
    for (const OutboxEntry &e : entries)
        if (e.videoId == localId)
            m_outbox->remove(e.seq);
}

void LibraryChanges::applyOverlay()
{
    if (!m_outbox)
        return;
    std::vector<VideoRow> rows = changeoverlay::overlay(
        m_outbox->entriesFor(m_owner, true), [this](qint64 id) { return m_videos->find(id); }, &m_serverRows);
    if (!rows.empty())
        m_videos->mergeRows(std::move(rows));
}

// --- answers from the server ---------------------------------------------------

void LibraryChanges::onSucceeded(const OutboxEntry &entry, const ApiResult &result)
{
    if (!entry.isVideoChange())
        return;
    if (entry.kind == OutboxEntry::DeleteVideo) {
        m_serverRows.remove(entry.videoId);
        m_videos->remove(entry.videoId);
        emit videoDeleted(entry.videoId);
        emit serverChanged(-1);
        return;
    }
    VideoRow row;
    if (!videojson::parseVideo(result.body, &row) || row.id <= 0)
        return;
    if (entry.kind == OutboxEntry::AddVideo) {
        const qint64 localId = entry.videoId;
        m_outbox->retarget(localId, row.id);
        m_undo->retarget(localId, row.id);   // deleted while the add was on the wire
        m_videos->replace(localId, row);
        applyOverlay();
        if (m_liveAdds.remove(entry.seq))
            emit videoAdded(row.id);
        emit serverChanged(+1);
        return;
    }
    // EditVideo: the server's version, with any further queued changes on top.
    m_serverRows.remove(row.id);
    m_videos->upsert(row);
    applyOverlay();
    if (m_liveEdits.remove(entry.seq))
        emit videoUpdated(row.id);
    emit serverChanged(0);
}

void LibraryChanges::restoreServerRow(qint64 id)
{
    if (m_serverRows.contains(id)) {
        VideoRow row = m_serverRows.take(id);
        row.pending = false;
        row.pendingDelete = false;
        m_videos->upsert(row);
    } else {
        m_videos->setPendingDelete(id, false);
        m_videos->setPending(id, false);
    }
    applyOverlay();
}

void LibraryChanges::onRejected(const OutboxEntry &entry, const ApiError &error)
{
    if (!entry.isVideoChange())
        return;
    const QString title = titleOf(entry);
    const auto [field, reason] = videofields::fieldProblem(error);
    switch (entry.kind) {
    case OutboxEntry::AddVideo: {
        const bool live = m_liveAdds.remove(entry.seq);
        dropChangesTo(entry.videoId);
        m_videos->remove(entry.videoId);
        if (error.kind == ApiError::Conflict) {
            // The existing video, read as every other video is (the body is already parsed: write it back).
            const QJsonObject video = error.body.value(QLatin1String("video")).toObject();
            VideoRow existing;
            if (videojson::parseVideo(QJsonDocument(video).toJson(QJsonDocument::Compact), &existing)
                && existing.id > 0)
                m_videos->upsert(existing);
            if (live)
                emit duplicateVideo(existing.id, tr("Already in your library"));
            else
                emit conflict(tr("“%1” was already in your library, so the copy added while offline was not "
                                 "saved again.").arg(title));
        } else if (live) {
            emit addFailed(field, reason);
        } else {
            emit conflict(tr("“%1” could not be added: %2").arg(title, reason));
        }
        break;
    }
    case OutboxEntry::EditVideo: {
        const bool live = m_liveEdits.remove(entry.seq);
        if (error.kind == ApiError::NotFound) {
            const QString message =
                tr("“%1” was deleted elsewhere, so your changes to it could not be saved.").arg(title);
            dropChangesTo(entry.videoId);   // every other change to it goes as well
            m_serverRows.remove(entry.videoId);
            m_videos->remove(entry.videoId);
            if (live)
                emit updateFailed(entry.videoId, QString(), message);
            emit conflict(message);
            break;
        }
        restoreServerRow(entry.videoId);
        if (live)
            emit updateFailed(entry.videoId, field, reason);
        else
            emit conflict(tr("Your changes to “%1” could not be saved: %2").arg(title, reason));
        break;
    }
    case OutboxEntry::DeleteVideo:
        restoreServerRow(entry.videoId);
        emit conflict(tr("“%1” could not be deleted: %2").arg(title, reason));
        break;
    default:
        break;
    }
}

void LibraryChanges::onDeferred(const OutboxEntry &entry)
{
    // The change waits in the outbox: for the UI it is saved (and marked as waiting).
    if (entry.kind == OutboxEntry::AddVideo && m_liveAdds.remove(entry.seq))
        emit videoAdded(entry.videoId);
    if (entry.kind == OutboxEntry::EditVideo && m_liveEdits.remove(entry.seq))
        emit videoUpdated(entry.videoId);
}

} // namespace clipshelf
