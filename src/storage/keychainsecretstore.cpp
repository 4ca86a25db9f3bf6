#include "storage/keychainsecretstore.h"

#include "storage/keychainerrors.h"
#include "storage/keychainreader.h"
#include "storage/keychainwriter.h"
#include "storage/serialqueue.h"
#include "storage/storagelogging.h"

#include <QMetaObject>

namespace clipshelf {

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent), m_service(service), m_jobs(service, this), m_queue(new SerialQueue(this))
{
    Q_ASSERT(!service.isEmpty());
}

KeychainSecretStore::~KeychainSecretStore()
{
    if (const int pending = pendingOperations(); pending > 0) {
        qCDebug(lcStorage) << "keychain store" << m_service << "destroyed with" << pending
                           << "operation(s) pending; their callbacks are dropped";
    }
}

QString KeychainSecretStore::backendName() const
{
#if defined(Q_OS_MACOS) || defined(Q_OS_IOS)
    return tr("macOS Keychain");
#elif defined(Q_OS_WIN)
    return tr("Windows Credential Manager");
#elif defined(Q_OS_UNIX)
    return tr("Secret Service");
#else
    return tr("system keychain");
#endif
}

int KeychainSecretStore::pendingOperations() const
{
    return m_queue->pending();
}

SecretResult KeychainSecretStore::mapKeychainError(int keychainError, const QString &errorString)
{
    return keychainerrors::toResult(keychainError, errorString);
}

bool KeychainSecretStore::indicatesMissingService(const QString &errorString)
{
    return keychainerrors::indicatesMissingService(errorString);
}

void KeychainSecretStore::post(std::function<void()> callback)
{
    QMetaObject::invokeMethod(this, std::move(callback), Qt::QueuedConnection);
}

void KeychainSecretStore::read(const QString &key, ReadCallback done)
{
    m_queue->enqueue([this, key, done = std::move(done)]() mutable {
        KeychainReader::read(&m_jobs, key,
                             [this, done = std::move(done)](const SecretResult &result,
                                                            const QByteArray &value) mutable {
                                 post([done = std::move(done), result, value] {
                                     if (done)
                                         done(result, value);
                                 });
                                 m_queue->finished();
                             });
    });
}

void KeychainSecretStore::write(const QString &key, const QByteArray &value, WriteCallback done)
{
    m_queue->enqueue([this, key, value, done = std::move(done)]() mutable {
        KeychainWriter::write(&m_jobs, key, value, writeFinished(std::move(done)));
    });
}

void KeychainSecretStore::remove(const QString &key, WriteCallback done)
{
    m_queue->enqueue([this, key, done = std::move(done)]() mutable {
        KeychainWriter::remove(&m_jobs, key, writeFinished(std::move(done)));
    });
}

std::function<void(const SecretResult &)> KeychainSecretStore::writeFinished(WriteCallback done)
{
    return [this, done = std::move(done)](const SecretResult &result) mutable {
        post([done = std::move(done), result] {
            if (done)
                done(result);
        });
        m_queue->finished();
    };
}

} // namespace clipshelf
