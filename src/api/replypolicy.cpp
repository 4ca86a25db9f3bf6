#include "api/replypolicy.h"

#include "api/apirequest.h"
#include "core/boundedreply.h"

#include <QCoreApplication>
#include <QNetworkReply>

namespace clipshelf {

bool ReplyPolicy::sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(a.scheme() == QLatin1String("https") ? 443 : 80) ==
               b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

ApiError ReplyPolicy::transportError(QNetworkReply *reply, bool crossOriginRedirect,
                                     qint64 maxBytes)
{
    ApiError e;
    if (crossOriginRedirect) {
        e.kind = ApiError::Redirected;
        e.message = QCoreApplication::translate("ApiError",
                                                "The service redirected to another site; Clipshelf "
                                                "did not follow it with your sign-in.");
        return e;
    }
    if (const auto bound = BoundedReply::failure(reply); bound != BoundedReply::Failure::None) {
        e.kind =
            bound == BoundedReply::Failure::TooLarge ? ApiError::BadResponse : ApiError::Timeout;
        e.message = BoundedReply::message(
            bound, QCoreApplication::translate("ApiError", "the service"), maxBytes);
        return e;
    }
    switch (reply->error()) {
    case QNetworkReply::SslHandshakeFailedError:
        e.kind = ApiError::Tls;
        e.message = QCoreApplication::translate("ApiError",
                                                "The service's certificate could not be verified, "
                                                "so Clipshelf did not talk to it.");
        break;
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        e.kind = ApiError::Timeout;
        e.message = QCoreApplication::translate("ApiError", "The service did not answer in time.");
        break;
    default:
        e.kind = ApiError::Network;
        e.message = QCoreApplication::translate("ApiError", "You appear to be offline: %1")
                        .arg(reply->errorString());
    }
    return e;
}

bool ReplyPolicy::shouldRetry(const ApiRequest &request, int status, int retryAfter, int retries,
                              int maxRetries)
{
    return (status == 429 || status == 503) && request.isRetriable() && retries < maxRetries &&
           retryAfter >= 0 && retryAfter <= MaxRetryAfterSeconds;
}

} // namespace clipshelf
