#pragma once

#include "api/apiclient.h"
#include "api/apitypes.h"
#include "settings/accountprofile.h"
#include "settings/accountsecurity.h"
#include "storage/outbox.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariantMap>

namespace clipshelf {

class LibraryCache;
class UserPreferences;
class OutboxReplayer;
class SessionManager;

/**
 * The settings page: profile (display name, avatar), appearance (theme,
 * language), notifications, API keys and recent activity.
 *
 * Every change shows at once and is sent with If-Match through the outbox
 * (so it waits offline or while the session has ended). A 412 reloads and
 * says the settings changed elsewhere; any other refusal rolls the value back
 * and says why. The settings and the profile are cached for offline starts;
 * an API key's secret is handed to apiKeyCreated() once and kept nowhere.
 */
class SettingsController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString displayName READ displayName NOTIFY displayNameChanged)
    Q_PROPERTY(QString email READ email NOTIFY profileChanged)
    Q_PROPERTY(QUrl avatarUrl READ avatarUrl NOTIFY avatarUrlChanged)
    Q_PROPERTY(bool hasAvatar READ hasAvatar NOTIFY avatarUrlChanged)
    Q_PROPERTY(QString theme READ theme NOTIFY themeChanged)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    Q_PROPERTY(bool emailDigest READ emailDigest NOTIFY notificationsChanged)
    Q_PROPERTY(bool productUpdates READ productUpdates NOTIFY notificationsChanged)
    Q_PROPERTY(bool securityAlerts READ securityAlerts NOTIFY notificationsChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(int pendingChanges READ pendingChanges NOTIFY pendingChangesChanged)
    Q_PROPERTY(QAbstractListModel *apiKeys READ apiKeys CONSTANT)
    Q_PROPERTY(QAbstractListModel *activity READ activity CONSTANT)

public:
    SettingsController(ApiClient *api, SessionManager *sessions, LibraryCache *cache,
                       Outbox *outbox, OutboxReplayer *replayer, QObject *parent = nullptr);

    QString displayName() const { return settings().displayName; }
    QString email() const { return m_profile->me().email; }
    QUrl avatarUrl() const { return m_profile->avatarUrl(); }
    bool hasAvatar() const { return !avatarUrl().isEmpty(); }
    QString theme() const { return settings().theme; }
    QString language() const { return settings().language; }
    bool emailDigest() const { return settings().notifications.emailDigest; }
    bool productUpdates() const { return settings().notifications.productUpdates; }
    bool securityAlerts() const { return settings().notifications.securityAlerts; }
    bool isBusy() const { return m_busy > 0; }
    QString message() const { return m_message; }
    int pendingChanges() const;
    QAbstractListModel *apiKeys() const { return m_security->apiKeys(); }
    QAbstractListModel *activity() const { return m_security->activity(); }
    ApiKeyListModel *apiKeyModel() const { return m_security->apiKeys(); }
    ActivityListModel *activityModel() const { return m_security->activity(); }
    /// The settings as last known (with the ETag).
    const UserSettings &settings() const;

    /// Shows the cached settings and profile, then reloads when signed in (call once).
    void start();
    /// Forgets everything shown (sign out and forget this device).
    void forgetLocalData();
    /// GET /settings, /me (and the avatar), /api-keys, /activity.
    Q_INVOKABLE void reload();
    Q_INVOKABLE void setDisplayName(const QString &name);
    /// "system", "light" or "dark".
    Q_INVOKABLE void setTheme(const QString &theme);
    /// "en" or "de".
    Q_INVOKABLE void setLanguage(const QString &language);
    /// \a key: email_digest, product_updates or security_alerts.
    Q_INVOKABLE void setNotification(const QString &key, bool on);
    /// {ok, previewUrl (file:// of the scaled image), width, height, bytes, message}
    Q_INVOKABLE QVariantMap prepareAvatar(const QUrl &localFile);
    Q_INVOKABLE void uploadPreparedAvatar();
    Q_INVOKABLE void removeAvatar();
    Q_INVOKABLE void createApiKey(const QString &name);
    Q_INVOKABLE void revokeApiKey(const QString &id);
    Q_INVOKABLE void reloadActivity();
    Q_INVOKABLE void clearMessage();

signals:
    void displayNameChanged();
    void profileChanged();
    void avatarUrlChanged();
    void themeChanged();
    void languageChanged();
    void notificationsChanged();
    void busyChanged();
    void messageChanged();
    void pendingChangesChanged();
    /// Shown once; Clipshelf keeps the secret nowhere.
    void apiKeyCreated(const QString &name, const QString &secret);
    void apiKeyFailed(const QString &message);
    void apiKeyRevoked(const QString &id);
    /// A settings change reached the server.
    void saved();
    /// reload() finished (ok or not).
    void reloaded();

private:
    void onSessionChanged();
    void loadCache();
    void setMessage(const QString &message);
    void busyDelta(int delta);
    void setOwner(const QString &sub);
    void onEntrySucceeded(const OutboxEntry &entry, const ApiResult &result);
    void onEntryRejected(const OutboxEntry &entry, const ApiError &error);
    QString owner() const;

    QPointer<ApiClient> m_api;
    QPointer<SessionManager> m_sessions;
    LibraryCache *m_cache;
    QPointer<Outbox> m_outbox;
    QPointer<OutboxReplayer> m_replayer;
    AccountSecurity *m_security;    ///< API keys and activity
    AccountProfile *m_profile;      ///< who the user is, and their picture
    UserPreferences *m_preferences; ///< display name, theme, language, notifications
    QString m_owner;                ///< whose settings are shown
    int m_busy = 0;
    QString m_message;
};

} // namespace clipshelf
