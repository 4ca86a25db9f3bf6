#include "api/apiclient.h"

#include "auth/sessionmanager.h"
#include "core/httpdate.h"
#include "core/logging.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace clipshelf {

struct ApiClient::Attempt
{
    ApiRequest request;
    QPointer<QObject> context;
    bool hasContext = false;
    Callback done;
    bool authenticated = true;
    bool replayedAfter401 = false;
    int retries = 0;
    QString token;
};

namespace {

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
           && a.port(a.scheme() == QLatin1String("https") ? 443 : 80)
                  == b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

ApiError transportError(QNetworkReply *reply, bool crossOriginRedirect)
{
    ApiError e;
    if (crossOriginRedirect) {
        e.kind = ApiError::Redirected;
        e.message = QCoreApplication::translate("ApiError", "The service redirected to another site; Clipshelf "
                                                            "did not follow it with your sign-in.");
        return e;
    }
    switch (reply->error()) {
    case QNetworkReply::SslHandshakeFailedError:
        e.kind = ApiError::Tls;
        e.message = QCoreApplication::translate("ApiError", "The service's certificate could not be verified, "
                                                            "so Clipshelf did not talk to it.");
        break;
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        e.kind = ApiError::Timeout;
        e.message = QCoreApplication::translate("ApiError", "The service did not answer in time.");
        break;
    default:
        e.kind = ApiError::Network;
        e.message = QCoreApplication::translate("ApiError", "You appear to be offline: %1").arg(reply->errorString());
    }
    return e;
}

} // namespace

ApiRequest ApiRequest::get(const QString &path, const QUrlQuery &query)
{
    ApiRequest r;
    r.path = path;
    r.query = query;
    return r;
}

ApiRequest ApiRequest::json(const QByteArray &method, const QString &path, const QJsonDocument &doc)
{
    ApiRequest r;
    r.method = method;
    r.path = path;
    r.body = doc.toJson(QJsonDocument::Compact);
    r.contentType = "application/json";
    return r;
}

ApiRequest ApiRequest::del(const QString &path)
{
    ApiRequest r;
    r.method = "DELETE";
    r.path = path;
    return r;
}

bool ApiRequest::isRetriable() const
{
    return method == "GET" || method == "PUT" || method == "DELETE" || headers.contains("Idempotency-Key");
}

ApiClient::ApiClient(const QUrl &baseUrl, SessionManager *sessions, QNetworkAccessManager *nam,
                     QObject *parent)
    : QObject(parent), m_base(baseUrl), m_sessions(sessions), m_nam(nam)
{
}

QUrl ApiClient::urlFor(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_base;
    QString basePath = url.path();
    while (basePath.endsWith('/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

void ApiClient::send(const ApiRequest &request, QObject *context, Callback done)
{
    auto attempt = std::make_shared<Attempt>();
    attempt->request = request;
    attempt->context = context;
    attempt->hasContext = context != nullptr;
    attempt->done = std::move(done);
    start(attempt);
}

void ApiClient::sendAnonymous(const ApiRequest &request, QObject *context, Callback done)
{
    auto attempt = std::make_shared<Attempt>();
    attempt->request = request;
    attempt->context = context;
    attempt->hasContext = context != nullptr;
    attempt->done = std::move(done);
    attempt->authenticated = false;
    transmit(attempt, {});
}

void ApiClient::start(std::shared_ptr<Attempt> attempt)
{
    if (!m_sessions) {
        ApiResult r;
        r.error.kind = ApiError::SessionEnded;
        r.error.message = tr("You are not signed in.");
        complete(attempt, r);
        return;
    }
    m_sessions->withAccessToken(tokenHandler(attempt));
}

SessionManager::TokenCallback ApiClient::tokenHandler(std::shared_ptr<Attempt> attempt)
{
    return [this, attempt](const QString &token, std::optional<SessionManager::TokenProblem> problem) {
        if (!problem) {
            transmit(attempt, token);
            return;
        }
        ApiResult r;
        r.error.kind =
            problem->kind == SessionManager::TokenProblem::Ended ? ApiError::SessionEnded : ApiError::Network;
        r.error.message = problem->message;
        complete(attempt, r);
    };
}

void ApiClient::transmit(std::shared_ptr<Attempt> attempt, const QString &token)
{
    const ApiRequest &req = attempt->request;
    attempt->token = token;
    QNetworkRequest request(urlFor(req.path, req.query));
    request.setRawHeader("Accept", "application/json");
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    if (!req.contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, req.contentType);
    for (auto it = req.headers.cbegin(); it != req.headers.cend(); ++it)
        request.setRawHeader(it.key(), it.value());
    request.setTransferTimeout(req.timeoutMs);
    // Every redirect is checked: only the API's own origin may receive the token.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    // Without a body, no upload device: QNAM's plain path answers measurably sooner.
    QNetworkReply *reply = req.body.isEmpty() && (req.method == "GET" || req.method == "DELETE")
                               ? m_nam->sendCustomRequest(request, req.method)
                               : m_nam->sendCustomRequest(request, req.method, req.body);
    connect(reply, &QNetworkReply::redirected, reply, [this, reply](const QUrl &target) {
        if (sameOrigin(target, m_base)) {
            emit reply->redirectAllowed();
        } else {
            qCWarning(lcApi) << "Refused a redirect to another origin:" << target.host();
            reply->setProperty("crossOrigin", true);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, attempt, reply] { onFinished(attempt, reply); });
}

void ApiClient::onFinished(std::shared_ptr<Attempt> attempt, QNetworkReply *reply)
{
    reply->deleteLater();
    ApiResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.insert(pair.first.toLower(), pair.second);

    const bool crossOrigin = reply->property("crossOrigin").toBool();
    if (result.status == 0 || crossOrigin) {
        result.error = transportError(reply, crossOrigin);
        if (m_sessions && result.error.kind == ApiError::Network)
            m_sessions->noteNetworkReachable(false);
        complete(attempt, result);
        return;
    }
    if (m_sessions) {
        m_sessions->noteNetworkReachable(true);
        const QDateTime serverTime = parseHttpDate(result.headers.value("date"));
        if (serverTime.isValid())
            m_sessions->noteServerTime(serverTime);
    }
    if (result.status < 400) {
        complete(attempt, result);
        return;
    }
    const int retryAfter = retryAfterSeconds(result.headers.value("retry-after"));
    result.error = ApiError::fromHttp(result.status, result.body, retryAfter);

    if (result.status == 401 && attempt->authenticated && !attempt->replayedAfter401 && m_sessions
        && !result.headers.value("www-authenticate").contains("insufficient_scope")) {
        // One refresh and one replay; a second 401 is final (no loop).
        attempt->replayedAfter401 = true;
        m_sessions->refreshAfterRejection(attempt->token, tokenHandler(attempt));
        return;
    }
    if ((result.status == 429 || result.status == 503) && attempt->request.isRetriable()
        && attempt->retries < m_maxRetries && retryAfter >= 0 && retryAfter <= 60) {
        ++attempt->retries;
        qCInfo(lcApi) << "Waiting" << retryAfter << "s as the service asked (HTTP" << result.status << ")";
        // Precise: a coarse timer (the default from 2 s on) may fire up to 5% early.
        QTimer::singleShot(retryAfter * 1000, Qt::PreciseTimer, this, [this, attempt] {
            if (attempt->authenticated)
                start(attempt);
            else
                transmit(attempt, {});
        });
        return;
    }
    complete(attempt, result);
}

void ApiClient::complete(const std::shared_ptr<Attempt> &attempt, const ApiResult &result)
{
    if (attempt->hasContext && !attempt->context)
        return; // whoever asked is gone
    if (result.error.isError())
        qCInfo(lcApi) << attempt->request.method << attempt->request.path << "failed:" << result.error.httpStatus
                      << result.error.message;
    attempt->done(result);
}

} // namespace clipshelf
