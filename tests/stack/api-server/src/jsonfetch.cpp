#include "jsonfetch.h"

#include <QtCore/QJsonDocument>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>

namespace apiserver {

bool isLoopbackUrl(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

void fetchJson(QNetworkAccessManager *nam, const QUrl &url, int timeoutMs, FetchCallback callback,
               const QByteArray &bearer)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    request.setTransferTimeout(timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = nam->get(request);
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, url, callback] {
        reply->deleteLater();
        FetchResult result;
        result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString where = url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
        if (reply->error() != QNetworkReply::NoError) {
            result.error = QStringLiteral("%1: %2").arg(where, reply->errorString());
        } else {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll(), &parseError);
            if (!doc.isObject())
                result.error = QStringLiteral("%1: response is not a JSON object").arg(where);
            else {
                result.ok = true;
                result.json = doc.object();
            }
        }
        callback(result);
    });
}

} // namespace apiserver
