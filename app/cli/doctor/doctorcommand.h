#pragma once

#include "../command.h"

namespace clipshelf::cli {

/// doctor: checks the installation and prints a report safe to share publicly.
CommandSpec doctorCommand();

} // namespace clipshelf::cli
