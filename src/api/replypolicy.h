#pragma once

#include "api/apierror.h"

#include <QUrl>

class QNetworkReply;

namespace clipshelf {

struct ApiRequest;

/// How ApiClient judges an answer: where it may follow, what failed, when to try again.
class ReplyPolicy
{
public:
    /// Longest Retry-After (seconds) that is waited out; a longer one fails at once.
    static constexpr int MaxRetryAfterSeconds = 60;

    /// Same scheme, host (case-insensitive) and port (default ports filled in).
    static bool sameOrigin(const QUrl &a, const QUrl &b);
    /// The error of a reply that got no HTTP answer (or was aborted) in plain words.
    static ApiError transportError(QNetworkReply *reply, bool crossOriginRedirect, qint64 maxBytes);
    /// True when a 429/503 answer to \a request is waited out (\a retries done so far) and
    /// sent again; \a retryAfter is the Retry-After in seconds (-1: none or unreadable).
    static bool shouldRetry(const ApiRequest &request, int status, int retryAfter, int retries,
                            int maxRetries);
};

} // namespace clipshelf
