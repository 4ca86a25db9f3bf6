// RefreshLock across two processes (issue 13, item 13): a live holder keeps
// the lock however old its lock file is (a slow token endpoint, a keychain
// prompt); the lock of a holder that is gone is taken over. The second process
// is this test binary itself, started with --hold PATH: it takes the lock,
// prints "held" and keeps it until it is killed.
#include "auth/refreshlock.h"

#include <cstdio>
#include <cstring>
#include <optional>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace clipshelf;

namespace {

/// Acquires \a lock, waiting at most \a timeoutMs; the answer of acquire().
std::optional<bool> acquire(RefreshLock &lock, int timeoutMs)
{
    std::optional<bool> answer;
    lock.acquire([&](bool held) { answer = held; }, timeoutMs);
    (void)QTest::qWaitFor([&] { return answer.has_value(); }, timeoutMs + 5000);
    return answer;
}

/// Sets the lock file's modification time \a seconds into the past (a holder that has waited that
/// long).
bool age(const QString &path, int seconds)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite) &&
           file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-seconds),
                            QFileDevice::FileModificationTime);
}

/**
 * The other process: holds the lock at \a path until it is killed. With
 * \a nativeLock false it holds it as on a file system without native file
 * locks (some network and FUSE file systems): the same lock file, written by
 * QLockFile, but without the flock() that Linux's local file systems add.
 */
int holdLock(const char *path, bool nativeLock)
{
    const QString file = QString::fromLocal8Bit(path);
    RefreshLock lock(file);
    bool held = false;
    lock.acquire([&](bool h) { held = h; }, 10'000);
    (void)QTest::qWaitFor([&] { return held; }, 12'000);
    if (held && !nativeLock) {
        QFile written(file);
        const QByteArray contents =
            written.open(QIODevice::ReadOnly) ? written.readAll() : QByteArray();
        written.close();
        lock.release(); // drops the file and its flock
        QFile again(file);
        held = !contents.isEmpty() && again.open(QIODevice::NewOnly | QIODevice::WriteOnly) &&
               again.write(contents) == contents.size();
        again.close();
    }
    std::puts(held ? "held" : "not held");
    std::fflush(stdout);
    if (!held)
        return 1;
    return QCoreApplication::exec();
}

} // namespace

class TestRefreshLock : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    /// Starts the holder process and waits until it holds the lock at \a path.
    bool startHolder(QProcess &holder, const QString &path, bool nativeLock = true)
    {
        holder.start(QCoreApplication::applicationFilePath(),
                     {nativeLock ? "--hold" : "--hold-without-native-lock", path});
        if (!holder.waitForStarted(10'000))
            return false;
        (void)QTest::qWaitFor(
            [&] { return holder.canReadLine() || holder.state() == QProcess::NotRunning; }, 15'000);
        return holder.readLine().trimmed() == "held";
    }

private slots:
    void aLiveHolderKeepsTheLockHoweverOld_data()
    {
        QTest::addColumn<bool>("nativeLock");
        QTest::newRow("with native lock") << true;
        // Where the lock file's age was the only rule: a second process took it after a minute.
        QTest::newRow("without native lock") << false;
    }
    void aLiveHolderKeepsTheLockHoweverOld()
    {
        QFETCH(bool, nativeLock);
        const QString path = m_dir.filePath(nativeLock ? "live.lock" : "live-nonative.lock");
        QProcess holder;
        QVERIFY(startHolder(holder, path, nativeLock));
        // The holder has waited two minutes on a slow token endpoint: still its lock.
        QVERIFY(age(path, 120));
        RefreshLock lock(path);
        QCOMPARE(acquire(lock, 1500), std::optional<bool>(false));
        QVERIFY(!lock.isHeld());
        holder.kill();
        holder.waitForFinished(5000);
    }

    void theLockOfAHolderThatIsGoneIsTakenOver_data() { aLiveHolderKeepsTheLockHoweverOld_data(); }
    void theLockOfAHolderThatIsGoneIsTakenOver()
    {
        QFETCH(bool, nativeLock);
        const QString path = m_dir.filePath(nativeLock ? "gone.lock" : "gone-nonative.lock");
        QProcess holder;
        QVERIFY(startHolder(holder, path, nativeLock));
        RefreshLock lock(path);
        QCOMPARE(acquire(lock, 300), std::optional<bool>(false)); // held
        holder.kill(); // SIGKILL: the lock file stays behind
        QVERIFY(holder.waitForFinished(5000));
        QVERIFY(QFile::exists(path));
        QCOMPARE(acquire(lock, 5000), std::optional<bool>(true));
        QVERIFY(lock.isHeld());
        lock.release();
    }

    void releasedLockIsFreeAtOnce()
    {
        const QString path = m_dir.filePath("released.lock");
        RefreshLock first(path);
        RefreshLock second(path);
        QCOMPARE(acquire(first, 1000), std::optional<bool>(true));
        QCOMPARE(acquire(second, 200), std::optional<bool>(false));
        first.release();
        QCOMPARE(acquire(second, 1000), std::optional<bool>(true));
    }
};

int main(int argc, char *argv[])
{
    if (argc == 3 && (std::strcmp(argv[1], "--hold") == 0 ||
                      std::strcmp(argv[1], "--hold-without-native-lock") == 0)) {
        QCoreApplication app(argc, argv);
        return holdLock(argv[2], std::strcmp(argv[1], "--hold") == 0);
    }
    QCoreApplication app(argc, argv);
    TestRefreshLock test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_refreshlock.moc"
