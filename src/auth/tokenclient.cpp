#include "auth/tokenclient.h"

#include "auth/jwkscache.h"
#include "core/boundedreply.h"
#include "core/httpdate.h"
#include "core/logging.h"
#include "core/providertext.h"
#include "core/tokensyntax.h"

#include <cmath>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace clipshelf {

namespace {

/// The longest access-token lifetime accepted (one year); more is a broken answer.
constexpr double kMaxExpiresInSeconds = 366.0 * 24 * 3600;

TokenError transportError(QNetworkReply *reply)
{
    TokenError e;
    const auto code = reply->error();
    if (const auto bound = BoundedReply::failure(reply); bound != BoundedReply::Failure::None) {
        e.kind = bound == BoundedReply::Failure::TooLarge ? TokenError::Kind::Malformed
                                                          : TokenError::Kind::Transient;
        e.transport = bound == BoundedReply::Failure::TooLarge ? Problem::Kind::UnexpectedAnswer
                                                               : Problem::Kind::Timeout;
        e.message = BoundedReply::message(bound, QObject::tr("the provider"), limits::kTokenBytes);
    } else if (code == QNetworkReply::SslHandshakeFailedError) {
        e.kind = TokenError::Kind::Tls;
        e.transport = Problem::Kind::TlsFailure;
        e.message = QObject::tr("The provider's certificate could not be verified, so Clipshelf "
                                "refused to send anything to it.");
    } else if (code == QNetworkReply::OperationCanceledError ||
               code == QNetworkReply::TimeoutError) {
        e.message = QObject::tr("The provider did not answer in time.");
        e.transport = Problem::Kind::Timeout;
    } else {
        e.transport = Problem::Kind::NetworkUnreachable;
        e.message = QObject::tr("The provider could not be reached: %1").arg(reply->errorString());
    }
    return e;
}

} // namespace

Problem TokenError::toProblem() const
{
    using K = Problem::Kind;
    K k = transport;
    if (k == K::None) {
        switch (kind) {
        case Kind::InvalidGrant:
            k = K::SessionExpired;
            break;
        case Kind::Rejected:
            k = K::ProviderRefused;
            break;
        case Kind::Transient:
            k = httpStatus == 429 ? K::RateLimited : K::ProviderError;
            break;
        case Kind::Tls:
            k = K::TlsFailure;
            break;
        case Kind::Malformed:
            k = K::UnexpectedAnswer;
            break;
        }
    }
    Problem p(k, Problem::Source::Provider);
    p.setHttpStatus(httpStatus).setRetryAfterSeconds(retryAfterSeconds).setDetail(message);
    if (!oauthError.isEmpty())
        p.setServerMessage(oauthError);
    return p;
}

TokenClient::TokenClient(QNetworkAccessManager *nam, QString clientId, QString clientSecret,
                         QObject *parent)
    : QObject(parent), m_nam(nam), m_clientId(std::move(clientId)),
      m_clientSecret(std::move(clientSecret)), m_signingKeys(new JwksCache(nam, this)),
      m_deadlineMs(limits::kProviderDeadlineMs)
{}

QByteArray TokenClient::formEncode(const QList<QPair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &[key, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

bool TokenClient::parseTokenResponse(int httpStatus, const QByteArray &body, TokenResponse *out,
                                     TokenError *error)
{
    QJsonParseError parseError{};
    const QJsonObject o = QJsonDocument::fromJson(body, &parseError).object();
    if (httpStatus != 200) {
        error->httpStatus = httpStatus;
        error->oauthError = o.value(QStringLiteral("error")).toString();
        // Provider text is shown as one plain, short line.
        error->oauthError = providertext::plain(error->oauthError, 64);
        const QString description =
            providertext::plain(o.value(QStringLiteral("error_description")).toString());
        // The status class first: a 5xx or 429 is the provider's trouble whatever its
        // body says; only a 400/401 invalid_grant (RFC 6749 5.2) ends the session.
        if (httpStatus >= 500 || httpStatus == 429) {
            error->kind = TokenError::Kind::Transient;
            error->message =
                QObject::tr("The provider is having trouble (HTTP %1).").arg(httpStatus);
        } else if (error->oauthError == QLatin1String("invalid_grant") &&
                   (httpStatus == 400 || httpStatus == 401)) {
            error->kind = TokenError::Kind::InvalidGrant;
            error->message = QObject::tr("Your session has ended — please sign in again.");
        } else if (!error->oauthError.isEmpty()) {
            error->kind = TokenError::Kind::Rejected;
            error->message =
                QObject::tr("The provider refused the request: %1%2")
                    .arg(error->oauthError, description.isEmpty()
                                                ? QString()
                                                : QStringLiteral(" (%1)").arg(description));
        } else {
            error->kind = TokenError::Kind::Malformed;
            error->message = QObject::tr("The provider answered HTTP %1 without an explanation.")
                                 .arg(httpStatus);
        }
        return false;
    }
    if (parseError.error != QJsonParseError::NoError) {
        error->kind = TokenError::Kind::Malformed;
        error->message = QObject::tr("The provider's token response is not JSON.");
        return false;
    }
    out->accessToken = o.value(QStringLiteral("access_token")).toString();
    out->tokenType = o.value(QStringLiteral("token_type")).toString();
    out->refreshToken = o.value(QStringLiteral("refresh_token")).toString();
    out->idToken = o.value(QStringLiteral("id_token")).toString();
    out->scope = o.value(QStringLiteral("scope")).toString();
    out->receivedAt = QDateTime::currentDateTimeUtc();
    auto refuse = [error](const QString &message) {
        error->kind = TokenError::Kind::Malformed;
        error->message = message;
        return false;
    };
    if (out->accessToken.isEmpty())
        return refuse(QObject::tr("The provider's token response has no access token."));
    // Never stored or sent: too large for a header, or characters (CR LF) that could forge one.
    for (const QString *token : {&out->accessToken, &out->refreshToken, &out->idToken}) {
        if (token->size() > tokensyntax::kMaxTokenLength)
            return refuse(QObject::tr(
                "The provider sent a token larger than 16 KiB, which Clipshelf refuses."));
    }
    if (!tokensyntax::isB64Token(out->accessToken) ||
        (!out->refreshToken.isEmpty() && !tokensyntax::isVisibleAscii(out->refreshToken)) ||
        (!out->idToken.isEmpty() && !tokensyntax::isVisibleAscii(out->idToken)))
        return refuse(
            QObject::tr("The provider sent a token with characters that are not allowed in one, "
                        "so Clipshelf refused it."));
    // expires_in (RFC 6749 5.1): a non-negative whole number of seconds, or absent (unknown).
    const QJsonValue expires = o.value(QStringLiteral("expires_in"));
    out->expiresIn = -1;
    if (!expires.isUndefined() && !expires.isNull()) {
        const double seconds = expires.toDouble(-1);
        if (!expires.isDouble() || !(seconds >= 0) || seconds > kMaxExpiresInSeconds ||
            seconds != std::floor(seconds))
            return refuse(
                QObject::tr("The provider's token response has an invalid expires_in: it must be a "
                            "whole number of seconds."));
        out->expiresIn = int(seconds);
    }
    if (out->tokenType.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0) {
        return refuse(
            QObject::tr("The provider issued a \"%1\" token; Clipshelf needs a Bearer token.")
                .arg(providertext::plain(out->tokenType, 40)));
    }
    out->tokenType = QStringLiteral("Bearer");
    return true;
}

void TokenClient::addClientAuthentication(QList<QPair<QString, QString>> &fields) const
{
    fields.append({QStringLiteral("client_id"), m_clientId});
    // Google's desktop clients want their (not really secret) secret in the body.
    if (!m_clientSecret.isEmpty())
        fields.append({QStringLiteral("client_secret"), m_clientSecret});
}

void TokenClient::exchangeCode(const QString &code, const QByteArray &verifier,
                               const QString &redirectUri, const QString &resource,
                               TokenCallback done)
{
    QList<QPair<QString, QString>> fields = {
        {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
        {QStringLiteral("code"), code},
        {QStringLiteral("redirect_uri"), redirectUri},
        {QStringLiteral("code_verifier"), QString::fromLatin1(verifier)},
    };
    if (!resource.isEmpty())
        fields.append({QStringLiteral("resource"), resource});
    addClientAuthentication(fields);
    postForm(m_metadata.tokenEndpoint, fields, std::move(done));
}

void TokenClient::refresh(const QString &refreshToken, const QString &resource, TokenCallback done)
{
    QList<QPair<QString, QString>> fields = {
        {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
        {QStringLiteral("refresh_token"), refreshToken},
    };
    if (!resource.isEmpty())
        fields.append({QStringLiteral("resource"), resource});
    addClientAuthentication(fields);
    postForm(m_metadata.tokenEndpoint, fields, std::move(done));
}

void TokenClient::postForm(const QUrl &url, QList<QPair<QString, QString>> fields,
                           TokenCallback done)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    // A token request is never redirected: the body carries secrets.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_nam->post(request, formEncode(fields));
    BoundedReply::bound(reply, limits::kTokenBytes, m_deadlineMs);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        TokenResponse response;
        TokenError error;
        if (status == 0 || BoundedReply::failure(reply) != BoundedReply::Failure::None) {
            error = transportError(reply);
            done(nullptr, &error);
            return;
        }
        if (parseTokenResponse(status, reply->readAll(), &response, &error)) {
            response.providerDate = parseHttpDate(reply->rawHeader("Date"));
            done(&response, nullptr);
            return;
        }
        if (error.kind == TokenError::Kind::Transient)
            error.retryAfterSeconds = retryAfterSeconds(reply->rawHeader("Retry-After"));
        qCWarning(lcAuth) << "Token endpoint refused: HTTP" << status << error.oauthError;
        done(nullptr, &error);
    });
}

void TokenClient::revoke(const QString &token, const QString &tokenTypeHint,
                         std::function<void(bool)> done)
{
    if (m_metadata.revocationEndpoint.isEmpty() || token.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [done] { done(true); }, Qt::QueuedConnection);
        return;
    }
    QList<QPair<QString, QString>> fields = {{QStringLiteral("token"), token},
                                             {QStringLiteral("token_type_hint"), tokenTypeHint}};
    addClientAuthentication(fields);
    QNetworkRequest request(m_metadata.revocationEndpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(10'000);
    QNetworkReply *reply = m_nam->post(request, formEncode(fields));
    BoundedReply::bound(reply, limits::kTokenBytes, m_deadlineMs);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200)
            qCWarning(lcAuth) << "Revocation did not succeed: HTTP" << status << reply->error();
        done(status == 200);
    });
}

void TokenClient::fetchUserInfo(const QString &accessToken,
                                std::function<void(QJsonObject, QString)> done)
{
    if (m_metadata.userinfoEndpoint.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [done] { done({}, tr("The provider has no userinfo endpoint.")); },
            Qt::QueuedConnection);
        return;
    }
    const QByteArray authorization = tokensyntax::bearerHeader(accessToken);
    if (authorization.isEmpty()) { // never put a malformed token into a header
        QMetaObject::invokeMethod(
            this, [done] { done({}, tr("The access token is not valid.")); }, Qt::QueuedConnection);
        return;
    }
    QNetworkRequest request(m_metadata.userinfoEndpoint);
    request.setRawHeader("Authorization", authorization);
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_nam->get(request);
    BoundedReply::bound(reply, limits::kUserinfoBytes, m_deadlineMs);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (const auto bound = BoundedReply::failure(reply); bound != BoundedReply::Failure::None) {
            done({}, BoundedReply::message(bound, tr("the provider"), limits::kUserinfoBytes));
            return;
        }
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        if (status != 200 || o.isEmpty()) {
            done({}, tr("The provider's userinfo endpoint answered HTTP %1.").arg(status));
            return;
        }
        done(o, {});
    });
}

} // namespace clipshelf
