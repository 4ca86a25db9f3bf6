#pragma once

#include "library/videorow.h"
#include "storage/outbox.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace clipshelf {

class ChangeOutcomes;
class OutboxReplayer;
class UndoWindow;
class VideoListModel;

/**
 * The user's adds, edits and deletes of videos. Each one is written to the
 * persistent outbox first (so it survives being offline, the session ending,
 * a crash or SIGKILL), shown in the list at once as pending, and sent by the
 * OutboxReplayer. Adds carry an Idempotency-Key made when the user pressed
 * Add. Deletes wait in the outbox, held, for the undo window.
 *
 * When the UI waits for an answer (the Add dialog, the editor) and the change
 * can go out now, the result signal follows the server's answer; otherwise
 * (offline, session ended) it follows at once with the local id.
 */
class LibraryChanges : public QObject
{
    Q_OBJECT
public:
    LibraryChanges(Outbox *outbox, OutboxReplayer *replayer, VideoListModel *videos,
                   QObject *parent = nullptr);
    ~LibraryChanges() override;

    /// Whose changes are made and shown (the signed-in user, or the cache's owner).
    void setOwner(const QString &sub) { m_owner = sub; }
    QString owner() const { return m_owner; }
    void setUndoMs(int ms);

    /// Shows the owner's queued changes in the list (after loading rows).
    void applyOverlay();
    /// Deletes held by an earlier run (the app closed in the undo window) are released.
    void releaseLeftoverHolds();
    /// Forgets timers and remembered state (another user, or forget-this-device).
    void reset();

    void add(const QString &url, const QString &title, const QString &notes,
             const QStringList &tags);
    void update(qint64 id, const QString &title, const QString &notes, const QStringList &tags);
    void remove(qint64 id);
    void undo(qint64 id);
    void commitAll();
    /// Stops the undo windows without ending them: the held deletes stay in the
    /// outbox, and the next start sends them (releaseLeftoverHolds()). For shutdown.
    void keepHeldForNextStart();

signals:
    void videoAdded(qint64 id);
    void duplicateVideo(qint64 existingId, const QString &message);
    void addFailed(const QString &field, const QString &message);
    void videoUpdated(qint64 id);
    void updateFailed(qint64 id, const QString &field, const QString &message);
    void deleteScheduled(qint64 id, const QString &title);
    void videoDeleted(qint64 id);
    void conflict(const QString &message);
    /// A change reached the server: \a countDelta videos more (+1) or fewer (-1).
    void serverChanged(int countDelta);

private:
    bool enqueue(OutboxEntry &entry);
    void release(qint64 id);
    std::optional<OutboxEntry> queuedAdd(qint64 localId) const;

    QPointer<Outbox> m_outbox;
    QPointer<OutboxReplayer> m_replayer;
    VideoListModel *m_videos;
    QString m_owner;
    UndoWindow *m_undo;         ///< held deletes
    ChangeOutcomes *m_outcomes; ///< the server's answers
};

} // namespace clipshelf
