#include "settings/accountsecurity.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "auth/sessionmanager.h"

#include <QJsonArray>

namespace clipshelf {

AccountSecurity::AccountSecurity(ApiClient *api, SessionManager *sessions, QObject *parent)
    : QObject(parent), m_api(api), m_sessions(sessions), m_apiKeys(new ApiKeyListModel(this)),
      m_activity(new ActivityListModel(this))
{}

bool AccountSecurity::canCall() const
{
    return m_api && m_sessions && m_sessions->isActive();
}

void AccountSecurity::clear()
{
    m_apiKeys->setKeys({});
    m_activity->setEvents({});
}

void AccountSecurity::reloadKeys()
{
    if (!canCall())
        return;
    emit busyDelta(+1);
    m_api->send(endpoints::listApiKeys(), this, [this](const ApiResult &result) {
        emit busyDelta(-1);
        if (!result.ok())
            return;
        QList<ApiKeyInfo> keys;
        for (const QJsonValue &v : result.json().value(QLatin1String("api_keys")).toArray())
            keys.append(ApiKeyInfo::fromJson(v.toObject()));
        m_apiKeys->setKeys(keys);
    });
}

void AccountSecurity::reloadActivity()
{
    if (!canCall())
        return;
    m_api->send(endpoints::activity(), this, [this](const ApiResult &result) {
        if (!result.ok())
            return;
        QList<ActivityEvent> events;
        for (const QJsonValue &v : result.json().value(QLatin1String("events")).toArray())
            events.append(ActivityEvent::fromJson(v.toObject()));
        m_activity->setEvents(events);
    });
}

void AccountSecurity::createApiKey(const QString &name)
{
    const QString clean = name.trimmed();
    if (clean.isEmpty() || clean.size() > 100) {
        emit apiKeyFailed(tr("Give the key a name of 1 to 100 characters."));
        return;
    }
    if (!canCall()) {
        emit apiKeyFailed(tr("Sign in to create API keys."));
        return;
    }
    emit busyDelta(+1);
    // The secret exists only in this answer: it goes to the signal and nowhere else.
    m_api->send(
        endpoints::createApiKey(clean, endpoints::newIdempotencyKey()), this,
        [this](const ApiResult &result) {
            emit busyDelta(-1);
            if (!result.ok()) {
                const ApiError &e = result.error;
                emit apiKeyFailed(
                    e.isTransient()
                        ? tr("The key was not created because Clipshelf could not reach the "
                             "service. Try again when you are online.")
                    : e.fields.isEmpty() ? e.message
                                         : e.fields.constFirst().message);
                return;
            }
            ApiKeyInfo key = ApiKeyInfo::fromJson(result.json());
            const QString secret = std::exchange(key.secret, QString());
            QList<ApiKeyInfo> keys = m_apiKeys->keys();
            keys.prepend(key);
            m_apiKeys->setKeys(keys);
            emit apiKeyCreated(key.name, secret);
            reloadActivity();
        });
}

void AccountSecurity::revokeApiKey(const QString &id)
{
    if (!canCall()) {
        emit message(tr("Sign in to revoke API keys."));
        return;
    }
    emit busyDelta(+1);
    m_api->send(endpoints::revokeApiKey(id), this, [this, id](const ApiResult &result) {
        emit busyDelta(-1);
        if (result.ok() || result.error.kind == ApiError::NotFound) { // 404: already gone
            m_apiKeys->remove(id);
            emit apiKeyRevoked(id);
            reloadActivity();
            return;
        }
        emit message(tr("The key could not be revoked: %1").arg(result.error.message));
    });
}

} // namespace clipshelf
