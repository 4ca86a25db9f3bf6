#pragma once

#include <QtGlobal>

namespace clipshelf::bench {

/// The monotonic clock in nanoseconds that node's process.hrtime() reads
/// (CLOCK_MONOTONIC on Linux), so the harness can subtract its own timestamp
/// taken just before spawning us.
qint64 monotonicNs();

/// Memory of this process: /proc/self on Linux, the working set on Windows
/// (kilobytes; -1 where unavailable).
struct ProcessMemory
{
    qint64 peakRssKb = -1; ///< VmHWM: the high-water mark of the resident set
    qint64 rssKb = -1;     ///< VmRSS now
    qint64 pssKb = -1;     ///< Pss from smaps_rollup: shared pages divided among their users
};
ProcessMemory readOwnMemory();

/// CPU time (user + system, all threads) this process used so far, in ms:
/// less disturbed by other processes on a shared machine than wall time.
/// -1 where the OS gives no figure.
double ownCpuMs();

} // namespace clipshelf::bench
