#pragma once

#include "storage/keychainjobs.h"
#include "storage/secretstore.h"

#include <functional>

namespace clipshelf {

class SerialQueue;

/**
 * SecretStore backed by the OS keychain through qtkeychain: the Secret Service
 * (gnome-keyring, KWallet) on Linux, the Keychain on macOS, Credential Manager
 * on Windows. Never falls back to an insecure plain-text store.
 *
 * Entries live under the service name given at construction (one per profile,
 * see SessionVault::serviceName()). Values up to 1 MiB; larger ones are
 * rejected with Status::Error. Values above 2000 bytes are chunked with a
 * crash-safe layout (see SecretChunker).
 *
 * Operations on one store run one after the other in call order (a SerialQueue), so
 * overlapping calls never interleave (the job sequences live in KeychainReader
 * and KeychainWriter); use one store per service name in a
 * process. A read that finds a chunked value half-replaced (by another process)
 * reads the header again before reporting it damaged. Callbacks are always
 * invoked later from the event loop. Destroying the store drops the callbacks
 * of the operations still queued or running (they are never invoked). There is
 * no timeout: a keychain that shows an unlock prompt holds the queue until the
 * user answers it.
 *
 * Linux: qtkeychain's libsecret backend needs the GLib event dispatcher (Qt's
 * default); with QT_NO_GLIB=1 no keychain callback would ever arrive.
 */
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    QString service() const { return m_service; }

    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QByteArray &value, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;

    QString backendName() const override;
    bool isPersistent() const override { return true; }

    /// Operations queued or running.
    int pendingOperations() const;

    /// Maps a qtkeychain outcome (a QKeychain::Error value and the job's
    /// errorString()) to a SecretResult with a plain-words message.
    static SecretResult mapKeychainError(int keychainError, const QString &errorString);
    /// True when an OtherError text means there is no Secret Service or no D-Bus session.
    static bool indicatesMissingService(const QString &errorString);

private:
    void post(std::function<void()> callback);
    /// Posts \a done with the result and frees the queue for the next operation.
    std::function<void(const SecretResult &)> writeFinished(WriteCallback done);

    QString m_service;
    KeychainJobs m_jobs;
    SerialQueue *m_queue;
};

} // namespace clipshelf
