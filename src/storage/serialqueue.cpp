#include "storage/serialqueue.h"

#include <QMetaObject>

namespace clipshelf {

SerialQueue::SerialQueue(QObject *parent) : QObject(parent) {}

void SerialQueue::enqueue(std::function<void()> start)
{
    m_queue.push_back(std::move(start));
    scheduleNext();
}

void SerialQueue::finished()
{
    m_running = false;
    scheduleNext();
}

int SerialQueue::pending() const
{
    return int(m_queue.size()) + (m_running ? 1 : 0);
}

void SerialQueue::scheduleNext()
{
    if (m_running || m_scheduled || m_queue.empty())
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_scheduled = false;
            runNext();
        },
        Qt::QueuedConnection);
}

void SerialQueue::runNext()
{
    if (m_running || m_queue.empty())
        return;
    std::function<void()> start = std::move(m_queue.front());
    m_queue.pop_front();
    m_running = true;
    start();
}

} // namespace clipshelf
