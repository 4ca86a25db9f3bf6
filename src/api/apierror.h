#pragma once

#include "core/problem.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace clipshelf {

/// A field the API refused (422), e.g. {"field": "url", "message": "…"}.
struct FieldError
{
    QString field;
    QString message;
};

/// What went wrong with an API call, typed so the UI can react and explain.
struct ApiError
{
    enum Kind {
        None,
        Network, ///< no connection, DNS, refused, reset
        Timeout,
        Tls,                ///< certificate problem: never bypassed
        SessionEnded,       ///< not signed in, or the provider ended the session
        Unauthorized,       ///< 401 even after a refresh
        Forbidden,          ///< 403 (e.g. insufficient_scope): no refresh helps
        NotFound,           ///< 404
        Conflict,           ///< 409 (body may hold the existing resource)
        PreconditionFailed, ///< 412: changed elsewhere
        Validation,         ///< 422 with per-field errors
        TooLarge,           ///< 413
        UnsupportedType,    ///< 415
        BadRequest,         ///< other 4xx
        RateLimited,        ///< 429
        Server,             ///< 5xx
        Redirected,         ///< a redirect to another origin, not followed
        BadResponse,        ///< the body is not what the contract says
    };
    Kind kind = None;
    int httpStatus = 0;
    QString message;          ///< plain words for the user
    QList<FieldError> fields; ///< for Validation
    QJsonObject body;         ///< the error body as sent (409 carries the existing video)
    int retryAfterSeconds = -1;
    /// The lower layer's problem behind this error (a refresh's TLS failure, …); None when
    /// the API call itself failed. toProblem() hands it on unchanged.
    Problem origin;

    bool isError() const { return kind != None; }
    /// True when trying again later may work (network, timeout, 429, 5xx).
    bool isTransient() const;
    /// The message for \a field, or "".
    QString fieldMessage(const QString &field) const;

    /// The one problem this error is, for the UI and the CLI: origin when set, else by kind.
    Problem toProblem() const;

    /// Classifies an HTTP error answer; \a body is the API's {"detail": …} JSON.
    static ApiError fromHttp(int status, const QByteArray &body, int retryAfterSeconds);
};

} // namespace clipshelf
