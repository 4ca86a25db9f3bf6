#pragma once

#include <QJsonObject>

namespace clipshelf::bench {

class BenchContext;

/**
 * Sign-in completion: from the loopback callback arriving (the controller
 * enters CompletingSignIn) to SignedIn — code exchange, ID-token checks,
 * profile, keychain write — minus the token endpoint's own time in that same
 * sign-in. Each repetition is a full browser sign-in through the test browser.
 * The last session stays in the profile's keychain entry for the benchmarks
 * that follow.
 */
QJsonObject runSignInBench(BenchContext &context, int repetitions);

} // namespace clipshelf::bench
