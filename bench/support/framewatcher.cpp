#include "framewatcher.h"

#include "benchclock.h"

#include <QMetaObject>
#include <QMutexLocker>
#include <QQuickWindow>

namespace clipshelf::bench {

FrameWatcher::FrameWatcher(QQuickWindow *window, QObject *parent)
    : QObject(parent), m_window(window)
{
    connect(window, &QQuickWindow::afterAnimating, this, &FrameWatcher::onAfterAnimating,
            Qt::DirectConnection);
    // Direct: the timestamp is taken on the render thread, right after the swap.
    connect(window, &QQuickWindow::frameSwapped, this, &FrameWatcher::onFrameSwapped,
            Qt::DirectConnection);
    m_poll.setInterval(4);
    connect(&m_poll, &QTimer::timeout, this, &FrameWatcher::onPoll);
    m_poll.start();
}

FrameWatcher::~FrameWatcher()
{
    if (m_window)
        disconnect(m_window, nullptr, this, nullptr);
}

void FrameWatcher::addMilestone(const QString &name, std::function<bool()> reached)
{
    QMutexLocker lock(&m_mutex);
    m_milestones.append({name, std::move(reached)});
}

qint64 FrameWatcher::renderedAt(const QString &name) const
{
    QMutexLocker lock(&m_mutex);
    for (const Milestone &m : m_milestones) {
        if (m.name == name)
            return m.renderedNs;
    }
    return -1;
}

double FrameWatcher::cpuMsAt(const QString &name) const
{
    QMutexLocker lock(&m_mutex);
    for (const Milestone &m : m_milestones) {
        if (m.name == name)
            return m.cpuMs;
    }
    return -1;
}

bool FrameWatcher::allRendered() const
{
    QMutexLocker lock(&m_mutex);
    for (const Milestone &m : m_milestones) {
        if (m.renderedNs < 0)
            return false;
    }
    return true;
}

void FrameWatcher::onAfterAnimating()
{
    // GUI thread, before the scene graph is synced for the coming frame. The
    // conditions run unlocked (only this thread calls them), so a slow one
    // never holds up the render thread's swap.
    QList<int> reached;
    for (int i = 0; i < m_milestones.size(); ++i) {
        if (renderedAt(m_milestones.at(i).name) < 0 && m_milestones.at(i).reached())
            reached.append(i);
    }
    QMutexLocker lock(&m_mutex);
    for (int index : reached)
        m_milestones[index].armed = true;
}

void FrameWatcher::onFrameSwapped()
{
    const qint64 now = monotonicNs();
    const double cpu = ownCpuMs();
    QList<int> done;
    {
        QMutexLocker lock(&m_mutex);
        for (int i = 0; i < m_milestones.size(); ++i) {
            Milestone &m = m_milestones[i];
            if (m.armed && m.renderedNs < 0) {
                m.renderedNs = now;
                m.cpuMs = cpu;
                done.append(i);
            }
        }
    }
    for (int index : done)
        QMetaObject::invokeMethod(
            this, [this, index, now] { deliver(index, now); }, Qt::QueuedConnection);
}

void FrameWatcher::onPoll()
{
    bool wantFrame = false;
    for (const Milestone &m : std::as_const(m_milestones)) {
        if (renderedAt(m.name) < 0 && m.reached())
            wantFrame = true;
    }
    if (wantFrame && m_window)
        m_window->update();
    if (allRendered())
        m_poll.stop();
}

void FrameWatcher::deliver(int index, qint64 ns)
{
    QString name;
    {
        QMutexLocker lock(&m_mutex);
        name = m_milestones.at(index).name;
    }
    emit milestoneRendered(name, ns);
    // Several milestones may share one frame: announce "all" once.
    if (!m_allDelivered && allRendered()) {
        m_allDelivered = true;
        emit allMilestonesRendered();
    }
}

} // namespace clipshelf::bench
