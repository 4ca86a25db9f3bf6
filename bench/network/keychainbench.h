#pragma once

#include <QJsonObject>

namespace clipshelf::bench {

class BenchContext;

/// Keychain read and write of the stored session (SessionVault over the
/// profile's KeychainSecretStore: the Secret Service, chunked), per operation.
QJsonObject runKeychainBench(BenchContext &context, int repetitions);

} // namespace clipshelf::bench
