#include "commandline.h"

#include "auth/authcontroller.h"
#include "auth/sessionmanager.h"
#include "buildconfig.h"
#include "clicontext.h"
#include "commandhelp.h"
#include "core/config.h"
#include "core/terminationsignals.h"

#include <cstdio>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QProcessEnvironment>

namespace clipshelf::cli {

namespace {

int usageError(const QString &sentence, const QString &helpCommand = {})
{
    std::fprintf(stderr, "clipshelf-cli: %s\nRun `clipshelf-cli %s--help` for usage.\n",
                 qPrintable(sentence),
                 qPrintable(helpCommand.isEmpty() ? QString() : helpCommand + QLatin1Char(' ')));
    return Usage;
}

int printHelp(const QString &text)
{
    std::fputs(qPrintable(text), stdout);
    return Ok;
}

QString sentence(QString text)
{
    text = text.trimmed();
    if (!text.isEmpty() && !text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    return text;
}

QString argumentCountError(const CommandSpec &spec, qsizetype given)
{
    if (given < spec.minArgs) {
        QStringList names;
        for (const CommandArgument &a : spec.arguments) {
            if (!a.optional)
                names << a.name;
        }
        return QStringLiteral("%1 needs %2.").arg(spec.name(), names.join(QStringLiteral(" and ")));
    }
    return spec.maxArgs == 0 ? QStringLiteral("%1 takes no arguments, but was given %2.")
                                   .arg(spec.name())
                                   .arg(given)
                             : QStringLiteral("%1 takes at most %2 argument(s), but was given %3.")
                                   .arg(spec.name())
                                   .arg(spec.maxArgs)
                                   .arg(given);
}

} // namespace

struct CommandLine::Match
{
    const CommandSpec *spec = nullptr;
    QString group; ///< set when only a group was named (e.g. "videos")
    QString error; ///< usage error
    QList<qsizetype> wordIndexes;
    bool wantsHelp = false;
    bool wantsVersion = false;
};

CommandLine::CommandLine(QList<CommandSpec> commands) : m_commands(std::move(commands)) {}

CommandLine::~CommandLine() = default;

QList<QCommandLineOption> CommandLine::globalOptions()
{
    QList<QCommandLineOption> options{
        QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                           QStringLiteral("Show the help and exit.")),
        QCommandLineOption(QStringLiteral("version"),
                           QStringLiteral("Show the versions and exit.")),
        QCommandLineOption(
            QStringLiteral("json"),
            QStringLiteral("Print JSON with the API's own field names instead of tables.")),
        QCommandLineOption(QStringLiteral("verbose"),
                           QStringLiteral("Log what happens to stderr (never any secret).")),
    };
    // The same options that Config::addOptions() registers, here for --help.
    for (Config::Key key : Config::allKeys()) {
        const QString name = Config::keyName(key);
        options << QCommandLineOption(
            name,
            QStringLiteral("%1 [env %2]").arg(Config::keyDescription(key), Config::envName(key)),
            key == Config::Key::AuthParams ? QStringLiteral("key=value") : QStringLiteral("value"));
    }
    options << QCommandLineOption(
        QStringLiteral("config"),
        QStringLiteral(
            "User config file to read instead of the default one [env CLIPSHELF_CONFIG]."),
        QStringLiteral("file"));
    return options;
}

QStringList CommandLine::valueOptionNames() const
{
    QStringList names;
    QList<QCommandLineOption> all = globalOptions();
    for (const CommandSpec &c : m_commands)
        all += c.options;
    for (const QCommandLineOption &o : all) {
        if (!o.valueName().isEmpty())
            names += o.names();
    }
    return names;
}

CommandLine::Match CommandLine::resolve(const QStringList &tokens) const
{
    Match m;
    const QStringList valueNames = valueOptionNames();
    QList<qsizetype> positional;
    bool onlyPositional = false;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QString &t = tokens[i];
        if (onlyPositional || t == QLatin1String("-") || !t.startsWith(QLatin1Char('-'))) {
            positional << i;
        } else if (t == QLatin1String("--")) {
            onlyPositional = true;
        } else if (t.startsWith(QLatin1String("--"))) {
            const QString name = t.mid(2).section(QLatin1Char('='), 0, 0);
            m.wantsHelp |= name == QLatin1String("help");
            m.wantsVersion |= name == QLatin1String("version");
            if (!t.contains(QLatin1Char('=')) && valueNames.contains(name))
                ++i; // the option's value, never a command word
        } else {
            m.wantsHelp |= t.mid(1).contains(QLatin1Char('h'));
        }
    }
    if (positional.isEmpty())
        return m;
    const QString first = tokens[positional[0]];
    QList<const CommandSpec *> inGroup;
    for (const CommandSpec &c : m_commands) {
        if (c.words.constFirst() == first)
            inGroup << &c;
    }
    if (inGroup.isEmpty()) {
        m.error = QStringLiteral("unknown command \"%1\".").arg(first);
        return m;
    }
    m.wordIndexes << positional[0];
    if (inGroup.size() == 1 && inGroup.constFirst()->words.size() == 1) {
        m.spec = inGroup.constFirst();
        return m;
    }
    m.group = first;
    if (positional.size() < 2)
        return m; // a group alone: help, or a usage error
    const QString second = tokens[positional[1]];
    for (const CommandSpec *c : inGroup) {
        if (c->words.value(1) == second) {
            m.spec = c;
            m.wordIndexes << positional[1];
            return m;
        }
    }
    m.error = QStringLiteral("unknown %1 command \"%2\".").arg(first, second);
    return m;
}

int CommandLine::run(const QStringList &arguments)
{
    QStringList tokens = arguments.mid(1);
    const Match match = resolve(tokens);
    if (!match.error.isEmpty())
        return usageError(match.error, match.group);
    if (!match.spec) {
        if (!match.group.isEmpty()) {
            if (match.wantsHelp)
                return printHelp(help::group(match.group, m_commands));
            QStringList subs;
            for (const CommandSpec &c : m_commands) {
                if (c.words.constFirst() == match.group)
                    subs << c.words.value(1);
            }
            return usageError(QStringLiteral("%1 needs a sub-command: %2.")
                                  .arg(match.group, subs.join(QStringLiteral(", "))),
                              match.group);
        }
        if (match.wantsVersion && !match.wantsHelp) {
            std::printf("clipshelf-cli %s (Qt %s, qtkeychain %s)\n", CLIPSHELF_VERSION, qVersion(),
                        CLIPSHELF_QTKEYCHAIN_VERSION);
            return Ok;
        }
        if (match.wantsHelp)
            return printHelp(help::program(m_commands));
        return usageError(QStringLiteral("no command given."));
    }
    const CommandSpec &spec = *match.spec;
    for (auto it = match.wordIndexes.crbegin(); it != match.wordIndexes.crend(); ++it)
        tokens.removeAt(*it);

    m_parser = std::make_unique<QCommandLineParser>();
    QCommandLineParser &parser = *m_parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    const QList<QCommandLineOption> global = globalOptions();
    for (const QCommandLineOption &o : global) {
        if (o.valueName().isEmpty())
            parser.addOption(o); // the configuration keys come from Config::addOptions below
    }
    Config::addOptions(parser);
    parser.addOptions(spec.options);
    if (!parser.parse(QStringList{arguments.value(0)} + tokens))
        return usageError(sentence(parser.errorText()), spec.name());
    if (parser.isSet(QStringLiteral("help")))
        return printHelp(help::command(spec));
    const QStringList args = parser.positionalArguments();
    if (args.size() < spec.minArgs || (spec.maxArgs >= 0 && args.size() > spec.maxArgs))
        return usageError(argumentCountError(spec, args.size()), spec.name());

    QString configError;
    // doctor reports a plain-http issuer or API URL as a failed check, with the fix.
    auto config =
        Config::load(&parser, QProcessEnvironment::systemEnvironment(), &configError,
                     spec.name() == QLatin1String("doctor") ? Config::LoadMode::KeepPlainHttp
                                                            : Config::LoadMode::Strict);
    if (!config)
        return usageError(sentence(configError));

    // Quiet by default: commands report what matters in one sentence. --verbose
    // or QT_LOGGING_RULES turn the (redacted) log on.
    if (!parser.isSet(QStringLiteral("verbose")) && qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(
            QStringLiteral("clipshelf.*.debug=false\nclipshelf.*.info=false\n"
                           "clipshelf.*.warning=false"));

    CliContext ctx(*config, parser.isSet(QStringLiteral("json")), args);
    ctx.options = &parser;
    ctx.commandName = spec.name();
    // Ctrl+C, SIGTERM, SIGHUP: one line and exit 128 + signal, after the keychain work below.
    TerminationSignals terminationSignals;
    QObject::connect(&terminationSignals, &TerminationSignals::received, &terminationSignals,
                     [&ctx](int signalNumber) { ctx.interrupt(signalNumber); });
    spec.run(ctx);
    const int status = QCoreApplication::exec();
    TerminationSignals::markShuttingDown(); // a second Ctrl+C now exits at once
    // Keychain work under way lands before we exit: a rotated refresh token
    // (else the next command would find the grant revoked), the removal of an
    // ended or refused session (else `status` would still say signed in).
    if (!ctx.graph.shutdown()) {
        ctx.error(SessionManager::unfinishedWorkMessage());
        return status == Ok ? OtherError : status;
    }
    return status;
}

} // namespace clipshelf::cli
