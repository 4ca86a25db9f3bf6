#pragma once

#include <QJsonObject>

namespace clipshelf::bench {

class BenchContext;

/**
 * Many requests on an expired access token: a fresh SessionManager loads a
 * stored session whose access token has expired and, in the same turn of the
 * event loop, \a concurrency ApiClient GETs go out; timed until the last one
 * completed. The baseline is the same with one request: one refresh (lock,
 * keychain read, token endpoint, keychain write) plus one request. Rounds
 * alternate the two; the ratio is of the medians.
 */
QJsonObject runRefreshStormBench(BenchContext &context, int rounds, int concurrency);

} // namespace clipshelf::bench
