#pragma once

#include "command.h"

namespace clipshelf::cli {

class CliContext;

/// login [--no-browser]: signs in through the browser (or prints the URL).
void runLogin(CliContext &ctx, bool noBrowser);
/// logout: forgets the local session and revokes the refresh token.
void runLogout(CliContext &ctx);
/// status: signed in or not, and the access token's expiry (never a value).
void runStatus(CliContext &ctx);
/// whoami: the signed-in user's name, email and subject.
void runWhoami(CliContext &ctx);

/// login, logout, status and whoami as commands.
QList<CommandSpec> authCommands();

} // namespace clipshelf::cli
