#include "storage/memorysecretstore.h"

#include "storage/secretchunker.h"
#include "storage/secretmessages.h"
#include "storage/storagelogging.h"

#include <QMetaObject>

namespace clipshelf {

MemorySecretStore::MemorySecretStore(QObject *parent) : SecretStore(parent) {}

MemorySecretStore::~MemorySecretStore()
{
    // Best effort: overwrite the bytes we own before they are freed.
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
        it.value().fill('\0');
}

QString MemorySecretStore::backendName() const
{
    return tr("memory (this run only)");
}

void MemorySecretStore::setFailure(SecretResult::Status status, Operations which,
                                   const QString &message)
{
    if (status == SecretResult::Status::Ok) {
        clearFailure();
        return;
    }
    m_failure = SecretMessages::result(status, message);
    m_failing = which;
}

void MemorySecretStore::clearFailure()
{
    m_failure = SecretResult{};
    m_failing = {};
}

bool MemorySecretStore::failureFor(Operation op, SecretResult *result) const
{
    if (!m_failing.testFlag(op))
        return false;
    *result = m_failure;
    return true;
}

void MemorySecretStore::post(std::function<void()> callback)
{
    QMetaObject::invokeMethod(this, std::move(callback), Qt::QueuedConnection);
}

void MemorySecretStore::read(const QString &key, ReadCallback done)
{
    ++m_operations;
    SecretResult result;
    QByteArray value;
    if (failureFor(Operation::Read, &result)) {
        // injected failure
    } else if (!SecretChunker::isValidKey(key)) {
        result = SecretMessages::result(SecretResult::Status::Error, SecretMessages::invalidKey());
    } else if (auto it = m_entries.constFind(key); it != m_entries.constEnd()) {
        value = it.value();
    } else {
        result = SecretMessages::result(SecretResult::Status::NotFound);
    }
    qCDebug(lcStorage) << "memory read" << key << "->" << secretStatusName(result.status);
    post([done = std::move(done), result, value] {
        if (done)
            done(result, value);
    });
}

void MemorySecretStore::write(const QString &key, const QByteArray &value, WriteCallback done)
{
    ++m_operations;
    SecretResult result;
    if (failureFor(Operation::Write, &result)) {
        // injected failure
    } else if (!SecretChunker::isValidKey(key)) {
        result = SecretMessages::result(SecretResult::Status::Error, SecretMessages::invalidKey());
    } else if (value.size() > SecretChunker::MaxValueSize) {
        result = SecretMessages::result(SecretResult::Status::Error, SecretMessages::tooLarge());
    } else {
        m_entries.insert(key, value);
    }
    qCDebug(lcStorage) << "memory write" << key << value.size() << "bytes ->"
                       << secretStatusName(result.status);
    post([done = std::move(done), result] {
        if (done)
            done(result);
    });
}

void MemorySecretStore::remove(const QString &key, WriteCallback done)
{
    ++m_operations;
    SecretResult result;
    if (failureFor(Operation::Remove, &result)) {
        // injected failure
    } else if (!SecretChunker::isValidKey(key)) {
        result = SecretMessages::result(SecretResult::Status::Error, SecretMessages::invalidKey());
    } else {
        m_entries.remove(key);
    }
    qCDebug(lcStorage) << "memory remove" << key << "->" << secretStatusName(result.status);
    post([done = std::move(done), result] {
        if (done)
            done(result);
    });
}

} // namespace clipshelf
