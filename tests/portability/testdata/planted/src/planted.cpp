// Planted violations for the portability self-test: every marked line must be reported.
#include <QtGlobal>
#include <unistd.h>   // EXPECT header

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <fcntl.h>
#endif

#if defined(Q_OS_WIN)
static int pid() { return 0; }
#elif defined(Q_OS_LINUX) || defined(Q_OS_MACOS)
static int pid() { return ::getpid(); }
#endif

static double cpu()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);   // EXPECT call
    // getrusage(RUSAGE_SELF, &usage) in a comment is fine, "kill(1)" in a string too
    return double(ts.tv_sec) + pid();
}

struct Process { void kill() {} };
static void stop(Process &p) { p.kill(); std::raise(SIGHUP); }   // EXPECT signal
