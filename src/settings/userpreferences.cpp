#include "settings/userpreferences.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "storage/librarycache.h"
#include "storage/outbox.h"
#include "sync/outboxreplayer.h"

#include <QCoreApplication>

namespace clipshelf {

// The messages keep the SettingsController translation context, where they were first.

UserPreferences::UserPreferences(ApiClient *api, LibraryCache *cache, Outbox *outbox,
                                 OutboxReplayer *replayer, std::function<QString()> queueOwner,
                                 QObject *parent)
    : QObject(parent), m_api(api), m_cache(cache), m_outbox(outbox), m_replayer(replayer),
      m_queueOwner(std::move(queueOwner))
{
    connect(replayer, &OutboxReplayer::settingsEtagChanged, this,
            [this](const QString &etag) { m_server.etag = etag; });
}

void UserPreferences::clear()
{
    m_serverLoaded = false;
    m_server = UserSettings();
}

void UserPreferences::loadCache()
{
    if (m_cache->ownerSub() != m_owner)
        return;
    if (const auto cached = m_cache->settings()) {
        m_server = *cached;
        if (m_replayer->settingsEtag().isEmpty())
            m_replayer->setSettingsEtag(cached->etag);
    }
}

void UserPreferences::reload()
{
    emit busyDelta(+1);
    m_api->send(endpoints::getSettings(), this, [this](const ApiResult &result) {
        emit busyDelta(-1);
        if (result.ok()) {
            m_serverLoaded = true;
            m_server = UserSettings::fromJson(result.json(),
                                              QString::fromLatin1(result.headers.value("etag")));
            m_replayer->setSettingsEtag(m_server.etag);
            if (m_cache->ownerSub() == m_owner)
                m_cache->setSettings(m_server);
            rebuild();
        } else if (!result.error.isTransient() && result.error.kind != ApiError::SessionEnded) {
            emit message(QCoreApplication::translate("clipshelf::SettingsController",
                                                     "Your settings could not be loaded: %1")
                             .arg(result.error.message));
        }
        emit reloaded();
    });
}

void UserPreferences::rebuild()
{
    // What is shown: the server's settings with every queued change on top.
    const UserSettings before = m_settings;
    m_settings = settingsedits::withQueued(m_server, m_outbox ? m_outbox->entriesFor(m_queueOwner())
                                                              : QList<OutboxEntry>());
    if (before.displayName != m_settings.displayName)
        emit displayNameChanged();
    if (before.theme != m_settings.theme)
        emit themeChanged();
    if (before.language != m_settings.language)
        emit languageChanged();
    if (before.notifications.emailDigest != m_settings.notifications.emailDigest ||
        before.notifications.productUpdates != m_settings.notifications.productUpdates ||
        before.notifications.securityAlerts != m_settings.notifications.securityAlerts)
        emit notificationsChanged();
}

void UserPreferences::apply(const settingsedits::Edit &edit)
{
    if (!edit.error.isEmpty())
        emit message(edit.error);
    else if (!edit.patch.isEmpty())
        patch(edit.patch);
}

void UserPreferences::patch(const QJsonObject &patch)
{
    const QString owner = m_queueOwner();
    if (owner.isEmpty()) {
        emit message(QCoreApplication::translate("clipshelf::SettingsController",
                                                 "Sign in to change your settings."));
        return;
    }
    OutboxEntry entry;
    entry.kind = OutboxEntry::PatchSettings;
    entry.ownerSub = owner;
    entry.payload = {{QStringLiteral("patch"), patch}};
    if (!m_outbox || !m_outbox->enqueue(entry)) {
        emit message(QCoreApplication::translate(
            "clipshelf::SettingsController", "Your change could not be saved on this computer."));
        return;
    }
    emit message({});
    rebuild(); // shown at once; rolled back if the server refuses
    m_replayer->kick();
}

void UserPreferences::onSaved(const ApiResult &result)
{
    m_server =
        UserSettings::fromJson(result.json(), QString::fromLatin1(result.headers.value("etag")));
    if (m_cache->ownerSub() == m_owner)
        m_cache->setSettings(m_server);
    rebuild();
}

void UserPreferences::onRefused(const ApiError &error)
{
    if (error.kind == ApiError::PreconditionFailed) {
        emit message(QCoreApplication::translate(
            "clipshelf::SettingsController",
            "Your settings were changed elsewhere, so Clipshelf reloaded them. "
            "Please make your change again if it is still needed."));
        rebuild();
        emit reloadWanted();
        return;
    }
    rebuild(); // the refused change is gone from the outbox: back to the server's value
    const QString reason =
        error.fields.isEmpty() ? error.message : error.fields.constFirst().message;
    emit message(QCoreApplication::translate("clipshelf::SettingsController",
                                             "Your change could not be saved: %1")
                     .arg(reason));
}

} // namespace clipshelf
