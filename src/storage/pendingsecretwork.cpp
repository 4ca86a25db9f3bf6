#include "storage/pendingsecretwork.h"

#include <algorithm>
#include <climits>
#include <QEventLoop>
#include <QPointer>
#include <QTimer>

namespace clipshelf {

/// Shared with every ticket, so a ticket may outlive the tracker.
struct PendingSecretWork::State
{
    int count = 0;
    QPointer<PendingSecretWork> owner;
};

/// One pending operation; it ends when the ticket is destroyed.
class PendingSecretWork::Ticket
{
public:
    explicit Ticket(std::shared_ptr<State> state) : m_state(std::move(state)) { ++m_state->count; }
    ~Ticket()
    {
        if (--m_state->count == 0 && m_state->owner)
            emit m_state->owner->drained();
    }
    Ticket(const Ticket &) = delete;
    Ticket &operator=(const Ticket &) = delete;

private:
    std::shared_ptr<State> m_state;
};

PendingSecretWork::PendingSecretWork(QObject *parent)
    : QObject(parent), m_state(std::make_shared<State>())
{
    m_state->owner = this;
}

PendingSecretWork::~PendingSecretWork() = default;

PendingSecretWork::DoneCallback PendingSecretWork::track(DoneCallback done)
{
    auto ticket = std::make_shared<Ticket>(m_state);
    return [ticket = std::move(ticket), done = std::move(done)](SecretResult result) mutable {
        if (done)
            done(result);
        ticket.reset(); // done: after the callback, which may start further work
    };
}

int PendingSecretWork::count() const
{
    return m_state->count;
}

bool PendingSecretWork::waitUntilDone(QDeadlineTimer deadline)
{
    if (count() == 0)
        return true;
    QEventLoop loop;
    connect(this, &PendingSecretWork::drained, &loop, &QEventLoop::quit);
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    if (!deadline.isForever())
        timeout.start(int(std::clamp<qint64>(deadline.remainingTime(), 0, INT_MAX)));
    if (!deadline.hasExpired())
        loop.exec();
    return count() == 0;
}

} // namespace clipshelf
