#pragma once

#include "storage/secretstore.h"

#include <deque>
#include <functional>
#include <memory>

namespace QKeychain {
class Job;
}

namespace clipshelf {

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
 * Operations on one store run one after the other in call order (a queue), so
 * overlapping calls never interleave; use one store per service name in a
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
    struct JobOutcome
    {
        int error = 0; // QKeychain::Error
        QString errorString;
        QByteArray data;
    };
    using JobDone = std::function<void(const JobOutcome &)>;
    struct ReadState;
    struct StepsState;

    void enqueue(std::function<void()> start);
    void scheduleNext();
    void runNext();
    void operationFinished();
    void post(std::function<void()> callback);

    void launch(QKeychain::Job *job, JobDone done);
    void readJob(const QString &key, JobDone done);
    void writeJob(const QString &key, const QByteArray &data, JobDone done);
    void deleteJob(const QString &key, JobDone done);

    void startRead(const QString &key, ReadCallback done);
    void readEntry(const std::shared_ptr<ReadState> &state);
    void readNextChunk(const std::shared_ptr<ReadState> &state);
    void chunksDamaged(const std::shared_ptr<ReadState> &state, const QString &problem,
                       bool final = false);
    void finishRead(const std::shared_ptr<ReadState> &state, const SecretResult &result,
                    const QByteArray &value);

    void startWrite(const QString &key, const QByteArray &value, WriteCallback done);
    void startRemove(const QString &key, WriteCallback done);
    void runSteps(const std::shared_ptr<StepsState> &state);
    void runSweep(const std::shared_ptr<StepsState> &state, int index);
    void stepFailed(const std::shared_ptr<StepsState> &state, const JobOutcome &outcome);
    void finishSteps(const std::shared_ptr<StepsState> &state, const SecretResult &result);

    QString m_service;
    std::deque<std::function<void()>> m_queue;
    bool m_running = false;
    bool m_scheduled = false;
};

} // namespace clipshelf
