#include "storage/keychainwriter.h"

#include "storage/keychainerrors.h"
#include "storage/secretchunker.h"
#include "storage/secretmessages.h"
#include "storage/storagelogging.h"

#include <optional>
#include <QElapsedTimer>
#include <qt6keychain/keychain.h>

namespace clipshelf {

struct KeychainWriter::State
{
    const KeychainJobs *jobs = nullptr;
    const char *operation = "";
    QString key;
    qsizetype size = 0;
    Finished finished;
    QList<ChunkStep> steps;
    qsizetype index = 0;
    int cleanupFailures = 0;
    QElapsedTimer timer;
};

namespace {

SecretResult errorResult(const QString &message)
{
    return SecretMessages::result(SecretResult::Status::Error, message);
}

bool deleted(const KeychainJobOutcome &outcome)
{
    return outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound;
}

} // namespace

KeychainWriter::StatePtr KeychainWriter::begin(const KeychainJobs *jobs, const char *operation,
                                               const QString &key, Finished finished)
{
    auto state = std::make_shared<State>();
    state->jobs = jobs;
    state->operation = operation;
    state->key = key;
    state->finished = std::move(finished);
    state->timer.start();
    if (!SecretChunker::isValidKey(key)) {
        qCWarning(lcStorage).nospace() << "keychain " << operation << ": invalid key " << key;
        finish(state, errorResult(SecretMessages::invalidKey()));
        return {};
    }
    return state;
}

bool KeychainWriter::readFailed(const StatePtr &state, const KeychainJobOutcome &outcome)
{
    if (outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound)
        return false;
    qCWarning(lcStorage) << "keychain" << state->operation << "of" << state->jobs->service()
                         << state->key << "failed reading the current entry: error" << outcome.error
                         << outcome.errorString;
    finish(state, keychainerrors::toResult(outcome.error, outcome.errorString));
    return true;
}

void KeychainWriter::write(const KeychainJobs *jobs, const QString &key, const QByteArray &value,
                           Finished finished)
{
    StatePtr state = begin(jobs, "write", key, std::move(finished));
    if (!state)
        return;
    state->size = value.size();
    if (value.size() > SecretChunker::MaxValueSize) {
        qCWarning(lcStorage) << "keychain write of" << jobs->service() << key
                             << "refused:" << value.size() << "bytes is above the limit of"
                             << SecretChunker::MaxValueSize;
        finish(state, errorResult(SecretMessages::tooLarge()));
        return;
    }

    // Learn the current layout first: the plan depends on the old generation.
    jobs->read(key, [state, value](const KeychainJobOutcome &outcome) {
        if (readFailed(state, outcome))
            return;
        std::optional<StoredEntry> old;
        if (outcome.error == QKeychain::NoError) {
            old = SecretChunker::decode(outcome.data);
            if (old->kind == StoredEntry::Kind::Corrupt) {
                qCInfo(lcStorage).noquote()
                    << "keychain entry" << state->jobs->service() << state->key
                    << "is damaged (" + old->problem + "); replacing it";
            }
        }
        state->steps = SecretChunker::planWrite(state->key, value, old);
        runSteps(state);
    });
}

void KeychainWriter::remove(const KeychainJobs *jobs, const QString &key, Finished finished)
{
    StatePtr state = begin(jobs, "remove", key, std::move(finished));
    if (!state)
        return;
    jobs->read(key, [state](const KeychainJobOutcome &outcome) {
        if (readFailed(state, outcome))
            return;
        std::optional<StoredEntry> old;
        if (outcome.error == QKeychain::NoError)
            old = SecretChunker::decode(outcome.data);
        // Even when the read says "not found" (also what a locked collection
        // answers), the delete of <key> is still attempted.
        state->steps = SecretChunker::planRemove(state->key, old);
        runSteps(state);
    });
}

void KeychainWriter::runSteps(const StatePtr &state)
{
    if (state->index >= state->steps.size()) {
        finish(state, {});
        return;
    }
    const ChunkStep &step = state->steps.at(state->index);
    switch (step.kind) {
    case ChunkStep::Kind::Write:
        state->jobs->write(step.key, step.data, [state](const KeychainJobOutcome &outcome) {
            if (outcome.error != QKeychain::NoError) {
                stepFailed(state, outcome);
                return;
            }
            ++state->index;
            runSteps(state);
        });
        return;
    case ChunkStep::Kind::Delete:
        state->jobs->remove(step.key, [state](const KeychainJobOutcome &outcome) {
            if (!deleted(outcome)) {
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

void KeychainWriter::runSweep(const StatePtr &state, int index)
{
    const ChunkStep &step = state->steps.at(state->index);
    if (index >= SecretChunker::MaxChunks) {
        ++state->index;
        runSteps(state);
        return;
    }
    const QString chunkKey = SecretChunker::chunkKey(step.key, step.generation, index);
    state->jobs->read(chunkKey, [state, chunkKey, index](const KeychainJobOutcome &found) {
        if (found.error == QKeychain::EntryNotFound) {
            ++state->index; // nothing (more) left behind
            runSteps(state);
            return;
        }
        if (found.error != QKeychain::NoError) {
            stepFailed(state, found);
            return;
        }
        qCInfo(lcStorage) << "removing leftover chunk" << state->jobs->service() << chunkKey;
        state->jobs->remove(chunkKey, [state, index](const KeychainJobOutcome &outcome) {
            if (!deleted(outcome)) {
                stepFailed(state, outcome);
                return;
            }
            runSweep(state, index + 1);
        });
    });
}

void KeychainWriter::stepFailed(const StatePtr &state, const KeychainJobOutcome &outcome)
{
    const ChunkStep &step = state->steps.at(state->index);
    if (step.required) {
        qCWarning(lcStorage) << "keychain" << state->operation << "of" << state->jobs->service()
                             << state->key << "failed at" << step.key << ": error" << outcome.error
                             << outcome.errorString;
        finish(state, keychainerrors::toResult(outcome.error, outcome.errorString));
        return;
    }
    qCWarning(lcStorage) << "keychain" << state->operation << "of" << state->jobs->service()
                         << state->key << "succeeded, but cleaning up" << step.key
                         << "failed: error" << outcome.error << outcome.errorString;
    ++state->cleanupFailures;
    ++state->index;
    runSteps(state);
}

void KeychainWriter::finish(const StatePtr &state, const SecretResult &result)
{
    qCDebug(lcStorage).nospace() << "keychain " << state->operation << ' ' << state->jobs->service()
                                 << ' ' << state->key << " (" << state->size << " bytes, "
                                 << state->steps.size() << " steps) -> "
                                 << secretStatusName(result.status) << ", "
                                 << state->cleanupFailures << " clean-up failure(s), "
                                 << state->timer.elapsed() << " ms";
    state->steps.clear(); // drop the copies of the value as soon as possible
    Finished finished = std::move(state->finished);
    finished(result);
}

} // namespace clipshelf
