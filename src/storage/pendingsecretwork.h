#pragma once

#include "storage/secretstore.h"

#include <functional>
#include <memory>
#include <QDeadlineTimer>
#include <QObject>

namespace clipshelf {

/**
 * Counts the keychain writes and deletes that have started but not answered,
 * so that a process can let them finish before it exits (an exit drops the
 * store's queue: a session that should have been deleted would stay signed in,
 * a rotated refresh token would be lost). SessionVault registers its saves and
 * clears here; the app and the CLI drain it after their event loop ends
 * (SessionManager::finishPendingWork()).
 *
 * An operation counts as done when its callback has run, or when the callback
 * was dropped unrun (its store was destroyed), so a count never sticks.
 */
class PendingSecretWork : public QObject
{
    Q_OBJECT
public:
    using DoneCallback = std::function<void(SecretResult)>;

    explicit PendingSecretWork(QObject *parent = nullptr);
    ~PendingSecretWork() override;

    /// Wraps \a done: the operation is pending until the returned callback has run or is destroyed.
    DoneCallback track(DoneCallback done);
    /// Writes and deletes not answered yet.
    int count() const;
    /// Runs the event loop until nothing is pending or \a deadline passes; true when nothing is
    /// pending.
    bool waitUntilDone(QDeadlineTimer deadline);

signals:
    /// The last pending operation answered.
    void drained();

private:
    struct State;
    class Ticket;
    std::shared_ptr<State> m_state;
};

} // namespace clipshelf
