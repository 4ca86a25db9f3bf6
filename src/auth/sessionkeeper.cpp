#include "auth/sessionkeeper.h"

#include "auth/sessionvault.h"
#include "core/logging.h"
#include "storage/memorysecretstore.h"
#include "storage/pendingsecretwork.h"

#include <algorithm>
#include <optional>
#include <QCoreApplication>
#include <QPointer>

namespace clipshelf {

namespace {
/// A renewed session the keychain refused: attempts during the refresh, then
/// attempts in the background at growing intervals (up to the cap).
constexpr int kStoreAttempts = 3;
constexpr int kStoreRetryMs = 250;
constexpr int kStoreRetryCapMs = 5 * 60 * 1000;
} // namespace

struct SessionKeeper::PendingSave
{
    Session session;
    std::optional<SecretResult> result; ///< set once the write finished
    DoneCallback done;                  ///< the adoption's completion, while the write runs
};

SessionKeeper::SessionKeeper(SecretStore *store, QObject *parent)
    : QObject(parent), m_pendingWork(std::make_unique<PendingSecretWork>()),
      m_vault(std::make_unique<SessionVault>(store, m_pendingWork.get()))
{
    m_storeRetry.setSingleShot(true);
    connect(&m_storeRetry, &QTimer::timeout, this, &SessionKeeper::storeRetryDue);
}

SessionKeeper::~SessionKeeper() = default;

// The messages keep the SessionManager's translation context (they were its own).
void SessionKeeper::fallBackToMemory(const QString &why)
{
    if (!m_memoryStore) {
        m_memoryStore = std::make_unique<MemorySecretStore>();
        m_vault = std::make_unique<SessionVault>(m_memoryStore.get(), m_pendingWork.get());
    }
    qCWarning(lcAuth) << "Keychain unavailable; the session is kept in memory only:" << why;
    m_storageWarning = QCoreApplication::translate(
                           "clipshelf::SessionManager",
                           "%1 Until then, Clipshelf keeps you signed in only while it is open.")
                           .arg(why);
    emit storageWarningChanged();
}

void SessionKeeper::prestore(const Session &session)
{
    auto pending = std::make_shared<PendingSave>();
    pending->session = session;
    m_prestored = pending;
    m_vault->save(session, [pending](const SecretResult &result) {
        pending->result = result;
        if (pending->done)
            std::exchange(pending->done, nullptr)(result);
    });
}

std::shared_ptr<SessionKeeper::PendingSave> SessionKeeper::takePrestored()
{
    return std::exchange(m_prestored, nullptr);
}

void SessionKeeper::saveUnlessPrestored(const Session &session,
                                        const std::shared_ptr<PendingSave> &pending,
                                        DoneCallback done)
{
    if (pending && pending->session == session) {
        // prestore() is writing (or wrote) exactly this: wait for it, don't write twice.
        if (pending->result)
            QMetaObject::invokeMethod(
                this, [done = std::move(done), result = *pending->result] { done(result); },
                Qt::QueuedConnection);
        else
            pending->done = std::move(done);
        return;
    }
    // Nothing prestored, or the profile changed since: this write lands after that one.
    m_vault->save(session, std::move(done));
}

void SessionKeeper::discardPrestored()
{
    if (!std::exchange(m_prestored, nullptr))
        return;
    // Queued after the write: the store runs its operations in call order.
    m_vault->clear([](const SecretResult &) {});
}

void SessionKeeper::saveRenewed(const Session &next, DoneCallback done, int attempt)
{
    m_vault->save(next, [this, self = QPointer(this), next, attempt,
                         done = std::move(done)](const SecretResult &result) mutable {
        if (!self)
            return;
        if (!result.ok() && attempt < kStoreAttempts) {
            qCWarning(lcAuth) << "The renewed session could not be stored; trying again:"
                              << result.message;
            QTimer::singleShot(kStoreRetryMs * attempt, this,
                               [this, next, attempt, done = std::move(done)]() mutable {
                                   saveRenewed(next, std::move(done), attempt + 1);
                               });
            return;
        }
        done(result);
    });
}

void SessionKeeper::setUnsaved(bool unsaved, const QString &why)
{
    if (!unsaved) {
        m_storeRetry.stop();
        m_storeFailures = 0;
        if (std::exchange(m_unsaved, false)) {
            qCInfo(lcAuth) << "The renewed session is now stored";
            m_storageWarning.clear();
            emit storageWarningChanged();
        }
        return;
    }
    qCWarning(lcAuth) << "The renewed session could not be stored:" << why;
    m_unsaved = true;
    m_storageWarning =
        QCoreApplication::translate(
            "clipshelf::SessionManager",
            "Your renewed sign-in could not be saved in the keychain (%1). Clipshelf keeps trying "
            "while it is open; if it is closed first, you will have to sign in again.")
            .arg(why);
    emit storageWarningChanged();
    // 2 s, 4 s, ... up to 5 minutes between attempts.
    const int exponent = std::min(m_storeFailures++, 8);
    m_storeRetry.start(std::min(kStoreRetryCapMs, kStoreRetryMs * 8 * (1 << exponent)));
}

bool SessionKeeper::waitUntilDone(QDeadlineTimer deadline)
{
    return m_pendingWork->waitUntilDone(deadline);
}

int SessionKeeper::pendingWork() const
{
    return m_pendingWork->count();
}

} // namespace clipshelf
