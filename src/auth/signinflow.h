#pragma once

#include "auth/providermetadata.h"
#include "auth/session.h"
#include "core/config.h"

#include <chrono>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

namespace clipshelf {

class LoopbackListener;
class TokenClient;

/**
 * One browser sign-in attempt, start to finish: discovery, the loopback
 * listener, the authorization URL (PKCE S256, state, nonce), the code
 * exchange, ID-token validation and the profile. Emits exactly one of
 * succeeded(), failed() or cancelled(), then is done; make a new one to retry.
 */
class SignInFlow : public QObject
{
    Q_OBJECT
public:
    enum class Stage { Idle, Discovering, WaitingForBrowser, Completing, Finished };
    Q_ENUM(Stage)
    /// Why an attempt failed, as far as the exit code of the CLI cares.
    enum class Failure {
        Other,       ///< refused, cancelled, timed out, or an answer that is not safe to use
        Unreachable, ///< the provider could not be reached (network, TLS)
        ServerError, ///< the provider answered 5xx or 429, or nonsense
    };
    Q_ENUM(Failure)

    SignInFlow(const Config &config, QNetworkAccessManager *nam, TokenClient *tokens,
               QObject *parent = nullptr);
    ~SignInFlow() override;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void start();
    void cancel();

    Stage stage() const { return m_stage; }
    QUrl authorizationUrl() const { return m_authorizationUrl; }
    QString redirectUri() const;
    /// Milliseconds until the attempt times out while waiting for the browser.
    int remainingMs() const;
    const ProviderMetadata &metadata() const { return m_metadata; }
    /// Why the attempt failed, once failed() was emitted.
    Failure failure() const { return m_failure; }

signals:
    void stageChanged(Stage stage);
    /// The URL to open in the browser; the listener is ready for the redirect.
    void authorizationUrlReady(const QUrl &url);
    /// The code exchange succeeded and the ID token is valid: \a session holds the
    /// tokens and the ID token's profile. The userinfo profile may still amend it,
    /// and the attempt may still fail: succeeded() or failed() follows. Lets the
    /// caller start storing the tokens while the profile is fetched.
    void tokensReceived(const Session &session);
    void succeeded(const Session &session);
    void failed(const QString &message);
    void cancelled();

private:
    void setStage(Stage stage);
    void onDiscovered(const ProviderMetadata &metadata);
    void onCode(const QString &code);
    void onTokens(const struct TokenResponse &response);
    void onIdTokenValid(Session session, const QJsonObject &claims);
    void finishWithProfile(Session session, const QJsonObject &userinfo);
    void fail(const QString &message, Failure failure = Failure::Other);
    QUrl buildAuthorizationUrl() const;

    Config m_config;
    QNetworkAccessManager *m_nam;
    TokenClient *m_tokens;
    ProviderMetadata m_metadata;
    QPointer<LoopbackListener> m_listener;
    QTimer m_timeoutTimer;
    std::chrono::milliseconds m_timeout{5 * 60 * 1000};
    Stage m_stage = Stage::Idle;
    Failure m_failure = Failure::Other;
    QUrl m_authorizationUrl;
    // Per-attempt secrets: each is used once and never leaves this object except
    // inside the authorization URL (state, nonce, challenge) or the token request.
    QByteArray m_state;
    QByteArray m_nonce;
    QByteArray m_verifier;
};

} // namespace clipshelf
