#include "auth/refreshlock.h"

#include <QDateTime>
#include <QDir>
#include <QStandardPaths>

namespace clipshelf {

RefreshLock::RefreshLock(const QString &path, QObject *parent) : QObject(parent), m_file(path)
{
    // Never stale by age: a holder that waits on a slow token endpoint or a
    // keychain prompt keeps its lock however long that takes (a second process
    // that took it would present the same refresh token, and a rotating
    // provider would revoke the grant). A lock is stale only when its holder
    // process is gone (QLockFile checks the PID on this host), e.g. one killed
    // mid-refresh. The holder's network work has deadlines of its own.
    m_file.setStaleLockTime(0);
    m_poll.setInterval(25);
    connect(&m_poll, &QTimer::timeout, this, &RefreshLock::poll);
}

RefreshLock::~RefreshLock()
{
    release();
}

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
