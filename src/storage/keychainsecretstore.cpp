#include "storage/keychainsecretstore.h"

#include "storage/keychainerrors.h"
#include "storage/secretchunker.h"
#include "storage/secretmessages.h"
#include "storage/storagelogging.h"

#include <optional>
#include <QElapsedTimer>
#include <QMetaObject>
#include <qt6keychain/keychain.h>

namespace clipshelf {

struct KeychainSecretStore::ReadState
{
    QString key;
    ReadCallback done;
    ChunkHeader header;
    QList<QByteArray> chunks;
    int attempt = 0;
    QString problem; ///< why the last attempt found the chunks damaged
    QElapsedTimer timer;
};

struct KeychainSecretStore::StepsState
{
    const char *operation = "";
    QString key;
    qsizetype size = 0;
    WriteCallback done;
    QList<ChunkStep> steps;
    qsizetype index = 0;
    int cleanupFailures = 0;
    QElapsedTimer timer;
};

namespace {

/// Reads of a chunked value that find it damaged look at the header again this
/// many times in all (the value may have been replaced by another process meanwhile).
constexpr int MaxReadAttempts = 3;

SecretResult errorResult(SecretResult::Status status, const QString &message = {})
{
    return SecretMessages::result(status, message);
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent), m_service(service)
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
    return int(m_queue.size()) + (m_running ? 1 : 0);
}

SecretResult KeychainSecretStore::mapKeychainError(int keychainError, const QString &errorString)
{
    return keychainerrors::toResult(keychainError, errorString);
}

bool KeychainSecretStore::indicatesMissingService(const QString &errorString)
{
    return keychainerrors::indicatesMissingService(errorString);
}

// ---------------------------------------------------------------------------
// Queue
// ---------------------------------------------------------------------------

void KeychainSecretStore::enqueue(std::function<void()> start)
{
    m_queue.push_back(std::move(start));
    scheduleNext();
}

void KeychainSecretStore::scheduleNext()
{
    if (m_running || m_scheduled || m_queue.empty())
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_scheduled = false;
            runNext();
        },
        Qt::QueuedConnection);
}

void KeychainSecretStore::runNext()
{
    if (m_running || m_queue.empty())
        return;
    std::function<void()> start = std::move(m_queue.front());
    m_queue.pop_front();
    m_running = true;
    start();
}

void KeychainSecretStore::operationFinished()
{
    m_running = false;
    scheduleNext();
}

void KeychainSecretStore::post(std::function<void()> callback)
{
    QMetaObject::invokeMethod(this, std::move(callback), Qt::QueuedConnection);
}

// ---------------------------------------------------------------------------
// qtkeychain jobs
// ---------------------------------------------------------------------------

void KeychainSecretStore::launch(QKeychain::Job *job, JobDone done)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text fallback
    connect(job, &QKeychain::Job::finished, this,
            [done = std::move(done)](QKeychain::Job *finished) {
                JobOutcome outcome;
                outcome.error = int(finished->error());
                if (outcome.error != QKeychain::NoError)
                    outcome.errorString = finished->errorString();
                else if (auto *reader = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                    outcome.data = reader->binaryData();
                done(outcome);
            });
    job->start();
}

void KeychainSecretStore::readJob(const QString &key, JobDone done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    launch(job, std::move(done));
}

void KeychainSecretStore::writeJob(const QString &key, const QByteArray &data, JobDone done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setBinaryData(data);
    launch(job, std::move(done));
}

void KeychainSecretStore::deleteJob(const QString &key, JobDone done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    launch(job, std::move(done));
}

// ---------------------------------------------------------------------------
// read
// ---------------------------------------------------------------------------

void KeychainSecretStore::read(const QString &key, ReadCallback done)
{
    enqueue([this, key, done = std::move(done)]() mutable { startRead(key, std::move(done)); });
}

void KeychainSecretStore::startRead(const QString &key, ReadCallback done)
{
    auto state = std::make_shared<ReadState>();
    state->key = key;
    state->done = std::move(done);
    state->timer.start();

    if (!SecretChunker::isValidKey(key)) {
        qCWarning(lcStorage) << "keychain read: invalid key" << key;
        finishRead(state, errorResult(SecretResult::Status::Error, SecretMessages::invalidKey()),
                   {});
        return;
    }

    readEntry(state);
}

void KeychainSecretStore::readEntry(const std::shared_ptr<ReadState> &state)
{
    readJob(state->key, [this, state](const JobOutcome &outcome) {
        if (outcome.error != QKeychain::NoError) {
            if (outcome.error != QKeychain::EntryNotFound) {
                qCWarning(lcStorage) << "keychain read of" << m_service << state->key
                                     << "failed: error" << outcome.error << outcome.errorString;
            }
            finishRead(state, mapKeychainError(outcome.error, outcome.errorString), {});
            return;
        }
        StoredEntry entry = SecretChunker::decode(outcome.data);
        switch (entry.kind) {
        case StoredEntry::Kind::Direct:
            finishRead(state, {}, entry.value);
            return;
        case StoredEntry::Kind::Corrupt:
            qCWarning(lcStorage) << "keychain entry" << m_service << state->key
                                 << "is damaged:" << entry.problem;
            finishRead(state, errorResult(SecretResult::Status::Error, SecretMessages::damaged()),
                       {});
            return;
        case StoredEntry::Kind::Chunked:
            if (state->attempt > 0 && entry.header == state->header) {
                chunksDamaged(state, state->problem, /*final=*/true); // the damage is real
                return;
            }
            state->header = entry.header;
            state->chunks.clear();
            state->chunks.reserve(entry.header.count);
            readNextChunk(state);
            return;
        }
    });
}

void KeychainSecretStore::chunksDamaged(const std::shared_ptr<ReadState> &state,
                                        const QString &problem, bool final)
{
    state->chunks.clear();
    state->problem = problem;
    // Another process (another instance of the app) may have replaced the value
    // between our read of the header and of its chunks: look at the header again;
    // if it is unchanged, the damage is real.
    if (!final && ++state->attempt < MaxReadAttempts) {
        qCDebug(lcStorage).noquote() << "keychain entry" << m_service << state->key
                                     << "looks damaged (" + problem + "); reading it again";
        readEntry(state);
        return;
    }
    qCWarning(lcStorage) << "keychain entry" << m_service << state->key << "is damaged:" << problem;
    finishRead(state, errorResult(SecretResult::Status::Error, SecretMessages::damaged()), {});
}

void KeychainSecretStore::readNextChunk(const std::shared_ptr<ReadState> &state)
{
    const int index = int(state->chunks.size());
    if (index >= state->header.count) {
        QString problem;
        std::optional<QByteArray> value =
            SecretChunker::assemble(state->header, state->chunks, &problem);
        state->chunks.clear();
        if (!value) {
            chunksDamaged(state, problem);
            return;
        }
        finishRead(state, {}, *value);
        return;
    }
    const QString chunkKey = SecretChunker::chunkKey(state->key, state->header.generation, index);
    readJob(chunkKey, [this, state, chunkKey](const JobOutcome &outcome) {
        if (outcome.error == QKeychain::EntryNotFound) {
            chunksDamaged(state, QStringLiteral("chunk %1 is missing").arg(chunkKey));
            return;
        }
        if (outcome.error != QKeychain::NoError) {
            qCWarning(lcStorage) << "keychain read of" << m_service << chunkKey << "failed: error"
                                 << outcome.error << outcome.errorString;
            finishRead(state, mapKeychainError(outcome.error, outcome.errorString), {});
            return;
        }
        state->chunks.append(outcome.data);
        readNextChunk(state);
    });
}

void KeychainSecretStore::finishRead(const std::shared_ptr<ReadState> &state,
                                     const SecretResult &result, const QByteArray &value)
{
    qCDebug(lcStorage) << "keychain read" << m_service << state->key << "->"
                       << secretStatusName(result.status) << value.size() << "bytes,"
                       << state->header.count << "chunks," << state->timer.elapsed() << "ms";
    post([done = std::move(state->done), result, value] {
        if (done)
            done(result, value);
    });
    operationFinished();
}

// ---------------------------------------------------------------------------
// write / remove
// ---------------------------------------------------------------------------

void KeychainSecretStore::write(const QString &key, const QByteArray &value, WriteCallback done)
{
    enqueue([this, key, value, done = std::move(done)]() mutable {
        startWrite(key, value, std::move(done));
    });
}

void KeychainSecretStore::remove(const QString &key, WriteCallback done)
{
    enqueue([this, key, done = std::move(done)]() mutable { startRemove(key, std::move(done)); });
}

void KeychainSecretStore::startWrite(const QString &key, const QByteArray &value,
                                     WriteCallback done)
{
    auto state = std::make_shared<StepsState>();
    state->operation = "write";
    state->key = key;
    state->size = value.size();
    state->done = std::move(done);
    state->timer.start();

    if (!SecretChunker::isValidKey(key)) {
        qCWarning(lcStorage) << "keychain write: invalid key" << key;
        finishSteps(state, errorResult(SecretResult::Status::Error, SecretMessages::invalidKey()));
        return;
    }
    if (value.size() > SecretChunker::MaxValueSize) {
        qCWarning(lcStorage) << "keychain write of" << m_service << key
                             << "refused:" << value.size() << "bytes is above the limit of"
                             << SecretChunker::MaxValueSize;
        finishSteps(state, errorResult(SecretResult::Status::Error, SecretMessages::tooLarge()));
        return;
    }

    // Learn the current layout first: the plan depends on the old generation.
    readJob(key, [this, state, value](const JobOutcome &outcome) {
        std::optional<StoredEntry> old;
        if (outcome.error == QKeychain::NoError) {
            old = SecretChunker::decode(outcome.data);
            if (old->kind == StoredEntry::Kind::Corrupt) {
                qCInfo(lcStorage).noquote() << "keychain entry" << m_service << state->key
                                            << "is damaged (" + old->problem + "); replacing it";
            }
        } else if (outcome.error != QKeychain::EntryNotFound) {
            qCWarning(lcStorage) << "keychain write of" << m_service << state->key
                                 << "failed reading the current entry: error" << outcome.error
                                 << outcome.errorString;
            finishSteps(state, mapKeychainError(outcome.error, outcome.errorString));
            return;
        }
        state->steps = SecretChunker::planWrite(state->key, value, old);
        runSteps(state);
    });
}

void KeychainSecretStore::startRemove(const QString &key, WriteCallback done)
{
    auto state = std::make_shared<StepsState>();
    state->operation = "remove";
    state->key = key;
    state->done = std::move(done);
    state->timer.start();

    if (!SecretChunker::isValidKey(key)) {
        qCWarning(lcStorage) << "keychain remove: invalid key" << key;
        finishSteps(state, errorResult(SecretResult::Status::Error, SecretMessages::invalidKey()));
        return;
    }

    readJob(key, [this, state](const JobOutcome &outcome) {
        std::optional<StoredEntry> old;
        if (outcome.error == QKeychain::NoError) {
            old = SecretChunker::decode(outcome.data);
        } else if (outcome.error != QKeychain::EntryNotFound) {
            qCWarning(lcStorage) << "keychain remove of" << m_service << state->key
                                 << "failed reading the current entry: error" << outcome.error
                                 << outcome.errorString;
            finishSteps(state, mapKeychainError(outcome.error, outcome.errorString));
            return;
        }
        // Even when the read says "not found" (also what a locked collection
        // answers), the delete of <key> is still attempted.
        state->steps = SecretChunker::planRemove(state->key, old);
        runSteps(state);
    });
}

void KeychainSecretStore::runSteps(const std::shared_ptr<StepsState> &state)
{
    if (state->index >= state->steps.size()) {
        finishSteps(state, {});
        return;
    }
    const ChunkStep &step = state->steps.at(state->index);
    switch (step.kind) {
    case ChunkStep::Kind::Write:
        writeJob(step.key, step.data, [this, state](const JobOutcome &outcome) {
            if (outcome.error != QKeychain::NoError) {
                stepFailed(state, outcome);
                return;
            }
            ++state->index;
            runSteps(state);
        });
        return;
    case ChunkStep::Kind::Delete:
        deleteJob(step.key, [this, state](const JobOutcome &outcome) {
            if (outcome.error != QKeychain::NoError && outcome.error != QKeychain::EntryNotFound) {
                stepFailed(state, outcome);
                return;
            }
            ++state->index;
            runSteps(state);
        });
        return;
    case ChunkStep::Kind::Sweep:
        runSweep(state, step.fromIndex);
        return;
    }
}

void KeychainSecretStore::runSweep(const std::shared_ptr<StepsState> &state, int index)
{
    const ChunkStep &step = state->steps.at(state->index);
    if (index >= SecretChunker::MaxChunks) {
        ++state->index;
        runSteps(state);
        return;
    }
    const QString chunkKey = SecretChunker::chunkKey(step.key, step.generation, index);
    readJob(chunkKey, [this, state, chunkKey, index](const JobOutcome &found) {
        if (found.error == QKeychain::EntryNotFound) {
            ++state->index; // nothing (more) left behind
            runSteps(state);
            return;
        }
        if (found.error != QKeychain::NoError) {
            stepFailed(state, found);
            return;
        }
        qCInfo(lcStorage) << "removing leftover chunk" << m_service << chunkKey;
        deleteJob(chunkKey, [this, state, index](const JobOutcome &deleted) {
            if (deleted.error != QKeychain::NoError && deleted.error != QKeychain::EntryNotFound) {
                stepFailed(state, deleted);
                return;
            }
            runSweep(state, index + 1);
        });
    });
}

void KeychainSecretStore::stepFailed(const std::shared_ptr<StepsState> &state,
                                     const JobOutcome &outcome)
{
    const ChunkStep &step = state->steps.at(state->index);
    if (step.required) {
        qCWarning(lcStorage) << "keychain" << state->operation << "of" << m_service << state->key
                             << "failed at" << step.key << ": error" << outcome.error
                             << outcome.errorString;
        finishSteps(state, mapKeychainError(outcome.error, outcome.errorString));
        return;
    }
    qCWarning(lcStorage) << "keychain" << state->operation << "of" << m_service << state->key
                         << "succeeded, but cleaning up" << step.key << "failed: error"
                         << outcome.error << outcome.errorString;
    ++state->cleanupFailures;
    ++state->index;
    runSteps(state);
}

void KeychainSecretStore::finishSteps(const std::shared_ptr<StepsState> &state,
                                      const SecretResult &result)
{
    qCDebug(lcStorage).nospace() << "keychain " << state->operation << ' ' << m_service << ' '
                                 << state->key << " (" << state->size << " bytes, "
                                 << state->steps.size() << " steps) -> "
                                 << secretStatusName(result.status) << ", "
                                 << state->cleanupFailures << " clean-up failure(s), "
                                 << state->timer.elapsed() << " ms";
    state->steps.clear(); // drop the copies of the value as soon as possible
    post([done = std::move(state->done), result] {
        if (done)
            done(result);
    });
    operationFinished();
}

} // namespace clipshelf
