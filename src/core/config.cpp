#include "core/config.h"

#include "buildconfig.h"
#include "core/transportsecurity.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace clipshelf {

namespace {

struct KeyInfo
{
    Config::Key key;
    const char *name;
    const char *description;
    const char *builtIn;
};

const KeyInfo kKeys[] = {
    {Config::Key::Issuer, "issuer", "OpenID Connect issuer URL of the identity provider.",
     CLIPSHELF_DEFAULT_ISSUER},
    {Config::Key::ClientId, "client-id", "OAuth client id registered with the provider.",
     CLIPSHELF_DEFAULT_CLIENT_ID},
    {Config::Key::ClientSecret, "client-secret",
     "Client secret, for providers that want one from desktop clients (Google). Never logged.",
     CLIPSHELF_DEFAULT_CLIENT_SECRET},
    {Config::Key::Scopes, "scopes", "Space-separated scopes to request.", CLIPSHELF_DEFAULT_SCOPES},
    {Config::Key::Resource, "resource", "API audience, sent as the RFC 8707 resource parameter.",
     CLIPSHELF_DEFAULT_RESOURCE},
    {Config::Key::AuthParams, "auth-param",
     "Extra authorization-request parameter key=value (repeatable; env: k=v&k2=v2).",
     CLIPSHELF_DEFAULT_AUTH_PARAMS},
    {Config::Key::ApiUrl, "api-url", "Base URL of the Clipshelf API.", CLIPSHELF_DEFAULT_API_URL},
    {Config::Key::RedirectPorts, "redirect-ports",
     "Comma list of fixed loopback ports to try in order (empty: an ephemeral port).",
     CLIPSHELF_DEFAULT_REDIRECT_PORTS},
    {Config::Key::Profile, "profile",
     "Profile name; namespaces keychain entries, settings and caches.", "default"},
    {Config::Key::Browser, "browser",
     "Command that opens the authorization URL (given as its last argument). Default: the "
     "system browser.",
     ""},
    {Config::Key::ProviderName, "provider-name",
     "Name of the provider shown on the Sign in button (default: derived from the issuer).", ""},
};

const KeyInfo &info(Config::Key key)
{
    for (const auto &k : kKeys) {
        if (k.key == key)
            return k;
    }
    Q_UNREACHABLE();
}

// Reads one INI-style layer; keys may use '-' or '_' ("client-id" or "client_id").
bool readFileLayer(Config &config, const QString &path, const QString &label, QString *error)
{
    if (path.isEmpty() || !QFileInfo::exists(path))
        return true;
    QSettings file(path, QSettings::IniFormat);
    if (file.status() != QSettings::NoError) {
        *error = QObject::tr("Cannot read the %1 %2: it is not a valid config file.").arg(label, path);
        return false;
    }
    for (Config::Key key : Config::allKeys()) {
        const QString name = Config::keyName(key);
        for (const QString &candidate : {name, QString(name).replace('-', '_')}) {
            if (file.contains(candidate)) {
                QVariant v = file.value(candidate);
                const QString text =
                    v.typeId() == QMetaType::QStringList ? v.toStringList().join(',') : v.toString();
                config.set(key, text, QStringLiteral("%1 %2").arg(label, path));
            }
        }
    }
    return true;
}

} // namespace

QList<Config::Key> Config::allKeys()
{
    QList<Key> keys;
    for (const auto &k : kKeys)
        keys << k.key;
    return keys;
}

QString Config::keyName(Key key) { return QString::fromLatin1(info(key).name); }

QString Config::envName(Key key)
{
    if (key == Key::AuthParams)
        return QStringLiteral("CLIPSHELF_AUTH_PARAMS");
    return QStringLiteral("CLIPSHELF_") + keyName(key).toUpper().replace('-', '_');
}

QString Config::keyDescription(Key key) { return QString::fromUtf8(info(key).description); }

Config::Paths Config::Paths::platformDefaults(const QProcessEnvironment &env)
{
    Paths p;
#if defined(Q_OS_WIN)
    const QString programData = env.value(QStringLiteral("ProgramData"), QStringLiteral("C:/ProgramData"));
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

void Config::addOptions(QCommandLineParser &parser)
{
    for (const auto &k : kKeys) {
        const QString name = QString::fromLatin1(k.name);
        parser.addOption(QCommandLineOption(
            name, QStringLiteral("%1 [env %2]").arg(QString::fromUtf8(k.description), envName(k.key)),
            name == QLatin1String("auth-param") ? QStringLiteral("key=value") : QStringLiteral("value")));
    }
    parser.addOption(QCommandLineOption(
        QStringLiteral("config"),
        QStringLiteral("User config file to read instead of the default one [env CLIPSHELF_CONFIG]."),
        QStringLiteral("file")));
}

void Config::set(Key key, const QString &value, const QString &source)
{
    m_values.insert(key, value);
    m_sources.insert(key, source);
}

std::optional<Config> Config::load(const QCommandLineParser *parser, const QProcessEnvironment &env,
                                   QString *error, LoadMode mode)
{
    Paths paths = Paths::platformDefaults(env);
    if (parser && parser->isSet(QStringLiteral("config")))
        paths.userFile = parser->value(QStringLiteral("config"));
    return load(parser, env, paths, error, mode);
}

std::optional<Config> Config::load(const QCommandLineParser *parser, const QProcessEnvironment &env,
                                   const Paths &paths, QString *error, LoadMode mode)
{
    Config c;
    for (const auto &k : kKeys)
        c.set(k.key, QString::fromUtf8(k.builtIn), QStringLiteral("built-in default"));

    if (!readFileLayer(c, paths.systemFile, QStringLiteral("system config"), error)
        || !readFileLayer(c, paths.userFile, QStringLiteral("user config"), error))
        return std::nullopt;

    for (const auto &k : kKeys) {
        const QString var = envName(k.key);
        if (env.contains(var))
            c.set(k.key, env.value(var), QStringLiteral("environment %1").arg(var));
    }

    if (parser) {
        for (const auto &k : kKeys) {
            const QString name = QString::fromLatin1(k.name);
            if (!parser->isSet(name))
                continue;
            QString v = parser->value(name);
            if (k.key == Key::AuthParams) {
                // Repeatable: every --auth-param joins into one k=v&k2=v2 list.
                const auto joined = joinAuthParamFlags(parser->values(name), error);
                if (!joined)
                    return std::nullopt;
                v = *joined;
            }
            c.set(k.key, v, QStringLiteral("flag --%1").arg(name));
        }
    }

    // Validate what can be validated without the network.
    if (!isValidProfileName(c.value(Key::Profile))) {
        *error = QObject::tr("The profile name \"%1\" (from %2) is not valid: use 1 to 64 letters, "
                             "digits, '-' or '_'.")
                     .arg(c.value(Key::Profile), c.source(Key::Profile));
        return std::nullopt;
    }
    QString detail;
    if (!parsePorts(c.value(Key::RedirectPorts), &detail)) {
        *error = QObject::tr("Redirect ports (from %1): %2").arg(c.source(Key::RedirectPorts), detail);
        return std::nullopt;
    }
    if (!parseAuthParams(c.value(Key::AuthParams), &detail)) {
        *error = QObject::tr("Authorization parameters (from %1): %2")
                     .arg(c.source(Key::AuthParams), detail);
        return std::nullopt;
    }
    for (Key urlKey : {Key::Issuer, Key::ApiUrl}) {
        const QString v = c.value(urlKey);
        const QUrl url(v, QUrl::StrictMode);
        if (!v.isEmpty()
            && (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
                || url.host().isEmpty())) {
            *error = QObject::tr("The %1 \"%2\" (from %3) is not an http(s) URL.")
                         .arg(keyName(urlKey), v, c.source(urlKey));
            return std::nullopt;
        }
    }
    if (mode == LoadMode::Strict) {
        if (const QString problem = c.plainHttpProblem(); !problem.isEmpty()) {
            *error = problem;
            return std::nullopt;
        }
    }
    return c;
}

QStringList Config::scopes() const
{
    return value(Key::Scopes).split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
}

QList<QPair<QString, QString>> Config::authParams() const
{
    QString ignored;
    return parseAuthParams(value(Key::AuthParams), &ignored).value_or(QList<QPair<QString, QString>>{});
}

QList<quint16> Config::redirectPorts() const
{
    QString ignored;
    return parsePorts(value(Key::RedirectPorts), &ignored).value_or(QList<quint16>{});
}

QString Config::profile() const
{
    const QString p = value(Key::Profile);
    return p.isEmpty() ? QStringLiteral("default") : p;
}

QString Config::providerName() const
{
    if (!value(Key::ProviderName).isEmpty())
        return value(Key::ProviderName);
    const QString host = QUrl(issuer()).host().toLower();
    if (host == QLatin1String("accounts.google.com"))
        return QStringLiteral("Google");
    if (host.contains(QLatin1String("clerk")))
        return QStringLiteral("Clerk");
    if (host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost"))
        return QObject::tr("the test provider");
    return host.isEmpty() ? QObject::tr("your provider") : host;
}

QString Config::missingForSignIn() const
{
    if (issuer().isEmpty())
        return QObject::tr("No identity provider is configured: set --issuer or CLIPSHELF_ISSUER.");
    if (clientId().isEmpty())
        return QObject::tr("No client id is configured: set --client-id or CLIPSHELF_CLIENT_ID.");
    return plainHttpProblem();
}

QString Config::plainHttpProblem() const
{
    for (Key key : {Key::Issuer, Key::ApiUrl}) {
        const QUrl url(value(key));
        if (transport::isPlainHttp(url))
            return transport::plainHttpError(key == Key::Issuer ? QObject::tr("issuer") : QObject::tr("API URL"),
                                                    url, source(key));
    }
    return {};
}

bool Config::isValidProfileName(const QString &name)
{
    // Every character checked: "$" of a regular expression also matched before a final "\n".
    if (name.isEmpty() || name.size() > 64)
        return false;
    return std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' || u == '-';
    });
}

std::optional<QList<quint16>> Config::parsePorts(const QString &text, QString *error)
{
    QList<quint16> ports;
    for (const QString &part : text.split(',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const uint port = part.trimmed().toUInt(&ok);
        if (!ok || port == 0 || port > 65535) {
            *error = QObject::tr("\"%1\" is not a port number (1-65535).").arg(part.trimmed());
            return std::nullopt;
        }
        ports << quint16(port);
    }
    return ports;
}

std::optional<QString> Config::joinAuthParamFlags(const QStringList &flags, QString *error)
{
    QStringList parts;
    for (const QString &p : flags) {
        const qsizetype eq = p.indexOf('=');
        if (eq <= 0) {
            *error = QObject::tr("--auth-param expects key=value, got \"%1\".").arg(p);
            return std::nullopt;
        }
        parts << QString::fromUtf8(QUrl::toPercentEncoding(p.left(eq))) + '=' +
                     QString::fromUtf8(QUrl::toPercentEncoding(p.mid(eq + 1)));
    }
    return parts.join('&');
}

std::optional<QList<QPair<QString, QString>>> Config::parseAuthParams(const QString &text,
                                                                     QString *error)
{
    // Parameters the sign-in flow owns; letting config override them would break its checks.
    static const QStringList reserved = {
        QStringLiteral("client_id"), QStringLiteral("redirect_uri"), QStringLiteral("response_type"),
        QStringLiteral("state"), QStringLiteral("nonce"), QStringLiteral("code_challenge"),
        QStringLiteral("code_challenge_method"), QStringLiteral("scope"), QStringLiteral("resource")};
    QList<QPair<QString, QString>> params;
    for (const QString &part : text.split('&', Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf('=');
        if (eq <= 0) {
            *error = QObject::tr("expected key=value, got \"%1\".").arg(part);
            return std::nullopt;
        }
        const QString key = QUrl::fromPercentEncoding(part.left(eq).toUtf8());
        if (reserved.contains(key)) {
            *error = QObject::tr("\"%1\" is set by Clipshelf itself and cannot be overridden.").arg(key);
            return std::nullopt;
        }
        params.append({key, QUrl::fromPercentEncoding(part.mid(eq + 1).toUtf8())});
    }
    return params;
}

} // namespace clipshelf
