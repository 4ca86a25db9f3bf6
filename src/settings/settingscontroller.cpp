#include "settings/settingscontroller.h"

#include "api/endpoints.h"
#include "auth/sessionmanager.h"
#include "core/logging.h"
#include "sync/outboxreplayer.h"
#include "storage/librarycache.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>

namespace clipshelf {

namespace {

const QStringList kThemes{QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
const QStringList kLanguages{QStringLiteral("en"), QStringLiteral("de")};
const QStringList kNotifications{QStringLiteral("email_digest"), QStringLiteral("product_updates"),
                                 QStringLiteral("security_alerts")};

/// JSON merge patch (RFC 7396) of \a patch onto \a target.
QJsonObject merged(QJsonObject target, const QJsonObject &patch)
{
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        if (it.value().isObject())
            target.insert(it.key(), merged(target.value(it.key()).toObject(), it.value().toObject()));
        else
            target.insert(it.key(), it.value());
    }
    return target;
}

} // namespace

SettingsController::SettingsController(ApiClient *api, SessionManager *sessions, LibraryCache *cache, Outbox *outbox,
                                       OutboxReplayer *replayer, QObject *parent)
    : QObject(parent), m_api(api), m_sessions(sessions), m_cache(cache), m_outbox(outbox), m_replayer(replayer),
      m_security(new AccountSecurity(api, sessions, this))
{
    connect(m_security, &AccountSecurity::apiKeyCreated, this, &SettingsController::apiKeyCreated);
    connect(m_security, &AccountSecurity::apiKeyFailed, this, &SettingsController::apiKeyFailed);
    connect(m_security, &AccountSecurity::apiKeyRevoked, this, &SettingsController::apiKeyRevoked);
    connect(m_security, &AccountSecurity::message, this, &SettingsController::setMessage);
    connect(m_security, &AccountSecurity::busyDelta, this, &SettingsController::busyDelta);
    connect(replayer, &OutboxReplayer::entrySucceeded, this, &SettingsController::onEntrySucceeded);
    connect(replayer, &OutboxReplayer::entryRejected, this, &SettingsController::onEntryRejected);
    connect(replayer, &OutboxReplayer::settingsEtagChanged, this, [this](const QString &etag) { m_server.etag = etag; });
    connect(replayer, &OutboxReplayer::backOnline, this, &SettingsController::reload);
    connect(replayer, &OutboxReplayer::entryDeferred, this, [this](const OutboxEntry &entry, const ApiError &) {
        if (entry.kind == OutboxEntry::PutAvatar || entry.kind == OutboxEntry::DeleteAvatar)
            busyDelta(m_busy > 0 ? -1 : 0);   // it waits in the outbox
    });
    connect(outbox, &Outbox::changed, this, &SettingsController::pendingChangesChanged);
    connect(sessions, &SessionManager::sessionChanged, this, &SettingsController::onSessionChanged);
}

QString SettingsController::owner() const
{
    return m_sessions && m_sessions->isActive() ? m_sessions->session().profile.subject : m_owner;
}

int SettingsController::pendingChanges() const
{
    if (!m_outbox)
        return 0;
    int n = 0;
    for (const OutboxEntry &e : m_outbox->entriesFor(owner()))
        n += e.isVideoChange() ? 0 : 1;
    return n;
}

void SettingsController::start()
{
    m_owner = m_sessions->isActive() ? m_sessions->session().profile.subject : m_cache->ownerSub();
    loadCache();
    reload();
}

void SettingsController::onSessionChanged()
{
    if (!m_sessions->isActive())
        return;
    const QString sub = m_sessions->session().profile.subject;
    if (sub == m_owner) {
        if (!m_serverLoaded)
            reload();   // the session was restored after the cache was shown
        return;         // else: a token refresh
    }
    m_owner = sub;
    m_serverLoaded = false;
    m_server = UserSettings();
    m_me = UserInfo();
    m_security->clear();
    loadCache();
    reload();
}

void SettingsController::loadCache()
{
    if (m_cache->ownerSub() != m_owner)
        return;
    if (const auto cached = m_cache->settings()) {
        m_server = *cached;
        if (m_replayer->settingsEtag().isEmpty())
            m_replayer->setSettingsEtag(cached->etag);
    }
    if (const auto me = m_cache->me()) {
        m_me = *me;
        emit profileChanged();
    }
    setAvatarFile(m_cache->avatarPath());
    rebuildOptimistic();
}

void SettingsController::forgetLocalData()
{
    m_owner.clear();
    m_serverLoaded = false;
    m_server = UserSettings();
    m_me = UserInfo();
    m_prepared.reset();
    if (!m_preparedPath.isEmpty())
        QFile::remove(m_preparedPath);
    m_preparedPath.clear();
    m_security->clear();
    setAvatarFile({});
    emit profileChanged();
    rebuildOptimistic();
    setMessage({});
}

void SettingsController::busyDelta(int delta)
{
    const bool before = isBusy();
    m_busy += delta;
    if (before != isBusy())
        emit busyChanged();
}

void SettingsController::setMessage(const QString &message)
{
    if (m_message == message)
        return;
    m_message = message;
    emit messageChanged();
}

void SettingsController::clearMessage() { setMessage({}); }

void SettingsController::reload()
{
    if (!m_api || !m_sessions->isActive())
        return;
    busyDelta(+1);
    m_api->send(endpoints::getSettings(), this, [this](const ApiResult &result) {
        busyDelta(-1);
        if (result.ok()) {
            m_serverLoaded = true;
            m_server = UserSettings::fromJson(result.json(), QString::fromLatin1(result.headers.value("etag")));
            m_replayer->setSettingsEtag(m_server.etag);
            if (m_cache->ownerSub() == m_owner)
                m_cache->setSettings(m_server);
            rebuildOptimistic();
        } else if (!result.error.isTransient() && result.error.kind != ApiError::SessionEnded) {
            setMessage(tr("Your settings could not be loaded: %1").arg(result.error.message));
        }
        emit reloaded();
    });
    busyDelta(+1);
    m_api->send(endpoints::me(), this, [this](const ApiResult &result) {
        busyDelta(-1);
        if (!result.ok())
            return;
        const UserInfo me = UserInfo::fromJson(result.json());
        const bool avatarChanged = me.avatarUrl != m_me.avatarUrl || m_cache->avatarPath().isEmpty();
        m_me = me;
        if (m_cache->ownerSub() == m_owner)
            m_cache->setMe(me);
        emit profileChanged();
        if (me.avatarUrl.isEmpty()) {
            m_cache->writeAvatar({});
            setAvatarFile({});
        } else if (avatarChanged) {
            fetchAvatar(me.avatarUrl);
        }
    });
    m_security->reloadKeys();
    reloadActivity();
}

void SettingsController::reloadActivity() { m_security->reloadActivity(); }

void SettingsController::fetchAvatar(const QString &)
{
    // avatar_url names GET /me/avatar (with a version); fetch it through the API client.
    m_api->send(endpoints::getAvatar(), this, [this](const ApiResult &result) {
        if (result.ok() && m_cache->ownerSub() == m_owner)
            setAvatarFile(m_cache->writeAvatar(result.body));
    });
}

void SettingsController::setAvatarFile(const QString &path)
{
    const QUrl url = path.isEmpty() ? QUrl() : QUrl::fromLocalFile(path);
    if (url == m_avatarUrl)
        return;
    m_avatarUrl = url;
    emit avatarUrlChanged();
}

// --- changes -------------------------------------------------------------------

void SettingsController::rebuildOptimistic()
{
    // What is shown: the server's settings with every queued change on top.
    QJsonObject json = m_server.toJson();
    if (m_outbox) {
        for (const OutboxEntry &e : m_outbox->entriesFor(owner()))
            if (e.kind == OutboxEntry::PatchSettings)
                json = merged(json, e.payload.value(QLatin1String("patch")).toObject());
    }
    const UserSettings before = m_settings;
    m_settings = UserSettings::fromJson(json, m_server.etag);
    if (before.displayName != m_settings.displayName)
        emit displayNameChanged();
    if (before.theme != m_settings.theme)
        emit themeChanged();
    if (before.language != m_settings.language)
        emit languageChanged();
    if (before.notifications.emailDigest != m_settings.notifications.emailDigest
        || before.notifications.productUpdates != m_settings.notifications.productUpdates
        || before.notifications.securityAlerts != m_settings.notifications.securityAlerts)
        emit notificationsChanged();
}

void SettingsController::patch(const QJsonObject &patch)
{
    if (owner().isEmpty()) {
        setMessage(tr("Sign in to change your settings."));
        return;
    }
    OutboxEntry entry;
    entry.kind = OutboxEntry::PatchSettings;
    entry.ownerSub = owner();
    entry.payload = {{QStringLiteral("patch"), patch}};
    if (!m_outbox || !m_outbox->enqueue(entry)) {
        setMessage(tr("Your change could not be saved on this computer."));
        return;
    }
    setMessage({});
    rebuildOptimistic();   // shown at once; rolled back if the server refuses
    m_replayer->kick();
}

void SettingsController::setDisplayName(const QString &name)
{
    const QString clean = name.trimmed();
    if (clean.size() > 100) {
        setMessage(tr("The display name can have at most 100 characters."));
        return;
    }
    if (clean == m_settings.displayName)
        return;
    patch({{QStringLiteral("display_name"), clean.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(clean)}});
}

void SettingsController::setTheme(const QString &theme)
{
    if (!kThemes.contains(theme)) {
        setMessage(tr("Unknown theme “%1”.").arg(theme));
        return;
    }
    if (theme != m_settings.theme)
        patch({{QStringLiteral("theme"), theme}});
}

void SettingsController::setLanguage(const QString &language)
{
    if (!kLanguages.contains(language)) {
        setMessage(tr("Clipshelf is available in English and German."));
        return;
    }
    if (language != m_settings.language)
        patch({{QStringLiteral("language"), language}});
}

void SettingsController::setNotification(const QString &key, bool on)
{
    if (!kNotifications.contains(key)) {
        setMessage(tr("Unknown notification “%1”.").arg(key));
        return;
    }
    patch({{QStringLiteral("notifications"), QJsonObject{{key, on}}}});
}

QVariantMap SettingsController::prepareAvatar(const QUrl &localFile)
{
    const QString path = localFile.isLocalFile() ? localFile.toLocalFile() : localFile.toString();
    QString message;
    std::optional<PreparedAvatar> prepared = AvatarImage::prepare(path, &message);
    if (!prepared)
        return {{QStringLiteral("ok"), false}, {QStringLiteral("message"), message}};
    if (!m_preparedPath.isEmpty())
        QFile::remove(m_preparedPath);
    // A new name each time, so image views never show a stale preview.
    QDir().mkpath(m_cache->directory());
    m_preparedPath = m_cache->directory()
                     + QStringLiteral("/preview-%1.%2")
                           .arg(QDateTime::currentMSecsSinceEpoch())
                           .arg(prepared->contentType == "image/png" ? QStringLiteral("png") : QStringLiteral("jpg"));
    QFile file(m_preparedPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(prepared->bytes) != prepared->bytes.size()) {
        return {{QStringLiteral("ok"), false},
                {QStringLiteral("message"), tr("The preview could not be stored: %1").arg(file.errorString())}};
    }
    file.close();
    m_prepared = prepared;
    return {{QStringLiteral("ok"), true},
            {QStringLiteral("previewUrl"), QUrl::fromLocalFile(m_preparedPath)},
            {QStringLiteral("width"), prepared->image.width()},
            {QStringLiteral("height"), prepared->image.height()},
            {QStringLiteral("bytes"), prepared->bytes.size()},
            {QStringLiteral("message"), QString()}};
}

void SettingsController::uploadPreparedAvatar()
{
    if (!m_prepared) {
        setMessage(tr("Choose a picture first."));
        return;
    }
    if (owner().isEmpty()) {
        setMessage(tr("Sign in to change your picture."));
        return;
    }
    OutboxEntry entry;
    entry.kind = OutboxEntry::PutAvatar;
    entry.ownerSub = owner();
    entry.blob = m_prepared->bytes;
    entry.payload = {{QStringLiteral("content_type"), QString::fromLatin1(m_prepared->contentType)}};
    if (!m_outbox || !m_outbox->enqueue(entry)) {
        setMessage(tr("Your picture could not be saved on this computer."));
        return;
    }
    setAvatarFile(m_preparedPath);   // shown at once
    if (m_replayer->canSendNow())
        busyDelta(+1);
    m_replayer->kick();
}

void SettingsController::removeAvatar()
{
    if (owner().isEmpty())
        return;
    OutboxEntry entry;
    entry.kind = OutboxEntry::DeleteAvatar;
    entry.ownerSub = owner();
    if (!m_outbox || !m_outbox->enqueue(entry))
        return;
    setAvatarFile({});
    if (m_replayer->canSendNow())
        busyDelta(+1);
    m_replayer->kick();
}

void SettingsController::createApiKey(const QString &name) { m_security->createApiKey(name); }

void SettingsController::revokeApiKey(const QString &id) { m_security->revokeApiKey(id); }

void SettingsController::onEntrySucceeded(const OutboxEntry &entry, const ApiResult &result)
{
    switch (entry.kind) {
    case OutboxEntry::PatchSettings:
        m_server = UserSettings::fromJson(result.json(), QString::fromLatin1(result.headers.value("etag")));
        if (m_cache->ownerSub() == m_owner)
            m_cache->setSettings(m_server);
        rebuildOptimistic();
        emit saved();
        reloadActivity();
        break;
    case OutboxEntry::PutAvatar:
    case OutboxEntry::DeleteAvatar: {
        busyDelta(m_busy > 0 ? -1 : 0);
        if (entry.kind == OutboxEntry::PutAvatar && result.json().contains(QLatin1String("sub")))
            m_me = UserInfo::fromJson(result.json());   // PUT answers with the user; DELETE with nothing
        else
            m_me.avatarUrl.clear();
        if (m_cache->ownerSub() == m_owner)
            m_cache->setMe(m_me);
        const QString path = m_cache->writeAvatar(entry.kind == OutboxEntry::PutAvatar ? entry.blob : QByteArray());
        setAvatarFile(path);
        emit profileChanged();
        emit saved();
        reloadActivity();
        break;
    }
    default:
        break;
    }
}

void SettingsController::onEntryRejected(const OutboxEntry &entry, const ApiError &error)
{
    if (entry.isVideoChange())
        return;
    if (entry.kind != OutboxEntry::PatchSettings) {
        busyDelta(m_busy > 0 ? -1 : 0);
        setAvatarFile(m_cache->avatarPath());
        setMessage(tr("Your picture could not be changed: %1").arg(error.message));
        return;
    }
    if (error.kind == ApiError::PreconditionFailed) {
        setMessage(tr("Your settings were changed elsewhere, so Clipshelf reloaded them. Please make your change "
                      "again if it is still needed."));
        rebuildOptimistic();
        reload();
        return;
    }
    rebuildOptimistic();   // the refused change is gone from the outbox: back to the server's value
    const QString reason = error.fields.isEmpty() ? error.message : error.fields.constFirst().message;
    setMessage(tr("Your change could not be saved: %1").arg(reason));
}

} // namespace clipshelf
