#include "storage/secretchunker.h"

#include <QCryptographicHash>

namespace clipshelf {

namespace {

constexpr qsizetype DigestBytes = 16;
constexpr qsizetype MaxDecimalDigits = 19; // fits in quint64 without overflow checks

std::optional<quint64> parseDecimal(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > MaxDecimalDigits)
        return std::nullopt;
    quint64 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + quint64(c - '0');
    }
    return value;
}

bool isLowerHex(const QByteArray &text)
{
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

StoredEntry corrupt(const QString &problem)
{
    StoredEntry e;
    e.kind = StoredEntry::Kind::Corrupt;
    e.problem = problem;
    return e;
}

ChunkStep sweepStep(const QString &key, quint64 generation, int fromIndex)
{
    ChunkStep s;
    s.kind = ChunkStep::Kind::Sweep;
    s.key = key;
    s.generation = generation;
    s.fromIndex = fromIndex;
    s.required = false;
    return s;
}

ChunkStep writeStep(const QString &key, const QByteArray &data)
{
    ChunkStep s;
    s.kind = ChunkStep::Kind::Write;
    s.key = key;
    s.data = data;
    return s;
}

ChunkStep deleteStep(const QString &key, bool required)
{
    ChunkStep s;
    s.kind = ChunkStep::Kind::Delete;
    s.key = key;
    s.required = required;
    return s;
}

bool isChunked(const std::optional<StoredEntry> &e)
{
    return e && e->kind == StoredEntry::Kind::Chunked;
}

} // namespace

QByteArray SecretChunker::reservedPrefix()
{
    return QByteArrayLiteral("clipshelf-");
}

QByteArray SecretChunker::headerPrefix()
{
    return QByteArrayLiteral("clipshelf-chunks:");
}

QByteArray SecretChunker::escapePrefix()
{
    return QByteArrayLiteral("clipshelf-escaped:");
}

bool SecretChunker::isValidKey(const QString &key)
{
    if (key.isEmpty() || key.size() > MaxKeyLength)
        return false;
    for (QChar c : key) {
        if (c == u'#' || c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

QString SecretChunker::chunkKey(const QString &key, quint64 generation, int index)
{
    return key + u'#' + QString::number(generation) + u'.' + QString::number(index);
}

QByteArray SecretChunker::encodeDirect(const QByteArray &value)
{
    // Empty values are escaped too: not every keychain stores an empty secret.
    if (value.isEmpty() || value.startsWith(reservedPrefix()))
        return escapePrefix() + value;
    return value;
}

bool SecretChunker::fitsDirectly(const QByteArray &value)
{
    const qsizetype extra =
        (value.isEmpty() || value.startsWith(reservedPrefix())) ? escapePrefix().size() : 0;
    return value.size() + extra <= ChunkSize;
}

QByteArray SecretChunker::digestOf(const QByteArray &value)
{
    return QCryptographicHash::hash(value, QCryptographicHash::Sha256).left(DigestBytes).toHex();
}

ChunkHeader SecretChunker::headerFor(const QByteArray &value, quint64 generation)
{
    ChunkHeader h;
    h.generation = generation;
    h.count = int((value.size() + ChunkSize - 1) / ChunkSize);
    h.size = value.size();
    h.digest = digestOf(value);
    return h;
}

QByteArray SecretChunker::encodeHeader(const ChunkHeader &header)
{
    return headerPrefix() + "v1:" + QByteArray::number(header.generation) + ':' +
           QByteArray::number(header.count) + ':' + QByteArray::number(qint64(header.size)) + ':' +
           header.digest;
}

QList<QByteArray> SecretChunker::split(const QByteArray &value)
{
    QList<QByteArray> chunks;
    chunks.reserve((value.size() + ChunkSize - 1) / ChunkSize);
    for (qsizetype offset = 0; offset < value.size(); offset += ChunkSize)
        chunks.append(value.mid(offset, ChunkSize));
    return chunks;
}

StoredEntry SecretChunker::decode(const QByteArray &stored)
{
    if (stored.startsWith(escapePrefix())) {
        StoredEntry e;
        e.kind = StoredEntry::Kind::Direct;
        e.value = stored.mid(escapePrefix().size());
        return e;
    }
    if (stored.startsWith(headerPrefix())) {
        const QList<QByteArray> fields = stored.mid(headerPrefix().size()).split(':');
        if (fields.isEmpty() || fields.first() != "v1")
            return corrupt(QStringLiteral("unsupported chunk header version (written by a newer "
                                          "Clipshelf?)"));
        if (fields.size() != 5)
            return corrupt(
                QStringLiteral("chunk header has %1 fields, expected 5").arg(fields.size()));
        const auto generation = parseDecimal(fields.at(1));
        const auto count = parseDecimal(fields.at(2));
        const auto size = parseDecimal(fields.at(3));
        const QByteArray &digest = fields.at(4);
        if (!generation || *generation == 0)
            return corrupt(QStringLiteral("chunk header has a bad generation"));
        if (!count || *count == 0 || *count > quint64(MaxChunks))
            return corrupt(QStringLiteral("chunk header has a bad chunk count"));
        if (!size || *size > quint64(MaxValueSize) || *size < *count)
            return corrupt(QStringLiteral("chunk header has a bad size"));
        if (digest.size() != DigestBytes * 2 || !isLowerHex(digest))
            return corrupt(QStringLiteral("chunk header has a bad checksum field"));
        StoredEntry e;
        e.kind = StoredEntry::Kind::Chunked;
        e.header.generation = *generation;
        e.header.count = int(*count);
        e.header.size = qsizetype(*size);
        e.header.digest = digest;
        return e;
    }
    if (stored.startsWith(reservedPrefix()))
        return corrupt(QStringLiteral("unknown entry marker (written by a newer Clipshelf?)"));
    StoredEntry e;
    e.kind = StoredEntry::Kind::Direct;
    e.value = stored;
    return e;
}

std::optional<QByteArray> SecretChunker::assemble(const ChunkHeader &header,
                                                  const QList<QByteArray> &chunks, QString *problem)
{
    auto fail = [problem](const QString &why) -> std::optional<QByteArray> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    if (chunks.size() != header.count)
        return fail(
            QStringLiteral("expected %1 chunks, got %2").arg(header.count).arg(chunks.size()));
    QByteArray value;
    value.reserve(header.size);
    for (const QByteArray &chunk : chunks) {
        if (chunk.isEmpty())
            return fail(QStringLiteral("empty chunk"));
        value += chunk;
        if (value.size() > header.size)
            break;
    }
    if (value.size() != header.size)
        return fail(QStringLiteral("chunks do not add up to the recorded size"));
    if (digestOf(value) != header.digest)
        return fail(QStringLiteral("checksum mismatch (chunks from different writes?)"));
    return value;
}

quint64 SecretChunker::nextGeneration(const std::optional<StoredEntry> &old)
{
    if (!isChunked(old))
        return 1;
    const quint64 next = old->header.generation + 1;
    return next == 0 ? 1 : next;
}

QList<ChunkStep> SecretChunker::planWrite(const QString &key, const QByteArray &value,
                                          const std::optional<StoredEntry> &old)
{
    QList<ChunkStep> steps;
    const quint64 generation = nextGeneration(old);
    int newChunks = 0;

    // 1. The new value, committed by the write of <key>.
    if (fitsDirectly(value)) {
        steps.append(writeStep(key, encodeDirect(value)));
    } else {
        const QList<QByteArray> chunks = split(value);
        newChunks = int(chunks.size());
        for (int i = 0; i < newChunks; ++i)
            steps.append(writeStep(chunkKey(key, generation, i), chunks.at(i)));
        steps.append(writeStep(key, encodeHeader(headerFor(value, generation))));
    }

    // 2. Clean-up after the commit: the old generation, then what crashed runs
    //    may have left (a write that died before its commit used `generation`,
    //    a clean-up that died after its commit left the generation before old).
    //    Old chunks go highest index first, so that whatever an interrupted
    //    clean-up leaves is a prefix <key>#<gen>.0..m, which a sweep finds.
    if (isChunked(old)) {
        for (int i = old->header.count - 1; i >= 0; --i)
            steps.append(deleteStep(chunkKey(key, old->header.generation, i), false));
    }
    steps.append(sweepStep(key, generation, newChunks));
    if (isChunked(old) && old->header.generation > 1)
        steps.append(sweepStep(key, old->header.generation - 1, 0));
    return steps;
}

QList<ChunkStep> SecretChunker::planRemove(const QString &key,
                                           const std::optional<StoredEntry> &old)
{
    QList<ChunkStep> steps;
    // Leftovers first: once <key> is gone nothing points at them any more.
    steps.append(sweepStep(key, nextGeneration(old), 0));
    if (isChunked(old) && old->header.generation > 1)
        steps.append(sweepStep(key, old->header.generation - 1, 0));
    // Chunks before the header: an interrupted remove leaves a header whose chunks
    // are missing (read as "damaged", i.e. signed out) that the next write or
    // remove still knows how to clean up, rather than unreachable secret fragments.
    if (isChunked(old)) {
        for (int i = old->header.count - 1; i >= 0; --i)
            steps.append(deleteStep(chunkKey(key, old->header.generation, i), true));
    }
    steps.append(deleteStep(key, true));
    return steps;
}

} // namespace clipshelf
