#include "auth/browserlauncher.h"

#include "core/logging.h"

#include <QDesktopServices>
#include <QGuiApplication>
#include <QProcess>

namespace clipshelf {

BrowserLauncher::BrowserLauncher(QString command, QObject *parent)
    : QObject(parent), m_command(std::move(command))
{
}

bool BrowserLauncher::launch(const QUrl &url)
{
    const bool ok = m_command.isEmpty() ? launchSystemBrowser(url) : launchCommand(m_command, url);
    if (!ok && m_command.isEmpty())
        emit failed(tr("No browser could be opened. Use \"Copy link\" and paste it into your browser."));
    return ok;
}

bool BrowserLauncher::launchCommand(const QString &command, const QUrl &url)
{
    QStringList args = QProcess::splitCommand(command);
    if (args.isEmpty()) {
        emit failed(tr("The browser command is empty."));
        return false;
    }
    const QString program = args.takeFirst();
    args << url.toString(QUrl::FullyEncoded);
    // Detached: the browser must outlive the sign-in (and the CLI), never be killed with it.
    QProcess process;
    process.setProgram(program);
    process.setArguments(args);
    process.setStandardOutputFile(QProcess::nullDevice());
    qCInfo(lcAuth) << "Opening the sign-in page with" << program;
    if (!process.startDetached()) {
        emit failed(tr("The browser command \"%1\" could not be started. Use \"Copy link\" and "
                       "paste the link into your browser.")
                        .arg(program));
        return false;
    }
    return true;
}

bool BrowserLauncher::launchSystemBrowser(const QUrl &url)
{
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return QDesktopServices::openUrl(url);
    // Console programs have no platform integration: ask the desktop's opener.
#if defined(Q_OS_WIN)
    return QProcess::startDetached(QStringLiteral("rundll32"),
                                   {QStringLiteral("url.dll,FileProtocolHandler"), url.toString(QUrl::FullyEncoded)});
#elif defined(Q_OS_MACOS)
    return QProcess::startDetached(QStringLiteral("open"), {url.toString(QUrl::FullyEncoded)});
#else
    return QProcess::startDetached(QStringLiteral("xdg-open"), {url.toString(QUrl::FullyEncoded)});
#endif
}

} // namespace clipshelf
