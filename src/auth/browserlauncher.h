#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

namespace clipshelf {

/**
 * Opens the authorization URL: with the configured --browser command (the URL
 * is its last argument), or else the system browser. Never an embedded web
 * view: providers such as Google refuse those.
 */
class BrowserLauncher : public QObject
{
    Q_OBJECT
public:
    explicit BrowserLauncher(QString command, QObject *parent = nullptr);

    /// Returns false (and emits failed()) when nothing could be started.
    bool launch(const QUrl &url);

signals:
    /// Plain words for the user, e.g. that the command could not be started.
    void failed(const QString &message);

private:
    bool launchCommand(const QString &command, const QUrl &url);
    bool launchSystemBrowser(const QUrl &url);

    QString m_command;
};

} // namespace clipshelf
