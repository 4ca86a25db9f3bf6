#pragma once

#include <optional>
#include <QHash>
#include <QList>
#include <QObject>

class QTimer;

namespace clipshelf {

/**
 * The undo windows of deleted videos: each delete waits, held in the outbox
 * under its seq, until its window ends (expired()) or it is closed early
 * (undone, or sent at once). One timer per video.
 */
class UndoWindow : public QObject
{
    Q_OBJECT
public:
    explicit UndoWindow(QObject *parent = nullptr);
    ~UndoWindow() override;

    void setDurationMs(int ms) { m_durationMs = ms; }
    int durationMs() const { return m_durationMs; }

    /// Holds the delete \a seq of video \a id; expired(id) follows when the window ends.
    void open(qint64 id, qint64 seq);
    bool isHeld(qint64 id) const { return m_held.contains(id); }
    /// True when some video's delete is the outbox entry \a seq.
    bool holdsSeq(qint64 seq) const;
    QList<qint64> heldIds() const { return m_held.keys(); }
    /// Ends the window of \a id now: the seq its delete is held under, or nothing when none is.
    std::optional<qint64> close(qint64 id);
    /// The held video \a from is now \a to (a queued add got its server id); a running window
    /// starts again.
    void retarget(qint64 from, qint64 to);
    /// Stops every timer; the deletes stay held (for shutdown: the next start sends them).
    void stopTimers();
    /// Forgets every window.
    void clear();

signals:
    /// The window of \a id ended: the delete may go out.
    void expired(qint64 id);

private:
    void startTimer(qint64 id);

    int m_durationMs = 5000;
    QHash<qint64, QTimer *> m_timers; ///< video id -> its window
    QHash<qint64, qint64> m_held;     ///< video id -> held delete's seq
};

} // namespace clipshelf
