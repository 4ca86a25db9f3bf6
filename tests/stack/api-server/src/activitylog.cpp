#include "activitylog.h"

#include "database.h"

namespace apiserver {

ActivityLog::ActivityLog(const Database &db) : m_db(db) {}

void ActivityLog::record(qint64 userId, const QString &kind, const QString &detail, qint64 nowMs)
{
    m_db.exec(
        QStringLiteral("INSERT INTO activity (user_id, kind, at_ms, detail) VALUES (?, ?, ?, ?)"),
        {userId, kind, nowMs, detail});
}

QList<ActivityEvent> ActivityLog::recent(qint64 userId, int limit) const
{
    QSqlQuery q =
        m_db.exec(QStringLiteral("SELECT id, kind, at_ms, detail FROM activity WHERE user_id = ?"
                                 " ORDER BY id DESC LIMIT ?"),
                  {userId, limit});
    QList<ActivityEvent> events;
    while (q.next())
        events.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                       q.value(3).toString()});
    return events;
}

} // namespace apiserver
