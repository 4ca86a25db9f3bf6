#include "core/transportsecurity.h"

#include "core/providertext.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace clipshelf::transport {

bool isLoopbackHttp(const QUrl &url)
{
    if (url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) != 0)
        return false;
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback(); // 127.0.0.0/8 and ::1
}

bool isPlainHttp(const QUrl &url)
{
    return url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) == 0 &&
           !isLoopbackHttp(url);
}

QString plainHttpError(const QString &what, const QUrl &url, const QString &source)
{
    // The URL may come from a provider's document: shown short and plain, like all its text.
    const QString where = providertext::plain(
        url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment), 200);
    return source.isEmpty()
               ? QObject::tr(
                     "The %1 %2 uses plain http, which would carry your sign-in unencrypted; use "
                     "https (http is allowed only on this computer: 127.0.0.1, ::1, localhost).")
                     .arg(what, where)
               : QObject::tr(
                     "The %1 %2 (from %3) uses plain http, which would carry your sign-in "
                     "unencrypted; use https (http is allowed only on this computer: 127.0.0.1, "
                     "::1, localhost).")
                     .arg(what, where, source);
}

} // namespace clipshelf::transport
