#pragma once
// Test helper: starts the real local stack's processes (the oidc-provider test
// provider; later the reference API server) on ephemeral loopback ports.

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

namespace clipshelf::test {

/// Reads an environment variable set by CTest (see tests/CMakeLists.txt).
inline QString testEnv(const char *name)
{
    return QProcessEnvironment::systemEnvironment().value(QString::fromLatin1(name));
}

/// A child process that prints one JSON "ready" line on stdout when it listens.
class StackProcess
{
public:
    ~StackProcess() { stop(); }

    bool start(const QString &program, const QStringList &args, const QProcessEnvironment &env,
               int timeoutMs = 30'000)
    {
        m_process.setProgram(program);
        m_process.setArguments(args);
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.setReadChannel(QProcess::StandardOutput);
        m_process.start();
        if (!m_process.waitForStarted(10'000)) {
            qWarning() << "cannot start" << program << m_process.errorString();
            return false;
        }
        QByteArray out;
        QSignalSpy readable(&m_process, &QProcess::readyReadStandardOutput);
        QDeadlineTimer deadline(timeoutMs);
        while (!out.contains('\n') && !deadline.hasExpired() && m_process.state() == QProcess::Running) {
            if (m_process.bytesAvailable() == 0)
                readable.wait(int(qMax<qint64>(1, deadline.remainingTime())));
            out += m_process.readAll();
        }
        m_ready = QJsonDocument::fromJson(out.left(out.indexOf('\n'))).object();
        if (!m_ready.value("ready").toBool()) {
            qWarning() << program << "did not become ready:" << out << m_process.readAllStandardError();
            return false;
        }
        return true;
    }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    QJsonObject ready() const { return m_ready; }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QJsonObject m_ready;
};

/// The oidc-provider test provider (tests/stack/provider), alice and bob as users.
class TestProvider
{
public:
    bool start(const QProcessEnvironment &extra = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("PROVIDER_LOG", "quiet");
        for (const QString &key : extra.keys())
            env.insert(key, extra.value(key));
        const QString dir = testEnv("CLIPSHELF_PROVIDER_DIR");
        if (!m_process.start("node", {dir + "/server.mjs", "--port", "0"}, env))
            return false;
        m_issuer = m_process.ready().value("issuer").toString();
        return !m_issuer.isEmpty();
    }
    void stop() { m_process.stop(); }
    QString issuer() const { return m_issuer; }

    /// GET /__test/stats: counters of token requests, grants, revocations, …
    QJsonObject stats() { return QJsonDocument::fromJson(call("GET", "/__test/stats")).object(); }
    int stat(const char *name) { return stats().value(QLatin1String(name)).toInt(); }
    QByteArray call(const QByteArray &verb, const QString &pathAndQuery)
    {
        QNetworkRequest request(QUrl(m_issuer + pathAndQuery));
        QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, QByteArray());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10'000);
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return body;
    }

private:
    StackProcess m_process;
    QString m_issuer;
    QNetworkAccessManager m_nam;
};

} // namespace clipshelf::test
