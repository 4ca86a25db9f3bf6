#pragma once

#include <functional>
#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

namespace clipshelf::cli {

class CliContext;

/// One positional argument of a command, for the usage line and --help.
struct CommandArgument
{
    QString name; ///< e.g. "URL", "KEY=VALUE..."
    QString description;
    bool optional = false;
};

/**
 * One clipshelf-cli command, e.g. {"videos", "add"}: its words, help texts,
 * own options and positional arguments, and what it does. The global options
 * (--json, --verbose, the configuration keys) are accepted by every command.
 */
struct CommandSpec
{
    QStringList words; ///< {"videos", "add"}, {"doctor"}
    QString summary;   ///< one line for the command list
    QString details;   ///< extra paragraphs for --help (may be empty)
    QList<CommandArgument> arguments;
    QList<QCommandLineOption> options;
    int minArgs = 0;
    int maxArgs = 0;                       ///< -1: any number
    std::function<void(CliContext &)> run; ///< starts the work; must call ctx.finish() eventually

    QString name() const { return words.join(QLatin1Char(' ')); }
};

/// Every command that clipshelf-cli knows, in the order --help lists them.
QList<CommandSpec> allCommands();

} // namespace clipshelf::cli
