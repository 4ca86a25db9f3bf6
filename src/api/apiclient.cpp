#include "api/apiclient.h"

#include "api/replypolicy.h"
#include "api/replywatchdog.h"
#include "core/boundedreply.h"
#include "core/httpdate.h"
#include "core/logging.h"
#include "core/tokensyntax.h"
#include "core/transportsecurity.h"

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
    bool crossOriginRedirect = false; ///< the current reply was aborted at a foreign redirect
    int retries = 0;
    QString token;
};

ApiClient::ApiClient(const QUrl &baseUrl, TokenSource *tokens, QNetworkAccessManager *nam,
                     QObject *parent)
    : QObject(parent), m_base(baseUrl), m_basePath(baseUrl.path()),
      m_plainHttpBase(transport::isPlainHttp(baseUrl)), m_tokens(tokens),
      m_tokensObject(dynamic_cast<QObject *>(tokens)), m_tokensIsObject(m_tokensObject != nullptr),
      m_nam(nam), m_watchdog(std::make_unique<ReplyWatchdog>(this))
{
    while (m_basePath.endsWith(u'/'))
        m_basePath.chop(1);
}

ApiClient::~ApiClient() = default;

TokenSource *ApiClient::tokens() const
{
    // A source that is a QObject (the SessionManager) may be destroyed first.
    return !m_tokensIsObject || m_tokensObject ? m_tokens : nullptr;
}

QUrl ApiClient::urlFor(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_base;
    url.setPath(m_basePath + path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

void ApiClient::send(ApiRequest request, QObject *context, Callback done)
{
    auto attempt = std::make_shared<Attempt>();
    attempt->request = std::move(request);
    attempt->context = context;
    attempt->hasContext = context != nullptr;
    attempt->done = std::move(done);
    start(attempt);
}

void ApiClient::sendAnonymous(ApiRequest request, QObject *context, Callback done)
{
    auto attempt = std::make_shared<Attempt>();
    attempt->request = std::move(request);
    attempt->context = context;
    attempt->hasContext = context != nullptr;
    attempt->done = std::move(done);
    attempt->authenticated = false;
    transmit(attempt, {});
}

void ApiClient::start(std::shared_ptr<Attempt> attempt)
{
    TokenSource *source = tokens();
    if (!source) {
        ApiResult r;
        r.error.kind = ApiError::SessionEnded;
        r.error.message = tr("You are not signed in.");
        complete(attempt, r);
        return;
    }
    source->withAccessToken(tokenHandler(attempt));
}

TokenSource::TokenCallback ApiClient::tokenHandler(std::shared_ptr<Attempt> attempt)
{
    return [this, attempt](const QString &token, std::optional<TokenProblem> problem) {
        if (!problem) {
            transmit(attempt, token);
            return;
        }
        ApiResult r;
        // The provider's own trouble (5xx, 429) during a refresh is a server error, not "offline".
        if (problem->kind == TokenProblem::Ended)
            r.error.kind = ApiError::SessionEnded;
        else if (problem->httpStatus == 429)
            r.error.kind = ApiError::RateLimited;
        else if (problem->httpStatus >= 500)
            r.error.kind = ApiError::Server;
        else
            r.error.kind = ApiError::Network;
        r.error.httpStatus = problem->httpStatus;
        r.error.message = problem->message;
        r.error.origin = problem->problem; // a TLS failure during the refresh stays one
        complete(attempt, r);
    };
}

void ApiClient::transmit(std::shared_ptr<Attempt> attempt, const QString &token)
{
    const ApiRequest &req = attempt->request;
    attempt->token = token;
    QNetworkRequest request(urlFor(req.path, req.query));
    request.setRawHeader("Accept", "application/json");
    if (!token.isEmpty()) {
        const QByteArray authorization = tokensyntax::bearerHeader(token);
        // Never in clear text to another computer, never a value that could forge headers.
        if (m_plainHttpBase || authorization.isEmpty()) {
            ApiResult r;
            // Tls: a transport-security refusal, never retried (like a bad certificate).
            r.error.kind = authorization.isEmpty() ? ApiError::SessionEnded : ApiError::Tls;
            r.error.message = authorization.isEmpty()
                                  ? tr("The access token is not valid; please sign in again.")
                                  : transport::plainHttpError(tr("API URL"), m_base);
            QMetaObject::invokeMethod(
                this, [this, attempt, r] { complete(attempt, r); }, Qt::QueuedConnection);
            return;
        }
        request.setRawHeader("Authorization", authorization);
    }
    if (!req.contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, req.contentType);
    for (auto it = req.headers.cbegin(); it != req.headers.cend(); ++it)
        request.setRawHeader(it.key(), it.value());
    if (!req.body.isEmpty())
        request.setTransferTimeout(req.timeoutMs); // sees upload progress too
    // Every redirect is checked: only the API's own origin may receive the token.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    // GET and DELETE without a body take QNAM's own operations: no upload device,
    // no copy of the request for a custom verb, nothing a plain GET does not do.
    QNetworkReply *reply = nullptr;
    if (req.body.isEmpty() && req.method == "GET")
        reply = m_nam->get(request);
    else if (req.body.isEmpty() && req.method == "DELETE")
        reply = m_nam->deleteResource(request);
    else
        reply = m_nam->sendCustomRequest(request, req.method, req.body);
    BoundedReply::capBody(reply, req.responseLimit());
    m_watchdog->watch(reply, req.body.isEmpty() ? req.timeoutMs : 0, limits::kApiDeadlineMs);
    attempt->crossOriginRedirect = false;
    connect(reply, &QNetworkReply::redirected, reply, [this, reply, attempt](const QUrl &target) {
        if (ReplyPolicy::sameOrigin(target, m_base)) {
            emit reply->redirectAllowed();
        } else {
            qCWarning(lcApi) << "Refused a redirect to another origin:" << target.host();
            attempt->crossOriginRedirect = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, attempt, reply] { onFinished(attempt, reply); });
}

void ApiClient::onFinished(std::shared_ptr<Attempt> attempt, QNetworkReply *reply)
{
    m_watchdog->unwatch(reply);
    reply->deleteLater();
    ApiResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.insert(pair.first.toLower(), pair.second);

    const bool crossOrigin = attempt->crossOriginRedirect;
    const bool bounded = BoundedReply::failure(reply) != BoundedReply::Failure::None;
    if (result.status == 0 || crossOrigin || bounded) {
        result.body.clear();
        result.error =
            ReplyPolicy::transportError(reply, crossOrigin, attempt->request.responseLimit());
        if (result.error.kind == ApiError::Network)
            emit reachabilityNoted(false);
        complete(attempt, result);
        return;
    }
    emit reachabilityNoted(true);
    const QDateTime serverTime = parseHttpDate(result.headers.value("date"));
    if (serverTime.isValid())
        emit serverTimeNoted(serverTime);
    if (result.status < 400) {
        complete(attempt, result);
        return;
    }
    const int retryAfter = retryAfterSeconds(result.headers.value("retry-after"));
    result.error = ApiError::fromHttp(result.status, result.body, retryAfter);

    TokenSource *source = tokens();
    if (result.status == 401 && attempt->authenticated && !attempt->replayedAfter401 && source &&
        !result.headers.value("www-authenticate").contains("insufficient_scope")) {
        // One refresh and one replay; a second 401 is final (no loop).
        attempt->replayedAfter401 = true;
        source->tokenRejected(attempt->token, tokenHandler(attempt));
        return;
    }
    if (ReplyPolicy::shouldRetry(attempt->request, result.status, retryAfter, attempt->retries,
                                 m_maxRetries)) {
        ++attempt->retries;
        qCInfo(lcApi) << "Waiting" << retryAfter << "s as the service asked (HTTP" << result.status
                      << ")";
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
        qCInfo(lcApi) << attempt->request.method << attempt->request.path
                      << "failed:" << result.error.httpStatus << result.error.message;
    attempt->done(result);
}

} // namespace clipshelf
