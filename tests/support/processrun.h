// A child program run to its end with a deadline, for tests that check what a
// whole process does (exit code, what it wrote).
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace clipshelf::test {

/// How a child process ended and what it wrote.
struct ProcessRun
{
    QProcess::ExitStatus status = QProcess::CrashExit;
    int code = -1;
    QByteArray out;
    QByteArray err;
    bool passed() const { return status == QProcess::NormalExit && code == 0; }
    /// The end of what it wrote, for a failure message.
    QByteArray describe() const
    {
        return QByteArray("exit ") + QByteArray::number(code) +
               (status == QProcess::CrashExit ? " (crashed)" : "") + "; stdout: " + out.right(400) +
               "; stderr: " + err.right(800);
    }
};

/// Starts \a program in \a p (set up by the caller: environment, channels) and
/// waits up to a minute for it; a child that does not end in time is killed and
/// reported as crashed.
inline ProcessRun runToEnd(QProcess &p, const QString &program, const QStringList &args)
{
    p.start(program, args);
    ProcessRun r;
    if (p.waitForStarted(10'000) && p.waitForFinished(60'000)) {
        r.status = p.exitStatus();
        r.code = p.exitCode();
    } else {
        p.kill();
        p.waitForFinished(5'000);
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace clipshelf::test
