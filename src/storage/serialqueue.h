#pragma once

#include <deque>
#include <functional>
#include <QObject>

namespace clipshelf {

/**
 * Runs operations one after the other in call order: an operation starts (from
 * the event loop, never inside enqueue()) only after the previous one called
 * finished(). Used by KeychainSecretStore so overlapping calls never interleave.
 */
class SerialQueue : public QObject
{
    Q_OBJECT
public:
    explicit SerialQueue(QObject *parent = nullptr);

    /// Queues \a start; it runs later from the event loop once the queue is free.
    void enqueue(std::function<void()> start);
    /// The running operation is done; the next one is scheduled.
    void finished();
    /// Operations queued or running.
    int pending() const;

private:
    void scheduleNext();
    void runNext();

    std::deque<std::function<void()>> m_queue;
    bool m_running = false;
    bool m_scheduled = false;
};

} // namespace clipshelf
