#pragma once

#include "storage/keychainjobs.h"
#include "storage/secretstore.h"

#include <functional>
#include <memory>

namespace clipshelf {

/**
 * The job sequence of one KeychainSecretStore read: the entry `<key>`, then its
 * chunks when it holds a chunk header (see SecretChunker). A chunked value that
 * looks damaged (maybe half-replaced by another process) has its header read
 * again, up to three times in all, before it is reported damaged.
 */
class KeychainReader
{
public:
    using Finished = std::function<void(const SecretResult &, const QByteArray &)>;

    /// Reads \a key through \a jobs (which must outlive the read) and calls \a finished once.
    static void read(const KeychainJobs *jobs, const QString &key, Finished finished);

private:
    struct State;
    using StatePtr = std::shared_ptr<State>;

    static void readEntry(const StatePtr &state);
    static void readNextChunk(const StatePtr &state);
    static void chunksDamaged(const StatePtr &state, const QString &problem, bool final = false);
    static void finish(const StatePtr &state, const SecretResult &result, const QByteArray &value);
};

} // namespace clipshelf
