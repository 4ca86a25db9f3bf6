#include "keychainbench.h"

#include "auth/sessionvault.h"
#include "benchclock.h"
#include "benchcontext.h"
#include "samples.h"

namespace clipshelf::bench {

QJsonObject runKeychainBench(BenchContext &context, int repetitions)
{
    SessionVault vault(context.keychain());
    Session session;
    Samples reads, writes;
    for (int rep = 0; rep <= repetitions; ++rep) { // rep 0 warms up
        bool loaded = false;
        bool readOk = false;
        const qint64 readStart = monotonicNs();
        qint64 readEnd = 0;
        vault.load([&](const SecretResult &result, const Session &stored) {
            readEnd = monotonicNs();
            loaded = true;
            readOk = result.ok();
            session = stored;
        });
        if (!BenchContext::waitUntil([&] { return loaded; }, 20'000) || !readOk)
            return {{"error", QStringLiteral("the stored session could not be read")}};

        bool saved = false;
        bool writeOk = false;
        const qint64 writeStart = monotonicNs();
        qint64 writeEnd = 0;
        vault.save(session, [&](const SecretResult &result) {
            writeEnd = monotonicNs();
            saved = true;
            writeOk = result.ok();
        });
        if (!BenchContext::waitUntil([&] { return saved; }, 20'000) || !writeOk)
            return {{"error", QStringLiteral("the session could not be written")}};
        if (rep > 0) {
            reads.add(msBetween(readStart, readEnd));
            writes.add(msBetween(writeStart, writeEnd));
        }
    }
    return {
        {"repetitions", repetitions},
        {"backend", context.keychain()->backendName()},
        {"session_bytes", int(session.toSecretBlob().size())},
        {"read_ms", reads.median()},
        {"write_ms", writes.median()},
        {"read_samples_ms", reads.toJson()},
        {"write_samples_ms", writes.toJson()},
    };
}

} // namespace clipshelf::bench
