#include "auth/oidcdiscovery.h"

#include "core/boundedreply.h"
#include "core/logging.h"
#include "core/transportsecurity.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace clipshelf {

OidcDiscovery::OidcDiscovery(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent), m_nam(nam)
{}

void OidcDiscovery::fetch(const QString &issuer)
{
    const QUrl url = ProviderMetadata::discoveryUrl(issuer);
    if (transport::isPlainHttp(QUrl(issuer))) { // never fetched in clear text
        const QString error = transport::plainHttpError(tr("issuer"), QUrl(issuer));
        QMetaObject::invokeMethod(
            this, [this, error] { emit finished(std::nullopt, error); }, Qt::QueuedConnection);
        return;
    }
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_timeoutMs);
    qCInfo(lcAuth) << "Discovery:" << url.toString();
    QNetworkReply *reply = m_nam->get(request);
    BoundedReply::bound(reply, limits::kDiscoveryBytes, m_deadlineMs);
    connect(reply, &QNetworkReply::finished, this, [this, reply, issuer, url] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        m_httpStatus = status;
        if (const auto bound = BoundedReply::failure(reply); bound != BoundedReply::Failure::None) {
            emit finished(std::nullopt, BoundedReply::message(bound, tr("the provider"),
                                                              limits::kDiscoveryBytes));
            return;
        }
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
