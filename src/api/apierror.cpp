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

ApiError ApiError::fromHttp(int status, const QByteArray &body, int retryAfterSeconds)
{
    ApiError e;
    e.httpStatus = status;
    e.retryAfterSeconds = retryAfterSeconds;
    e.body = QJsonDocument::fromJson(body).object();
    const QString detail = e.body.value(QStringLiteral("detail")).toString();
    auto tr = [](const char *text) { return QCoreApplication::translate("clipshelf::ApiError", text); };
    switch (status) {
    case 401: e.kind = Unauthorized; e.message = tr("The server no longer accepts your sign-in."); break;
    case 403: e.kind = Forbidden; e.message = tr("You are not allowed to do that."); break;
    case 404: e.kind = NotFound; e.message = tr("It no longer exists — it may have been deleted elsewhere."); break;
    case 409: e.kind = Conflict; e.message = tr("That conflicts with something already saved."); break;
    case 412: e.kind = PreconditionFailed; e.message = tr("It was changed elsewhere in the meantime."); break;
    case 413: e.kind = TooLarge; e.message = tr("That is too large."); break;
    case 415: e.kind = UnsupportedType; e.message = tr("That kind of file is not supported."); break;
    case 422: e.kind = Validation; e.message = tr("Some of what you entered was not accepted."); break;
    case 429: e.kind = RateLimited; e.message = tr("Too many requests — please wait a moment."); break;
    default:
        if (status >= 500) {
            e.kind = Server;
            e.message = tr("The Clipshelf service is having trouble (HTTP %1).").arg(status);
        } else {
            e.kind = BadRequest;
            e.message = tr("The request was refused (HTTP %1).").arg(status);
        }
    }
    if (!detail.isEmpty() && status != 401)
        e.message = detail;
    for (const QJsonValue &v : e.body.value(QStringLiteral("errors")).toArray()) {
        const QJsonObject o = v.toObject();
        e.fields.append({o.value(QStringLiteral("field")).toString(), o.value(QStringLiteral("message")).toString()});
    }
    return e;
}

} // namespace clipshelf
