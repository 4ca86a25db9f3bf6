// Keychain blobs: SecretChunker's entry format (decode, encode, assemble) and its
// write/remove plans, and Session::fromSecretBlob. Input: one line, the entry
// that <key> holds now, then the value to store (also read as a session blob).
// Invariants (round trips): encode(decode(x)) decodes to the same entry and is
// stable; a plan run against a keychain holding x (with its chunks and crash
// leftovers) stores exactly the value, leaves nothing else behind, and a remove
// plan leaves nothing at all; a session read from a blob writes back to a blob
// that reads as the same session, and that blob is stable.
#include "auth/session.h"
#include "fuzzsupport.h"
#include "storage/secretchunker.h"

#include <QMap>

using namespace clipshelf;

namespace {

const QString kKey = QStringLiteral("profile/default/session");

void checkEntryRoundTrip(const QByteArray &stored)
{
    const StoredEntry e = SecretChunker::decode(stored);
    switch (e.kind) {
    case StoredEntry::Kind::Direct: {
        const QByteArray encoded = SecretChunker::encodeDirect(e.value);
        const StoredEntry again = SecretChunker::decode(encoded);
        FUZZ_CHECK(again.kind == StoredEntry::Kind::Direct && again.value == e.value,
                   "a direct value changed");
        FUZZ_CHECK(SecretChunker::encodeDirect(again.value) == encoded, "direct encoding unstable");
        break;
    }
    case StoredEntry::Kind::Chunked: {
        const ChunkHeader &h = e.header;
        FUZZ_CHECK(h.generation > 0 && h.count > 0 && h.count <= SecretChunker::MaxChunks,
                   "bad header accepted");
        FUZZ_CHECK(h.size >= h.count && h.size <= SecretChunker::MaxValueSize, "bad size accepted");
        const QByteArray encoded = SecretChunker::encodeHeader(h);
        const StoredEntry again = SecretChunker::decode(encoded);
        FUZZ_CHECK(again.kind == StoredEntry::Kind::Chunked && again.header == h,
                   "a chunk header changed");
        FUZZ_CHECK(SecretChunker::encodeHeader(again.header) == encoded,
                   "header encoding unstable");
        break;
    }
    case StoredEntry::Kind::Corrupt:
        FUZZ_CHECK(!e.problem.isEmpty(), "corrupt without a reason");
        FUZZ_CHECK(stored.startsWith(SecretChunker::reservedPrefix()),
                   "a plain value read as corrupt");
        FUZZ_CHECK(!e.problem.contains(QString::fromLatin1(stored.mid(17, 32))) ||
                       stored.size() < 40,
                   "stored data in a problem text");
        break;
    }
}

/// A keychain in memory that runs plans as KeychainSecretStore does.
struct Keychain
{
    QMap<QString, QByteArray> entries;

    void run(const QList<ChunkStep> &steps)
    {
        for (const ChunkStep &s : steps) {
            switch (s.kind) {
            case ChunkStep::Kind::Write:
                entries.insert(s.key, s.data);
                break;
            case ChunkStep::Kind::Delete:
                entries.remove(s.key);
                break;
            case ChunkStep::Kind::Sweep:
                for (int i = s.fromIndex;
                     entries.remove(SecretChunker::chunkKey(s.key, s.generation, i)); ++i) {
                }
                break;
            }
        }
    }

    std::optional<QByteArray> read(const QString &key) const
    {
        if (!entries.contains(key))
            return std::nullopt;
        const StoredEntry e = SecretChunker::decode(entries.value(key));
        if (e.kind == StoredEntry::Kind::Direct)
            return e.value;
        if (e.kind != StoredEntry::Kind::Chunked)
            return std::nullopt;
        QList<QByteArray> chunks;
        for (int i = 0; i < e.header.count; ++i)
            chunks << entries.value(SecretChunker::chunkKey(key, e.header.generation, i));
        return SecretChunker::assemble(e.header, chunks);
    }
};

Keychain holding(const QByteArray &stored, const StoredEntry &old)
{
    Keychain k;
    k.entries.insert(kKey, stored);
    if (old.kind == StoredEntry::Kind::Chunked) {
        for (int i = 0; i < old.header.count; ++i)
            k.entries.insert(SecretChunker::chunkKey(kKey, old.header.generation, i), "old");
        // What crashed runs may have left: a write's chunks, a clean-up's generation.
        const quint64 next = SecretChunker::nextGeneration(old);
        for (int i = 0; i < 3; ++i)
            k.entries.insert(SecretChunker::chunkKey(kKey, next, i), "leftover");
        if (old.header.generation > 1)
            k.entries.insert(SecretChunker::chunkKey(kKey, old.header.generation - 1, 0),
                             "leftover");
    }
    return k;
}

void checkPlans(const QByteArray &stored, const QByteArray &value)
{
    const StoredEntry old = SecretChunker::decode(stored);
    Keychain k = holding(stored, old);
    k.run(SecretChunker::planWrite(kKey, value, old));
    FUZZ_CHECK(k.read(kKey) == value, "a planned write does not read back");
    const StoredEntry now = SecretChunker::decode(k.entries.value(kKey));
    const int chunks = now.kind == StoredEntry::Kind::Chunked ? now.header.count : 0;
    FUZZ_CHECK(k.entries.size() == 1 + chunks, "a planned write leaves other entries behind");
    if (now.kind == StoredEntry::Kind::Chunked) {
        QList<QByteArray> parts;
        for (int i = 0; i < chunks; ++i)
            parts << k.entries.value(SecretChunker::chunkKey(kKey, now.header.generation, i));
        FUZZ_CHECK(parts == SecretChunker::split(value), "chunks differ from split()");
        for (const QByteArray &p : parts)
            FUZZ_CHECK(p.size() <= SecretChunker::ChunkSize, "a chunk larger than ChunkSize");
    }

    Keychain r = holding(stored, old);
    r.run(SecretChunker::planRemove(kKey, old));
    FUZZ_CHECK(r.entries.isEmpty(), "a planned remove leaves entries behind");
}

void checkSession(const QByteArray &blob)
{
    const Session s = Session::fromSecretBlob(blob);
    if (!s.isValid()) {
        FUZZ_CHECK(s == Session(), "an invalid blob gave a partial session");
        return;
    }
    const QByteArray written = s.toSecretBlob();
    const Session again = Session::fromSecretBlob(written);
    FUZZ_CHECK(again == s, "a session changed on its way through the keychain");
    FUZZ_CHECK(again.toSecretBlob() == written, "the session blob is not stable");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::rawBytes(data, size);
    const auto [stored, value] = fuzz::splitOnce(input, '\n');
    checkEntryRoundTrip(stored);
    checkEntryRoundTrip(input);
    if (value.size() <= SecretChunker::MaxValueSize)
        checkPlans(stored, value);
    checkSession(input);
    checkSession(value);
    return 0;
}
