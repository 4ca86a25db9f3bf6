#include "timeutil.h"

#include <QtCore/QDateTime>
#include <QtCore/QTimeZone>

namespace apiserver {

Clock systemClock()
{
    return [] { return QDateTime::currentMSecsSinceEpoch(); };
}

QString toRfc3339(qint64 epochMs)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(epochMs, QTimeZone::utc());
    return t.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

} // namespace apiserver
