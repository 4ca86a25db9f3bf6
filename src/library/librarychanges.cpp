#include "library/librarychanges.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "core/youtubeurl.h"
#include "sync/outboxreplayer.h"
#include "library/videolistmodel.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>

namespace clipshelf {

namespace {

qsizetype codePoints(const QString &s)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < s.size(); ++i, ++n)
        if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
            ++i;
    return n;
}

QJsonValue nullable(const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); }

/// The API's field name without an index ("tags[2]" -> "tags"), and its message.
/// A 400 or 422 with errors[] shows at its field; one the form does not have
/// (e.g. "body") or none at all shows the answer's own message in general.
std::pair<QString, QString> fieldProblem(const ApiError &error)
{
    if (!error.fields.isEmpty()) {
        const FieldError &f = error.fields.constFirst();
        const QString field = f.field.section(QLatin1Char('['), 0, 0);
        if (field == QLatin1String("url")) {
            // The server words it like YoutubeUrl::errorString(): a clause about the link.
            QString clause = f.message.trimmed();
            while (clause.endsWith(QLatin1Char('.')))
                clause.chop(1);
            return {field, QCoreApplication::translate("clipshelf::LibraryChanges",
                                                       "This link is not a YouTube video: it %1.")
                               .arg(clause)};
        }
        if (QStringList{QStringLiteral("title"), QStringLiteral("notes"), QStringLiteral("tags")}
                .contains(field))
            return {field, f.message};
    }
    return {QString(), error.message};
}

void applyPatch(VideoRow &row, const QJsonObject &patch)
{
    if (patch.contains(QLatin1String("title")))
        row.title = patch.value(QLatin1String("title")).toString();
    if (patch.contains(QLatin1String("notes")))
        row.notes = patch.value(QLatin1String("notes")).toString();
    if (patch.contains(QLatin1String("tags"))) {
        row.tags.clear();
        for (const QJsonValue &t : patch.value(QLatin1String("tags")).toArray())
            row.tags.append(t.toString());
    }
}

} // namespace

LibraryChanges::LibraryChanges(Outbox *outbox, OutboxReplayer *replayer, VideoListModel *videos, QObject *parent)
    : QObject(parent), m_outbox(outbox), m_replayer(replayer), m_videos(videos)
{
    connect(replayer, &OutboxReplayer::entrySucceeded, this, &LibraryChanges::onSucceeded);
    connect(replayer, &OutboxReplayer::entryRejected, this, &LibraryChanges::onRejected);
    connect(replayer, &OutboxReplayer::entryDeferred, this,
            [this](const OutboxEntry &entry, const ApiError &) { onDeferred(entry); });
}

LibraryChanges::~LibraryChanges() = default;

QString LibraryChanges::validate(const QString &title, const QString &notes, QStringList *tags, QString *field)
{
    if (codePoints(title.trimmed()) > 300) {
        *field = QStringLiteral("title");
        return tr("The title can have at most 300 characters.");
    }
    if (codePoints(notes) > 10000) {
        *field = QStringLiteral("notes");
        return tr("Notes can have at most 10,000 characters.");
    }
    QStringList normalised;
    for (const QString &t : std::as_const(*tags)) {
        const QString tag = t.trimmed().toLower();
        if (tag.isEmpty())
            continue;
        if (codePoints(tag) > 40) {
            *field = QStringLiteral("tags");
            return tr("The tag “%1” is too long: tags can have at most 40 characters.").arg(tag.left(40) + u'…');
        }
        if (!normalised.contains(tag))
            normalised.append(tag);
    }
    if (normalised.size() > 20) {
        *field = QStringLiteral("tags");
        return tr("A video can have at most 20 tags.");
    }
    *tags = normalised;
    return {};
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
    const QString problem = validate(title, notes, &cleanTags, &field);
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
    const QString problem = validate(title, notes, &cleanTags, &field);
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
    applyPatch(updated, patch);
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
    if (!row || m_held.contains(id))
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
    m_held.insert(id, entry.seq);
    m_videos->setPendingDelete(id, true);
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, id] { release(id); });
    timer->start(m_undoMs);
    m_undoTimers.insert(id, timer);
    emit deleteScheduled(id, title);
}

void LibraryChanges::undo(qint64 id)
{
    if (QTimer *timer = m_undoTimers.take(id))
        timer->deleteLater();
    if (!m_held.contains(id))
        return;
    m_outbox->remove(m_held.take(id));
    m_videos->setPendingDelete(id, false);
}

void LibraryChanges::release(qint64 id)
{
    if (QTimer *timer = m_undoTimers.take(id))
        timer->deleteLater();
    if (!m_held.contains(id))
        return;
    const qint64 seq = m_held.take(id);
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
    const QList<qint64> ids = m_held.keys();
    for (qint64 id : ids)
        release(id);
}

void LibraryChanges::keepHeldForNextStart()
{
    qDeleteAll(m_undoTimers);
    m_undoTimers.clear();
}

void LibraryChanges::releaseLeftoverHolds()
{
    for (const OutboxEntry &e : m_outbox->entries()) {
        if (e.state == OutboxEntry::Held && !m_held.values().contains(e.seq))
            m_outbox->release(e.seq);   // the app closed during the undo window: that commits
    }
}

void LibraryChanges::reset()
{
    qDeleteAll(m_undoTimers);
    m_undoTimers.clear();
    m_held.clear();
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
    QHash<qint64, VideoRow> changed;
    auto current = [&](qint64 id) -> VideoRow * {
        auto it = changed.find(id);
        if (it != changed.end())
            return &it.value();
        const std::optional<VideoRow> row = m_videos->find(id);
        return row ? &changed.insert(id, *row).value() : nullptr;
    };
    for (const OutboxEntry &e : m_outbox->entriesFor(m_owner, true)) {
        switch (e.kind) {
        case OutboxEntry::AddVideo:
            if (!m_videos->find(e.videoId)) {
                VideoRow row;
                row.id = e.videoId;
                row.createdMs = row.updatedMs = e.createdAt.toMSecsSinceEpoch();
                row.youtubeId = YoutubeUrl::parse(e.payload.value(QLatin1String("url")).toString()).videoId();
                row.title = e.payload.value(QLatin1String("title")).toString();
                row.notes = e.payload.value(QLatin1String("notes")).toString();
                for (const QJsonValue &t : e.payload.value(QLatin1String("tags")).toArray())
                    row.tags.append(t.toString());
                row.pending = true;
                changed.insert(row.id, row);
            }
            break;
        case OutboxEntry::EditVideo:
            if (VideoRow *row = current(e.videoId)) {
                if (!row->pending && e.videoId > 0)
                    m_serverRows.insert(e.videoId, *row);
                applyPatch(*row, e.payload.value(QLatin1String("patch")).toObject());
                row->pending = true;
            }
            break;
        case OutboxEntry::DeleteVideo:
            if (VideoRow *row = current(e.videoId)) {
                row->pendingDelete = true;
                row->pending = true;
            }
            break;
        default:
            break;
        }
    }
    if (changed.isEmpty())
        return;
    std::vector<VideoRow> rows;
    rows.reserve(size_t(changed.size()));
    for (auto it = changed.begin(); it != changed.end(); ++it)
        rows.push_back(std::move(it.value()));
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
    VideoRow row = VideoRow::fromVideo(Video::fromJson(result.json()));
    if (row.id <= 0)
        return;
    if (entry.kind == OutboxEntry::AddVideo) {
        const qint64 localId = entry.videoId;
        m_outbox->retarget(localId, row.id);
        if (m_held.contains(localId)) {   // deleted while the add was on the wire
            m_held.insert(row.id, m_held.take(localId));
            if (QTimer *timer = m_undoTimers.take(localId)) {
                timer->stop();
                timer->deleteLater();
                auto *next = new QTimer(this);
                next->setSingleShot(true);
                const qint64 id = row.id;
                connect(next, &QTimer::timeout, this, [this, id] { release(id); });
                next->start(m_undoMs);
                m_undoTimers.insert(id, next);
            }
        }
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
    const auto [field, reason] = fieldProblem(error);
    switch (entry.kind) {
    case OutboxEntry::AddVideo: {
        const bool live = m_liveAdds.remove(entry.seq);
        dropChangesTo(entry.videoId);
        m_videos->remove(entry.videoId);
        if (error.kind == ApiError::Conflict) {
            const Video existing = Video::fromJson(error.body.value(QLatin1String("video")).toObject());
            if (existing.id > 0)
                m_videos->mergeVideos({existing});
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
