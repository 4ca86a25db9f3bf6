#pragma once

#include <functional>
#include <QByteArray>
#include <QObject>
#include <QString>

namespace clipshelf {

/// Outcome of one secret-store operation.
struct SecretResult
{
    enum class Status {
        Ok,
        NotFound,  ///< no such entry (also what a locked Secret Service answers to reads)
        NoBackend, ///< no keychain service is available on this machine/session
        Locked,    ///< the keychain exists but is locked or access was denied
        Error,     ///< anything else; message says what
    };
    Status status = Status::Ok;
    /// Plain-words explanation for the user (never contains the secret).
    QString message;

    bool ok() const { return status == Status::Ok; }
    /// True when the keychain itself is unusable (as opposed to a missing entry).
    bool backendUnavailable() const
    {
        return status == Status::NoBackend || status == Status::Locked;
    }
};

/**
 * Asynchronous store of small secrets, namespaced by the store's service name
 * (one per profile). Implementations: KeychainSecretStore (the OS keychain via
 * qtkeychain, chunked) and MemorySecretStore (this run only, never on disk).
 * Callbacks are always invoked later from the event loop, never synchronously.
 */
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using ReadCallback = std::function<void(SecretResult, QByteArray)>;
    using WriteCallback = std::function<void(SecretResult)>;

    explicit SecretStore(QObject *parent = nullptr) : QObject(parent) {}
    ~SecretStore() override = default;

    virtual void read(const QString &key, ReadCallback done) = 0;
    virtual void write(const QString &key, const QByteArray &value, WriteCallback done) = 0;
    virtual void remove(const QString &key, WriteCallback done) = 0;

    /// Human-readable name of the backend, e.g. "Secret Service" or "memory (this run only)".
    virtual QString backendName() const = 0;
    /// True when secrets survive the end of this process.
    virtual bool isPersistent() const = 0;
};

} // namespace clipshelf
