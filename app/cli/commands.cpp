#include "accountcommands.h"
#include "authcommands.h"
#include "command.h"
#include "doctor/doctorcommand.h"
#include "settingscommands.h"
#include "videocommands.h"

namespace clipshelf::cli {

QList<CommandSpec> allCommands()
{
    QList<CommandSpec> commands = authCommands();
    commands += videoCommands();
    commands += listingCommands();
    commands += settingsCommands();
    commands += avatarCommands();
    commands += apiKeyCommands();
    commands << doctorCommand();
    return commands;
}

} // namespace clipshelf::cli
