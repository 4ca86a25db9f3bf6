#pragma once

#include <optional>
#include <QHash>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

class QCommandLineParser;

namespace clipshelf {

/**
 * Clipshelf's configuration, merged from (lowest to highest priority): defaults
 * baked in by CMake, the system config file, the user's config file, CLIPSHELF_*
 * environment variables and command-line flags. Every value remembers where it
 * came from, for `clipshelf-cli doctor`. The layers are read by ConfigLoader;
 * the value syntax (ports, auth params, profile names) lives in configsyntax.
 */
class Config
{
public:
    enum class Key {
        Issuer,
        ClientId,
        ClientSecret,
        Scopes,
        Resource,
        AuthParams,
        ApiUrl,
        RedirectPorts,
        Profile,
        Browser,
        ProviderName,
    };
    static QList<Key> allKeys();
    /// Name in config files and --flags, e.g. "client-id".
    static QString keyName(Key key);
    /// Environment variable, e.g. "CLIPSHELF_CLIENT_ID".
    static QString envName(Key key);
    /// One line for --help.
    static QString keyDescription(Key key);
    /// The value baked in by CMake (the lowest layer).
    static QString builtInDefault(Key key);
    /// True for values that must never be shown (the client secret).
    static bool isSensitive(Key key) { return key == Key::ClientSecret; }

    /// Where the system-wide and per-user config files are looked for.
    struct Paths
    {
        QString systemFile;
        QString userFile;
        /// The platform's defaults; CLIPSHELF_SYSTEM_CONFIG / CLIPSHELF_CONFIG override.
        static Paths platformDefaults(const QProcessEnvironment &env);
    };

    /// Adds one option per key to \a parser (plus --config and repeatable --auth-param).
    static void addOptions(QCommandLineParser &parser);

    /// Strict refuses a plain-http issuer or API URL (see plainHttpProblem());
    /// KeepPlainHttp loads it so that `doctor` and the app can say what is wrong.
    enum class LoadMode { Strict, KeepPlainHttp };

    /// Merges every layer. Returns std::nullopt and sets \a error on bad input
    /// (unreadable file, bad port list, bad profile name, malformed auth params,
    /// in Strict mode an http issuer or API URL that is not on this computer).
    static std::optional<Config> load(const QCommandLineParser *parser,
                                      const QProcessEnvironment &env, const Paths &paths,
                                      QString *error, LoadMode mode = LoadMode::Strict);
    /// Convenience: platform paths from env (honouring --config from the parser).
    static std::optional<Config> load(const QCommandLineParser *parser,
                                      const QProcessEnvironment &env, QString *error,
                                      LoadMode mode = LoadMode::Strict);

    QString value(Key key) const { return m_values.value(key); }
    /// "built-in default", "system config /etc/…", "user config …", "environment CLIPSHELF_…",
    /// "flag --…".
    QString source(Key key) const { return m_sources.value(key, QStringLiteral("unset")); }
    void set(Key key, const QString &value, const QString &source);

    QString issuer() const { return value(Key::Issuer); }
    QString clientId() const { return value(Key::ClientId); }
    QString clientSecret() const { return value(Key::ClientSecret); }
    QStringList scopes() const;
    QString resource() const { return value(Key::Resource); }
    /// Extra authorization-request parameters, in order.
    QList<QPair<QString, QString>> authParams() const;
    QUrl apiUrl() const { return QUrl(value(Key::ApiUrl)); }
    /// Fixed loopback ports to try in order; empty means an ephemeral port.
    QList<quint16> redirectPorts() const;
    QString profile() const;
    QString browserCommand() const { return value(Key::Browser); }
    QString providerName() const;

    /// What is missing for a sign-in ("" when ready), e.g. "No issuer is configured…".
    QString missingForSignIn() const;
    /// Why the issuer or API URL is refused ("" when fine): plain http is allowed only
    /// on this computer (127.0.0.0/8, ::1, localhost), as tokens would travel in clear text.
    QString plainHttpProblem() const;

    static bool isValidProfileName(const QString &name);
    static std::optional<QList<quint16>> parsePorts(const QString &text, QString *error);
    static std::optional<QList<QPair<QString, QString>>> parseAuthParams(const QString &text,
                                                                         QString *error);
    /// The repeated --auth-param key=value flags as one k=v&k2=v2 list, each key and value
    /// percent-encoded (what parseAuthParams() reads back); nullopt and \a error for a flag without
    /// a key.
    static std::optional<QString> joinAuthParamFlags(const QStringList &flags, QString *error);

private:
    QHash<Key, QString> m_values;
    QHash<Key, QString> m_sources;
};

inline size_t qHash(Config::Key key, size_t seed = 0) noexcept
{
    return ::qHash(static_cast<int>(key), seed);
}

} // namespace clipshelf
