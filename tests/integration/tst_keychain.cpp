// KeychainSecretStore against the real thing: qtkeychain talking to a private
// gnome-keyring Secret Service (run under tests/support/with-secret-service.sh).
// Chunk entries are checked with direct qtkeychain jobs, crashes are simulated
// by writing the intermediate states by hand.

#include "auth/sessionvault.h"
#include "secretoutcomes.h"
#include "storage/keychainsecretstore.h"
#include "storage/secretchunker.h"
#include "storage/secretmessages.h"

#include <algorithm>
#include <memory>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QPointer>
#include <QRandomGenerator>
#include <qt6keychain/keychain.h>
#include <QTimer>
#include <QtTest>

using namespace clipshelf;
using namespace clipshelf::test;
using Status = SecretResult::Status;

namespace {

constexpr int WaitMs = 30000; // watchdog only: every wait ends as soon as the callback ran

// Waiting: a QEventLoop that the callback itself quits (QTest::qWaitFor would
// add up to 10 ms of sleep per event-loop hop and distort the timings).
void waitOn(Waitable &w)
{
    if (w.done)
        return;
    QEventLoop loop;
    w.loop = &loop;
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, &loop, &QEventLoop::quit);
    watchdog.start(WaitMs);
    loop.exec();
    w.loop = nullptr;
    if (!w.done)
        qWarning("keychain operation did not finish within %d ms", WaitMs);
}

template <typename Outcome> std::shared_ptr<Outcome> settled(std::shared_ptr<Outcome> out)
{
    waitOn(*out);
    return out;
}

/// Direct qtkeychain access, bypassing KeychainSecretStore.
struct Raw : Waitable
{
    QKeychain::Error error = QKeychain::OtherError;
    QString errorString;
    QByteArray data;
};

Raw runRaw(QKeychain::Job *job)
{
    auto out = std::make_shared<Raw>();
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    QObject::connect(job, &QKeychain::Job::finished, job, [out](QKeychain::Job *j) {
        out->error = j->error();
        out->errorString = j->errorString();
        if (auto *r = qobject_cast<QKeychain::ReadPasswordJob *>(j))
            out->data = r->binaryData();
        out->finish();
    });
    job->start();
    waitOn(*out);
    Raw copy;
    copy.done = out->done;
    copy.error = out->error;
    copy.errorString = out->errorString;
    copy.data = out->data;
    return copy;
}

Raw rawRead(const QString &service, const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(service);
    job->setKey(key);
    return runRaw(job);
}

Raw rawWrite(const QString &service, const QString &key, const QByteArray &data)
{
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setKey(key);
    job->setBinaryData(data);
    return runRaw(job);
}

Raw rawDelete(const QString &service, const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(service);
    job->setKey(key);
    return runRaw(job);
}

/// A session-like printable value (what a token blob looks like).
QByteArray tokenLike(qsizetype size, quint32 seed)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    QRandomGenerator gen(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = alphabet[gen.bounded(int(sizeof(alphabet) - 1))];
    return bytes;
}

ChunkHeader headerIn(const QString &service, const QString &key)
{
    const Raw raw = rawRead(service, key);
    if (raw.error != QKeychain::NoError)
        return {};
    const StoredEntry entry = SecretChunker::decode(raw.data);
    return entry.kind == StoredEntry::Kind::Chunked ? entry.header : ChunkHeader{};
}

QStringList g_logged;
QtMessageHandler g_previousHandler = nullptr;
void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &msg)
{
    g_logged << msg;
    if (type >= QtWarningMsg && g_previousHandler)
        g_previousHandler(type, context, msg);
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void smallRoundTrip();
    void roundTrip_data();
    void roundTrip();
    void tooLargeIsRefused();
    void overwriteLargeWithSmall();
    void overwriteSmallWithLarge();
    void overwriteLargeWithLarge();
    void crashBeforeCommitKeepsOldValue();
    void crashAfterCommitIsCleanedUp();
    void damagedEntries();
    void replacedWhileReading();
    void removeDeletesEverything();
    void profilesAreIsolated();
    void overlappingCallsAreSerialized();
    void destroyedWithPendingOperations();
    void sessionVaultRoundTrip();
    void neverLogsSecrets();
    void measure();

private:
    QString m_service;
    std::unique_ptr<KeychainSecretStore> m_store;
    int m_counter = 0;
};

void TestKeychain::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("needs a D-Bus session with a Secret Service: run under "
              "tests/support/with-secret-service.sh (ctest does)");
    // Prime qtkeychain/libsecret (the first job in a process is the slow one)
    // and fail early with a clear message when the keyring is unusable.
    KeychainSecretStore probe(QStringLiteral("org.clipshelf.Clipshelf.test/probe"));
    QElapsedTimer t;
    t.start();
    auto w = settled(startWrite(probe, QStringLiteral("probe"), "x"));
    QVERIFY(w->done);
    QVERIFY2(w->result.ok(), qPrintable(w->result.message));
    qInfo("first keychain operation in this process: %lld ms", qlonglong(t.elapsed()));
    QVERIFY(settled(startRemove(probe, QStringLiteral("probe")))->result.ok());
}

void TestKeychain::init()
{
    m_service = QStringLiteral("org.clipshelf.Clipshelf.test/case%1").arg(++m_counter);
    m_store = std::make_unique<KeychainSecretStore>(m_service);
    QCOMPARE(m_store->service(), m_service);
    QVERIFY(m_store->isPersistent());
    QCOMPARE(m_store->backendName(), QStringLiteral("Secret Service"));
}

void TestKeychain::cleanup()
{
    m_store.reset();
}

void TestKeychain::cleanupTestCase() {}

void TestKeychain::smallRoundTrip()
{
    auto w = settled(startWrite(*m_store, QStringLiteral("session"), "hello"));
    QCOMPARE(w->result.status, Status::Ok);
    auto r = settled(startRead(*m_store, QStringLiteral("session")));
    QCOMPARE(r->result.status, Status::Ok);
    QCOMPARE(r->value, QByteArray("hello"));

    // Stored directly under <key>.
    const Raw raw = rawRead(m_service, QStringLiteral("session"));
    QCOMPARE(raw.error, QKeychain::NoError);
    QCOMPARE(raw.data, QByteArray("hello"));

    auto missing = settled(startRead(*m_store, QStringLiteral("other")));
    QCOMPARE(missing->result.status, Status::NotFound);
    QVERIFY(!missing->result.message.isEmpty());
}

void TestKeychain::roundTrip_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("chunks"); // 0: stored directly
    QTest::newRow("empty") << QByteArray() << 0;
    QTest::newRow("binary small") << QByteArray("\0\1\2\3\xff\xfe", 6) << 0;
    QTest::newRow("1.2 KB") << tokenLike(1200, 1) << 0;
    QTest::newRow("2000 B") << tokenLike(2000, 2) << 0;
    QTest::newRow("2001 B") << tokenLike(2001, 3) << 2;
    QTest::newRow("9 KB") << tokenLike(9 * 1024, 4) << 5;
    QTest::newRow("9 KB binary") << randomBytes(9 * 1024, 5) << 5;
    QTest::newRow("marker lookalike")
        << QByteArray("clipshelf-chunks:v1:1:2:3000:0123456789abcdef0123456789abcdef") << 0;
    QTest::newRow("escape lookalike") << QByteArray("clipshelf-escaped:clipshelf-chunks:") << 0;
    // 1 MiB (525 chunks) works too but takes ~30 s: gnome-keyring rewrites its
    // whole keyring file on every item change, so the cost grows quadratically.
    QTest::newRow("64 KiB") << randomBytes(64 * 1024, 6) << 33;
}

void TestKeychain::roundTrip()
{
    QFETCH(QByteArray, value);
    QFETCH(int, chunks);
    const QString key = QStringLiteral("blob");
    auto w = settled(startWrite(*m_store, key, value));
    QCOMPARE(w->result.status, Status::Ok);
    auto r = settled(startRead(*m_store, key));
    QCOMPARE(r->result.status, Status::Ok);
    QCOMPARE(r->value.size(), value.size());
    QVERIFY(r->value == value);

    const ChunkHeader header = headerIn(m_service, key);
    QCOMPARE(header.count, chunks);
    if (chunks > 0) {
        QCOMPARE(rawRead(m_service, SecretChunker::chunkKey(key, header.generation, 0)).error,
                 QKeychain::NoError);
        QCOMPARE(rawRead(m_service, SecretChunker::chunkKey(key, header.generation, chunks)).error,
                 QKeychain::EntryNotFound);
    }
    QCOMPARE(settled(startRemove(*m_store, key))->result.status, Status::Ok);
    if (chunks > 0) {
        QCOMPARE(rawRead(m_service, SecretChunker::chunkKey(key, header.generation, 0)).error,
                 QKeychain::EntryNotFound);
    }
}

void TestKeychain::tooLargeIsRefused()
{
    const QString key = QStringLiteral("big");
    QVERIFY(settled(startWrite(*m_store, key, "previous"))->result.ok());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("above the limit")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("invalid key")));
    auto w = settled(startWrite(*m_store, key, QByteArray(SecretChunker::MaxValueSize + 1, 'x')));
    QCOMPARE(w->result.status, Status::Error);
    QCOMPARE(w->result.message, SecretMessages::tooLarge());
    auto r = settled(startRead(*m_store, key));
    QCOMPARE(r->value, QByteArray("previous"));
    QCOMPARE(rawRead(m_service, SecretChunker::chunkKey(key, 1, 0)).error,
             QKeychain::EntryNotFound);

    auto badKey = settled(startWrite(*m_store, QStringLiteral("a#1.0"), "x"));
    QCOMPARE(badKey->result.status, Status::Error);
}

void TestKeychain::overwriteLargeWithSmall()
{
    const QString key = QStringLiteral("session");
    const QByteArray large = tokenLike(9 * 1024, 10);
    QVERIFY(settled(startWrite(*m_store, key, large))->result.ok());
    const ChunkHeader old = headerIn(m_service, key);
    QCOMPARE(old.count, 5);

    QVERIFY(settled(startWrite(*m_store, key, "small now"))->result.ok());
    auto r = settled(startRead(*m_store, key));
    QCOMPARE(r->result.status, Status::Ok);
    QCOMPARE(r->value, QByteArray("small now"));
    for (int i = 0; i < old.count; ++i) {
        const Raw chunk = rawRead(m_service, SecretChunker::chunkKey(key, old.generation, i));
        QCOMPARE(chunk.error, QKeychain::EntryNotFound);
    }
    QCOMPARE(rawRead(m_service, key).data, QByteArray("small now"));
}

void TestKeychain::overwriteSmallWithLarge()
{
    const QString key = QStringLiteral("session");
    QVERIFY(settled(startWrite(*m_store, key, "small first"))->result.ok());
    const QByteArray large = tokenLike(9 * 1024, 11);
    QVERIFY(settled(startWrite(*m_store, key, large))->result.ok());
    auto r = settled(startRead(*m_store, key));
    QCOMPARE(r->result.status, Status::Ok);
    QVERIFY(r->value == large);
    const ChunkHeader header = headerIn(m_service, key);
    QCOMPARE(header.count, 5);
    QCOMPARE(rawRead(m_service, SecretChunker::chunkKey(key, header.generation, 5)).error,
             QKeychain::EntryNotFound);
}

void TestKeychain::overwriteLargeWithLarge()
{
    const QString key = QStringLiteral("session");
    QVERIFY(settled(startWrite(*m_store, key, tokenLike(9 * 1024, 12)))->result.ok());
    const ChunkHeader first = headerIn(m_service, key);
    const QByteArray second = tokenLike(4500, 13);
    QVERIFY(settled(startWrite(*m_store, key, second))->result.ok());
    const ChunkHeader now = headerIn(m_service, key);
    QVERIFY(now.generation != first.generation);
    QCOMPARE(now.count, 3);
    QVERIFY(settled(startRead(*m_store, key))->value == second);
    for (int i = 0; i < first.count; ++i) {
        QCOMPARE(rawRead(m_service, SecretChunker::chunkKey(key, first.generation, i)).error,
                 QKeychain::EntryNotFound);
    }
}

void TestKeychain::crashBeforeCommitKeepsOldValue()
{
    const QString key = QStringLiteral("session");
    const QByteArray oldValue = tokenLike(5000, 20);
    QVERIFY(settled(startWrite(*m_store, key, oldValue))->result.ok());
    const ChunkHeader old = headerIn(m_service, key);

    // A write of a 14 KB value died after 6 of its 7 chunks, before the header.
    const QByteArray interrupted = tokenLike(14000, 21);
    const QList<QByteArray> parts = SecretChunker::split(interrupted);
    QCOMPARE(parts.size(), 7);
    const quint64 next = old.generation + 1;
    for (int i = 0; i < 6; ++i)
        QCOMPARE(rawWrite(m_service, SecretChunker::chunkKey(key, next, i), parts.at(i)).error,
                 QKeychain::NoError);

    auto r = settled(startRead(*m_store, key));
    QCOMPARE(r->result.status, Status::Ok);
    QVERIFY(r->value == oldValue);

    // The next write (fewer chunks) reuses that generation and sweeps the rest.
    const QByteArray newValue = tokenLike(4100, 22);
    QVERIFY(settled(startWrite(*m_store, key, newValue))->result.ok());
    QVERIFY(settled(startRead(*m_store, key))->value == newValue);
    const ChunkHeader now = headerIn(m_service, key);
    QCOMPARE(now.generation, next);
    QCOMPARE(now.count, 3);
    for (int i = 3; i < 6; ++i) {
        QCOMPARE(rawRead(m_service, SecretChunker::chunkKey(key, next, i)).error,
                 QKeychain::EntryNotFound);
    }
    for (int i = 0; i < old.count; ++i) {
        QCOMPARE(rawRead(m_service, SecretChunker::chunkKey(key, old.generation, i)).error,
                 QKeychain::EntryNotFound);
    }
}

void TestKeychain::crashAfterCommitIsCleanedUp()
{
    const QString key = QStringLiteral("session");
    const QByteArray oldValue = tokenLike(5000, 30);
    QVERIFY(settled(startWrite(*m_store, key, oldValue))->result.ok());
    const ChunkHeader old = headerIn(m_service, key);

    // A write committed its header, then died before deleting the old chunks.
    const QByteArray committed = tokenLike(7000, 31);
    const ChunkHeader h = SecretChunker::headerFor(committed, old.generation + 1);
    const QList<QByteArray> parts = SecretChunker::split(committed);
    for (int i = 0; i < parts.size(); ++i)
        QCOMPARE(
            rawWrite(m_service, SecretChunker::chunkKey(key, h.generation, i), parts.at(i)).error,
            QKeychain::NoError);
    QCOMPARE(rawWrite(m_service, key, SecretChunker::encodeHeader(h)).error, QKeychain::NoError);
    // ...and had already deleted the highest old chunk (deletion goes downwards).
    QCOMPARE(
        rawDelete(m_service, SecretChunker::chunkKey(key, old.generation, old.count - 1)).error,
        QKeychain::NoError);

    auto r = settled(startRead(*m_store, key));
    QCOMPARE(r->result.status, Status::Ok);
    QVERIFY(r->value == committed);

    const QByteArray latest = tokenLike(2500, 32);
    QVERIFY(settled(startWrite(*m_store, key, latest))->result.ok());
    QVERIFY(settled(startRead(*m_store, key))->value == latest);
    for (int i = 0; i < old.count; ++i) {
        QCOMPARE(rawRead(m_service, SecretChunker::chunkKey(key, old.generation, i)).error,
                 QKeychain::EntryNotFound);
    }
    for (int i = 0; i < h.count; ++i) {
        QCOMPARE(rawRead(m_service, SecretChunker::chunkKey(key, h.generation, i)).error,
                 QKeychain::EntryNotFound);
    }
}

void TestKeychain::damagedEntries()
{
    const QString key = QStringLiteral("session");

    // Bad marker.
    QCOMPARE(rawWrite(m_service, key, "clipshelf-chunks:v1:garbage").error, QKeychain::NoError);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is damaged")));
    auto r = settled(startRead(*m_store, key));
    QCOMPARE(r->result.status, Status::Error);
    QCOMPARE(r->result.message, SecretMessages::damaged());
    QVERIFY(r->value.isEmpty());

    // Missing chunk.
    const QByteArray value = tokenLike(6000, 40);
    QVERIFY(settled(startWrite(*m_store, key, value))->result.ok());
    const ChunkHeader h = headerIn(m_service, key);
    QCOMPARE(rawDelete(m_service, SecretChunker::chunkKey(key, h.generation, 1)).error,
             QKeychain::NoError);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is missing")));
    r = settled(startRead(*m_store, key));
    QCOMPARE(r->result.status, Status::Error);
    QCOMPARE(r->result.message, SecretMessages::damaged());

    // A chunk from another write (checksum mismatch).
    QVERIFY(settled(startWrite(*m_store, key, value))->result.ok());
    const ChunkHeader h2 = headerIn(m_service, key);
    QCOMPARE(
        rawWrite(m_service, SecretChunker::chunkKey(key, h2.generation, 0), tokenLike(2000, 41))
            .error,
        QKeychain::NoError);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("checksum")));
    r = settled(startRead(*m_store, key));
    QCOMPARE(r->result.status, Status::Error);

    // Writing over a damaged entry repairs it; removing it works too.
    QVERIFY(settled(startWrite(*m_store, key, "fresh"))->result.ok());
    QCOMPARE(settled(startRead(*m_store, key))->value, QByteArray("fresh"));
    QCOMPARE(rawWrite(m_service, key, "clipshelf-chunks:v9:1:1:1:x").error, QKeychain::NoError);
    QCOMPARE(settled(startRemove(*m_store, key))->result.status, Status::Ok);
    QCOMPARE(rawRead(m_service, key).error, QKeychain::EntryNotFound);
}

void TestKeychain::replacedWhileReading()
{
    // Another process replaces the value between our read of the header and of
    // the chunks. qtkeychain runs one job at a time, in start order, so the
    // interleaving is forced: job A keeps the executor busy while the store
    // queues its header read H; when A finishes, the other "process" queues its
    // whole write W behind H, before the store can queue its first chunk read.
    const QString key = QStringLiteral("session");
    const QByteArray oldValue = tokenLike(6000, 45);
    const QByteArray newValue = tokenLike(7000, 46);
    QVERIFY(settled(startWrite(*m_store, key, oldValue))->result.ok());
    const ChunkHeader old = headerIn(m_service, key);
    const ChunkHeader next = SecretChunker::headerFor(newValue, old.generation + 1);
    const QList<QByteArray> parts = SecretChunker::split(newValue);

    auto otherProcessWrite = [&] {
        auto start = [&](QKeychain::Job *job) {
            job->setAutoDelete(true);
            job->start();
        };
        for (int i = 0; i < parts.size(); ++i) {
            auto *w = new QKeychain::WritePasswordJob(m_service);
            w->setKey(SecretChunker::chunkKey(key, next.generation, i));
            w->setBinaryData(parts.at(i));
            start(w);
        }
        auto *h = new QKeychain::WritePasswordJob(m_service);
        h->setKey(key);
        h->setBinaryData(SecretChunker::encodeHeader(next));
        start(h);
        for (int i = 0; i < old.count; ++i) {
            auto *d = new QKeychain::DeletePasswordJob(m_service);
            d->setKey(SecretChunker::chunkKey(key, old.generation, i));
            start(d);
        }
    };

    QLoggingCategory::setFilterRules(QStringLiteral("clipshelf.storage.debug=true"));
    g_logged.clear();
    g_previousHandler = qInstallMessageHandler(recordMessage);

    auto *busy = new QKeychain::ReadPasswordJob(m_service);
    busy->setKey(QStringLiteral("unrelated"));
    busy->setAutoDelete(true);
    connect(busy, &QKeychain::Job::finished, this, [&] { otherProcessWrite(); });
    busy->start();
    auto r = startRead(*m_store, key);
    waitOn(*r);

    qInstallMessageHandler(g_previousHandler);
    g_previousHandler = nullptr;
    QLoggingCategory::setFilterRules(QString());

    QCOMPARE(r->result.status, Status::Ok);
    QVERIFY(r->value == newValue);
    const bool retried = std::any_of(g_logged.cbegin(), g_logged.cend(), [](const QString &l) {
        return l.contains(QLatin1String("reading it again"));
    });
    QVERIFY2(retried, "the interleaving was not forced: the store never saw the old header");
    QVERIFY(settled(startRead(*m_store, key))->value == newValue);
}

void TestKeychain::removeDeletesEverything()
{
    const QString key = QStringLiteral("session");
    QVERIFY(settled(startWrite(*m_store, key, tokenLike(9 * 1024, 50)))->result.ok());
    const ChunkHeader h = headerIn(m_service, key);
    QCOMPARE(h.count, 5);
    auto rm = settled(startRemove(*m_store, key));
    QCOMPARE(rm->result.status, Status::Ok);
    QCOMPARE(settled(startRead(*m_store, key))->result.status, Status::NotFound);
    QCOMPARE(rawRead(m_service, key).error, QKeychain::EntryNotFound);
    for (int i = 0; i < h.count; ++i) {
        QCOMPARE(rawRead(m_service, SecretChunker::chunkKey(key, h.generation, i)).error,
                 QKeychain::EntryNotFound);
    }

    QVERIFY(settled(startWrite(*m_store, key, "small"))->result.ok());
    QCOMPARE(settled(startRemove(*m_store, key))->result.status, Status::Ok);
    QCOMPARE(rawRead(m_service, key).error, QKeychain::EntryNotFound);

    // Removing what is not there succeeds.
    QCOMPARE(settled(startRemove(*m_store, key))->result.status, Status::Ok);
}

void TestKeychain::profilesAreIsolated()
{
    KeychainSecretStore work(m_service + QStringLiteral("/work"));
    KeychainSecretStore home(m_service + QStringLiteral("/home"));
    const QString key = QStringLiteral("session");
    const QByteArray workValue = tokenLike(9 * 1024, 60);
    const QByteArray homeValue = tokenLike(9 * 1024, 61);
    auto w1 = startWrite(work, key, workValue);
    auto w2 = startWrite(home, key, homeValue);
    QVERIFY(settled(w1)->result.ok());
    QVERIFY(settled(w2)->result.ok());
    QVERIFY(settled(startRead(work, key))->value == workValue);
    QVERIFY(settled(startRead(home, key))->value == homeValue);

    QVERIFY(settled(startRemove(work, key))->result.ok());
    QCOMPARE(settled(startRead(work, key))->result.status, Status::NotFound);
    auto r = settled(startRead(home, key));
    QCOMPARE(r->result.status, Status::Ok);
    QVERIFY(r->value == homeValue);
    QCOMPARE(settled(startRead(*m_store, key))->result.status, Status::NotFound);
    QVERIFY(settled(startRemove(home, key))->result.ok());
}

void TestKeychain::overlappingCallsAreSerialized()
{
    const QString key = QStringLiteral("session");
    const QByteArray a = tokenLike(9 * 1024, 70);
    const QByteArray b = tokenLike(6 * 1024, 71);
    const QByteArray c = "small in between";
    QStringList order;
    auto record = [&order](const QString &what) { order << what; };

    m_store->write(key, a, [&](SecretResult r) {
        record(QStringLiteral("wa:") + secretStatusName(r.status));
    });
    m_store->read(key, [&](SecretResult, QByteArray v) { record(v == a ? "ra" : "r?"); });
    m_store->write(key, b, [&](SecretResult r) {
        record(QStringLiteral("wb:") + secretStatusName(r.status));
    });
    m_store->write(key, c, [&](SecretResult r) {
        record(QStringLiteral("wc:") + secretStatusName(r.status));
    });
    m_store->read(key, [&](SecretResult, QByteArray v) { record(v == c ? "rc" : "r?"); });
    m_store->remove(
        key, [&](SecretResult r) { record(QStringLiteral("rm:") + secretStatusName(r.status)); });
    m_store->read(key, [&](SecretResult r, QByteArray) {
        record(QStringLiteral("r:") + secretStatusName(r.status));
    });
    QVERIFY(order.isEmpty());
    QCOMPARE(m_store->pendingOperations(), 7);
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 7, WaitMs);
    QCOMPARE(order, (QStringList{"wa:Ok", "ra", "wb:Ok", "wc:Ok", "rc", "rm:Ok", "r:NotFound"}));
    QCOMPARE(m_store->pendingOperations(), 0);
    for (quint64 g = 1; g <= 3; ++g) {
        for (int i = 0; i < 5; ++i)
            QCOMPARE(rawRead(m_service, SecretChunker::chunkKey(key, g, i)).error,
                     QKeychain::EntryNotFound);
    }
}

void TestKeychain::destroyedWithPendingOperations()
{
    bool called = false;
    {
        KeychainSecretStore doomed(m_service);
        doomed.write(QStringLiteral("x"), tokenLike(9 * 1024, 80),
                     [&](SecretResult) { called = true; });
        doomed.read(QStringLiteral("x"), [&](SecretResult, QByteArray) { called = true; });
        QCoreApplication::processEvents(); // start the first operation, then destroy the store
    }
    // Let any in-flight qtkeychain job finish: nothing may call back into the dead store.
    auto r = settled(startRead(*m_store, QStringLiteral("unrelated")));
    QCOMPARE(r->result.status, Status::NotFound);
    QVERIFY(!called);
    QVERIFY(settled(startRemove(*m_store, QStringLiteral("x")))->result.ok());
}

void TestKeychain::sessionVaultRoundTrip()
{
    KeychainSecretStore store(SessionVault::serviceName(QStringLiteral("test-%1").arg(m_counter)));
    SessionVault vault(&store);
    Session session;
    session.accessToken = QString::fromLatin1(tokenLike(1200, 90));
    session.refreshToken = QString::fromLatin1(tokenLike(300, 91));
    session.idToken = QString::fromLatin1(tokenLike(2500, 92));
    session.scope = QStringLiteral("openid profile email offline_access");
    session.accessTokenExpiry = QDateTime::currentDateTimeUtc().addSecs(3600);
    session.profile.subject = QStringLiteral("user-1");
    session.profile.name = QStringLiteral("Zoë");

    const auto saved = startSave(vault, session);
    QTRY_VERIFY_WITH_TIMEOUT(saved->done, WaitMs);
    QCOMPARE(saved->result.status, Status::Ok);

    const auto loaded = startLoad(vault);
    QTRY_VERIFY_WITH_TIMEOUT(loaded->done, WaitMs);
    QCOMPARE(loaded->result.status, Status::Ok);
    const Session &back = loaded->session;
    QCOMPARE(back.accessToken, session.accessToken);
    QCOMPARE(back.refreshToken, session.refreshToken);
    QCOMPARE(back.idToken, session.idToken);
    QCOMPARE(back.profile.subject, session.profile.subject);

    const auto cleared = startClear(vault);
    QTRY_VERIFY_WITH_TIMEOUT(cleared->done && cleared->result.ok(), WaitMs);
}

void TestKeychain::neverLogsSecrets()
{
    const QByteArray small = "SMALLSECRET" + tokenLike(40, 100);
    const QByteArray large = "LARGESECRET" + tokenLike(9 * 1024, 101);
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    g_logged.clear();
    g_previousHandler = qInstallMessageHandler(recordMessage);
    const QString key = QStringLiteral("session");
    auto w1 = settled(startWrite(*m_store, key, small));
    auto r1 = settled(startRead(*m_store, key));
    auto w2 = settled(startWrite(*m_store, key, large));
    auto r2 = settled(startRead(*m_store, key));
    auto rm = settled(startRemove(*m_store, key));
    qInstallMessageHandler(g_previousHandler);
    g_previousHandler = nullptr;
    QLoggingCategory::setFilterRules(QString());

    QVERIFY(w1->result.ok() && r1->result.ok() && w2->result.ok() && r2->result.ok() &&
            rm->result.ok());
    QVERIFY(!g_logged.isEmpty());
    for (const QString &line : std::as_const(g_logged)) {
        QVERIFY2(!line.contains(QLatin1String("SMALLSECRET")), qPrintable(line));
        QVERIFY2(!line.contains(QLatin1String("LARGESECRET")), qPrintable(line));
        QVERIFY2(!line.contains(QString::fromLatin1(large.mid(3000, 24))), qPrintable(line));
    }
}

void TestKeychain::measure()
{
    // Not asserted: printed for the report.
    const QString key = QStringLiteral("timing");
    struct Case
    {
        const char *name;
        QByteArray value;
    };
    const Case cases[] = {{"1.2 KB", tokenLike(1200, 110)}, {"9 KB", tokenLike(9 * 1024, 111)}};
    constexpr int Rounds = 21;
    auto ms = [](qint64 ns) { return double(ns) / 1e6; };
    for (const Case &c : cases) {
        QList<qint64> writeNs;
        QList<qint64> readNs;
        for (int i = 0; i < Rounds; ++i) {
            QElapsedTimer t;
            t.start();
            auto w = settled(startWrite(*m_store, key, c.value));
            writeNs << t.nsecsElapsed();
            QVERIFY(w->result.ok());
            t.restart();
            auto r = settled(startRead(*m_store, key));
            readNs << t.nsecsElapsed();
            QVERIFY(r->value == c.value);
        }
        std::sort(writeNs.begin(), writeNs.end());
        std::sort(readNs.begin(), readNs.end());
        const int chunks = headerIn(m_service, key).count;
        qInfo("%s (%d keychain entries): write median %.2f ms (min %.2f, max %.2f), "
              "read median %.2f ms (min %.2f, max %.2f), %d rounds",
              c.name, chunks ? chunks + 1 : 1, ms(writeNs.at(Rounds / 2)), ms(writeNs.first()),
              ms(writeNs.last()), ms(readNs.at(Rounds / 2)), ms(readNs.first()), ms(readNs.last()),
              Rounds);
    }
    QVERIFY(settled(startRemove(*m_store, key))->result.ok());
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
