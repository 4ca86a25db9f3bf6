#pragma once

#include "core/problem.h"

#include <functional>
#include <optional>
#include <QString>

namespace clipshelf {

/// Why no access token could be had.
struct TokenProblem
{
    enum Kind {
        Transient, ///< network, timeout, 5xx, 429: the session goes on; try later
        Ended,     ///< not signed in, or the provider ended the session
    };
    Kind kind = Transient;
    QString message;
    /// For Transient: the provider's HTTP status (5xx, 429), or 0 when it could not be reached.
    int httpStatus = 0;
    /// What it was (TLS, offline, the provider's trouble, …), carried up to the UI and the CLI.
    Problem problem = {};
};

/**
 * Where ApiClient gets the access token for its bearer header: the API layer's
 * only view of the session (the SessionManager in auth implements it).
 */
class TokenSource
{
public:
    /// Receives either a token (problem empty) or a problem.
    using TokenCallback =
        std::function<void(const QString &accessToken, std::optional<TokenProblem>)>;

    virtual ~TokenSource() = default;

    /// Hands a valid access token (refreshing first if needed) or the problem to \a done.
    virtual void withAccessToken(TokenCallback done) = 0;
    /// The API answered 401 invalid_token for \a rejectedToken: \a done gets a
    /// replacement (once refreshed) or the problem.
    virtual void tokenRejected(const QString &rejectedToken, TokenCallback done) = 0;
};

} // namespace clipshelf
