#include "auth/refreshlock.h"

#include <QDateTime>
#include <QDir>
#include <QStandardPaths>

namespace clipshelf {

RefreshLock::RefreshLock(const QString &path, QObject *parent) : QObject(parent), m_file(path)
{
    // A process killed mid-refresh leaves its lock behind; it counts as stale
    // after a minute (a refresh takes milliseconds to seconds).
    m_file.setStaleLockTime(60'000);
    m_poll.setInterval(25);
    connect(&m_poll, &QTimer::timeout, this, &RefreshLock::poll);
}

RefreshLock::~RefreshLock() { release(); }

QString RefreshLock::pathFor(const QString &profile)
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("clipshelf-%1.refresh.lock").arg(profile));
}

void RefreshLock::acquire(std::function<void(bool)> done, int timeoutMs)
{
    m_done = std::move(done);
    m_deadline = QDateTime::currentMSecsSinceEpoch() + timeoutMs;
    poll();
}

void RefreshLock::poll()
{
    if (!m_done)
        return;
    if (m_file.tryLock(0)) {
        m_poll.stop();
        std::exchange(m_done, nullptr)(true);
        return;
    }
    if (QDateTime::currentMSecsSinceEpoch() >= m_deadline) {
        m_poll.stop();
        std::exchange(m_done, nullptr)(false);
        return;
    }
    if (!m_poll.isActive())
        m_poll.start();
}

void RefreshLock::release()
{
    if (m_file.isLocked())
        m_file.unlock();
}

} // namespace clipshelf
