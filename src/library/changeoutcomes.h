#pragma once

#include "library/videorow.h"
#include "storage/outbox.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace clipshelf {

class OutboxReplayer;
class UndoWindow;
class VideoListModel;
struct ApiError;
struct ApiResult;

/**
 * How the library's queued video changes end: the OutboxReplayer's outcomes
 * applied to the list (the server's row replaces the shown one; a refusal
 * rolls the change back or drops it) and told in plain words. For a change
 * the UI waits for (expectAnswer(): the Add dialog, the editor) the result
 * signals follow the answer; other refusals become conflict() messages.
 */
class ChangeOutcomes : public QObject
{
    Q_OBJECT
public:
    ChangeOutcomes(Outbox *outbox, OutboxReplayer *replayer, VideoListModel *videos,
                   UndoWindow *undo, QObject *parent = nullptr);

    /// The UI waits for the answer to \a entry (an add or an edit that goes out now).
    void expectAnswer(const OutboxEntry &entry);
    /// The server's version of rows with queued edits (what a refused edit rolls back to).
    QHash<qint64, VideoRow> &serverRows() { return m_serverRows; }
    /// Removes every queued change to the video \a videoId.
    void dropChangesTo(qint64 videoId);
    /// Forgets what it remembers (another user, or forget-this-device).
    void reset();

signals:
    void videoAdded(qint64 id);
    void duplicateVideo(qint64 existingId, const QString &message);
    void addFailed(const QString &field, const QString &message);
    void videoUpdated(qint64 id);
    void updateFailed(qint64 id, const QString &field, const QString &message);
    void videoDeleted(qint64 id);
    void conflict(const QString &message);
    /// A change reached the server: \a countDelta videos more (+1) or fewer (-1).
    void serverChanged(int countDelta);
    /// The list changed under queued changes: they are to be laid over it again.
    void overlayNeeded();

private:
    void onSucceeded(const OutboxEntry &entry, const ApiResult &result);
    void onRejected(const OutboxEntry &entry, const ApiError &error);
    void onDeferred(const OutboxEntry &entry);
    void restoreServerRow(qint64 id);
    QString titleOf(const OutboxEntry &entry) const;

    QPointer<Outbox> m_outbox;
    VideoListModel *m_videos;
    UndoWindow *m_undo;
    QHash<qint64, VideoRow> m_serverRows; ///< the server's version of rows with queued edits
    QSet<qint64> m_liveAdds;              ///< seqs whose result the Add dialog waits for
    QSet<qint64> m_liveEdits;             ///< seqs whose result the editor waits for
};

} // namespace clipshelf
