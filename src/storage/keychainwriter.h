#pragma once

#include "storage/keychainjobs.h"
#include "storage/secretstore.h"

#include <functional>
#include <memory>

namespace clipshelf {

/**
 * The job sequences of one KeychainSecretStore write or remove: read the
 * current entry, plan the steps (SecretChunker::planWrite / planRemove), then
 * run them in order. A failing required step ends the operation with that
 * failure; a failing clean-up step after the commit is logged and skipped.
 */
class KeychainWriter
{
public:
    using Finished = std::function<void(const SecretResult &)>;

    /// Stores \a value under \a key through \a jobs (which must outlive the write).
    static void write(const KeychainJobs *jobs, const QString &key, const QByteArray &value,
                      Finished finished);
    /// Removes \a key, its chunks and any chunks a crashed write left behind.
    static void remove(const KeychainJobs *jobs, const QString &key, Finished finished);

private:
    struct State;
    using StatePtr = std::shared_ptr<State>;

    static StatePtr begin(const KeychainJobs *jobs, const char *operation, const QString &key,
                          Finished finished);
    static bool readFailed(const StatePtr &state, const KeychainJobOutcome &outcome);
    static void runSteps(const StatePtr &state);
    static void runSweep(const StatePtr &state, int index);
    static void stepFailed(const StatePtr &state, const KeychainJobOutcome &outcome);
    static void finish(const StatePtr &state, const SecretResult &result);
};

} // namespace clipshelf
