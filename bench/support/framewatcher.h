#pragma once

#include <functional>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class QQuickWindow;

namespace clipshelf::bench {

/**
 * Timestamps the first frame that shows something: a milestone is reached on
 * the first frame swapped after its condition held while the scene was synced
 * (checked on afterAnimating, on the GUI thread, right before the sync). The
 * timestamp is taken on frameSwapped, on whichever thread renders, with
 * monotonicNs(). While a condition holds and no frame comes, it asks the
 * window for one, so a change that draws nothing new still gets its frame.
 */
class FrameWatcher : public QObject
{
    Q_OBJECT
public:
    explicit FrameWatcher(QQuickWindow *window, QObject *parent = nullptr);
    ~FrameWatcher() override;

    /// Adds a milestone, checked on the GUI thread before every frame.
    void addMilestone(const QString &name, std::function<bool()> reached);
    /// monotonicNs() of the milestone's frame, or -1 while not rendered.
    qint64 renderedAt(const QString &name) const;
    /// CPU time (ownCpuMs) the process had used at that frame, or -1.
    double cpuMsAt(const QString &name) const;
    bool allRendered() const;

signals:
    /// On the GUI thread, once per milestone.
    void milestoneRendered(const QString &name, qint64 monotonicNs);
    void allMilestonesRendered();

private:
    struct Milestone
    {
        QString name;
        std::function<bool()> reached;
        bool armed = false; ///< condition held at the last sync
        qint64 renderedNs = -1;
        double cpuMs = -1;
    };
    void onAfterAnimating();
    void onFrameSwapped();
    void onPoll();
    void deliver(int index, qint64 ns);

    QPointer<QQuickWindow> m_window;
    QList<Milestone> m_milestones;
    mutable QMutex
        m_mutex; ///< guards armed/renderedNs (frameSwapped may come from the render thread)
    QTimer m_poll;
    bool m_allDelivered = false;
};

} // namespace clipshelf::bench
