#pragma once

#include "auth/session.h"
#include "core/config.h"
#include "core/problem.h"

#include <functional>
#include <memory>
#include <QDateTime>
#include <QObject>

class QNetworkAccessManager;

namespace clipshelf {

class TokenClient;
struct TokenResponse;

/**
 * One refresh at the provider: finds its token endpoint when not known yet,
 * presents the refresh token, and checks the answer's ID token against the
 * signed-in account. Where the session is kept, who waits for it and when to
 * try again are the SessionManager's business.
 */
class TokenRefresher : public QObject
{
    Q_OBJECT
public:
    /// How a refresh ended.
    struct Outcome
    {
        enum Kind {
            Renewed, ///< session holds the new tokens (not stored yet)
            Failed,  ///< try again later: message, httpStatus (0: unreachable), retryAfterSeconds
            Ended,   ///< the provider ended the session, or answered for another account
        };
        Kind kind = Failed;
        Session session;
        QString message;
        int httpStatus = 0;
        int retryAfterSeconds = -1;
        Problem problem; ///< for Failed: what it was (TLS, offline, the provider's trouble, …)

        static Outcome renewed(const Session &session) { return {Renewed, session, {}, 0, -1, {}}; }
        static Outcome ended(const QString &why) { return {Ended, {}, why, 0, -1, {}}; }
        static Outcome failed(const Problem &problem, const QString &why, int httpStatus = 0,
                              int retryAfterSeconds = -1)
        {
            return {Failed, {}, why, httpStatus, retryAfterSeconds, problem};
        }
    };
    using Callback = std::function<void(const Outcome &)>;

    TokenRefresher(const Config &config, QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~TokenRefresher() override;

    TokenClient *tokenClient() const { return m_tokens.get(); }
    /// Refreshes \a base's tokens; \a done runs once (not after this object is gone).
    void refresh(const Session &base, Callback done);

private:
    void onResponse(const Session &base, const TokenResponse &response, const Callback &done);

    Config m_config;
    QNetworkAccessManager *m_nam;
    std::unique_ptr<TokenClient> m_tokens;
    QDateTime m_refreshSentAt; ///< when the current refresh request left: expiry counts from here
};

} // namespace clipshelf
