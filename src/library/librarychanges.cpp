#include "library/librarychanges.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "core/youtubeurl.h"
#include "library/changeoutcomes.h"
#include "library/changeoverlay.h"
#include "library/undowindow.h"
#include "library/videofields.h"
#include "library/videolistmodel.h"
#include "sync/outboxreplayer.h"

#include <QJsonArray>

namespace clipshelf {

namespace {

QJsonValue nullable(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

LibraryChanges::LibraryChanges(Outbox *outbox, OutboxReplayer *replayer, VideoListModel *videos,
                               QObject *parent)
    : QObject(parent), m_outbox(outbox), m_replayer(replayer), m_videos(videos),
      m_undo(new UndoWindow(this)),
      m_outcomes(new ChangeOutcomes(outbox, replayer, videos, m_undo, this))
{
    connect(m_undo, &UndoWindow::expired, this, &LibraryChanges::release);
    connect(m_outcomes, &ChangeOutcomes::overlayNeeded, this, &LibraryChanges::applyOverlay);
    connect(m_outcomes, &ChangeOutcomes::videoAdded, this, &LibraryChanges::videoAdded);
    connect(m_outcomes, &ChangeOutcomes::duplicateVideo, this, &LibraryChanges::duplicateVideo);
    connect(m_outcomes, &ChangeOutcomes::addFailed, this, &LibraryChanges::addFailed);
    connect(m_outcomes, &ChangeOutcomes::videoUpdated, this, &LibraryChanges::videoUpdated);
    connect(m_outcomes, &ChangeOutcomes::updateFailed, this, &LibraryChanges::updateFailed);
    connect(m_outcomes, &ChangeOutcomes::videoDeleted, this, &LibraryChanges::videoDeleted);
    connect(m_outcomes, &ChangeOutcomes::conflict, this, &LibraryChanges::conflict);
    connect(m_outcomes, &ChangeOutcomes::serverChanged, this, &LibraryChanges::serverChanged);
}

LibraryChanges::~LibraryChanges() = default;

void LibraryChanges::setUndoMs(int ms)
{
    m_undo->setDurationMs(ms);
}

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

// --- the user's changes --------------------------------------------------------

void LibraryChanges::add(const QString &url, const QString &title, const QString &notes,
                         const QStringList &tags)
{
    const YoutubeUrl link = YoutubeUrl::parse(url);
    if (!link.isValid()) {
        emit addFailed(QStringLiteral("url"),
                       tr("This link is not a YouTube video: it %1.").arg(link.errorString()));
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
    entry.idempotencyKey =
        endpoints::newIdempotencyKey(); // one per press of Add: a replay never adds twice
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
        m_outcomes->expectAnswer(entry);
        m_replayer->kick();
    } else {
        emit videoAdded(entry.localId());
    }
}

void LibraryChanges::update(qint64 id, const QString &title, const QString &notes,
                            const QStringList &tags)
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
        m_outcomes->serverRows().insert(id, *row);
    OutboxEntry entry;
    entry.kind = OutboxEntry::EditVideo;
    entry.videoId = id;
    entry.payload = {{QStringLiteral("patch"), patch},
                     {QStringLiteral("title"), row->displayTitle()}};
    if (!enqueue(entry)) {
        emit updateFailed(id, QString(), tr("The change could not be saved on this computer."));
        return;
    }
    m_videos->upsert(updated);
    if (m_replayer->canSendNow()) {
        m_outcomes->expectAnswer(entry);
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
    entry.state = OutboxEntry::Held; // nothing is sent during the undo window
    entry.videoId = id;
    entry.payload = {{QStringLiteral("title"), title}};
    if (!enqueue(entry)) {
        emit conflict(
            tr("“%1” could not be deleted: this computer could not store the change.").arg(title));
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
            m_outcomes->dropChangesTo(id); // never sent: nothing to delete on the server
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

void LibraryChanges::keepHeldForNextStart()
{
    m_undo->stopTimers();
}

void LibraryChanges::releaseLeftoverHolds()
{
    for (const OutboxEntry &e : m_outbox->entries()) {
        if (e.state == OutboxEntry::Held && !m_undo->holdsSeq(e.seq))
            m_outbox->release(e.seq); // the app closed during the undo window: that commits
    }
}

void LibraryChanges::reset()
{
    m_undo->clear();
    m_outcomes->reset();
}

void LibraryChanges::applyOverlay()
{
    if (!m_outbox)
        return;
    std::vector<VideoRow> rows = changeoverlay::overlay(
        m_outbox->entriesFor(m_owner, true), [this](qint64 id) { return m_videos->find(id); },
        &m_outcomes->serverRows());
    if (!rows.empty())
        m_videos->mergeRows(std::move(rows));
}

} // namespace clipshelf
