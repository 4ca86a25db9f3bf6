#include "benchclock.h"

#include <QByteArray>
#include <QFile>

#include <ctime>

#include <sys/resource.h>

namespace clipshelf::bench {

qint64 monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
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
    m.peakRssKb = procField(QStringLiteral("/proc/self/status"), "VmHWM");
    m.rssKb = procField(QStringLiteral("/proc/self/status"), "VmRSS");
    m.pssKb = procField(QStringLiteral("/proc/self/smaps_rollup"), "Pss");
    return m;
}

double ownCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto ms = [](const timeval &t) { return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

} // namespace clipshelf::bench
