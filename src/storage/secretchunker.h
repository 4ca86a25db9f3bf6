#pragma once

#include <optional>
#include <QByteArray>
#include <QList>
#include <QString>

namespace clipshelf {

/// The header of a chunked value; it is what the entry `<key>` itself holds.
struct ChunkHeader
{
    quint64 generation = 0; ///< chunk entries are `<key>#<generation>.<index>`
    int count = 0;          ///< number of chunk entries
    qsizetype size = 0;     ///< total size of the value in bytes
    QByteArray digest;      ///< first 16 bytes of the value's SHA-256, lowercase hex

    bool operator==(const ChunkHeader &) const = default;
};

/// What the entry `<key>` holds, decoded.
struct StoredEntry
{
    enum class Kind {
        Direct,  ///< the value itself (small values)
        Chunked, ///< a header pointing at chunk entries
        Corrupt, ///< unreadable marker; `problem` says why
    };
    Kind kind = Kind::Corrupt;
    QByteArray value;   ///< Direct: the value
    ChunkHeader header; ///< Chunked: the header
    QString problem;    ///< Corrupt: reason for the log (never contains stored data)
};

/// One step of a planned keychain write or remove; steps run in order.
struct ChunkStep
{
    enum class Kind {
        Write,  ///< write `data` to `key`
        Delete, ///< delete `key` (a missing entry counts as deleted)
        Sweep,  ///< delete `key`#`generation`.i for i = fromIndex, ... while such an entry exists
    };
    Kind kind = Kind::Write;
    QString key;
    QByteArray data;
    quint64 generation = 0;
    int fromIndex = 0;
    /// A failing required step aborts the operation with that failure; a failing
    /// optional step (clean-up after the commit) is logged and skipped.
    bool required = true;
};

/**
 * The keychain layout of one logical secret, as pure functions (no I/O), so it
 * can be tested without a keychain. KeychainSecretStore executes the plans.
 *
 * Layout, on every OS (Windows Credential Manager caps an entry near 2.5 KB):
 *  - a value whose direct encoding fits in ChunkSize bytes is stored in `<key>`
 *    itself; a value that starts with the reserved prefix "clipshelf-" (or is
 *    empty) is escaped as "clipshelf-escaped:" + value;
 *  - a larger value is split into chunks of ChunkSize bytes stored in
 *    `<key>#<generation>.<index>`, and `<key>` holds the header
 *    "clipshelf-chunks:v1:<generation>:<count>:<size>:<digest>".
 *
 * A write goes new-before-old: all new chunks (under a generation different from
 * the current one), then the header (the commit), then deletion of the old
 * generation. A crash at any point leaves the old or the new value readable.
 * Generations are deterministic (old + 1, or 1), so chunks left behind by a
 * crashed write are overwritten or swept by the next write or remove.
 */
class SecretChunker
{
public:
    static constexpr qsizetype ChunkSize = 2000;
    static constexpr qsizetype MaxValueSize = 1024 * 1024;
    static constexpr int MaxChunks = int((MaxValueSize + ChunkSize - 1) / ChunkSize);
    static constexpr qsizetype MaxKeyLength = 200;

    static QByteArray reservedPrefix(); ///< "clipshelf-"
    static QByteArray headerPrefix();   ///< "clipshelf-chunks:"
    static QByteArray escapePrefix();   ///< "clipshelf-escaped:"

    /// Keys are non-empty, at most MaxKeyLength characters, without '#' and control characters.
    static bool isValidKey(const QString &key);
    static QString chunkKey(const QString &key, quint64 generation, int index);

    static QByteArray encodeDirect(const QByteArray &value);
    static bool fitsDirectly(const QByteArray &value);
    static QByteArray digestOf(const QByteArray &value);
    static ChunkHeader headerFor(const QByteArray &value, quint64 generation);
    static QByteArray encodeHeader(const ChunkHeader &header);
    static QList<QByteArray> split(const QByteArray &value);
    static StoredEntry decode(const QByteArray &stored);
    /// Joins and verifies chunks (count, size, digest); nullopt and `problem` when they don't
    /// match.
    static std::optional<QByteArray> assemble(const ChunkHeader &header,
                                              const QList<QByteArray> &chunks,
                                              QString *problem = nullptr);

    /// The generation a write replacing `old` uses (nullopt: `<key>` does not exist).
    static quint64 nextGeneration(const std::optional<StoredEntry> &old);
    /// Steps that replace `old` by `value` (value.size() <= MaxValueSize).
    static QList<ChunkStep> planWrite(const QString &key, const QByteArray &value,
                                      const std::optional<StoredEntry> &old);
    /// Steps that remove `old`, chunks included, and sweep crash leftovers.
    static QList<ChunkStep> planRemove(const QString &key, const std::optional<StoredEntry> &old);
};

} // namespace clipshelf
