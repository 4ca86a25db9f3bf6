#include "api/apierror.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace clipshelf {

bool ApiError::isTransient() const
{
    return kind == Network || kind == Timeout || kind == RateLimited || kind == Server;
}

QString ApiError::fieldMessage(const QString &field) const
{
    for (const FieldError &f : fields) {
        if (f.field == field)
            return f.message;
    }
    return {};
}

Problem ApiError::toProblem() const
{
    if (origin.isError())
        return origin;
    using K = Problem::Kind;
    K k = K::None;
    switch (kind) {
    case None:
        return {};
    case Network:
        k = K::NetworkUnreachable;
        break;
    case Timeout:
        k = K::Timeout;
        break;
    case Tls:
        k = K::TlsFailure;
        break;
    case Redirected:
        k = K::Redirected;
        break;
    case SessionEnded:
        k = K::SignedOut;
        break;
    case Unauthorized:
        k = K::SessionExpired;
        break;
    case Forbidden:
        k = K::Forbidden;
        break;
    case NotFound:
        k = K::NotFound;
        break;
    case Conflict:
    case PreconditionFailed:
        k = K::Conflict;
        break;
    case Validation:
    case TooLarge:
    case UnsupportedType:
    case BadRequest:
        k = K::InvalidInput;
        break;
    case RateLimited:
        k = K::RateLimited;
        break;
    case Server:
        k = K::ServerError;
        break;
    case BadResponse:
        k = K::UnexpectedAnswer;
        break;
    }
    Problem p(k);
    p.setHttpStatus(httpStatus).setRetryAfterSeconds(retryAfterSeconds).setDetail(message);
    if (k == K::InvalidInput) {
        // The first refused field is the inline error; the service's words are shown as sent.
        // (413 and 415 carry our own words, not the service's: the kind's text says it.)
        const FieldError first = fields.value(0);
        const bool serverWords = kind == Validation || kind == BadRequest;
        p.setField(first.field)
            .setServerMessage(!first.message.isEmpty() ? first.message
                              : serverWords            ? message
                                                       : QString());
    }
    return p;
}

ApiError ApiError::fromHttp(int status, const QByteArray &body, int retryAfterSeconds)
{
    ApiError e;
    e.httpStatus = status;
    e.retryAfterSeconds = retryAfterSeconds;
    e.body = QJsonDocument::fromJson(body).object();
    const QString detail = e.body.value(QStringLiteral("detail")).toString().trimmed();
    auto tr = [](const char *text) {
        return QCoreApplication::translate("clipshelf::ApiError", text);
    };
    for (const QJsonValue &v : e.body.value(QStringLiteral("errors")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString message = o.value(QStringLiteral("message")).toString();
        if (!message.isEmpty())
            e.fields.append({o.value(QStringLiteral("field")).toString(), message});
    }
    // The server's detail where it has one, except where our words are clearer
    // about what the person can do (401, 413, 415, 431: no server jargon).
    bool useDetail = true;
    switch (status) {
    case 401:
        e.kind = Unauthorized;
        e.message = tr("The server no longer accepts your sign-in.");
        useDetail = false;
        break;
    case 403:
        e.kind = Forbidden;
        e.message = tr("You are not allowed to do that.");
        break;
    case 404:
        e.kind = NotFound;
        e.message = tr("It no longer exists — it may have been deleted elsewhere.");
        break;
    case 409:
        e.kind = Conflict;
        e.message = tr("That conflicts with something already saved.");
        break;
    case 412:
        e.kind = PreconditionFailed;
        e.message = tr("It was changed elsewhere in the meantime.");
        break;
    case 413:
        e.kind = TooLarge;
        e.message = tr("That is too large for the Clipshelf service.");
        useDetail = false;
        break;
    case 415:
        e.kind = UnsupportedType;
        e.message = tr("That kind of file is not supported.");
        useDetail = false;
        break;
    case 422:
        e.kind = Validation;
        e.message = tr("Some of what you entered was not accepted.");
        break;
    case 429:
        e.kind = RateLimited;
        e.message =
            retryAfterSeconds > 0
                ? tr("Too many requests — please try again in %1 seconds.").arg(retryAfterSeconds)
                : tr("Too many requests — please wait a moment.");
        break;
    case 431:
        e.kind = TooLarge;
        e.message =
            tr("The request was too large for the Clipshelf service; signing in again may help.");
        useDetail = false;
        break;
    default:
        if (status >= 500) {
            e.kind = Server;
            e.message = retryAfterSeconds > 0
                            ? tr("The Clipshelf service is busy — please try again in %1 seconds.")
                                  .arg(retryAfterSeconds)
                            : tr("The Clipshelf service is having trouble (HTTP %1).").arg(status);
        } else {
            // A 400 that names fields is a validation answer like 422 (the contract allows both).
            e.kind = e.fields.isEmpty() ? BadRequest : Validation;
            e.message = tr("The request was refused (HTTP %1).").arg(status);
        }
    }
    if (useDetail && !detail.isEmpty())
        e.message = detail;
    return e;
}

} // namespace clipshelf
