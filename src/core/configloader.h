#pragma once

#include "core/config.h"

namespace clipshelf {

/**
 * Builds a Config from its layers (built-in defaults, system file, user file,
 * CLIPSHELF_* environment, command-line flags; later ones win) and checks what
 * can be checked without the network. Config::load() and friends call this.
 */
class ConfigLoader
{
public:
    /// The platform's config file paths; CLIPSHELF_SYSTEM_CONFIG / CLIPSHELF_CONFIG override.
    static Config::Paths platformDefaults(const QProcessEnvironment &env);
    /// Adds one option per key to \a parser (plus --config and repeatable --auth-param).
    static void addOptions(QCommandLineParser &parser);
    /// Merges every layer; nullopt and \a error on bad input (see Config::load()).
    static std::optional<Config> load(const QCommandLineParser *parser,
                                      const QProcessEnvironment &env, const Config::Paths &paths,
                                      QString *error, Config::LoadMode mode);

private:
    static bool readFileLayer(Config &config, const QString &path, const QString &label,
                              QString *error);
    static bool readFlags(Config &config, const QCommandLineParser &parser, QString *error);
    static bool validate(const Config &config, Config::LoadMode mode, QString *error);
};

} // namespace clipshelf
