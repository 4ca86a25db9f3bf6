#pragma once

#include "api/apierror.h"

#include <QString>
#include <QUrl>

namespace clipshelf::cli {

/// Command-specific words for API errors, e.g. "There is no video 42."
struct ApiWording
{
    QString notFound; ///< for 404
    QString conflict; ///< for 409 and 412 (a generic sentence is used when empty)
};

/// The exit code for an API error: its Problem's row in exitcodes.h (session
/// problems 3, unreachable 4, server trouble 5, 404 6, 409/412 7, anything else 1).
int exitCodeFor(const ApiError &error);

/// One clear sentence for stderr; \a apiUrl names the service when it was unreachable.
QString describeApiError(const ApiError &error, const QUrl &apiUrl, const ApiWording &wording = {});

} // namespace clipshelf::cli
