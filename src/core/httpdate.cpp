#include "core/httpdate.h"

#include <QLocale>
#include <QTimeZone>

namespace clipshelf {

QDateTime parseHttpDate(const QByteArray &value)
{
    // IMF-fixdate is the only form senders may generate; C locale for English names.
    QDateTime dt = QLocale::c().toDateTime(QString::fromLatin1(value.trimmed()),
                                           QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!dt.isValid())
        return {};
    return QDateTime(dt.date(), dt.time(), QTimeZone::utc());
}

int retryAfterSeconds(const QByteArray &value, const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = v.toInt(&ok);
    if (ok)
        return seconds >= 0 ? seconds : -1;
    const QDateTime when = parseHttpDate(v);
    if (!when.isValid())
        return -1;
    return int(std::max<qint64>(0, now.secsTo(when)));
}

} // namespace clipshelf
