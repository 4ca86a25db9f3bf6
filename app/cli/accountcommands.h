#pragma once

#include "command.h"

namespace clipshelf::cli {

/// avatar set FILE | rm: the profile picture.
QList<CommandSpec> avatarCommands();
/// api-keys list | create NAME | revoke ID: personal API keys.
QList<CommandSpec> apiKeyCommands();
/// tags and activity: read-only views of the account.
QList<CommandSpec> listingCommands();

} // namespace clipshelf::cli
