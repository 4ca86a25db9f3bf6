#pragma once

#include "api/apirequest.h"
#include "api/tokensource.h"

#include <functional>
#include <memory>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace clipshelf {

class ReplyWatchdog;

/**
 * Sends every API request: adds a fresh bearer token from its TokenSource,
 * sets timeouts, refuses to follow redirects to another origin (the token
 * must never leave the API's origin), refreshes once on a 401 invalid_token
 * and replays, waits as told by Retry-After on 429/503 for retriable
 * requests (ReplyPolicy), and turns every failure into an ApiError. What the answers say
 * about the network (reachable or not, the API's clock) goes out as signals.
 */
class ApiClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const ApiResult &)>;

    /// \a tokens may be null (anonymous requests only); when it is a QObject,
    /// its destruction is noticed (requests then fail as "not signed in").
    ApiClient(const QUrl &baseUrl, TokenSource *tokens, QNetworkAccessManager *nam,
              QObject *parent = nullptr);
    ~ApiClient() override;

    QUrl baseUrl() const { return m_base; }
    /// The full URL of \a path under the base URL.
    QUrl urlFor(const QString &path, const QUrlQuery &query = {}) const;
    /// How many times a 429/503 is waited out before giving up (default 2).
    void setMaxRetries(int retries) { m_maxRetries = retries; }

    /// Sends \a request; \a done runs once, unless \a context is destroyed first.
    void send(ApiRequest request, QObject *context, Callback done);
    /// A request without authentication (/health, /timer).
    void sendAnonymous(ApiRequest request, QObject *context, Callback done);

signals:
    /// A request reached the service (true) or failed at the network level (false).
    void reachabilityNoted(bool reachable);
    /// An answer carried the service's clock (its Date header).
    void serverTimeNoted(const QDateTime &serverNow);

private:
    struct Attempt;
    void start(std::shared_ptr<Attempt> attempt);
    /// Continues \a attempt once a token (or the reason there is none) is known.
    TokenSource::TokenCallback tokenHandler(std::shared_ptr<Attempt> attempt);
    /// The token source, or null when there is none or it is gone.
    TokenSource *tokens() const;
    void transmit(std::shared_ptr<Attempt> attempt, const QString &token);
    void onFinished(std::shared_ptr<Attempt> attempt, QNetworkReply *reply);
    void complete(const std::shared_ptr<Attempt> &attempt, const ApiResult &result);

    QUrl m_base;
    QString m_basePath;   ///< the base URL's path without trailing slashes
    bool m_plainHttpBase; ///< http to another computer: no token is ever sent there
    TokenSource *m_tokens;
    QPointer<QObject> m_tokensObject; ///< m_tokens as a QObject (if it is one), to notice its end
    bool m_tokensIsObject;
    QNetworkAccessManager *m_nam;
    std::unique_ptr<ReplyWatchdog> m_watchdog; ///< timeouts of the replies without a body to send
    int m_maxRetries = 2;
};

} // namespace clipshelf
