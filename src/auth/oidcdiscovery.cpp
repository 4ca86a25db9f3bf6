#include "auth/oidcdiscovery.h"

#include "core/logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace clipshelf {

OidcDiscovery::OidcDiscovery(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent), m_nam(nam)
{
}

void OidcDiscovery::fetch(const QString &issuer)
{
    const QUrl url = ProviderMetadata::discoveryUrl(issuer);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_timeoutMs);
    qCInfo(lcAuth) << "Discovery:" << url.toString();
    QNetworkReply *reply = m_nam->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, issuer, url] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        m_httpStatus = status;
        if (status == 0) {
            const QString why = reply->error() == QNetworkReply::SslHandshakeFailedError
                                    ? tr("its certificate could not be verified")
                                    : reply->errorString();
            emit finished(std::nullopt,
                          tr("Clipshelf could not reach the provider at %1: %2.").arg(issuer, why));
            return;
        }
        if (status != 200) {
            emit finished(std::nullopt, tr("The provider's discovery document at %1 could not be "
                                           "loaded (HTTP %2). Check the issuer setting.")
                                            .arg(url.toString())
                                            .arg(status));
            return;
        }
        QString error;
        auto metadata = ProviderMetadata::fromJson(reply->readAll(), issuer, &error);
        emit finished(metadata, error);
    });
}

} // namespace clipshelf
