#pragma once

#include "command.h"

namespace clipshelf::cli {

/// videos list | add | show | edit | rm: the user's saved videos.
QList<CommandSpec> videoCommands();

} // namespace clipshelf::cli
