#pragma once

#include "storage/secretstore.h"

#include <QFlags>
#include <QHash>

namespace clipshelf {

/**
 * SecretStore that keeps secrets in this process's memory only: nothing
 * survives the end of the run. Used when the user opts out of the keychain,
 * and by tests. Callbacks are always queued to the event loop, in call order.
 *
 * Like KeychainSecretStore it rejects invalid keys and values above 1 MiB, and
 * removing a missing entry succeeds.
 */
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    enum class Operation {
        Read = 0x1,
        Write = 0x2,
        Remove = 0x4,
    };
    Q_DECLARE_FLAGS(Operations, Operation)

    explicit MemorySecretStore(QObject *parent = nullptr);
    ~MemorySecretStore() override;

    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QByteArray &value, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;

    QString backendName() const override;
    bool isPersistent() const override { return false; }

    /// Test hook: from now on, the operations in `which` fail with `status`
    /// (and `message`, or the standard text for `status`) without touching the
    /// stored entries. SecretResult::Status::Ok clears the failure.
    void setFailure(SecretResult::Status status,
                    Operations which = Operations(Operation::Read) | Operation::Write |
                                       Operation::Remove,
                    const QString &message = {});
    void clearFailure();

    /// Inspection for tests (synchronous; never logs values).
    bool contains(const QString &key) const { return m_entries.contains(key); }
    qsizetype entryCount() const { return m_entries.size(); }
    /// Number of read/write/remove calls so far.
    int operationCount() const { return m_operations; }

private:
    bool failureFor(Operation op, SecretResult *result) const;
    void post(std::function<void()> callback);

    QHash<QString, QByteArray> m_entries;
    SecretResult m_failure;
    Operations m_failing;
    int m_operations = 0;
};

} // namespace clipshelf

Q_DECLARE_OPERATORS_FOR_FLAGS(clipshelf::MemorySecretStore::Operations)
