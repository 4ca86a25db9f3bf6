// Unit tests of the storage layer that need no keychain: MemorySecretStore,
// the chunk layout and plans (SecretChunker, including a simulated crash at
// every step against an in-memory model of a keychain), the qtkeychain error
// mapping and the user-facing messages.

#include "secretoutcomes.h"
#include "storage/keychainsecretstore.h"
#include "storage/memorysecretstore.h"
#include "storage/secretchunker.h"
#include "storage/secretmessages.h"

#include <memory>
#include <optional>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSet>
#include <qt6keychain/keychain.h>
#include <QtTest>

using namespace clipshelf;
using namespace clipshelf::test;
using Status = SecretResult::Status;

namespace {

// ---------------------------------------------------------------------------
// An in-memory model of a keychain that executes SecretChunker plans the way
// KeychainSecretStore does, so that crashes can be simulated at every step.
// ---------------------------------------------------------------------------
using FakeKeychain = QHash<QString, QByteArray>;

/// Returns the value, std::nullopt for "not found", or an empty optional-of-optional for damaged.
struct ModelRead
{
    enum Kind { Value, NotFound, Damaged } kind = NotFound;
    QByteArray value;
};

ModelRead modelRead(const FakeKeychain &kc, const QString &key)
{
    if (!kc.contains(key))
        return {ModelRead::NotFound, {}};
    const StoredEntry entry = SecretChunker::decode(kc.value(key));
    if (entry.kind == StoredEntry::Kind::Direct)
        return {ModelRead::Value, entry.value};
    if (entry.kind == StoredEntry::Kind::Corrupt)
        return {ModelRead::Damaged, {}};
    QList<QByteArray> chunks;
    for (int i = 0; i < entry.header.count; ++i) {
        const QString ck = SecretChunker::chunkKey(key, entry.header.generation, i);
        if (!kc.contains(ck))
            return {ModelRead::Damaged, {}};
        chunks.append(kc.value(ck));
    }
    const auto value = SecretChunker::assemble(entry.header, chunks);
    if (!value)
        return {ModelRead::Damaged, {}};
    return {ModelRead::Value, *value};
}

std::optional<StoredEntry> modelHeader(const FakeKeychain &kc, const QString &key)
{
    if (!kc.contains(key))
        return std::nullopt;
    return SecretChunker::decode(kc.value(key));
}

/// Runs the first `limit` steps of `steps` (all when limit < 0); a sweep counts as one step.
void modelRun(FakeKeychain &kc, const QList<ChunkStep> &steps, qsizetype limit = -1)
{
    const qsizetype n = limit < 0 ? steps.size() : qMin(limit, steps.size());
    for (qsizetype s = 0; s < n; ++s) {
        const ChunkStep &step = steps.at(s);
        switch (step.kind) {
        case ChunkStep::Kind::Write:
            kc.insert(step.key, step.data);
            break;
        case ChunkStep::Kind::Delete:
            kc.remove(step.key);
            break;
        case ChunkStep::Kind::Sweep:
            for (int i = step.fromIndex; i < SecretChunker::MaxChunks; ++i) {
                if (!kc.remove(SecretChunker::chunkKey(step.key, step.generation, i)))
                    break;
            }
            break;
        }
    }
}

void modelWrite(FakeKeychain &kc, const QString &key, const QByteArray &value, qsizetype limit = -1)
{
    modelRun(kc, SecretChunker::planWrite(key, value, modelHeader(kc, key)), limit);
}

void modelRemove(FakeKeychain &kc, const QString &key, qsizetype limit = -1)
{
    modelRun(kc, SecretChunker::planRemove(key, modelHeader(kc, key)), limit);
}

/// The keys a clean store holds for `value` under `key`.
QSet<QString> expectedKeys(const FakeKeychain &kc, const QString &key)
{
    QSet<QString> keys;
    if (!kc.contains(key))
        return keys;
    keys.insert(key);
    const StoredEntry entry = SecretChunker::decode(kc.value(key));
    if (entry.kind == StoredEntry::Kind::Chunked) {
        for (int i = 0; i < entry.header.count; ++i)
            keys.insert(SecretChunker::chunkKey(key, entry.header.generation, i));
    }
    return keys;
}

QSet<QString> keysOf(const FakeKeychain &kc)
{
    return QSet<QString>(kc.keyBegin(), kc.keyEnd());
}

qsizetype commitIndex(const QList<ChunkStep> &steps, const QString &key)
{
    for (qsizetype i = 0; i < steps.size(); ++i) {
        if (steps.at(i).kind == ChunkStep::Kind::Write && steps.at(i).key == key)
            return i;
    }
    return -1;
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

private slots:
    // MemorySecretStore
    void memoryRoundTrip();
    void memoryReadMissing();
    void memoryCallbacksAreQueuedInCallOrder();
    void memoryRemove();
    void memoryInjectedFailure();
    void memorySizeCapAndKeys();
    void memoryProperties();
    void memoryNeverLogsValues();

    // SecretChunker: layout
    void keyValidity_data();
    void keyValidity();
    void chunkKeyFormat();
    void directEncoding_data();
    void directEncoding();
    void directThreshold();
    void splitSizes_data();
    void splitSizes();
    void headerRoundTrip();
    void corruptHeaders_data();
    void corruptHeaders();
    void assembleDetectsDamage();

    // SecretChunker: plans
    void planSmallOverNothing();
    void planLargeOverLarge();
    void planSmallOverLarge();
    void planRemoveChunked();
    void crashAtEveryStep_data();
    void crashAtEveryStep();
    void crashDuringRemove();
    void repeatedWritesStayClean();

    // Error mapping and messages
    void errorMapping_data();
    void errorMapping();
    void messages();
};

// ---------------------------------------------------------------------------
// MemorySecretStore
// ---------------------------------------------------------------------------

void TestSecretStore::memoryRoundTrip()
{
    MemorySecretStore store;
    const QByteArray value = randomBytes(9000, 1);
    auto w = startWrite(store, QStringLiteral("session"), value);
    QVERIFY(settle(w));
    QCOMPARE(w->result.status, Status::Ok);
    QVERIFY(w->result.message.isEmpty());

    auto r = startRead(store, QStringLiteral("session"));
    QVERIFY(settle(r));
    QCOMPARE(r->result.status, Status::Ok);
    QCOMPARE(r->value, value);
    QVERIFY(store.contains(QStringLiteral("session")));
}

void TestSecretStore::memoryReadMissing()
{
    MemorySecretStore store;
    auto r = startRead(store, QStringLiteral("nothing"));
    QVERIFY(settle(r));
    QCOMPARE(r->result.status, Status::NotFound);
    QVERIFY(!r->result.message.isEmpty());
    QVERIFY(r->value.isEmpty());
    QVERIFY(!r->result.backendUnavailable());
}

void TestSecretStore::memoryCallbacksAreQueuedInCallOrder()
{
    MemorySecretStore store;
    QStringList order;
    store.write(QStringLiteral("k"), "one", [&](SecretResult) { order << "write1"; });
    store.read(QStringLiteral("k"), [&](SecretResult, QByteArray v) { order << "read:" + v; });
    store.write(QStringLiteral("k"), "two", [&](SecretResult) { order << "write2"; });
    store.remove(QStringLiteral("k"), [&](SecretResult) { order << "remove"; });
    store.read(QStringLiteral("k"), [&](SecretResult r, QByteArray) {
        order << QString::fromLatin1(secretStatusName(r.status));
    });
    QVERIFY2(order.isEmpty(), "a callback ran synchronously");
    QTRY_COMPARE(order.size(), 5);
    QCOMPARE(order, (QStringList{"write1", "read:one", "write2", "remove", "NotFound"}));
}

void TestSecretStore::memoryRemove()
{
    MemorySecretStore store;
    QVERIFY(settle(startWrite(store, QStringLiteral("k"), "v")));
    auto rm = startRemove(store, QStringLiteral("k"));
    QVERIFY(settle(rm));
    QCOMPARE(rm->result.status, Status::Ok);
    QVERIFY(!store.contains(QStringLiteral("k")));
    auto r = startRead(store, QStringLiteral("k"));
    QVERIFY(settle(r));
    QCOMPARE(r->result.status, Status::NotFound);

    auto again = startRemove(store, QStringLiteral("k"));
    QVERIFY(settle(again));
    QCOMPARE(again->result.status, Status::Ok); // removing nothing succeeds
}

void TestSecretStore::memoryInjectedFailure()
{
    MemorySecretStore store;
    QVERIFY(settle(startWrite(store, QStringLiteral("k"), "old")));

    store.setFailure(Status::Locked, MemorySecretStore::Operation::Write);
    auto w = startWrite(store, QStringLiteral("k"), "new");
    QVERIFY(settle(w));
    QCOMPARE(w->result.status, Status::Locked);
    QCOMPARE(w->result.message, SecretMessages::locked());
    QVERIFY(w->result.backendUnavailable());

    auto r = startRead(store, QStringLiteral("k")); // reads are not affected
    QVERIFY(settle(r));
    QCOMPARE(r->result.status, Status::Ok);
    QCOMPARE(r->value, QByteArray("old"));

    store.setFailure(Status::NoBackend);
    r = startRead(store, QStringLiteral("k"));
    QVERIFY(settle(r));
    QCOMPARE(r->result.status, Status::NoBackend);
    QCOMPARE(r->result.message, SecretMessages::noBackend());
    QVERIFY(r->value.isEmpty());
    auto rm = startRemove(store, QStringLiteral("k"));
    QVERIFY(settle(rm));
    QCOMPARE(rm->result.status, Status::NoBackend);
    QVERIFY(store.contains(QStringLiteral("k")));

    store.setFailure(Status::Error, MemorySecretStore::Operation::Read,
                     QStringLiteral("custom words"));
    r = startRead(store, QStringLiteral("k"));
    QVERIFY(settle(r));
    QCOMPARE(r->result.status, Status::Error);
    QCOMPARE(r->result.message, QStringLiteral("custom words"));

    store.clearFailure();
    r = startRead(store, QStringLiteral("k"));
    QVERIFY(settle(r));
    QCOMPARE(r->result.status, Status::Ok);

    store.setFailure(Status::Locked);
    store.setFailure(Status::Ok); // Ok clears as well
    w = startWrite(store, QStringLiteral("k"), "new");
    QVERIFY(settle(w));
    QCOMPARE(w->result.status, Status::Ok);
    QCOMPARE(store.operationCount(), 8);
}

void TestSecretStore::memorySizeCapAndKeys()
{
    MemorySecretStore store;
    auto atCap =
        startWrite(store, QStringLiteral("k"), QByteArray(SecretChunker::MaxValueSize, 'x'));
    QVERIFY(settle(atCap));
    QCOMPARE(atCap->result.status, Status::Ok);

    auto over =
        startWrite(store, QStringLiteral("k2"), QByteArray(SecretChunker::MaxValueSize + 1, 'x'));
    QVERIFY(settle(over));
    QCOMPARE(over->result.status, Status::Error);
    QCOMPARE(over->result.message, SecretMessages::tooLarge());
    QVERIFY(!store.contains(QStringLiteral("k2")));

    for (const QString &bad : {QString(), QStringLiteral("a#b")}) {
        auto w = startWrite(store, bad, "v");
        QVERIFY(settle(w));
        QCOMPARE(w->result.status, Status::Error);
        auto r = startRead(store, bad);
        QVERIFY(settle(r));
        QCOMPARE(r->result.status, Status::Error);
    }
}

void TestSecretStore::memoryProperties()
{
    MemorySecretStore store;
    QVERIFY(!store.isPersistent());
    QVERIFY(!store.backendName().isEmpty());
    QCOMPARE(store.entryCount(), 0);
}

namespace {
QStringList g_logged;
void recordMessage(QtMsgType, const QMessageLogContext &, const QString &msg)
{
    g_logged << msg;
}
} // namespace

void TestSecretStore::memoryNeverLogsValues()
{
    const QByteArray secret = "very-secret-refresh-token-4711";
    QLoggingCategory::setFilterRules(QStringLiteral("clipshelf.*=true"));
    g_logged.clear();
    QtMessageHandler previous = qInstallMessageHandler(recordMessage);
    {
        MemorySecretStore store;
        QVERIFY(settle(startWrite(store, QStringLiteral("session"), secret)));
        QVERIFY(settle(startRead(store, QStringLiteral("session"))));
        QVERIFY(settle(startRemove(store, QStringLiteral("session"))));
    }
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY2(!g_logged.isEmpty(), "expected debug output with the category enabled");
    for (const QString &line : std::as_const(g_logged))
        QVERIFY2(!line.contains(QString::fromLatin1(secret)), qPrintable(line));
}

// ---------------------------------------------------------------------------
// SecretChunker: layout
// ---------------------------------------------------------------------------

void TestSecretStore::keyValidity_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("valid");
    QTest::newRow("session") << QStringLiteral("session") << true;
    QTest::newRow("dots and slashes") << QStringLiteral("a.b/c-d_e") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("hash") << QStringLiteral("session#1.0") << false;
    QTest::newRow("control") << QStringLiteral("a\nb") << false;
    QTest::newRow("max length") << QString(SecretChunker::MaxKeyLength, u'k') << true;
    QTest::newRow("too long") << QString(SecretChunker::MaxKeyLength + 1, u'k') << false;
}

void TestSecretStore::keyValidity()
{
    QFETCH(QString, key);
    QFETCH(bool, valid);
    QCOMPARE(SecretChunker::isValidKey(key), valid);
}

void TestSecretStore::chunkKeyFormat()
{
    QCOMPARE(SecretChunker::chunkKey(QStringLiteral("session"), 3, 7),
             QStringLiteral("session#3.7"));
    QCOMPARE(SecretChunker::chunkKey(QStringLiteral("k"), 18446744073709551615ull, 0),
             QStringLiteral("k#18446744073709551615.0"));
}

void TestSecretStore::directEncoding_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("escaped");
    QTest::newRow("plain") << QByteArray("hello") << false;
    QTest::newRow("json") << QByteArray(R"({"v":1})") << false;
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("binary") << QByteArray("\0\1\2\xff", 4) << false;
    QTest::newRow("looks like header")
        << QByteArray("clipshelf-chunks:v1:1:2:3000:0123456789abcdef0123456789abcdef") << true;
    QTest::newRow("looks like escape") << QByteArray("clipshelf-escaped:x") << true;
    QTest::newRow("reserved prefix") << QByteArray("clipshelf-") << true;
    QTest::newRow("almost prefix") << QByteArray("clipshelf") << false;
    QTest::newRow("prefix later") << QByteArray("x clipshelf-chunks:v1") << false;
}

void TestSecretStore::directEncoding()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, escaped);
    QVERIFY(SecretChunker::fitsDirectly(value));
    const QByteArray stored = SecretChunker::encodeDirect(value);
    QCOMPARE(stored != value, escaped);
    QVERIFY(!stored.isEmpty());
    const StoredEntry entry = SecretChunker::decode(stored);
    QCOMPARE(entry.kind, StoredEntry::Kind::Direct);
    QCOMPARE(entry.value, value);
}

void TestSecretStore::directThreshold()
{
    QVERIFY(SecretChunker::fitsDirectly(QByteArray(SecretChunker::ChunkSize, 'a')));
    QVERIFY(!SecretChunker::fitsDirectly(QByteArray(SecretChunker::ChunkSize + 1, 'a')));
    // Escaping must not push a stored entry above the limit.
    QByteArray escapedNearLimit = "clipshelf-" + QByteArray(SecretChunker::ChunkSize - 15, 'a');
    QVERIFY(escapedNearLimit.size() <= SecretChunker::ChunkSize);
    QVERIFY(!SecretChunker::fitsDirectly(escapedNearLimit));
    // Every planned entry respects the per-entry limit.
    for (qsizetype size : {qsizetype(0), qsizetype(1990), qsizetype(2000), qsizetype(2001),
                           qsizetype(9 * 1024), SecretChunker::MaxValueSize}) {
        for (const QByteArray &value :
             {QByteArray(size, 'z'), ("clipshelf-" + QByteArray(size, 'z')).left(size)}) {
            for (const ChunkStep &step : SecretChunker::planWrite("k", value, std::nullopt)) {
                if (step.kind == ChunkStep::Kind::Write)
                    QVERIFY2(step.data.size() <= SecretChunker::ChunkSize,
                             qPrintable(QString::number(size)));
            }
        }
    }
}

void TestSecretStore::splitSizes_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("chunks");
    QTest::newRow("2001") << 2001 << 2;
    QTest::newRow("4000") << 4000 << 2;
    QTest::newRow("4001") << 4001 << 3;
    QTest::newRow("9 KiB") << 9 * 1024 << 5;
    QTest::newRow("1 MiB") << int(SecretChunker::MaxValueSize) << SecretChunker::MaxChunks;
}

void TestSecretStore::splitSizes()
{
    QFETCH(int, size);
    QFETCH(int, chunks);
    const QByteArray value = randomBytes(size, quint32(size));
    const QList<QByteArray> parts = SecretChunker::split(value);
    QCOMPARE(parts.size(), chunks);
    QByteArray joined;
    for (const QByteArray &p : parts) {
        QVERIFY(!p.isEmpty());
        QVERIFY(p.size() <= SecretChunker::ChunkSize);
        joined += p;
    }
    QCOMPARE(joined, value);
    const ChunkHeader header = SecretChunker::headerFor(value, 9);
    QCOMPARE(header.count, chunks);
    QCOMPARE(header.size, qsizetype(size));
    QCOMPARE(SecretChunker::assemble(header, parts).value_or(QByteArray()), value);
}

void TestSecretStore::headerRoundTrip()
{
    const QByteArray value = randomBytes(9 * 1024, 7);
    const ChunkHeader header = SecretChunker::headerFor(value, 42);
    const QByteArray encoded = SecretChunker::encodeHeader(header);
    QVERIFY(encoded.startsWith("clipshelf-chunks:v1:42:5:9216:"));
    QVERIFY(encoded.size() < 100);
    QVERIFY(!encoded.contains(value.left(16)));
    const StoredEntry entry = SecretChunker::decode(encoded);
    QCOMPARE(entry.kind, StoredEntry::Kind::Chunked);
    QCOMPARE(entry.header, header);
}

void TestSecretStore::corruptHeaders_data()
{
    QTest::addColumn<QByteArray>("stored");
    const QByteArray d = "0123456789abcdef0123456789abcdef";
    QTest::newRow("bare prefix") << QByteArray("clipshelf-chunks:");
    QTest::newRow("newer version") << QByteArray("clipshelf-chunks:v2:1:2:3000:" + d);
    QTest::newRow("too few fields") << QByteArray("clipshelf-chunks:v1:1:2");
    QTest::newRow("too many fields") << QByteArray("clipshelf-chunks:v1:1:2:3000:" + d + ":x");
    QTest::newRow("generation 0") << QByteArray("clipshelf-chunks:v1:0:2:3000:" + d);
    QTest::newRow("generation text") << QByteArray("clipshelf-chunks:v1:x:2:3000:" + d);
    QTest::newRow("negative count") << QByteArray("clipshelf-chunks:v1:1:-2:3000:" + d);
    QTest::newRow("count 0") << QByteArray("clipshelf-chunks:v1:1:0:3000:" + d);
    QTest::newRow("count huge") << QByteArray("clipshelf-chunks:v1:1:999999:3000:" + d);
    QTest::newRow("count spaces") << QByteArray("clipshelf-chunks:v1:1: 2:3000:" + d);
    QTest::newRow("size above cap") << QByteArray("clipshelf-chunks:v1:1:2:2000000:" + d);
    QTest::newRow("size below count") << QByteArray("clipshelf-chunks:v1:1:3:2:" + d);
    QTest::newRow("digest short") << QByteArray("clipshelf-chunks:v1:1:2:3000:abcd");
    QTest::newRow("digest upper") << QByteArray("clipshelf-chunks:v1:1:2:3000:" + d.toUpper());
    QTest::newRow("digest non-hex")
        << QByteArray("clipshelf-chunks:v1:1:2:3000:0123456789abcdef0123456789abcdeg");
    QTest::newRow("unknown marker") << QByteArray("clipshelf-future:whatever");
}

void TestSecretStore::corruptHeaders()
{
    QFETCH(QByteArray, stored);
    const StoredEntry entry = SecretChunker::decode(stored);
    QCOMPARE(entry.kind, StoredEntry::Kind::Corrupt);
    QVERIFY(!entry.problem.isEmpty());
}

void TestSecretStore::assembleDetectsDamage()
{
    const QByteArray value = randomBytes(6500, 3);
    const ChunkHeader header = SecretChunker::headerFor(value, 1);
    QList<QByteArray> chunks = SecretChunker::split(value);
    QCOMPARE(chunks.size(), 4);
    QString problem;
    QVERIFY(SecretChunker::assemble(header, chunks, &problem).has_value());

    QList<QByteArray> missing = chunks;
    missing.removeLast();
    QVERIFY(!SecretChunker::assemble(header, missing, &problem).has_value());
    QVERIFY(!problem.isEmpty());

    QList<QByteArray> swapped = chunks;
    swapped.swapItemsAt(0, 1);
    problem.clear();
    QVERIFY(!SecretChunker::assemble(header, swapped, &problem).has_value());
    QVERIFY(problem.contains(QStringLiteral("checksum")));

    QList<QByteArray> shorter = chunks;
    shorter.last().chop(1);
    QVERIFY(!SecretChunker::assemble(header, shorter).has_value());

    QList<QByteArray> withEmpty = chunks;
    withEmpty[2].clear();
    QVERIFY(!SecretChunker::assemble(header, withEmpty).has_value());
}

// ---------------------------------------------------------------------------
// SecretChunker: plans
// ---------------------------------------------------------------------------

void TestSecretStore::planSmallOverNothing()
{
    const auto steps = SecretChunker::planWrite(QStringLiteral("k"), "small", std::nullopt);
    QCOMPARE(steps.size(), 2);
    QCOMPARE(steps.at(0).kind, ChunkStep::Kind::Write);
    QCOMPARE(steps.at(0).key, QStringLiteral("k"));
    QCOMPARE(steps.at(0).data, QByteArray("small"));
    QVERIFY(steps.at(0).required);
    QCOMPARE(steps.at(1).kind, ChunkStep::Kind::Sweep);
    QCOMPARE(steps.at(1).generation, quint64(1));
    QCOMPARE(steps.at(1).fromIndex, 0);
    QVERIFY(!steps.at(1).required);
}

void TestSecretStore::planLargeOverLarge()
{
    const QByteArray oldValue = randomBytes(5000, 1); // 3 chunks, generation 5
    StoredEntry old;
    old.kind = StoredEntry::Kind::Chunked;
    old.header = SecretChunker::headerFor(oldValue, 5);

    const QByteArray value = randomBytes(9 * 1024, 2); // 5 chunks
    const auto steps = SecretChunker::planWrite(QStringLiteral("k"), value, old);
    const qsizetype commit = commitIndex(steps, QStringLiteral("k"));
    QCOMPARE(commit, 5);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(steps.at(i).kind, ChunkStep::Kind::Write);
        QCOMPARE(steps.at(i).key, QStringLiteral("k#6.%1").arg(i));
        QVERIFY(steps.at(i).required);
    }
    const StoredEntry header = SecretChunker::decode(steps.at(commit).data);
    QCOMPARE(header.kind, StoredEntry::Kind::Chunked);
    QCOMPARE(header.header.generation, quint64(6));
    QCOMPARE(header.header.count, 5);
    // After the commit: only optional clean-up, old generation highest index first.
    QStringList deletes;
    for (qsizetype i = commit + 1; i < steps.size(); ++i) {
        QVERIFY(!steps.at(i).required);
        QVERIFY(steps.at(i).kind != ChunkStep::Kind::Write);
        if (steps.at(i).kind == ChunkStep::Kind::Delete)
            deletes << steps.at(i).key;
    }
    QCOMPARE(deletes, (QStringList{"k#5.2", "k#5.1", "k#5.0"}));
    QCOMPARE(steps.at(steps.size() - 2).kind, ChunkStep::Kind::Sweep);
    QCOMPARE(steps.at(steps.size() - 2).generation, quint64(6));
    QCOMPARE(steps.at(steps.size() - 2).fromIndex, 5);
    QCOMPARE(steps.last().kind, ChunkStep::Kind::Sweep);
    QCOMPARE(steps.last().generation, quint64(4));
    QCOMPARE(steps.last().fromIndex, 0);
    // Nothing is deleted before the commit.
    for (qsizetype i = 0; i < commit; ++i)
        QCOMPARE(steps.at(i).kind, ChunkStep::Kind::Write);
}

void TestSecretStore::planSmallOverLarge()
{
    StoredEntry old;
    old.kind = StoredEntry::Kind::Chunked;
    old.header = SecretChunker::headerFor(randomBytes(4500, 4), 1);
    const auto steps = SecretChunker::planWrite(QStringLiteral("k"), "tiny", old);
    QCOMPARE(steps.first().kind, ChunkStep::Kind::Write);
    QCOMPARE(steps.first().key, QStringLiteral("k"));
    QCOMPARE(steps.first().data, QByteArray("tiny"));
    QStringList deletes;
    for (const ChunkStep &s : steps) {
        if (s.kind == ChunkStep::Kind::Delete)
            deletes << s.key;
    }
    QCOMPARE(deletes, (QStringList{"k#1.2", "k#1.1", "k#1.0"}));
}

void TestSecretStore::planRemoveChunked()
{
    StoredEntry old;
    old.kind = StoredEntry::Kind::Chunked;
    old.header = SecretChunker::headerFor(randomBytes(4500, 4), 3);
    const auto steps = SecretChunker::planRemove(QStringLiteral("k"), old);
    // sweeps (optional) first, then chunks, the header last
    QCOMPARE(steps.last().kind, ChunkStep::Kind::Delete);
    QCOMPARE(steps.last().key, QStringLiteral("k"));
    QVERIFY(steps.last().required);
    QStringList deletes;
    bool seenDelete = false;
    for (const ChunkStep &s : steps) {
        if (s.kind == ChunkStep::Kind::Sweep) {
            QVERIFY(!seenDelete);
            QVERIFY(!s.required);
        } else {
            QCOMPARE(s.kind, ChunkStep::Kind::Delete);
            seenDelete = true;
            deletes << s.key;
        }
    }
    QCOMPARE(deletes, (QStringList{"k#3.2", "k#3.1", "k#3.0", "k"}));

    const auto none = SecretChunker::planRemove(QStringLiteral("k"), std::nullopt);
    QCOMPARE(none.last().kind, ChunkStep::Kind::Delete); // still deletes <key>
    QCOMPARE(none.last().key, QStringLiteral("k"));
}

void TestSecretStore::crashAtEveryStep_data()
{
    QTest::addColumn<int>("oldSize"); // -1: no entry
    QTest::addColumn<int>("newSize");
    QTest::addColumn<int>("laterSize");
    const int sizes[] = {-1, 10, 3000, 9 * 1024};
    const int later[] = {5, 2500, 7000, 12000};
    for (int o : sizes) {
        for (int n : {0, 10, 3000, 5000, 9 * 1024}) {
            for (int l : later)
                QTest::addRow("old %d new %d later %d", o, n, l) << o << n << l;
        }
    }
}

void TestSecretStore::crashAtEveryStep()
{
    QFETCH(int, oldSize);
    QFETCH(int, newSize);
    QFETCH(int, laterSize);
    const QString key = QStringLiteral("session");
    const QByteArray oldValue = oldSize < 0 ? QByteArray() : randomBytes(oldSize, 11);
    const QByteArray newValue = randomBytes(newSize, 12);
    const QByteArray laterValue = randomBytes(laterSize, 13);

    FakeKeychain base;
    // Give the old value some history so generations are not all 1.
    if (oldSize >= 0) {
        modelWrite(base, key, randomBytes(4100, 14));
        modelWrite(base, key, oldValue);
        QCOMPARE(keysOf(base), expectedKeys(base, key));
    }

    const auto plan = SecretChunker::planWrite(key, newValue, modelHeader(base, key));
    const qsizetype commit = commitIndex(plan, key);
    QVERIFY(commit >= 0);
    const bool oldChunked = oldSize > int(SecretChunker::ChunkSize);
    const bool newDirect = SecretChunker::fitsDirectly(newValue);
    const auto oldHeader = modelHeader(base, key);
    const int oldChunks = oldChunked ? oldHeader->header.count : 0;

    for (qsizetype crashAfter = 0; crashAfter <= plan.size(); ++crashAfter) {
        FakeKeychain kc = base;
        modelRun(kc, plan, crashAfter);

        // 1. Always the old or the new value, never nothing or garbage.
        const ModelRead now = modelRead(kc, key);
        if (crashAfter <= commit) {
            if (oldSize < 0) {
                QCOMPARE(now.kind, ModelRead::NotFound);
            } else {
                QCOMPARE(now.kind, ModelRead::Value);
                QCOMPARE(now.value, oldValue);
            }
        } else {
            QCOMPARE(now.kind, ModelRead::Value);
            QCOMPARE(now.value, newValue);
        }

        // 2. The next complete write leaves exactly its own entries behind.
        //    Known gap: a crash between committing a small value over a
        //    chunked one and deleting the old chunks strands those chunks.
        FakeKeychain next = kc;
        modelWrite(next, key, laterValue);
        const ModelRead after = modelRead(next, key);
        QCOMPARE(after.kind, ModelRead::Value);
        QCOMPARE(after.value, laterValue);
        const bool knownGap =
            oldChunked && newDirect && crashAfter > commit && crashAfter <= commit + oldChunks;
        if (!knownGap) {
            QVERIFY2(
                keysOf(next) == expectedKeys(next, key),
                qPrintable(QStringLiteral("crash after step %1: orphans %2")
                               .arg(crashAfter)
                               .arg(QStringList((keysOf(next) - expectedKeys(next, key)).values())
                                        .join(u' '))));
        }

        // 3. A complete remove after the crash leaves nothing (same gap).
        FakeKeychain removed = kc;
        modelRemove(removed, key);
        QCOMPARE(modelRead(removed, key).kind, ModelRead::NotFound);
        if (!knownGap)
            QVERIFY2(removed.isEmpty(), qPrintable(QStringList(removed.keys()).join(u' ')));
    }
}

void TestSecretStore::crashDuringRemove()
{
    const QString key = QStringLiteral("session");
    FakeKeychain base;
    modelWrite(base, key, randomBytes(3000, 1));
    modelWrite(base, key, randomBytes(9 * 1024, 2));
    const auto plan = SecretChunker::planRemove(key, modelHeader(base, key));
    for (qsizetype crashAfter = 0; crashAfter <= plan.size(); ++crashAfter) {
        FakeKeychain kc = base;
        modelRun(kc, plan, crashAfter);
        const ModelRead now = modelRead(kc, key);
        // Value (nothing deleted yet), damaged (= signed out) or gone; never a wrong value.
        if (now.kind == ModelRead::Value)
            QCOMPARE(now.value, randomBytes(9 * 1024, 2));
        FakeKeychain retried = kc;
        modelRemove(retried, key);
        QVERIFY2(retried.isEmpty(), qPrintable(QStringList(retried.keys()).join(u' ')));
        FakeKeychain rewritten = kc;
        modelWrite(rewritten, key, randomBytes(5000, 3));
        QCOMPARE(keysOf(rewritten), expectedKeys(rewritten, key));
    }
}

void TestSecretStore::repeatedWritesStayClean()
{
    const QString key = QStringLiteral("k");
    FakeKeychain kc;
    QRandomGenerator gen(99);
    for (int round = 0; round < 200; ++round) {
        const int size = gen.bounded(2) ? gen.bounded(2100) : gen.bounded(30000);
        const QByteArray value = randomBytes(size, quint32(round));
        modelWrite(kc, key, value);
        const ModelRead r = modelRead(kc, key);
        QCOMPARE(r.kind, ModelRead::Value);
        QCOMPARE(r.value, value);
        QCOMPARE(keysOf(kc), expectedKeys(kc, key));
    }
    modelRemove(kc, key);
    QVERIFY(kc.isEmpty());
}

// ---------------------------------------------------------------------------
// Error mapping and messages
// ---------------------------------------------------------------------------

void TestSecretStore::errorMapping_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("text");
    QTest::addColumn<Status>("status");

    QTest::newRow("ok") << int(QKeychain::NoError) << QString() << Status::Ok;
    QTest::newRow("not found") << int(QKeychain::EntryNotFound) << "Entry not found"
                               << Status::NotFound;
    QTest::newRow("no backend") << int(QKeychain::NoBackendAvailable) << QString()
                                << Status::NoBackend;
    QTest::newRow("not implemented")
        << int(QKeychain::NotImplemented) << QString() << Status::NoBackend;
    QTest::newRow("denied") << int(QKeychain::AccessDenied)
                            << "Cannot create an item in a locked collection" << Status::Locked;
    QTest::newRow("denied by user")
        << int(QKeychain::AccessDeniedByUser) << QString() << Status::Locked;
    QTest::newRow("no display") << int(QKeychain::OtherError)
                                << "Cannot autolaunch D-Bus without X11 $DISPLAY"
                                << Status::NoBackend;
    QTest::newRow("no service file")
        << int(QKeychain::OtherError)
        << "The name org.freedesktop.secrets was not provided by any .service files"
        << Status::NoBackend;
    QTest::newRow("service unknown")
        << int(QKeychain::OtherError)
        << "GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name is not activatable"
        << Status::NoBackend;
    QTest::newRow("no such interface")
        << int(QKeychain::OtherError)
        << "GDBus.Error:org.freedesktop.DBus.Error.UnknownMethod: No such interface "
           "“org.freedesktop.Secret.Collection”"
        << Status::NoBackend;
    QTest::newRow("other") << int(QKeychain::OtherError) << "Prompt dismissed" << Status::Error;
    QTest::newRow("could not delete")
        << int(QKeychain::CouldNotDeleteEntry) << "busy" << Status::Error;
}

void TestSecretStore::errorMapping()
{
    QFETCH(int, error);
    QFETCH(QString, text);
    QFETCH(Status, status);
    const SecretResult r = KeychainSecretStore::mapKeychainError(error, text);
    QCOMPARE(r.status, status);
    if (status == Status::Ok) {
        QVERIFY(r.message.isEmpty());
    } else {
        QVERIFY(!r.message.isEmpty());
    }
    if (status == Status::NoBackend)
        QCOMPARE(r.message, SecretMessages::noBackend());
    if (status == Status::Locked)
        QCOMPARE(r.message, SecretMessages::locked());
    if (status == Status::Error)
        QVERIFY(r.message.contains(text));
}

void TestSecretStore::messages()
{
#if defined(Q_OS_LINUX)
    QCOMPARE(SecretMessages::noBackend(),
             QStringLiteral("No Secret Service is running: install and unlock gnome-keyring or "
                            "KWallet, then sign in again."));
    QCOMPARE(SecretMessages::locked(),
             QStringLiteral("The keychain is locked: unlock it (for example by logging in to your "
                            "desktop session) and try again."));
#endif
    for (Status s : {Status::NotFound, Status::NoBackend, Status::Locked, Status::Error})
        QVERIFY(!SecretMessages::forStatus(s).isEmpty());
    QVERIFY(SecretMessages::forStatus(Status::Ok).isEmpty());
    QVERIFY(!SecretMessages::damaged().isEmpty());
    QVERIFY(!SecretMessages::tooLarge().isEmpty());
    QCOMPARE(SecretMessages::result(Status::Locked, QStringLiteral("x")).message,
             QStringLiteral("x"));
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
