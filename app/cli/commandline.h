#pragma once

#include "command.h"

#include <memory>
#include <QCommandLineParser>
#include <QStringList>

namespace clipshelf::cli {

/**
 * clipshelf-cli's argument handling: finds the command words among the
 * arguments (global options may come before or after them), parses the rest
 * with a QCommandLineParser holding the global options plus the command's
 * own, prints --help for the program, a command group or one command, and
 * runs the command with the loaded configuration.
 */
class CommandLine
{
public:
    explicit CommandLine(QList<CommandSpec> commands);
    ~CommandLine();

    /// Handles \a arguments (argv, program name first); returns the exit code.
    /// Runs the event loop while the command works.
    int run(const QStringList &arguments);

    /// The options every command accepts (--help, --json, the configuration keys, …).
    static QList<QCommandLineOption> globalOptions();

private:
    struct Match;
    Match resolve(const QStringList &tokens) const;
    /// Option names that take a value, so that their values are never taken for command words.
    QStringList valueOptionNames() const;

    QList<CommandSpec> m_commands;
    std::unique_ptr<QCommandLineParser> m_parser;
};

} // namespace clipshelf::cli
