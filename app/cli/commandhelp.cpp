#include "commandhelp.h"

#include "commandline.h"

#include <QStringList>

namespace clipshelf::cli::help {

namespace {

constexpr qsizetype kWidth = 80;

/// Word-wraps \a text into lines of at most kWidth columns, the first starting
/// after \a lead and the others indented by \a indent columns.
QString wrap(const QString &lead, const QString &text, qsizetype indent)
{
    QString out = lead.leftJustified(indent);
    if (!lead.isEmpty() && lead.size() >= indent)
        out = lead + QLatin1String("\n") + QString(indent, QLatin1Char(' '));
    qsizetype column = indent;
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &w = words[i];
        if (i > 0 && column + 1 + w.size() > kWidth) {
            out += QLatin1Char('\n') + QString(indent, QLatin1Char(' '));
            column = indent;
        } else if (i > 0) {
            out += QLatin1Char(' ');
            ++column;
        }
        out += w;
        column += w.size();
    }
    return out + QLatin1Char('\n');
}

QString optionLead(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &n : option.names())
        names << (n.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + n;
    QString lead = QStringLiteral("  ") + names.join(QStringLiteral(", "));
    if (!option.valueName().isEmpty())
        lead += QStringLiteral(" <%1>").arg(option.valueName());
    return lead;
}

QString commandList(const QList<CommandSpec> &commands, const QString &onlyGroup = {})
{
    QString out;
    for (const CommandSpec &c : commands) {
        if (!onlyGroup.isEmpty() && c.words.constFirst() != onlyGroup)
            continue;
        out += wrap(QStringLiteral("  ") + c.name(), c.summary, 22);
    }
    return out;
}

QString usageArguments(const CommandSpec &spec)
{
    QStringList parts;
    for (const CommandArgument &a : spec.arguments)
        parts << (a.optional ? QStringLiteral("[%1]").arg(a.name) : a.name);
    return parts.join(QLatin1Char(' '));
}

} // namespace

QString formatOptions(const QList<QCommandLineOption> &options)
{
    QString out;
    for (const QCommandLineOption &o : options) {
        if (o.flags() & QCommandLineOption::HiddenFromHelp)
            continue;
        out += wrap(optionLead(o), o.description(), 28);
    }
    return out;
}

QString exitCodes()
{
    return QStringLiteral("Exit codes:\n"
                          "  0  ok\n"
                          "  1  other error (doctor: at least one check failed)\n"
                          "  2  usage error or invalid configuration\n"
                          "  3  not signed in, or the session ended\n"
                          "  4  network error: the provider or the service is unreachable\n"
                          "  5  server error\n"
                          "  6  not found\n"
                          "  7  conflict: already saved, or changed elsewhere\n");
}

QString program(const QList<CommandSpec> &commands)
{
    return QStringLiteral("Usage: clipshelf-cli [options] <command> [arguments]\n\n") +
           wrap({},
                QStringLiteral(
                    "Clipshelf from the terminal: your saved videos, settings, API keys and "
                    "session. It reads the same configuration and uses the same "
                    "per-profile session as the Clipshelf app."),
                0) +
           QStringLiteral("\nCommands:\n") + commandList(commands) +
           QStringLiteral("\nRun `clipshelf-cli <command> --help` for a command's own options.\n"
                          "\nGlobal options (accepted before or after the command):\n") +
           formatOptions(CommandLine::globalOptions()) + QLatin1Char('\n') + exitCodes();
}

QString group(const QString &group, const QList<CommandSpec> &commands)
{
    QStringList subs;
    for (const CommandSpec &c : commands) {
        if (c.words.constFirst() == group && c.words.size() > 1)
            subs << c.words.at(1);
    }
    return QStringLiteral("Usage: clipshelf-cli %1 <%2> [options] [arguments]\n\nCommands:\n")
               .arg(group, subs.join(QLatin1Char('|'))) +
           commandList(commands, group) +
           QStringLiteral("\nRun `clipshelf-cli %1 <command> --help` for a command's options.\n")
               .arg(group);
}

QString command(const CommandSpec &spec)
{
    QString out = QStringLiteral("Usage: clipshelf-cli %1 [options] %2\n\n")
                      .arg(spec.name(), usageArguments(spec));
    out += wrap({}, spec.summary, 0);
    if (!spec.details.isEmpty()) {
        out += QLatin1Char('\n');
        for (const QString &paragraph : spec.details.split(QLatin1Char('\n')))
            out += paragraph.startsWith(QLatin1String("  ")) ? paragraph + QLatin1Char('\n')
                                                             : wrap({}, paragraph, 0);
    }
    if (!spec.arguments.isEmpty()) {
        out += QStringLiteral("\nArguments:\n");
        for (const CommandArgument &a : spec.arguments)
            out += wrap(QStringLiteral("  ") + a.name, a.description, 28);
    }
    if (!spec.options.isEmpty())
        out += QStringLiteral("\nOptions:\n") + formatOptions(spec.options);
    out += QLatin1Char('\n') +
           wrap({},
                QStringLiteral(
                    "Global options: --json (print JSON with the API's field names), --verbose, "
                    "--profile <name>, --config <file> and every configuration key; see "
                    "`clipshelf-cli --help`."),
                0);
    return out + QLatin1Char('\n') + exitCodes();
}

} // namespace clipshelf::cli::help
