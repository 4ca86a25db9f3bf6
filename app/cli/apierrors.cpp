#include "apierrors.h"

#include "exitcodes.h"

#include <QCoreApplication>
#include <QStringList>

namespace clipshelf::cli {

namespace {

QString withoutFullStop(QString text)
{
    text = text.trimmed();
    while (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

QString fieldList(const ApiError &error)
{
    QStringList parts;
    for (const FieldError &f : error.fields)
        parts << (f.field.isEmpty()
                      ? withoutFullStop(f.message)
                      : QStringLiteral("%1: %2").arg(f.field, withoutFullStop(f.message)));
    return parts.join(QStringLiteral("; "));
}

} // namespace

int exitCodeFor(const ApiError &error)
{
    return exitCodeFor(error.toProblem().kind());
}

QString describeApiError(const ApiError &error, const QUrl &apiUrl, const ApiWording &wording)
{
    const QString where = apiUrl.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    switch (error.kind) {
    case ApiError::SessionEnded:
    case ApiError::Unauthorized:
        return QStringLiteral("%1; run `clipshelf-cli login` to sign in again.")
            .arg(withoutFullStop(error.message));
    case ApiError::Network: {
        // The API client words transport failures for the app ("You appear to be offline: …");
        // the terminal gets the reason with the address that could not be reached.
        const QString prefix =
            QCoreApplication::translate("ApiError", "You appear to be offline: %1").arg(QString());
        if (error.httpStatus == 0 && error.message.startsWith(prefix))
            return QStringLiteral("Could not reach the Clipshelf API at %1: %2.")
                .arg(where, withoutFullStop(error.message.mid(prefix.size())));
        return withoutFullStop(error.message) + QLatin1Char('.');
    }
    case ApiError::Timeout:
        return QStringLiteral("The Clipshelf API at %1 did not answer in time.").arg(where);
    case ApiError::NotFound:
        if (!wording.notFound.isEmpty())
            return wording.notFound;
        break;
    case ApiError::Conflict:
        if (!wording.conflict.isEmpty())
            return wording.conflict;
        break;
    case ApiError::PreconditionFailed:
        if (!wording.conflict.isEmpty())
            return wording.conflict;
        return QStringLiteral(
            "It was changed elsewhere in the meantime and nothing was saved; try again.");
    case ApiError::Validation:
        if (!error.fields.isEmpty())
            return QStringLiteral("The service did not accept it: %1.").arg(fieldList(error));
        break;
    case ApiError::RateLimited:
        return error.retryAfterSeconds > 0
                   ? QStringLiteral("Too many requests; try again in %1 seconds.")
                         .arg(error.retryAfterSeconds)
                   : QStringLiteral("Too many requests; try again in a moment.");
    default:
        break;
    }
    return withoutFullStop(error.message) + QLatin1Char('.');
}

} // namespace clipshelf::cli
