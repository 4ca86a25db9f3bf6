#include "auth/browserlauncher.h"

#include "core/logging.h"

#include <QDesktopServices>
#include <QGuiApplication>
#include <QPointer>
#include <QProcess>

namespace clipshelf {

namespace {
/// How long a --browser command may take to start (exec) before it counts as failed.
constexpr int kStartTimeoutMs = 5000;
} // namespace

BrowserLauncher::BrowserLauncher(QString command, QObject *parent)
    : QObject(parent), m_command(std::move(command))
{}

bool BrowserLauncher::launch(const QUrl &url)
{
    const bool ok = m_command.isEmpty() ? launchSystemBrowser(url) : launchCommand(m_command, url);
    if (!ok && m_command.isEmpty())
        emit failed(
            tr("No browser could be opened. Use \"Copy link\" and paste it into your browser."));
    return ok;
}

BrowserLauncher::~BrowserLauncher()
{
    // A browser still running stays running: QProcess would kill it when deleted,
    // so it is let go of (it deletes itself if it ends while this program runs).
    // The list keeps it reachable for leak checkers; it is never freed.
    static auto *released = new QList<QPointer<QProcess>>;
    for (QProcess *process : findChildren<QProcess *>(Qt::FindDirectChildrenOnly)) {
        if (process->state() == QProcess::NotRunning)
            continue;
        process->disconnect(this);
        process->setParent(nullptr);
        connect(process, &QProcess::finished, process, &QObject::deleteLater);
        released->removeAll(nullptr);
        released->append(process);
    }
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
    // A child (not detached), so that a quick failure is seen; see ~BrowserLauncher().
    auto *process = new QProcess(this);
    process->setProgram(program);
    process->setArguments(args);
    process->setStandardInputFile(QProcess::nullDevice());
    process->setStandardOutputFile(QProcess::nullDevice());
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    qCInfo(lcAuth) << "Opening the sign-in page with" << program;
    process->start();
    if (!process->waitForStarted(kStartTimeoutMs)) {
        qCWarning(lcAuth) << "The browser command could not be started:" << process->errorString();
        process->deleteLater();
        emit failed(tr("The browser command \"%1\" could not be started. Use \"Copy link\" and "
                       "paste the link into your browser.")
                        .arg(program));
        return false;
    }
    connect(
        process, &QProcess::finished, this,
        [this, process, program](int code, QProcess::ExitStatus status) {
            process->deleteLater();
            if (status == QProcess::NormalExit && code == 0)
                return;
            qCWarning(lcAuth) << "The browser command ended with"
                              << (status == QProcess::NormalExit ? code : -1);
            emit failed(
                tr("The browser command \"%1\" stopped with an error. Use \"Copy link\" and paste "
                   "the link into your browser.")
                    .arg(program));
        });
    return true;
}

bool BrowserLauncher::launchSystemBrowser(const QUrl &url)
{
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return QDesktopServices::openUrl(url);
        // Console programs have no platform integration: ask the desktop's opener.
#if defined(Q_OS_WIN)
    return QProcess::startDetached(
        QStringLiteral("rundll32"),
        {QStringLiteral("url.dll,FileProtocolHandler"), url.toString(QUrl::FullyEncoded)});
#elif defined(Q_OS_MACOS)
    return QProcess::startDetached(QStringLiteral("open"), {url.toString(QUrl::FullyEncoded)});
#else
    return QProcess::startDetached(QStringLiteral("xdg-open"), {url.toString(QUrl::FullyEncoded)});
#endif
}

} // namespace clipshelf
