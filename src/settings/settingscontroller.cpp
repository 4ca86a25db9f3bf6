#include "settings/settingscontroller.h"

#include "api/endpoints.h"
#include "auth/sessionmanager.h"
#include "core/logging.h"
#include "sync/outboxreplayer.h"
#include "settings/settingsedits.h"
#include "storage/librarycache.h"


namespace clipshelf {

SettingsController::SettingsController(ApiClient *api, SessionManager *sessions, LibraryCache *cache, Outbox *outbox,
                                       OutboxReplayer *replayer, QObject *parent)
    : QObject(parent), m_api(api), m_sessions(sessions), m_cache(cache), m_outbox(outbox), m_replayer(replayer),
      m_security(new AccountSecurity(api, sessions, this)),
      m_profile(new AccountProfile(api, cache, outbox, replayer, this))
{
    connect(m_profile, &AccountProfile::profileChanged, this, &SettingsController::profileChanged);
    connect(m_profile, &AccountProfile::avatarUrlChanged, this, &SettingsController::avatarUrlChanged);
    connect(m_profile, &AccountProfile::busyDelta, this, &SettingsController::busyDelta);
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

void SettingsController::setOwner(const QString &sub)
{
    m_owner = sub;
    m_profile->setOwner(sub);
}

void SettingsController::start()
{
    setOwner(m_sessions->isActive() ? m_sessions->session().profile.subject : m_cache->ownerSub());
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
    setOwner(sub);
    m_serverLoaded = false;
    m_server = UserSettings();
    m_profile->clear();
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
    m_profile->loadCache();
    rebuildOptimistic();
}

void SettingsController::forgetLocalData()
{
    setOwner({});
    m_serverLoaded = false;
    m_server = UserSettings();
    m_security->clear();
    m_profile->forget();
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
    m_profile->reload();
    m_security->reloadKeys();
    reloadActivity();
}

void SettingsController::reloadActivity() { m_security->reloadActivity(); }

// --- changes -------------------------------------------------------------------

void SettingsController::rebuildOptimistic()
{
    // What is shown: the server's settings with every queued change on top.
    const UserSettings before = m_settings;
    m_settings = settingsedits::withQueued(m_server, m_outbox ? m_outbox->entriesFor(owner()) : QList<OutboxEntry>());
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

void SettingsController::apply(const settingsedits::Edit &edit)
{
    if (!edit.error.isEmpty())
        setMessage(edit.error);
    else if (!edit.patch.isEmpty())
        patch(edit.patch);
}

void SettingsController::setDisplayName(const QString &name) { apply(settingsedits::displayName(name, m_settings)); }

void SettingsController::setTheme(const QString &theme) { apply(settingsedits::theme(theme, m_settings)); }

void SettingsController::setLanguage(const QString &language)
{
    apply(settingsedits::language(language, m_settings));
}

void SettingsController::setNotification(const QString &key, bool on) { apply(settingsedits::notification(key, on)); }

QVariantMap SettingsController::prepareAvatar(const QUrl &localFile) { return m_profile->prepare(localFile); }

void SettingsController::uploadPreparedAvatar()
{
    const QString problem = m_profile->upload(owner());
    if (!problem.isEmpty())
        setMessage(problem);
}

void SettingsController::removeAvatar() { m_profile->remove(owner()); }

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
        m_profile->onSaved(entry, result);
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
        m_profile->onRefused();
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
