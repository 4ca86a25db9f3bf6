#pragma once

#include "command.h"

#include <QString>

namespace clipshelf::cli {

/// The --help texts of clipshelf-cli, built from the command specs.
namespace help {

/// `clipshelf-cli --help`: every command, the global options and the exit codes.
QString program(const QList<CommandSpec> &commands);
/// `clipshelf-cli videos --help`: the sub-commands of one group.
QString group(const QString &group, const QList<CommandSpec> &commands);
/// `clipshelf-cli videos add --help`: one command's arguments and options.
QString command(const CommandSpec &spec);
/// The exit-code table, as --help and the README show it.
QString exitCodes();
/// Options as "  --name <value>   description" lines, wrapped to 80 columns.
QString formatOptions(const QList<QCommandLineOption> &options);

} // namespace help

} // namespace clipshelf::cli
