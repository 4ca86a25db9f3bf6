#include "auth/signinflow.h"

#include "auth/idtokenvalidator.h"
#include "auth/loopbacklistener.h"
#include "auth/oidcdiscovery.h"
#include "auth/pkce.h"
#include "auth/tokenclient.h"
#include "core/logging.h"
#include "core/randomtoken.h"

#include <QJsonObject>
#include <QUrlQuery>

namespace clipshelf {

namespace {

/// How a failed code exchange counts for the exit code.
SignInFlow::Failure failureOf(const TokenError &error)
{
    switch (error.kind) {
    case TokenError::Kind::Transient:
        return error.httpStatus == 0 ? SignInFlow::Failure::Unreachable
                                     : SignInFlow::Failure::ServerError;
    case TokenError::Kind::Tls:
        return SignInFlow::Failure::Unreachable;
    case TokenError::Kind::Malformed:
        return SignInFlow::Failure::ServerError;
    case TokenError::Kind::InvalidGrant:
    case TokenError::Kind::Rejected:
        break;
    }
    return SignInFlow::Failure::Other;
}

/// A profile without a name goes by its email address.
void fillMissingName(UserProfile &profile)
{
    if (profile.name.isEmpty())
        profile.name = profile.email;
}

} // namespace

SignInFlow::SignInFlow(const Config &config, QNetworkAccessManager *nam, TokenClient *tokens,
                       QObject *parent)
    : QObject(parent), m_config(config), m_nam(nam), m_tokens(tokens)
{
    m_timeoutTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, [this] {
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count();
        fail(seconds >= 120
                 ? tr("Sign-in timed out: nothing came back from the browser within %1 minutes.")
                       .arg(seconds / 60)
                 : tr("Sign-in timed out: nothing came back from the browser within %1 seconds.")
                       .arg(seconds));
    });
}

SignInFlow::~SignInFlow()
{
    if (m_listener)
        m_listener->close();
}

QString SignInFlow::redirectUri() const
{
    return m_listener ? m_listener->redirectUri() : QString();
}

int SignInFlow::remainingMs() const
{
    return m_timeoutTimer.isActive() ? m_timeoutTimer.remainingTime() : 0;
}

void SignInFlow::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    emit stageChanged(stage);
}

void SignInFlow::start()
{
    Q_ASSERT(m_stage == Stage::Idle);
    const QString missing = m_config.missingForSignIn();
    if (!missing.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this, missing] { fail(missing); }, Qt::QueuedConnection);
        return;
    }
    setStage(Stage::Discovering);
    auto *discovery = new OidcDiscovery(m_nam, this);
    connect(
        discovery, &OidcDiscovery::finished, this,
        [this, discovery](const std::optional<ProviderMetadata> &metadata, const QString &error) {
            discovery->deleteLater();
            if (m_stage != Stage::Discovering)
                return; // cancelled meanwhile
            if (!metadata)
                fail(error, discovery->httpStatus() == 0     ? Failure::Unreachable
                            : discovery->httpStatus() >= 500 ? Failure::ServerError
                                                             : Failure::Other);
            else
                onDiscovered(*metadata);
        });
    discovery->fetch(m_config.issuer());
}

void SignInFlow::onDiscovered(const ProviderMetadata &metadata)
{
    m_metadata = metadata;
    m_tokens->setMetadata(metadata);

    m_listener = new LoopbackListener(this);
    QString error;
    if (!m_listener->listen(m_config.redirectPorts(), &error)) {
        fail(error);
        return;
    }
    m_state = randomtoken::urlSafe(32);
    m_nonce = randomtoken::urlSafe(32);
    m_verifier = pkce::makeVerifier();
    m_listener->setExpectedState(m_state);
    m_listener->setExpectedIssuer(metadata.issuer, metadata.issParameterSupported);
    connect(m_listener, &LoopbackListener::codeReceived, this, &SignInFlow::onCode);
    connect(m_listener, &LoopbackListener::errorReceived, this,
            [this](const QString &message) { fail(message); });

    m_authorizationUrl = buildAuthorizationUrl();
    setStage(Stage::WaitingForBrowser);
    m_timeoutTimer.start(m_timeout);
    qCInfo(lcAuth) << "Waiting for the browser:" << logging::redactUrl(m_authorizationUrl);
    emit authorizationUrlReady(m_authorizationUrl);
}

QUrl SignInFlow::buildAuthorizationUrl() const
{
    QUrl url = m_metadata.authorizationEndpoint;
    QUrlQuery query(url); // keep parameters the endpoint URL already has
    auto add = [&query](const QString &key, const QString &value) {
        query.removeAllQueryItems(key);
        query.addQueryItem(QString::fromUtf8(QUrl::toPercentEncoding(key)),
                           QString::fromUtf8(QUrl::toPercentEncoding(value)));
    };
    for (const auto &[key, value] : m_config.authParams())
        add(key, value);
    add(QStringLiteral("response_type"), QStringLiteral("code"));
    add(QStringLiteral("client_id"), m_config.clientId());
    add(QStringLiteral("redirect_uri"), m_listener->redirectUri());
    add(QStringLiteral("scope"), m_config.scopes().join(' '));
    add(QStringLiteral("state"), QString::fromLatin1(m_state));
    add(QStringLiteral("nonce"), QString::fromLatin1(m_nonce));
    add(QStringLiteral("code_challenge"), QString::fromLatin1(pkce::challengeS256(m_verifier)));
    add(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    if (!m_config.resource().isEmpty())
        add(QStringLiteral("resource"), m_config.resource());
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

void SignInFlow::onCode(const QString &code)
{
    if (m_stage != Stage::WaitingForBrowser)
        return;
    m_timeoutTimer.stop();
    setStage(Stage::Completing);
    const QByteArray verifier = std::exchange(m_verifier, QByteArray()); // used once
    m_tokens->exchangeCode(code, verifier, m_listener->redirectUri(), m_config.resource(),
                           [self = QPointer<SignInFlow>(this)](const TokenResponse *response,
                                                               const TokenError *error) {
                               if (!self || self->m_stage != Stage::Completing)
                                   return;
                               if (error)
                                   self->fail(error->kind == TokenError::Kind::InvalidGrant
                                                  ? tr("The provider did not accept the sign-in "
                                                       "code. Please try again.")
                                                  : error->message,
                                              failureOf(*error));
                               else
                                   self->onTokens(*response);
                           });
}

void SignInFlow::onTokens(const TokenResponse &response)
{
    Session session;
    session.accessToken = response.accessToken;
    session.tokenType = response.tokenType;
    session.refreshToken = response.refreshToken;
    session.idToken = response.idToken;
    session.scope = response.scope;
    session.accessTokenReceivedAt = response.receivedAt;
    session.accessTokenExpiry =
        response.expiresIn >= 0 ? response.receivedAt.addSecs(response.expiresIn) : QDateTime();

    if (response.idToken.isEmpty()) {
        fail(tr("The provider sent no ID token; make sure the \"openid\" scope is allowed."));
        return;
    }
    IdTokenValidator::Expectations expect;
    expect.issuer = m_metadata.issuer;
    expect.clientId = m_config.clientId();
    expect.nonce = QString::fromLatin1(std::exchange(m_nonce, QByteArray())); // used once
    // Judged by the provider's clock when it tells it: this computer's may be off.
    if (response.providerDate.isValid())
        expect.now = response.providerDate;
    // The signature first (the keys may need fetching), then the claims.
    IdTokenValidator::check(
        m_tokens->signingKeys(), m_metadata.jwksUri, response.idToken, expect,
        [self = QPointer<SignInFlow>(this), session](const IdTokenValidator::Checked &checked) {
            if (!self || self->m_stage != Stage::Completing)
                return; // cancelled meanwhile
            if (checked.failure != IdTokenValidator::Failure::None)
                self->fail(checked.error);
            else
                self->onIdTokenValid(session, checked.claims);
        });
}

void SignInFlow::onIdTokenValid(Session session, const QJsonObject &claims)
{
    session.profile.subject = claims.value(QStringLiteral("sub")).toString();
    session.profile.issuer = m_metadata.issuer;
    session.profile.name = claims.value(QStringLiteral("name")).toString();
    session.profile.email = claims.value(QStringLiteral("email")).toString();
    session.profile.pictureUrl = claims.value(QStringLiteral("picture")).toString();

    // Storing the tokens (slow: the keychain) may start now, alongside userinfo;
    // as finishWithProfile() would complete it without a userinfo profile.
    Session announced = session;
    fillMissingName(announced.profile);
    emit tokensReceived(announced);
    if (m_stage != Stage::Completing)
        return; // cancelled meanwhile
    // The ID token may lack profile claims (Clerk, Google put some only in userinfo).
    m_tokens->fetchUserInfo(session.accessToken, [self = QPointer<SignInFlow>(this), session](
                                                     const QJsonObject &info, const QString &) {
        if (self && self->m_stage == Stage::Completing)
            self->finishWithProfile(session, info);
    });
}

void SignInFlow::finishWithProfile(Session session, const QJsonObject &userinfo)
{
    if (!userinfo.isEmpty()) {
        if (userinfo.value(QStringLiteral("sub")).toString() != session.profile.subject) {
            fail(tr("The provider's profile belongs to another account than the sign-in. "
                    "Sign-in stopped for your safety."));
            return;
        }
        auto fill = [&userinfo](QString &field, const char *claim) {
            const QString v = userinfo.value(QLatin1String(claim)).toString();
            if (!v.isEmpty())
                field = v;
        };
        fill(session.profile.name, "name");
        fill(session.profile.email, "email");
        fill(session.profile.pictureUrl, "picture");
    } else {
        // oidc-provider refuses API-audience tokens at userinfo: the ID token is enough.
        qCInfo(lcAuth) << "No userinfo profile; using the ID token's claims";
    }
    fillMissingName(session.profile);
    setStage(Stage::Finished);
    m_listener->finish(true, tr("You can close this tab and return to Clipshelf."));
    qCInfo(lcAuth) << "Signed in";
    emit succeeded(session);
}

void SignInFlow::fail(const QString &message, Failure failure)
{
    if (m_stage == Stage::Finished)
        return;
    m_failure = failure;
    m_timeoutTimer.stop();
    setStage(Stage::Finished);
    if (m_listener)
        m_listener->finish(false, message);
    qCWarning(lcAuth) << "Sign-in failed:" << message;
    emit failed(message);
}

void SignInFlow::cancel()
{
    if (m_stage == Stage::Finished)
        return;
    m_timeoutTimer.stop();
    setStage(Stage::Finished);
    if (m_listener)
        m_listener->finish(false, tr("Sign-in was cancelled in Clipshelf."));
    emit cancelled();
}

} // namespace clipshelf
