#include "settings/settingscontroller.h"

#include "auth/sessionmanager.h"
#include "core/logging.h"
#include "settings/settingsedits.h"
#include "settings/userpreferences.h"
#include "storage/librarycache.h"
#include "sync/outboxreplayer.h"

namespace clipshelf {

SettingsController::SettingsController(ApiClient *api, SessionManager *sessions,
                                       LibraryCache *cache, Outbox *outbox,
                                       OutboxReplayer *replayer, QObject *parent)
    : QObject(parent), m_api(api), m_sessions(sessions), m_cache(cache), m_outbox(outbox),
      m_replayer(replayer), m_security(new AccountSecurity(api, sessions, this)),
      m_profile(new AccountProfile(api, cache, outbox, replayer, this)),
      m_preferences(new UserPreferences(
          api, cache, outbox, replayer, [this] { return owner(); }, this))
{
    connect(m_preferences, &UserPreferences::displayNameChanged, this,
            &SettingsController::displayNameChanged);
    connect(m_preferences, &UserPreferences::themeChanged, this, &SettingsController::themeChanged);
    connect(m_preferences, &UserPreferences::languageChanged, this,
            &SettingsController::languageChanged);
    connect(m_preferences, &UserPreferences::notificationsChanged, this,
            &SettingsController::notificationsChanged);
    connect(m_preferences, &UserPreferences::message, this, &SettingsController::setMessage);
    connect(m_preferences, &UserPreferences::busyDelta, this, &SettingsController::busyDelta);
    connect(m_preferences, &UserPreferences::reloaded, this, &SettingsController::reloaded);
    connect(m_preferences, &UserPreferences::reloadWanted, this, &SettingsController::reload);
    connect(m_profile, &AccountProfile::profileChanged, this, &SettingsController::profileChanged);
    connect(m_profile, &AccountProfile::avatarUrlChanged, this,
            &SettingsController::avatarUrlChanged);
    connect(m_profile, &AccountProfile::busyDelta, this, &SettingsController::busyDelta);
    connect(m_security, &AccountSecurity::apiKeyCreated, this, &SettingsController::apiKeyCreated);
    connect(m_security, &AccountSecurity::apiKeyFailed, this, &SettingsController::apiKeyFailed);
    connect(m_security, &AccountSecurity::apiKeyRevoked, this, &SettingsController::apiKeyRevoked);
    connect(m_security, &AccountSecurity::message, this, &SettingsController::setMessage);
    connect(m_security, &AccountSecurity::busyDelta, this, &SettingsController::busyDelta);
    connect(replayer, &OutboxReplayer::entrySucceeded, this, &SettingsController::onEntrySucceeded);
    connect(replayer, &OutboxReplayer::entryRejected, this, &SettingsController::onEntryRejected);
    connect(replayer, &OutboxReplayer::backOnline, this, &SettingsController::reload);
    connect(replayer, &OutboxReplayer::entryDeferred, this,
            [this](const OutboxEntry &entry, const ApiError &) {
                if (entry.kind == OutboxEntry::PutAvatar || entry.kind == OutboxEntry::DeleteAvatar)
                    busyDelta(m_busy > 0 ? -1 : 0); // it waits in the outbox
            });
    connect(outbox, &Outbox::changed, this, &SettingsController::pendingChangesChanged);
    connect(sessions, &SessionManager::sessionChanged, this, &SettingsController::onSessionChanged);
}

const UserSettings &SettingsController::settings() const
{
    return m_preferences->shown();
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
    m_preferences->setOwner(sub);
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
        if (!m_preferences->serverLoaded())
            reload(); // the session was restored after the cache was shown
        return;       // else: a token refresh
    }
    setOwner(sub);
    m_preferences->clear();
    m_profile->clear();
    m_security->clear();
    loadCache();
    reload();
}

void SettingsController::loadCache()
{
    if (m_cache->ownerSub() != m_owner)
        return;
    m_preferences->loadCache();
    m_profile->loadCache();
    m_preferences->rebuild();
}

void SettingsController::forgetLocalData()
{
    setOwner({});
    m_preferences->clear();
    m_security->clear();
    m_profile->forget();
    m_preferences->rebuild();
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

void SettingsController::clearMessage()
{
    setMessage({});
}

void SettingsController::reload()
{
    if (!m_api || !m_sessions->isActive())
        return;
    m_preferences->reload();
    m_profile->reload();
    m_security->reloadKeys();
    reloadActivity();
}

void SettingsController::reloadActivity()
{
    m_security->reloadActivity();
}

// --- changes -------------------------------------------------------------------

void SettingsController::setDisplayName(const QString &name)
{
    m_preferences->apply(settingsedits::displayName(name, settings()));
}

void SettingsController::setTheme(const QString &theme)
{
    m_preferences->apply(settingsedits::theme(theme, settings()));
}

void SettingsController::setLanguage(const QString &language)
{
    m_preferences->apply(settingsedits::language(language, settings()));
}

void SettingsController::setNotification(const QString &key, bool on)
{
    m_preferences->apply(settingsedits::notification(key, on));
}

QVariantMap SettingsController::prepareAvatar(const QUrl &localFile)
{
    return m_profile->prepare(localFile);
}

void SettingsController::uploadPreparedAvatar()
{
    const QString problem = m_profile->upload(owner());
    if (!problem.isEmpty())
        setMessage(problem);
}

void SettingsController::removeAvatar()
{
    m_profile->remove(owner());
}

void SettingsController::createApiKey(const QString &name)
{
    m_security->createApiKey(name);
}

void SettingsController::revokeApiKey(const QString &id)
{
    m_security->revokeApiKey(id);
}

void SettingsController::onEntrySucceeded(const OutboxEntry &entry, const ApiResult &result)
{
    switch (entry.kind) {
    case OutboxEntry::PatchSettings:
        m_preferences->onSaved(result);
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
    m_preferences->onRefused(error);
}

} // namespace clipshelf
