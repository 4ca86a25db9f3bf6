#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

namespace clipshelf {

/**
 * Opens the authorization URL: with the configured --browser command (the URL
 * is its last argument), or else the system browser. Never an embedded web
 * view: providers such as Google refuse those.
 *
 * A --browser command that cannot start, or that exits with a non-zero status
 * (or crashes), is reported through failed(). The command's process is never
 * killed: it outlives the launcher and the program (a browser it started stays open).
 */
class BrowserLauncher : public QObject
{
    Q_OBJECT
public:
    explicit BrowserLauncher(QString command, QObject *parent = nullptr);

    ~BrowserLauncher() override;

    /// Returns false (and emits failed()) when nothing could be started; a
    /// command that starts but then fails emits failed() later.
    bool launch(const QUrl &url);

signals:
    /// Plain words for the user, e.g. that the command could not be started or exited with an
    /// error.
    void failed(const QString &message);

private:
    bool launchCommand(const QString &command, const QUrl &url);
    bool launchSystemBrowser(const QUrl &url);

    QString m_command;
};

} // namespace clipshelf
