#include "library/outboxstatus.h"

#include "core/logging.h"
#include "storage/outbox.h"

#include <QCoreApplication>

namespace clipshelf {

OutboxStatus::OutboxStatus(Outbox *outbox, QObject *parent) : QObject(parent), m_outbox(outbox)
{
    connect(outbox, &Outbox::changed, this, &OutboxStatus::changed);
}

void OutboxStatus::setOwner(const QString &sub)
{
    m_owner = sub;
    m_otherUserAcknowledged = false;
}

int OutboxStatus::pendingChanges() const
{
    return m_outbox ? m_outbox->countFor(m_owner) : 0;
}

int OutboxStatus::otherUserChanges() const
{
    return m_outbox && !m_owner.isEmpty() ? m_outbox->countNotFor(m_owner) : 0;
}

void OutboxStatus::keepOtherUsers()
{
    m_otherUserAcknowledged = true;
    emit changed();
}

void OutboxStatus::discardOtherUsers()
{
    if (m_outbox && !m_owner.isEmpty())
        m_outbox->removeAllNotFor(m_owner);
    m_otherUserAcknowledged = true;
    emit changed();
}

void OutboxStatus::noteRecovered(const QString &sub)
{
    if (!m_outbox)
        return;
    for (const OutboxEntry &e : m_outbox->entries())
        m_recovered += sub.isEmpty() || e.ownerSub == sub ? 1 : 0;
    if (m_recovered > 0) {
        qCInfo(lcCore) << "Library:" << m_recovered
                       << "changes of an earlier run wait in the outbox";
        emit recoveredChanged();
    }
}

QString OutboxStatus::recoveredMessage() const
{
    // In the LibraryController's translation context, where the message was first.
    return m_recovered > 0
               ? QCoreApplication::translate("clipshelf::LibraryController",
                                             "Changes you made before Clipshelf last closed were "
                                             "kept, and are sent when you are online.")
               : QString();
}

void OutboxStatus::dismissRecovered()
{
    if (m_recovered == 0)
        return;
    m_recovered = 0;
    emit recoveredChanged();
}

} // namespace clipshelf
