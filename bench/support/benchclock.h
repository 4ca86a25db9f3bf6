#pragma once

#include <QtGlobal>

namespace clipshelf::bench {

/// CLOCK_MONOTONIC in nanoseconds: the clock node's process.hrtime() reads, so
/// the harness can subtract its own timestamp taken just before spawning us.
qint64 monotonicNs();

/// Memory of this process from /proc/self (kilobytes; -1 where unavailable).
struct ProcessMemory
{
    qint64 peakRssKb = -1;   ///< VmHWM: the high-water mark of the resident set
    qint64 rssKb = -1;       ///< VmRSS now
    qint64 pssKb = -1;       ///< Pss from smaps_rollup: shared pages divided among their users
};
ProcessMemory readOwnMemory();

/// CPU time (user + system, all threads) this process used so far, in ms:
/// less disturbed by other processes on a shared machine than wall time.
double ownCpuMs();

} // namespace clipshelf::bench
