#include "core/configloader.h"

#include "core/configsyntax.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace clipshelf {

Config::Paths ConfigLoader::platformDefaults(const QProcessEnvironment &env)
{
    Config::Paths p;
#if defined(Q_OS_WIN)
    const QString programData =
        env.value(QStringLiteral("ProgramData"), QStringLiteral("C:/ProgramData"));
    p.systemFile = QDir(programData).filePath(QStringLiteral("Clipshelf/clipshelf.conf"));
#elif defined(Q_OS_MACOS)
    p.systemFile = QStringLiteral("/Library/Application Support/Clipshelf/clipshelf.conf");
#else
    p.systemFile = QStringLiteral("/etc/xdg/clipshelf/clipshelf.conf");
#endif
    const QString userDir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    p.userFile = QDir(userDir).filePath(QStringLiteral("clipshelf/clipshelf.conf"));
    if (env.contains(QStringLiteral("CLIPSHELF_SYSTEM_CONFIG")))
        p.systemFile = env.value(QStringLiteral("CLIPSHELF_SYSTEM_CONFIG"));
    if (env.contains(QStringLiteral("CLIPSHELF_CONFIG")))
        p.userFile = env.value(QStringLiteral("CLIPSHELF_CONFIG"));
    return p;
}

void ConfigLoader::addOptions(QCommandLineParser &parser)
{
    for (Config::Key key : Config::allKeys()) {
        const QString name = Config::keyName(key);
        parser.addOption(QCommandLineOption(
            name,
            QStringLiteral("%1 [env %2]").arg(Config::keyDescription(key), Config::envName(key)),
            key == Config::Key::AuthParams ? QStringLiteral("key=value")
                                           : QStringLiteral("value")));
    }
    parser.addOption(QCommandLineOption(
        QStringLiteral("config"),
        QStringLiteral(
            "User config file to read instead of the default one [env CLIPSHELF_CONFIG]."),
        QStringLiteral("file")));
}

// Reads one INI-style layer; keys may use '-' or '_' ("client-id" or "client_id").
bool ConfigLoader::readFileLayer(Config &config, const QString &path, const QString &label,
                                 QString *error)
{
    if (path.isEmpty() || !QFileInfo::exists(path))
        return true;
    QSettings file(path, QSettings::IniFormat);
    if (file.status() != QSettings::NoError) {
        *error =
            QObject::tr("Cannot read the %1 %2: it is not a valid config file.").arg(label, path);
        return false;
    }
    for (Config::Key key : Config::allKeys()) {
        const QString name = Config::keyName(key);
        for (const QString &candidate : {name, QString(name).replace('-', '_')}) {
            if (file.contains(candidate)) {
                QVariant v = file.value(candidate);
                const QString text = v.typeId() == QMetaType::QStringList
                                         ? v.toStringList().join(',')
                                         : v.toString();
                config.set(key, text, QStringLiteral("%1 %2").arg(label, path));
            }
        }
    }
    return true;
}

bool ConfigLoader::readFlags(Config &config, const QCommandLineParser &parser, QString *error)
{
    for (Config::Key key : Config::allKeys()) {
        const QString name = Config::keyName(key);
        if (!parser.isSet(name))
            continue;
        QString v = parser.value(name);
        if (key == Config::Key::AuthParams) {
            // Repeatable: every --auth-param joins into one k=v&k2=v2 list.
            const auto joined = configsyntax::joinAuthParamFlags(parser.values(name), error);
            if (!joined)
                return false;
            v = *joined;
        }
        config.set(key, v, QStringLiteral("flag --%1").arg(name));
    }
    return true;
}

std::optional<Config> ConfigLoader::load(const QCommandLineParser *parser,
                                         const QProcessEnvironment &env, const Config::Paths &paths,
                                         QString *error, Config::LoadMode mode)
{
    Config c;
    for (Config::Key key : Config::allKeys())
        c.set(key, Config::builtInDefault(key), QStringLiteral("built-in default"));

    if (!readFileLayer(c, paths.systemFile, QStringLiteral("system config"), error) ||
        !readFileLayer(c, paths.userFile, QStringLiteral("user config"), error))
        return std::nullopt;

    for (Config::Key key : Config::allKeys()) {
        const QString var = Config::envName(key);
        if (env.contains(var))
            c.set(key, env.value(var), QStringLiteral("environment %1").arg(var));
    }

    if (parser && !readFlags(c, *parser, error))
        return std::nullopt;
    if (!validate(c, mode, error))
        return std::nullopt;
    return c;
}

// Validates what can be validated without the network.
bool ConfigLoader::validate(const Config &c, Config::LoadMode mode, QString *error)
{
    using Key = Config::Key;
    if (!configsyntax::isValidProfileName(c.value(Key::Profile))) {
        *error = QObject::tr("The profile name \"%1\" (from %2) is not valid: use 1 to 64 letters, "
                             "digits, '-' or '_'.")
                     .arg(c.value(Key::Profile), c.source(Key::Profile));
        return false;
    }
    QString detail;
    if (!configsyntax::parsePorts(c.value(Key::RedirectPorts), &detail)) {
        *error =
            QObject::tr("Redirect ports (from %1): %2").arg(c.source(Key::RedirectPorts), detail);
        return false;
    }
    if (!configsyntax::parseAuthParams(c.value(Key::AuthParams), &detail)) {
        *error = QObject::tr("Authorization parameters (from %1): %2")
                     .arg(c.source(Key::AuthParams), detail);
        return false;
    }
    for (Key urlKey : {Key::Issuer, Key::ApiUrl}) {
        const QString v = c.value(urlKey);
        const QUrl url(v, QUrl::StrictMode);
        if (!v.isEmpty() &&
            (!url.isValid() ||
             (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
             url.host().isEmpty())) {
            *error = QObject::tr("The %1 \"%2\" (from %3) is not an http(s) URL.")
                         .arg(Config::keyName(urlKey), v, c.source(urlKey));
            return false;
        }
    }
    if (mode == Config::LoadMode::Strict) {
        if (const QString problem = c.plainHttpProblem(); !problem.isEmpty()) {
            *error = problem;
            return false;
        }
    }
    return true;
}

} // namespace clipshelf
