#include "auth/tokenrefresher.h"

#include "auth/idtokenvalidator.h"
#include "auth/oidcdiscovery.h"
#include "auth/tokenclient.h"
#include "core/logging.h"

#include <QCoreApplication>
#include <QPointer>

namespace clipshelf {

TokenRefresher::TokenRefresher(const Config &config, QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent), m_config(config), m_nam(nam),
      m_tokens(std::make_unique<TokenClient>(nam, config.clientId(), config.clientSecret()))
{}

TokenRefresher::~TokenRefresher() = default;

void TokenRefresher::refresh(const Session &base, Callback done)
{
    auto go = [this, base, done] {
        m_refreshSentAt = QDateTime::currentDateTimeUtc();
        m_tokens->refresh(
            base.refreshToken, m_config.resource(),
            [this, base, done](const TokenResponse *response, const TokenError *error) {
                if (response) {
                    onResponse(base, *response, done);
                } else if (error->kind == TokenError::Kind::InvalidGrant) {
                    done(Outcome::ended(error->message));
                } else {
                    qCWarning(lcAuth) << "Refresh failed; will retry:" << error->message;
                    done(Outcome::failed(error->toProblem(), error->message, error->httpStatus,
                                         error->retryAfterSeconds));
                }
            });
    };
    if (!m_tokens->metadata().tokenEndpoint.isEmpty()) {
        go();
        return;
    }
    auto *discovery = new OidcDiscovery(m_nam, this);
    connect(discovery, &OidcDiscovery::finished, this,
            [this, discovery, go, done](const std::optional<ProviderMetadata> &metadata,
                                        const QString &error) {
                discovery->deleteLater();
                if (!metadata) {
                    Problem unreachable(Problem::Kind::NetworkUnreachable,
                                        Problem::Source::Provider);
                    unreachable.setDetail(error);
                    done(Outcome::failed(unreachable, error));
                    return;
                }
                m_tokens->setMetadata(*metadata);
                go();
            });
    discovery->fetch(m_config.issuer());
}

void TokenRefresher::onResponse(const Session &base, const TokenResponse &response,
                                const Callback &done)
{
    Session next = base;
    next.accessToken = response.accessToken;
    next.tokenType = response.tokenType;
    // expires_in counts from when the provider issued the token, which is
    // after the request left and before the answer arrived: the earlier bound is safe.
    const QDateTime issued = m_refreshSentAt.isValid()
                                 ? std::min(m_refreshSentAt, response.receivedAt)
                                 : response.receivedAt;
    next.accessTokenReceivedAt = issued;
    next.accessTokenExpiry =
        response.expiresIn >= 0 ? issued.addSecs(response.expiresIn) : QDateTime();
    if (!response.refreshToken.isEmpty()) // no new one: the old one stays valid
        next.refreshToken = response.refreshToken;
    if (!response.scope.isEmpty())
        next.scope = response.scope;
    if (response.idToken.isEmpty()) {
        done(Outcome::renewed(next));
        return;
    }
    IdTokenValidator::Expectations expect;
    expect.issuer = base.profile.issuer;
    expect.clientId = m_config.clientId();
    expect.subject = base.profile.subject;
    // The provider's tokens are judged by the provider's clock (its Date header), not the API's.
    expect.now =
        response.providerDate.isValid() ? response.providerDate : QDateTime::currentDateTimeUtc();
    IdTokenValidator::check(
        m_tokens->signingKeys(), m_tokens->metadata().jwksUri, response.idToken, expect,
        [self = QPointer(this), next, expect, done,
         idToken = response.idToken](const IdTokenValidator::Checked &checked) mutable {
            if (!self)
                return;
            using Failure = IdTokenValidator::Failure;
            Failure failure = checked.failure;
            QString unused;
            if (failure == Failure::KeysUnavailable) // the claims can still tell another account
                IdTokenValidator::validate(idToken, expect, &unused, &failure);
            if (failure == Failure::Refused) {
                qCWarning(lcAuth) << "Refresh returned an ID token that was refused:"
                                  << checked.error;
                const auto parts = JwtParts::decode(idToken);
                const bool sameAccount =
                    parts &&
                    parts->claims.value(QStringLiteral("sub")).toString() == expect.subject &&
                    parts->claims.value(QStringLiteral("iss")).toString() == expect.issuer;
                // The messages keep the SessionManager's translation context (they were its own).
                done(Outcome::ended(
                    sameAccount
                        ? QCoreApplication::translate(
                              "clipshelf::SessionManager",
                              "Your session has ended because the provider's answer could not be "
                              "trusted — please sign in again.")
                        : QCoreApplication::translate(
                              "clipshelf::SessionManager",
                              "Your session has ended because the provider answered for another "
                              "account — please sign in again.")));
                return;
            }
            if (checked.failure == Failure::None) {
                next.idToken = idToken;
            } else {
                // Its times (or the keys to check it) are the only problem: keep the session and
                // the new tokens (the rotated refresh token must not be lost), not this ID token.
                // The next refresh checks again.
                qCWarning(lcAuth) << "Keeping the session without the refreshed ID token:"
                                  << checked.error;
            }
            done(Outcome::renewed(next));
        });
}

} // namespace clipshelf
