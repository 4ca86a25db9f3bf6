#include "core/config.h"

#include "buildconfig.h"
#include "core/configloader.h"
#include "core/configsyntax.h"
#include "core/transportsecurity.h"

#include <QCommandLineParser>
#include <QObject>
#include <QRegularExpression>

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

} // namespace

QList<Config::Key> Config::allKeys()
{
    QList<Key> keys;
    for (const auto &k : kKeys)
        keys << k.key;
    return keys;
}

QString Config::keyName(Key key)
{
    return QString::fromLatin1(info(key).name);
}

QString Config::envName(Key key)
{
    if (key == Key::AuthParams)
        return QStringLiteral("CLIPSHELF_AUTH_PARAMS");
    return QStringLiteral("CLIPSHELF_") + keyName(key).toUpper().replace('-', '_');
}

QString Config::keyDescription(Key key)
{
    return QString::fromUtf8(info(key).description);
}

QString Config::builtInDefault(Key key)
{
    return QString::fromUtf8(info(key).builtIn);
}

Config::Paths Config::Paths::platformDefaults(const QProcessEnvironment &env)
{
    return ConfigLoader::platformDefaults(env);
}

void Config::addOptions(QCommandLineParser &parser)
{
    ConfigLoader::addOptions(parser);
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
    return ConfigLoader::load(parser, env, paths, error, mode);
}

QStringList Config::scopes() const
{
    return value(Key::Scopes)
        .split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
}

QList<QPair<QString, QString>> Config::authParams() const
{
    QString ignored;
    return parseAuthParams(value(Key::AuthParams), &ignored)
        .value_or(QList<QPair<QString, QString>>{});
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
            return transport::plainHttpError(key == Key::Issuer ? QObject::tr("issuer")
                                                                : QObject::tr("API URL"),
                                             url, source(key));
    }
    return {};
}

bool Config::isValidProfileName(const QString &name)
{
    return configsyntax::isValidProfileName(name);
}

std::optional<QList<quint16>> Config::parsePorts(const QString &text, QString *error)
{
    return configsyntax::parsePorts(text, error);
}

std::optional<QString> Config::joinAuthParamFlags(const QStringList &flags, QString *error)
{
    return configsyntax::joinAuthParamFlags(flags, error);
}

std::optional<QList<QPair<QString, QString>>> Config::parseAuthParams(const QString &text,
                                                                      QString *error)
{
    return configsyntax::parseAuthParams(text, error);
}

} // namespace clipshelf
