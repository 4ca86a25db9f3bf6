#pragma once

#include <QJsonObject>

namespace clipshelf::bench {

class BenchContext;

/**
 * Authenticated request overhead: ApiClient GET /me (token from the restored
 * session, timeouts, redirect checks, typed errors) against a raw
 * QNetworkAccessManager GET of the same URL with a static bearer header, on
 * one shared network manager and keep-alive connection. Sequential batches,
 * alternating which side goes first; the ratio is the median of the rounds'
 * paired ratios. The client's CPU time per request is reported alongside.
 */
QJsonObject runRequestBench(BenchContext &context, int rounds, int batch);

/**
 * Profiling aid (not part of the report): runs only one side, \a side "api"
 * or "raw", for \a rounds batches after the same warm-up, so that a profiler
 * (valgrind --tool=callgrind) sees the cost of that side alone.
 */
QJsonObject runRequestSide(BenchContext &context, const QString &side, int rounds, int batch);

} // namespace clipshelf::bench
