#include "benchclock.h"

#include <chrono>
#include <QByteArray>
#include <QFile>

// Portable by construction: the POSIX and Win32 calls are each behind their
// guard (MSVC has no <sys/resource.h>, getrusage or clock_gettime).
#if defined(Q_OS_WIN)
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <psapi.h>
#include <windows.h>
#elif defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif

namespace clipshelf::bench {

qint64 monotonicNs()
{
    // steady_clock is the clock libuv's process.hrtime() reads on each OS:
    // CLOCK_MONOTONIC (libstdc++, Linux), mach_absolute_time (libc++, macOS),
    // QueryPerformanceCounter (MSVC).
    using namespace std::chrono;
    return duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count();
}

namespace {

/// The value in kB of "Name:   1234 kB" in a /proc key-value file, or -1.
qint64 procField(const QString &path, const QByteArray &name)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    const QByteArray prefix = name + ':';
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (!line.startsWith(prefix))
            continue;
        const QByteArray value = line.mid(prefix.size()).trimmed();
        bool ok = false;
        const qint64 kb = value.left(value.indexOf(' ')).toLongLong(&ok);
        return ok ? kb : -1;
    }
    return -1;
}

} // namespace

ProcessMemory readOwnMemory()
{
    ProcessMemory m;
#if defined(Q_OS_WIN)
    PROCESS_MEMORY_COUNTERS counters{};
    if (K32GetProcessMemoryInfo(GetCurrentProcess(), &counters, sizeof counters)) {
        m.peakRssKb = qint64(counters.PeakWorkingSetSize / 1024);
        m.rssKb = qint64(counters.WorkingSetSize / 1024);
    }
#else
    // Linux's /proc; elsewhere the files are absent and the values stay -1.
    m.peakRssKb = procField(QStringLiteral("/proc/self/status"), "VmHWM");
    m.rssKb = procField(QStringLiteral("/proc/self/status"), "VmRSS");
    m.pssKb = procField(QStringLiteral("/proc/self/smaps_rollup"), "Pss");
#endif
    return m;
}

double ownCpuMs()
{
#if defined(Q_OS_WIN)
    FILETIME createdAt{}, exitedAt{}, kernel{}, user{};
    if (!GetProcessTimes(GetCurrentProcess(), &createdAt, &exitedAt, &kernel, &user))
        return -1;
    // FILETIME counts 100 ns ticks.
    auto ms = [](const FILETIME &t) {
        return double((quint64(t.dwHighDateTime) << 32) | t.dwLowDateTime) / 1e4;
    };
    return ms(user) + ms(kernel);
#elif defined(Q_OS_UNIX)
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto ms = [](const timeval &t) { return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
#else
    return -1;
#endif
}

} // namespace clipshelf::bench
