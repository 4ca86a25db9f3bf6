#pragma once

#include "settings/activitylistmodel.h"
#include "settings/apikeylistmodel.h"

#include <QObject>
#include <QPointer>

namespace clipshelf {

class ApiClient;
class SessionManager;

/**
 * The security part of the settings page: API keys (list, create, revoke)
 * and recent account activity. Not queued in the outbox: a key's secret is
 * shown once, so creating one needs the service now. The secret goes to
 * apiKeyCreated() and nowhere else (not the model, not a log, not the disk).
 */
class AccountSecurity : public QObject
{
    Q_OBJECT
public:
    AccountSecurity(ApiClient *api, SessionManager *sessions, QObject *parent = nullptr);

    ApiKeyListModel *apiKeys() const { return m_apiKeys; }
    ActivityListModel *activity() const { return m_activity; }

    void reloadKeys();
    void reloadActivity();
    void createApiKey(const QString &name);
    void revokeApiKey(const QString &id);
    void clear();

signals:
    void apiKeyCreated(const QString &name, const QString &secret);
    void apiKeyFailed(const QString &message);
    void apiKeyRevoked(const QString &id);
    /// Something to tell the person (a revocation failed, …).
    void message(const QString &text);
    /// +1 when a request starts, -1 when it ends.
    void busyDelta(int delta);

private:
    bool canCall() const;

    QPointer<ApiClient> m_api;
    QPointer<SessionManager> m_sessions;
    ApiKeyListModel *m_apiKeys;
    ActivityListModel *m_activity;
};

} // namespace clipshelf
