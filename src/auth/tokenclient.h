#pragma once

#include "auth/providermetadata.h"
#include "core/problem.h"

#include <functional>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUrlQuery>

class QNetworkAccessManager;
class QNetworkReply;

namespace clipshelf {

class JwksCache;

/// A successful token endpoint response.
struct TokenResponse
{
    QString accessToken;
    QString tokenType;
    QString refreshToken; ///< empty when the provider sent none (keep the old one)
    QString idToken;
    QString scope;
    int expiresIn = -1;     ///< seconds, -1 when absent
    QDateTime receivedAt;   ///< local receipt time, UTC: expiry counts from here
    QDateTime providerDate; ///< the provider's clock (its Date header); invalid when absent
};

/// Why a token endpoint call failed; the kinds drive what the session does next.
struct TokenError
{
    enum class Kind {
        InvalidGrant, ///< code or refresh token rejected: the session is over
        Rejected,     ///< another OAuth error (invalid_client, …): a configuration problem
        Transient,    ///< network, timeout, 5xx, 429: try again later
        Tls,          ///< certificate problem: fatal, never retried insecurely
        Malformed,    ///< the response makes no sense
    };
    Kind kind = Kind::Transient;
    QString oauthError; ///< e.g. "invalid_grant"
    QString message;    ///< plain words for the user
    int httpStatus = 0;
    int retryAfterSeconds = -1;
    /// For a transport failure (no HTTP answer): what kind it was (unreachable, timeout, TLS, …).
    Problem::Kind transport = Problem::Kind::None;

    /// The same failure as a Problem of the sign-in service (Problem::Source::Provider).
    Problem toProblem() const;
};

/**
 * Talks to the provider's token, revocation and userinfo endpoints. Bodies are
 * form-encoded by hand so that '+', '/', '=' and '%' in codes and tokens reach
 * the provider intact (and each value is encoded exactly once).
 */
class TokenClient : public QObject
{
    Q_OBJECT
public:
    using TokenCallback = std::function<void(const TokenResponse *, const TokenError *)>;

    TokenClient(QNetworkAccessManager *nam, QString clientId, QString clientSecret,
                QObject *parent = nullptr);

    void setMetadata(const ProviderMetadata &metadata) { m_metadata = metadata; }
    const ProviderMetadata &metadata() const { return m_metadata; }
    void setTimeout(int ms) { m_timeoutMs = ms; }
    /// The provider's signing keys (for ID tokens), shared by sign-in and refresh.
    JwksCache *signingKeys() const { return m_signingKeys; }
    /// The most a whole request may take, however slowly the answer trickles in.
    void setDeadline(int ms) { m_deadlineMs = ms; }

    void exchangeCode(const QString &code, const QByteArray &verifier, const QString &redirectUri,
                      const QString &resource, TokenCallback done);
    void refresh(const QString &refreshToken, const QString &resource, TokenCallback done);
    /// RFC 7009; \a done(true) also when the provider has no revocation endpoint.
    void revoke(const QString &token, const QString &tokenTypeHint, std::function<void(bool)> done);
    /// GET userinfo with the access token; nullopt-like empty object on failure.
    void fetchUserInfo(const QString &accessToken, std::function<void(QJsonObject, QString)> done);

    /// application/x-www-form-urlencoded, every key and value percent-encoded once.
    static QByteArray formEncode(const QList<QPair<QString, QString>> &fields);
    /// Parses a token endpoint reply body; exposed for unit tests.
    static bool parseTokenResponse(int httpStatus, const QByteArray &body, TokenResponse *out,
                                   TokenError *error);

private:
    void postForm(const QUrl &url, QList<QPair<QString, QString>> fields, TokenCallback done);
    void addClientAuthentication(QList<QPair<QString, QString>> &fields) const;

    QNetworkAccessManager *m_nam;
    QString m_clientId;
    QString m_clientSecret;
    ProviderMetadata m_metadata;
    JwksCache *m_signingKeys;
    int m_timeoutMs = 30'000;
    int m_deadlineMs;
};

} // namespace clipshelf
