#include "core/terminationsignals.h"

#include "core/logging.h"

#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#endif

#include <atomic>
#include <cerrno>
#include <iterator>

namespace clipshelf {

namespace {

std::atomic<bool> s_shuttingDown{false};

#ifdef Q_OS_UNIX
constexpr int kSignals[] = {SIGTERM, SIGINT, SIGHUP};
int s_pipe[2] = {-1, -1};
struct sigaction s_previous[std::size(kSignals)];

extern "C" void onTerminationSignal(int signalNumber)
{
    // Async-signal-safe only: an atomic flag, write() and _exit().
    if (s_shuttingDown.exchange(true))
        _exit(TerminationSignals::exitCodeFor(signalNumber));
    const int saved = errno;
    const char byte = char(signalNumber);
    [[maybe_unused]] const ssize_t n = ::write(s_pipe[1], &byte, 1);
    errno = saved;
}
#endif

} // namespace

TerminationSignals::TerminationSignals(QObject *parent) : QObject(parent)
{
#ifdef Q_OS_UNIX
    if (s_pipe[0] >= 0) {
        qCWarning(lcCore) << "TerminationSignals: only one instance at a time";
        return;
    }
    // pipe() and fcntl(), not pipe2(): macOS has no pipe2.
    const auto setFlags = [](int fd) {
        return ::fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 &&
               ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK) == 0;
    };
    if (::pipe(s_pipe) != 0 || !setFlags(s_pipe[0]) || !setFlags(s_pipe[1])) {
        if (s_pipe[0] >= 0) {
            ::close(s_pipe[0]);
            ::close(s_pipe[1]);
        }
        qCWarning(lcCore)
            << "TerminationSignals: no pipe; SIGTERM ends Clipshelf without its orderly shutdown";
        s_pipe[0] = s_pipe[1] = -1;
        return;
    }
    m_notifier = new QSocketNotifier(s_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &TerminationSignals::onReadable);
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (size_t i = 0; i < std::size(kSignals); ++i)
        sigaction(kSignals[i], &action, &s_previous[i]);
#endif
}

TerminationSignals::~TerminationSignals()
{
#ifdef Q_OS_UNIX
    if (!m_notifier)
        return;
    for (size_t i = 0; i < std::size(kSignals); ++i)
        sigaction(kSignals[i], &s_previous[i], nullptr);
    delete m_notifier;
    ::close(s_pipe[0]);
    ::close(s_pipe[1]);
    s_pipe[0] = s_pipe[1] = -1;
#endif
}

void TerminationSignals::markShuttingDown()
{
    s_shuttingDown = true;
}

bool TerminationSignals::isShuttingDown()
{
    return s_shuttingDown;
}

void TerminationSignals::onReadable()
{
#ifdef Q_OS_UNIX
    char byte = 0;
    while (::read(s_pipe[0], &byte, 1) == 1) {
        qCInfo(lcCore) << "Signal" << int(byte) << "received: shutting down";
        emit received(int(byte));
    }
#endif
}

} // namespace clipshelf
