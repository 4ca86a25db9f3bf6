#pragma once

#include "api/apitypes.h"
#include "settings/avatarimage.h"

#include <optional>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariantMap>

namespace clipshelf {

class ApiClient;
class LibraryCache;
class Outbox;
class OutboxReplayer;
struct ApiError;
struct ApiResult;
struct OutboxEntry;

/**
 * The profile part of the settings page: who the user is (GET /me, cached for
 * offline starts) and their picture: fetched into the cache, or chosen,
 * scaled and previewed here, then uploaded (or removed) through the outbox.
 */
class AccountProfile : public QObject
{
    Q_OBJECT
public:
    AccountProfile(ApiClient *api, LibraryCache *cache, Outbox *outbox, OutboxReplayer *replayer,
                   QObject *parent = nullptr);

    const UserInfo &me() const { return m_me; }
    /// file:// of the picture shown (the cached one, or a preview being uploaded); empty when none.
    QUrl avatarUrl() const { return m_avatarUrl; }

    /// Whose profile is shown: answers are cached only while the cache belongs to them.
    void setOwner(const QString &sub) { m_owner = sub; }
    /// Shows the cached profile and picture (when the cache is the owner's).
    void loadCache();
    /// GET /me, and the picture when it changed.
    void reload();
    /// Forgets the profile shown (another user).
    void clear() { m_me = UserInfo(); }
    /// Forgets profile, picture and preview (sign out and forget this device).
    void forget();

    /// {ok, previewUrl (file:// of the scaled image), width, height, bytes, message}
    QVariantMap prepare(const QUrl &localFile);
    /// Queues the prepared picture as \a owner's; "" when queued, else what went wrong.
    QString upload(const QString &owner);
    /// Queues removing \a owner's picture.
    void remove(const QString &owner);

    /// A queued picture change reached the server.
    void onSaved(const OutboxEntry &entry, const ApiResult &result);
    /// The server refused a picture change: the cached picture shows again.
    void onRefused();

signals:
    void profileChanged();
    void avatarUrlChanged();
    /// +1 when a request starts, -1 when it ends.
    void busyDelta(int delta);

private:
    void fetchAvatar();
    void setAvatarFile(const QString &path);

    QPointer<ApiClient> m_api;
    LibraryCache *m_cache;
    QPointer<Outbox> m_outbox;
    QPointer<OutboxReplayer> m_replayer;
    QString m_owner;
    UserInfo m_me;
    QUrl m_avatarUrl;
    std::optional<PreparedAvatar> m_prepared;
    QString m_preparedPath;
};

} // namespace clipshelf
