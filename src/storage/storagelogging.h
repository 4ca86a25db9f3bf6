#pragma once

#include <QLoggingCategory>

namespace clipshelf {

/// Logging category of the storage layer ("clipshelf.storage"). Messages in it
/// name keys, sizes and statuses only: never a secret value, at any verbosity.
Q_DECLARE_LOGGING_CATEGORY(lcStorage)

} // namespace clipshelf
