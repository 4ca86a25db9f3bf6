#pragma once
// Test helper: starts the real local stack's processes (the oidc-provider test
// provider; later the reference API server) on ephemeral loopback ports.

#include "core/config.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace clipshelf::test {

/// The exit code of a process ended by a sanitizer report (the asan preset's
/// ASAN_OPTIONS, UBSAN_OPTIONS and LSAN_OPTIONS, CMakePresets.json): no program
/// of ours exits with it otherwise.
inline constexpr int kSanitizerExitCode = 86;

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
        while (!out.contains('\n') && !deadline.hasExpired() &&
               m_process.state() == QProcess::Running) {
            if (m_process.bytesAvailable() == 0)
                readable.wait(int(qMax<qint64>(1, deadline.remainingTime())));
            out += m_process.readAll();
        }
        m_ready = QJsonDocument::fromJson(out.left(out.indexOf('\n'))).object();
        if (!m_ready.value("ready").toBool()) {
            qWarning() << program << "did not become ready:" << out
                       << m_process.readAllStandardError();
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
        // Nothing else looks at this child's exit (it may come after the last test
        // function): a sanitizer report in it, during the tests or at exit, ends the run.
        if (m_process.exitStatus() == QProcess::NormalExit &&
            m_process.exitCode() == kSanitizerExitCode)
            qFatal("%s ended with a sanitizer report:\n%s", qPrintable(m_process.program()),
                   m_process.readAllStandardError().right(64 * 1024).constData());
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
    /// \a port 0: an ephemeral port. To restart on the same issuer after stop(),
    /// pass port() (and set PROVIDER_STATE_DIR in \a extra so grants survive).
    bool start(const QProcessEnvironment &extra = {}, int port = 0)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("PROVIDER_LOG", "quiet");
        for (const QString &key : extra.keys())
            env.insert(key, extra.value(key));
        const QString dir = testEnv("CLIPSHELF_PROVIDER_DIR");
        if (!m_process.start("node", {dir + "/server.mjs", "--port", QString::number(port)}, env))
            return false;
        m_issuer = m_process.ready().value("issuer").toString();
        return !m_issuer.isEmpty();
    }
    void stop() { m_process.stop(); }
    QString issuer() const { return m_issuer; }
    int port() const { return QUrl(m_issuer).port(); }

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

/// The reference API server (tests/stack/api-server), with a throwaway database
/// and the test fault switch enabled.
class TestApiServer
{
public:
    /// \a extraArgs e.g. {"--leeway", "1"}; \a port 0: ephemeral (a restart after
    /// stop() on the old port keeps the database).
    bool start(const QString &issuer, const QString &basePath = QStringLiteral("/api/v1"),
               const QStringList &extraArgs = {}, int port = 0)
    {
        const QString program =
            testEnv("CLIPSHELF_BINARY_DIR") + "/tests/stack/api-server/clipshelf-api-server";
        QStringList args{
            "--port",         QString::number(port), "--issuer", issuer,
            "--audience",     "urn:clipshelf:api",   "--db",     m_dir.filePath("api.sqlite"),
            "--enable-faults"};
        if (!basePath.isEmpty())
            args << "--base-path" << basePath;
        args << extraArgs;
        if (!m_process.start(program, args, QProcessEnvironment::systemEnvironment()))
            return false;
        m_url = m_process.ready().value("url").toString();
        return !m_url.isEmpty();
    }
    void stop() { m_process.stop(); }
    /// Base URL including the base path, e.g. http://127.0.0.1:PORT/api/v1
    QString url() const { return m_url; }
    int port() const { return QUrl(m_url).port(); }
    /// The server's origin, where /__faults lives.
    QString origin() const { return QUrl(m_url).adjusted(QUrl::RemovePath).toString(); }

    /// POST /__faults, e.g.
    /// {"path_prefix":"/api/v1/videos","action":"status","status":503,"retry_after":1,"count":1}
    QByteArray addFault(const QJsonObject &rule)
    {
        return call("POST", "/__faults", QJsonDocument(rule).toJson());
    }
    void clearFaults() { call("DELETE", "/__faults"); }
    /// GET /__faults/stats: {"requests": n, "by_path": {...}}
    QJsonObject stats() { return QJsonDocument::fromJson(call("GET", "/__faults/stats")).object(); }

    QByteArray call(const QByteArray &verb, const QString &path, const QByteArray &body = {})
    {
        QNetworkRequest request(QUrl(origin() + path));
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10'000);
        const QByteArray out = reply->readAll();
        reply->deleteLater();
        return out;
    }

private:
    QTemporaryDir m_dir;
    StackProcess m_process;
    QString m_url;
    QNetworkAccessManager m_nam;
};

/// The browser command that signs in as \a user on the test provider's page.
inline QString testBrowserCommand(const QString &user, const QString &extra = {})
{
    return QStringLiteral("node %1/tests/e2e/browser/signin-browser.mjs --user %2 %3")
        .arg(testEnv("CLIPSHELF_SOURCE_DIR"), user, extra);
}

/// A unique profile name, so tests never share keychain entries or caches.
inline QString freshProfile(const QString &prefix = QStringLiteral("test"))
{
    return QStringLiteral("%1-%2").arg(prefix).arg(QRandomGenerator::global()->generate(), 0, 16);
}

/// Configuration pointing at the local stack; \a apiUrl may be empty.
inline Config stackConfig(const QString &issuer, const QString &apiUrl, const QString &profile,
                          const QString &user = QStringLiteral("alice"))
{
    Config c;
    c.set(Config::Key::Issuer, issuer, "test");
    c.set(Config::Key::ClientId, "clipshelf-desktop", "test");
    c.set(Config::Key::Scopes, "openid profile email offline_access", "test");
    c.set(Config::Key::Resource, "urn:clipshelf:api", "test");
    c.set(Config::Key::ApiUrl, apiUrl, "test");
    c.set(Config::Key::Profile, profile, "test");
    c.set(Config::Key::Browser, testBrowserCommand(user), "test");
    return c;
}

} // namespace clipshelf::test
