#pragma once

#include "auth/session.h"
#include "storage/secretstore.h"

#include <functional>
#include <memory>
#include <QDeadlineTimer>
#include <QObject>
#include <QString>
#include <QTimer>

namespace clipshelf {

class PendingSecretWork;
class SessionVault;

/**
 * Where the SessionManager keeps the session: the vault on the keychain, or in
 * memory once no keychain is usable. It writes a sign-in's session ahead of its
 * adoption, stores a renewed session with a few quick retries, keeps asking to
 * store one the keychain refused (storeRetryDue), and counts the writes and
 * deletes that have not answered, so that a process can wait for them.
 */
class SessionKeeper : public QObject
{
    Q_OBJECT
public:
    using DoneCallback = std::function<void(SecretResult)>;
    /// A session prestore() is writing: its outcome, or who waits for it.
    struct PendingSave;

    explicit SessionKeeper(SecretStore *store, QObject *parent = nullptr);
    ~SessionKeeper() override;

    SessionVault &vault() const { return *m_vault; }
    /// True when no keychain is usable and the session lives in memory only.
    bool isMemoryOnly() const { return m_memoryStore != nullptr; }
    /// Plain words about the keychain when it could not be used ("" when fine).
    QString storageWarning() const { return m_storageWarning; }
    /// True while the keychain lacks the current (renewed) session.
    bool hasUnsavedSession() const { return m_unsaved; }

    /// The keychain cannot be used (\a why): from now on the session lives in memory.
    void fallBackToMemory(const QString &why);

    /// Starts writing \a session (a sign-in still under way); see SessionManager::prestore().
    void prestore(const Session &session);
    /// Hands over what prestore() began (null when nothing), forgetting it here.
    std::shared_ptr<PendingSave> takePrestored();
    /// Writes \a session, unless \a pending is writing (or wrote) exactly that:
    /// then \a done gets that write's outcome, from the event loop.
    void saveUnlessPrestored(const Session &session, const std::shared_ptr<PendingSave> &pending,
                             DoneCallback done);
    /// Removes what prestore() wrote, if anything was prestored (and not taken).
    void discardPrestored();

    /// Stores a renewed session; a refused write is tried again twice, shortly after.
    void saveRenewed(const Session &next, DoneCallback done, int attempt = 1);
    /// Records whether the keychain lacks the current session; while it does,
    /// storeRetryDue() comes at growing intervals (2 s up to 5 minutes).
    void setUnsaved(bool unsaved, const QString &why = {});

    /// Runs the event loop until every write and delete answered, or \a deadline.
    bool waitUntilDone(QDeadlineTimer deadline);
    /// Keychain writes and deletes that have not answered yet.
    int pendingWork() const;

signals:
    void storageWarningChanged();
    /// Time to try again to store the session the keychain refused.
    void storeRetryDue();

private:
    std::unique_ptr<SecretStore> m_memoryStore;
    std::unique_ptr<PendingSecretWork>
        m_pendingWork; ///< the vault's saves and clears until they answer
    std::unique_ptr<SessionVault> m_vault;
    std::shared_ptr<PendingSave>
        m_prestored; ///< a sign-in's session being written ahead of adoption
    QString m_storageWarning;
    QTimer m_storeRetry;    ///< stores a renewed session the keychain refused, later
    bool m_unsaved = false; ///< the keychain does not hold the current (rotated) refresh token
    int m_storeFailures = 0;
};

} // namespace clipshelf
