#include "auth/tokenclient.h"

#include "core/httpdate.h"
#include "core/logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace clipshelf {

namespace {

TokenError transportError(QNetworkReply *reply)
{
    TokenError e;
    const auto code = reply->error();
    if (code == QNetworkReply::SslHandshakeFailedError) {
        e.kind = TokenError::Kind::Tls;
        e.message = QObject::tr("The provider's certificate could not be verified, so Clipshelf "
                                "refused to send anything to it.");
    } else if (code == QNetworkReply::OperationCanceledError || code == QNetworkReply::TimeoutError) {
        e.message = QObject::tr("The provider did not answer in time.");
    } else {
        e.message = QObject::tr("The provider could not be reached: %1").arg(reply->errorString());
    }
    return e;
}

} // namespace

TokenClient::TokenClient(QNetworkAccessManager *nam, QString clientId, QString clientSecret,
                         QObject *parent)
    : QObject(parent), m_nam(nam), m_clientId(std::move(clientId)),
      m_clientSecret(std::move(clientSecret))
{
}

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
        const QString description = o.value(QStringLiteral("error_description")).toString();
        // The status class first: a 5xx or 429 is the provider's trouble whatever its
        // body says; only a 400/401 invalid_grant (RFC 6749 5.2) ends the session.
        if (httpStatus >= 500 || httpStatus == 429) {
            error->kind = TokenError::Kind::Transient;
            error->message = QObject::tr("The provider is having trouble (HTTP %1).").arg(httpStatus);
        } else if (error->oauthError == QLatin1String("invalid_grant") &&
                   (httpStatus == 400 || httpStatus == 401)) {
            error->kind = TokenError::Kind::InvalidGrant;
            error->message = QObject::tr("Your session has ended — please sign in again.");
        } else if (!error->oauthError.isEmpty()) {
            error->kind = TokenError::Kind::Rejected;
            error->message = QObject::tr("The provider refused the request: %1%2")
                                 .arg(error->oauthError,
                                      description.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(description));
        } else {
            error->kind = TokenError::Kind::Malformed;
            error->message = QObject::tr("The provider answered HTTP %1 without an explanation.").arg(httpStatus);
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
    const QJsonValue expires = o.value(QStringLiteral("expires_in"));
    // Some providers send expires_in as a string; both are accepted.
    out->expiresIn = expires.isDouble() ? expires.toInt(-1)
                     : expires.isString() ? expires.toString().toInt()
                                          : -1;
    out->receivedAt = QDateTime::currentDateTimeUtc();
    if (out->accessToken.isEmpty()) {
        error->kind = TokenError::Kind::Malformed;
        error->message = QObject::tr("The provider's token response has no access token.");
        return false;
    }
    if (out->tokenType.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0) {
        error->kind = TokenError::Kind::Malformed;
        error->message = QObject::tr("The provider issued a \"%1\" token; Clipshelf needs a Bearer token.")
                             .arg(out->tokenType);
        return false;
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

void TokenClient::postForm(const QUrl &url, QList<QPair<QString, QString>> fields, TokenCallback done)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    // A token request is never redirected: the body carries secrets.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_nam->post(request, formEncode(fields));
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        TokenResponse response;
        TokenError error;
        if (status == 0) {
            error = transportError(reply);
            done(nullptr, &error);
            return;
        }
        if (parseTokenResponse(status, reply->readAll(), &response, &error)) {
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
        QMetaObject::invokeMethod(this, [done] { done(true); }, Qt::QueuedConnection);
        return;
    }
    QList<QPair<QString, QString>> fields = {{QStringLiteral("token"), token},
                                             {QStringLiteral("token_type_hint"), tokenTypeHint}};
    addClientAuthentication(fields);
    QNetworkRequest request(m_metadata.revocationEndpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(10'000);
    QNetworkReply *reply = m_nam->post(request, formEncode(fields));
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
        QMetaObject::invokeMethod(this, [done] { done({}, tr("The provider has no userinfo endpoint.")); },
                                  Qt::QueuedConnection);
        return;
    }
    QNetworkRequest request(m_metadata.userinfoEndpoint);
    request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_nam->get(request);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        if (status != 200 || o.isEmpty()) {
            done({}, tr("The provider's userinfo endpoint answered HTTP %1.").arg(status));
            return;
        }
        done(o, {});
    });
}

} // namespace clipshelf
