#include "settings/accountprofile.h"

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "storage/librarycache.h"
#include "storage/outbox.h"
#include "sync/outboxreplayer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>

namespace clipshelf {

// The messages here belong to the SettingsController in the translations (where they were first).

AccountProfile::AccountProfile(ApiClient *api, LibraryCache *cache, Outbox *outbox,
                               OutboxReplayer *replayer, QObject *parent)
    : QObject(parent), m_api(api), m_cache(cache), m_outbox(outbox), m_replayer(replayer)
{}

void AccountProfile::loadCache()
{
    if (m_cache->ownerSub() != m_owner)
        return;
    if (const auto me = m_cache->me()) {
        m_me = *me;
        emit profileChanged();
    }
    setAvatarFile(m_cache->avatarPath());
}

void AccountProfile::reload()
{
    emit busyDelta(+1);
    m_api->send(endpoints::me(), this, [this](const ApiResult &result) {
        emit busyDelta(-1);
        if (!result.ok())
            return;
        const UserInfo me = UserInfo::fromJson(result.json());
        const bool avatarChanged =
            me.avatarUrl != m_me.avatarUrl || m_cache->avatarPath().isEmpty();
        m_me = me;
        if (m_cache->ownerSub() == m_owner)
            m_cache->setMe(me);
        emit profileChanged();
        if (me.avatarUrl.isEmpty()) {
            m_cache->writeAvatar({});
            setAvatarFile({});
        } else if (avatarChanged) {
            fetchAvatar();
        }
    });
}

void AccountProfile::forget()
{
    m_me = UserInfo();
    m_prepared.reset();
    if (!m_preparedPath.isEmpty())
        QFile::remove(m_preparedPath);
    m_preparedPath.clear();
    setAvatarFile({});
    emit profileChanged();
}

void AccountProfile::fetchAvatar()
{
    // avatar_url names GET /me/avatar (with a version); fetch it through the API client.
    m_api->send(endpoints::getAvatar(), this, [this](const ApiResult &result) {
        if (result.ok() && m_cache->ownerSub() == m_owner)
            setAvatarFile(m_cache->writeAvatar(result.body));
    });
}

void AccountProfile::setAvatarFile(const QString &path)
{
    const QUrl url = path.isEmpty() ? QUrl() : QUrl::fromLocalFile(path);
    if (url == m_avatarUrl)
        return;
    m_avatarUrl = url;
    emit avatarUrlChanged();
}

QVariantMap AccountProfile::prepare(const QUrl &localFile)
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
    m_preparedPath = m_cache->directory() + QStringLiteral("/preview-%1.%2")
                                                .arg(QDateTime::currentMSecsSinceEpoch())
                                                .arg(prepared->contentType == "image/png"
                                                         ? QStringLiteral("png")
                                                         : QStringLiteral("jpg"));
    QFile file(m_preparedPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(prepared->bytes) != prepared->bytes.size()) {
        return {{QStringLiteral("ok"), false},
                {QStringLiteral("message"),
                 QCoreApplication::translate("clipshelf::SettingsController",
                                             "The preview could not be stored: %1")
                     .arg(file.errorString())}};
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

QString AccountProfile::upload(const QString &owner)
{
    if (!m_prepared)
        return QCoreApplication::translate("clipshelf::SettingsController",
                                           "Choose a picture first.");
    if (owner.isEmpty())
        return QCoreApplication::translate("clipshelf::SettingsController",
                                           "Sign in to change your picture.");
    OutboxEntry entry;
    entry.kind = OutboxEntry::PutAvatar;
    entry.ownerSub = owner;
    entry.blob = m_prepared->bytes;
    entry.payload = {
        {QStringLiteral("content_type"), QString::fromLatin1(m_prepared->contentType)}};
    if (!m_outbox || !m_outbox->enqueue(entry))
        return QCoreApplication::translate("clipshelf::SettingsController",
                                           "Your picture could not be saved on this computer.");
    setAvatarFile(m_preparedPath); // shown at once
    if (m_replayer->canSendNow())
        emit busyDelta(+1);
    m_replayer->kick();
    return {};
}

void AccountProfile::remove(const QString &owner)
{
    if (owner.isEmpty())
        return;
    OutboxEntry entry;
    entry.kind = OutboxEntry::DeleteAvatar;
    entry.ownerSub = owner;
    if (!m_outbox || !m_outbox->enqueue(entry))
        return;
    setAvatarFile({});
    if (m_replayer->canSendNow())
        emit busyDelta(+1);
    m_replayer->kick();
}

void AccountProfile::onSaved(const OutboxEntry &entry, const ApiResult &result)
{
    if (entry.kind == OutboxEntry::PutAvatar && result.json().contains(QLatin1String("sub")))
        m_me = UserInfo::fromJson(result.json()); // PUT answers with the user; DELETE with nothing
    else
        m_me.avatarUrl.clear();
    if (m_cache->ownerSub() == m_owner)
        m_cache->setMe(m_me);
    const QString path =
        m_cache->writeAvatar(entry.kind == OutboxEntry::PutAvatar ? entry.blob : QByteArray());
    setAvatarFile(path);
    emit profileChanged();
}

void AccountProfile::onRefused()
{
    setAvatarFile(m_cache->avatarPath());
}

} // namespace clipshelf
