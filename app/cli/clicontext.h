#pragma once

#include "auth/authcontroller.h"
#include "core/config.h"
#include "exitcodes.h"

#include <QCommandLineParser>
#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QStringList>

#include <functional>
#include <memory>

namespace clipshelf {
class SecretStore;
}

namespace clipshelf::cli {

/// What every command gets: configuration, the session, and output helpers.
class CliContext
{
public:
    CliContext(Config config, bool json, QStringList args);
    ~CliContext();

    Config config;
    bool json = false;
    /// The command's own arguments (after the command name).
    QStringList args;
    QNetworkAccessManager network;
    std::unique_ptr<SecretStore> store;
    std::unique_ptr<AuthController> auth;

    /// Restores the stored session, then calls \a next (prints keychain warnings).
    void restoreSession(std::function<void()> next);

    void out(const QString &line) const;
    /// One clear sentence on stderr.
    void error(const QString &sentence) const;
    void printJson(const QJsonValue &value) const;
    /// Aligned columns; the first row is the header.
    void printTable(const QList<QStringList> &rows) const;
    /// Ends the program with \a code once control returns to the event loop.
    void finish(int code) const;
};

} // namespace clipshelf::cli
