#include "library/undowindow.h"

#include <QTimer>

namespace clipshelf {

UndoWindow::UndoWindow(QObject *parent) : QObject(parent) {}

UndoWindow::~UndoWindow() = default;

void UndoWindow::startTimer(qint64 id)
{
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, id] { emit expired(id); });
    timer->start(m_durationMs);
    m_timers.insert(id, timer);
}

void UndoWindow::open(qint64 id, qint64 seq)
{
    m_held.insert(id, seq);
    startTimer(id);
}

bool UndoWindow::holdsSeq(qint64 seq) const
{
    for (auto it = m_held.cbegin(); it != m_held.cend(); ++it)
        if (it.value() == seq)
            return true;
    return false;
}

std::optional<qint64> UndoWindow::close(qint64 id)
{
    if (QTimer *timer = m_timers.take(id))
        timer->deleteLater(); // may be the timer whose timeout called us
    if (!m_held.contains(id))
        return std::nullopt;
    return m_held.take(id);
}

void UndoWindow::retarget(qint64 from, qint64 to)
{
    if (!m_held.contains(from))
        return;
    m_held.insert(to, m_held.take(from));
    if (QTimer *timer = m_timers.take(from)) {
        timer->stop();
        timer->deleteLater();
        startTimer(to);
    }
}

void UndoWindow::stopTimers()
{
    qDeleteAll(m_timers);
    m_timers.clear();
}

void UndoWindow::clear()
{
    stopTimers();
    m_held.clear();
}

} // namespace clipshelf
