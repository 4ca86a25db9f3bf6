#include "auth/sessionvault.h"

#include "buildconfig.h"
#include "storage/pendingsecretwork.h"
#include "storage/secretmessages.h"
#include "storage/storagelogging.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QTimer>

namespace clipshelf {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("clipshelf::SessionVault", text);
}

/// Runs `fn` later from the event loop (the SecretStore contract: never synchronously).
void postLater(QObject *context, std::function<void()> fn)
{
    if (context)
        QMetaObject::invokeMethod(context, std::move(fn), Qt::QueuedConnection);
    else
        QTimer::singleShot(0, QCoreApplication::instance(), std::move(fn));
}

SecretResult noStore()
{
    return SecretMessages::result(SecretResult::Status::NoBackend);
}

} // namespace

QString SessionVault::entryKey()
{
    return QStringLiteral("session");
}

QString SessionVault::serviceName(const QString &profile)
{
    const QString name = profile.trimmed().isEmpty() ? QStringLiteral("default") : profile;
    return QStringLiteral(CLIPSHELF_APP_ID) + u'/' + name;
}

SessionVault::SessionVault(SecretStore *store, PendingSecretWork *pending)
    : m_store(store), m_pending(pending)
{
    Q_ASSERT(store);
}

void SessionVault::load(LoadCallback done) const
{
    if (!m_store) {
        postLater(nullptr, [done = std::move(done)] {
            if (done)
                done(noStore(), Session{});
        });
        return;
    }
    m_store->read(entryKey(), [done = std::move(done)](SecretResult result, QByteArray blob) {
        if (!result.ok()) {
            if (done)
                done(result, Session{});
            return;
        }
        Session session = Session::fromSecretBlob(blob);
        blob.fill('\0');
        if (!session.isValid()) {
            qCWarning(lcStorage) << "the saved session could not be read; treating the profile "
                                    "as signed out";
            SecretResult signedOut = SecretMessages::result(
                SecretResult::Status::NotFound,
                tr("The saved sign-in could not be read, so you are signed out: sign in again."));
            if (done)
                done(signedOut, Session{});
            return;
        }
        if (done)
            done(result, session);
    });
}

void SessionVault::save(const Session &session, DoneCallback done)
{
    if (m_pending)
        done = m_pending->track(std::move(done));
    if (!m_store) {
        postLater(nullptr, [done = std::move(done)] {
            if (done)
                done(noStore());
        });
        return;
    }
    if (!session.isValid()) {
        qCWarning(lcStorage) << "refusing to save an incomplete session";
        postLater(m_store, [done = std::move(done)] {
            if (done)
                done(SecretMessages::result(
                    SecretResult::Status::Error,
                    tr("Internal error: the sign-in to save is incomplete.")));
        });
        return;
    }
    m_store->write(entryKey(), session.toSecretBlob(), std::move(done));
}

void SessionVault::clear(DoneCallback done)
{
    if (m_pending)
        done = m_pending->track(std::move(done));
    if (!m_store) {
        postLater(nullptr, [done = std::move(done)] {
            if (done)
                done(noStore());
        });
        return;
    }
    m_store->remove(entryKey(), std::move(done));
}

} // namespace clipshelf
