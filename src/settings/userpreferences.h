#pragma once

#include "api/apitypes.h"
#include "settings/settingsedits.h"

#include <functional>
#include <QObject>
#include <QPointer>

namespace clipshelf {

class ApiClient;
class LibraryCache;
class Outbox;
class OutboxReplayer;
struct ApiError;
struct ApiResult;

/**
 * The user's settings (display name, theme, language, notifications): the
 * server's (GET /settings, with its ETag; cached for offline starts) with
 * every queued change on top. A change shows at once and goes through the
 * outbox as a JSON merge patch; a refusal rolls it back and says why.
 */
class UserPreferences : public QObject
{
    Q_OBJECT
public:
    /// \a queueOwner: whose changes are queued and shown (the signed-in user, else the cache's
    /// owner).
    UserPreferences(ApiClient *api, LibraryCache *cache, Outbox *outbox, OutboxReplayer *replayer,
                    std::function<QString()> queueOwner, QObject *parent = nullptr);

    /// What is shown: the server's settings plus queued changes.
    const UserSettings &shown() const { return m_settings; }
    /// True once the server's settings arrived in this run.
    bool serverLoaded() const { return m_serverLoaded; }
    /// Whose settings are shown: answers are cached only while the cache belongs to them.
    void setOwner(const QString &sub) { m_owner = sub; }
    /// Forgets the server's settings (another user, or forget-this-device); call rebuild() after.
    void clear();
    /// Takes the cached settings (when the cache is the owner's); call rebuild() after.
    void loadCache();
    /// GET /settings; reloaded() follows.
    void reload();
    /// Recomputes what is shown, with a signal for each part that changed.
    void rebuild();
    /// Queues \a edit (or says its error).
    void apply(const settingsedits::Edit &edit);
    /// A queued settings patch reached the server with \a result.
    void onSaved(const ApiResult &result);
    /// The server refused a queued settings patch.
    void onRefused(const ApiError &error);

signals:
    void displayNameChanged();
    void themeChanged();
    void languageChanged();
    void notificationsChanged();
    /// Something to tell the user ("" clears it).
    void message(const QString &text);
    /// +1 when a request starts, -1 when it ends.
    void busyDelta(int delta);
    void reloaded();
    /// The settings changed elsewhere: everything is to be loaded again.
    void reloadWanted();

private:
    void patch(const QJsonObject &patch);

    QPointer<ApiClient> m_api;
    LibraryCache *m_cache;
    QPointer<Outbox> m_outbox;
    QPointer<OutboxReplayer> m_replayer;
    std::function<QString()> m_queueOwner;
    QString m_owner;
    UserSettings m_server;       ///< what the server last said
    UserSettings m_settings;     ///< what is shown: the server's plus queued changes
    bool m_serverLoaded = false; ///< the server's settings arrived in this run
};

} // namespace clipshelf
