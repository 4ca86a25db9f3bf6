#pragma once

#include <functional>
#include <memory>
#include <QLockFile>
#include <QObject>
#include <QTimer>

namespace clipshelf {

/**
 * A per-profile lock shared by every Clipshelf process (the app, the CLI, a
 * second window), held while a refresh token is being used: rotating providers
 * revoke the whole grant when one refresh token is presented twice.
 * Acquisition polls without blocking the event loop. The lock is held for as
 * long as its holder process lives (never taken over for its age); the lock of
 * a holder that is gone (killed, crashed) is taken over.
 */
class RefreshLock : public QObject
{
    Q_OBJECT
public:
    /// \a path: the lock file, e.g. from RefreshLock::pathFor(profile).
    explicit RefreshLock(const QString &path, QObject *parent = nullptr);
    ~RefreshLock() override;

    static QString pathFor(const QString &profile);

    /// Calls \a done(true) once held, or done(false) after \a timeoutMs.
    void acquire(std::function<void(bool)> done, int timeoutMs = 30'000);
    void release();
    bool isHeld() const { return m_file.isLocked(); }

private:
    void poll();

    QLockFile m_file;
    QTimer m_poll;
    qint64 m_deadline = 0;
    std::function<void(bool)> m_done;
};

} // namespace clipshelf
