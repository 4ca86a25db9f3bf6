#pragma once

#include "command.h"

namespace clipshelf::cli {

/// settings get [KEY] | set KEY=VALUE...: the user's settings, by dotted key.
QList<CommandSpec> settingsCommands();

} // namespace clipshelf::cli
