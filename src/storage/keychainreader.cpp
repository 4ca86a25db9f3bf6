#include "storage/keychainreader.h"

#include "storage/keychainerrors.h"
#include "storage/secretchunker.h"
#include "storage/secretmessages.h"
#include "storage/storagelogging.h"

#include <optional>
#include <QElapsedTimer>
#include <qt6keychain/keychain.h>

namespace clipshelf {

struct KeychainReader::State
{
    const KeychainJobs *jobs = nullptr;
    QString key;
    Finished finished;
    ChunkHeader header;
    QList<QByteArray> chunks;
    int attempt = 0;
    QString problem; ///< why the last attempt found the chunks damaged
    QElapsedTimer timer;
};

namespace {

/// Reads of a chunked value that find it damaged look at the header again this
/// many times in all (the value may have been replaced by another process meanwhile).
constexpr int MaxReadAttempts = 3;

SecretResult damagedResult()
{
    return SecretMessages::result(SecretResult::Status::Error, SecretMessages::damaged());
}

} // namespace

void KeychainReader::read(const KeychainJobs *jobs, const QString &key, Finished finished)
{
    auto state = std::make_shared<State>();
    state->jobs = jobs;
    state->key = key;
    state->finished = std::move(finished);
    state->timer.start();

    if (!SecretChunker::isValidKey(key)) {
        qCWarning(lcStorage) << "keychain read: invalid key" << key;
        finish(state,
               SecretMessages::result(SecretResult::Status::Error, SecretMessages::invalidKey()),
               {});
        return;
    }

    readEntry(state);
}

void KeychainReader::readEntry(const StatePtr &state)
{
    state->jobs->read(state->key, [state](const KeychainJobOutcome &outcome) {
        if (outcome.error != QKeychain::NoError) {
            if (outcome.error != QKeychain::EntryNotFound) {
                qCWarning(lcStorage) << "keychain read of" << state->jobs->service() << state->key
                                     << "failed: error" << outcome.error << outcome.errorString;
            }
            finish(state, keychainerrors::toResult(outcome.error, outcome.errorString), {});
            return;
        }
        StoredEntry entry = SecretChunker::decode(outcome.data);
        switch (entry.kind) {
        case StoredEntry::Kind::Direct:
            finish(state, {}, entry.value);
            return;
        case StoredEntry::Kind::Corrupt:
            qCWarning(lcStorage) << "keychain entry" << state->jobs->service() << state->key
                                 << "is damaged:" << entry.problem;
            finish(state, damagedResult(), {});
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

void KeychainReader::chunksDamaged(const StatePtr &state, const QString &problem, bool final)
{
    state->chunks.clear();
    state->problem = problem;
    // Another process (another instance of the app) may have replaced the value
    // between our read of the header and of its chunks: look at the header again;
    // if it is unchanged, the damage is real.
    if (!final && ++state->attempt < MaxReadAttempts) {
        qCDebug(lcStorage).noquote() << "keychain entry" << state->jobs->service() << state->key
                                     << "looks damaged (" + problem + "); reading it again";
        readEntry(state);
        return;
    }
    qCWarning(lcStorage) << "keychain entry" << state->jobs->service() << state->key
                         << "is damaged:" << problem;
    finish(state, damagedResult(), {});
}

void KeychainReader::readNextChunk(const StatePtr &state)
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
        finish(state, {}, *value);
        return;
    }
    const QString chunkKey = SecretChunker::chunkKey(state->key, state->header.generation, index);
    state->jobs->read(chunkKey, [state, chunkKey](const KeychainJobOutcome &outcome) {
        if (outcome.error == QKeychain::EntryNotFound) {
            chunksDamaged(state, QStringLiteral("chunk %1 is missing").arg(chunkKey));
            return;
        }
        if (outcome.error != QKeychain::NoError) {
            qCWarning(lcStorage) << "keychain read of" << state->jobs->service() << chunkKey
                                 << "failed: error" << outcome.error << outcome.errorString;
            finish(state, keychainerrors::toResult(outcome.error, outcome.errorString), {});
            return;
        }
        state->chunks.append(outcome.data);
        readNextChunk(state);
    });
}

void KeychainReader::finish(const StatePtr &state, const SecretResult &result,
                            const QByteArray &value)
{
    qCDebug(lcStorage) << "keychain read" << state->jobs->service() << state->key << "->"
                       << secretStatusName(result.status) << value.size() << "bytes,"
                       << state->header.count << "chunks," << state->timer.elapsed() << "ms";
    Finished finished = std::move(state->finished);
    finished(result, value);
}

} // namespace clipshelf
