#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

namespace clipshelf {

class Outbox;

/**
 * What waits in the outbox, as the library page tells it: the shown user's
 * changes, another user's (kept or discarded once the user decides), and the
 * changes an earlier run left (said once, then dismissed).
 */
class OutboxStatus : public QObject
{
    Q_OBJECT
public:
    explicit OutboxStatus(Outbox *outbox, QObject *parent = nullptr);

    /// Whose library is shown; another user's changes must be decided on again.
    void setOwner(const QString &sub);
    /// The owner's changes waiting.
    int pendingChanges() const;
    /// Changes of anyone else (0 while no one's library is shown).
    int otherUserChanges() const;
    /// True when another user's changes wait and the user has not decided on them.
    bool belongsToOtherUser() const { return !m_otherUserAcknowledged && otherUserChanges() > 0; }
    /// Another user's changes stay (sent when that user signs in again).
    void keepOtherUsers();
    /// Another user's changes are dropped.
    void discardOtherUsers();

    /// Counts what an earlier run left for \a sub (anyone's when empty); call once, at start.
    void noteRecovered(const QString &sub);
    int recoveredChanges() const { return m_recovered; }
    /// Not empty while an earlier run's changes are to be mentioned.
    QString recoveredMessage() const;
    void dismissRecovered();

signals:
    /// The counts, or whose changes they are, changed.
    void changed();
    void recoveredChanged();

private:
    QPointer<Outbox> m_outbox;
    QString m_owner;
    bool m_otherUserAcknowledged = false;
    int m_recovered = 0;
};

} // namespace clipshelf
