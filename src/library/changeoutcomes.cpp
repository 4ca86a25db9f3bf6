#include "library/changeoutcomes.h"

#include "api/apiclient.h"
#include "library/undowindow.h"
#include "library/videofields.h"
#include "library/videojson.h"
#include "library/videolistmodel.h"
#include "sync/outboxreplayer.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace clipshelf {

// The messages keep the LibraryChanges translation context, where they were first.
ChangeOutcomes::ChangeOutcomes(Outbox *outbox, OutboxReplayer *replayer, VideoListModel *videos,
                               UndoWindow *undo, QObject *parent)
    : QObject(parent), m_outbox(outbox), m_videos(videos), m_undo(undo)
{
    connect(replayer, &OutboxReplayer::entrySucceeded, this, &ChangeOutcomes::onSucceeded);
    connect(replayer, &OutboxReplayer::entryRejected, this, &ChangeOutcomes::onRejected);
    connect(replayer, &OutboxReplayer::entryDeferred, this,
            [this](const OutboxEntry &entry, const ApiError &) { onDeferred(entry); });
}

void ChangeOutcomes::expectAnswer(const OutboxEntry &entry)
{
    if (entry.kind == OutboxEntry::AddVideo)
        m_liveAdds.insert(entry.seq);
    else if (entry.kind == OutboxEntry::EditVideo)
        m_liveEdits.insert(entry.seq);
}

void ChangeOutcomes::reset()
{
    m_serverRows.clear();
    m_liveAdds.clear();
    m_liveEdits.clear();
}

void ChangeOutcomes::dropChangesTo(qint64 localId)
{
    const QList<OutboxEntry> entries = m_outbox->entries();
    for (const OutboxEntry &e : entries)
        if (e.videoId == localId)
            m_outbox->remove(e.seq);
}

QString ChangeOutcomes::titleOf(const OutboxEntry &entry) const
{
    const QString title = entry.payload.value(QLatin1String("title")).toString();
    if (!title.isEmpty())
        return title;
    if (const std::optional<VideoRow> row = m_videos->find(entry.videoId))
        return row->displayTitle();
    return entry.payload.value(QLatin1String("url")).toString();
}

void ChangeOutcomes::onSucceeded(const OutboxEntry &entry, const ApiResult &result)
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
        m_undo->retarget(localId, row.id); // deleted while the add was on the wire
        m_videos->replace(localId, row);
        emit overlayNeeded();
        if (m_liveAdds.remove(entry.seq))
            emit videoAdded(row.id);
        emit serverChanged(+1);
        return;
    }
    // EditVideo: the server's version, with any further queued changes on top.
    m_serverRows.remove(row.id);
    m_videos->upsert(row);
    emit overlayNeeded();
    if (m_liveEdits.remove(entry.seq))
        emit videoUpdated(row.id);
    emit serverChanged(0);
}

void ChangeOutcomes::restoreServerRow(qint64 id)
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
    emit overlayNeeded();
}

void ChangeOutcomes::onRejected(const OutboxEntry &entry, const ApiError &error)
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
            // The existing video, read as every other video is (the body is already parsed: write
            // it back).
            const QJsonObject video = error.body.value(QLatin1String("video")).toObject();
            VideoRow existing;
            if (videojson::parseVideo(QJsonDocument(video).toJson(QJsonDocument::Compact),
                                      &existing) &&
                existing.id > 0)
                m_videos->upsert(existing);
            if (live)
                emit duplicateVideo(existing.id,
                                    QCoreApplication::translate("clipshelf::LibraryChanges",
                                                                "Already in your library"));
            else
                emit conflict(
                    QCoreApplication::translate(
                        "clipshelf::LibraryChanges",
                        "“%1” was already in your library, so the copy added while offline was not "
                        "saved again.")
                        .arg(title));
        } else if (live) {
            emit addFailed(field, reason);
        } else {
            emit conflict(QCoreApplication::translate("clipshelf::LibraryChanges",
                                                      "“%1” could not be added: %2")
                              .arg(title, reason));
        }
        break;
    }
    case OutboxEntry::EditVideo: {
        const bool live = m_liveEdits.remove(entry.seq);
        if (error.kind == ApiError::NotFound) {
            const QString message =
                QCoreApplication::translate(
                    "clipshelf::LibraryChanges",
                    "“%1” was deleted elsewhere, so your changes to it could not be saved.")
                    .arg(title);
            dropChangesTo(entry.videoId); // every other change to it goes as well
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
            emit conflict(QCoreApplication::translate("clipshelf::LibraryChanges",
                                                      "Your changes to “%1” could not be saved: %2")
                              .arg(title, reason));
        break;
    }
    case OutboxEntry::DeleteVideo:
        restoreServerRow(entry.videoId);
        emit conflict(QCoreApplication::translate("clipshelf::LibraryChanges",
                                                  "“%1” could not be deleted: %2")
                          .arg(title, reason));
        break;
    default:
        break;
    }
}

void ChangeOutcomes::onDeferred(const OutboxEntry &entry)
{
    // The change waits in the outbox: for the UI it is saved (and marked as waiting).
    if (entry.kind == OutboxEntry::AddVideo && m_liveAdds.remove(entry.seq))
        emit videoAdded(entry.videoId);
    if (entry.kind == OutboxEntry::EditVideo && m_liveEdits.remove(entry.seq))
        emit videoUpdated(entry.videoId);
}

} // namespace clipshelf
