#pragma once
// Runs build/.../app/clipshelf-cli against the local stack for the tst_cli*
// tests, and checks that nothing it prints is a token.

#include "localstack.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace clipshelf::test {

/// One finished clipshelf-cli run.
struct CliRun
{
    int code = -1; ///< exit code; -1 when it did not finish in time
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;

    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    bool isJsonObject() const
    {
        QJsonParseError e{};
        const QJsonDocument d = QJsonDocument::fromJson(out, &e);
        return e.error == QJsonParseError::NoError && d.isObject();
    }
    /// For QVERIFY2 messages.
    QByteArray describe() const
    {
        return "exit " + QByteArray::number(code) + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
    }
};

/// Starts clipshelf-cli with a configuration for the local stack in its environment.
class CliRunner
{
public:
    QString program = testEnv("CLIPSHELF_BINARY_DIR") + QStringLiteral("/app/clipshelf-cli");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    /// Strings that must never appear in any output (tokens, once known).
    QList<QByteArray> forbidden{QByteArrayLiteral("eyJ")};

    void configure(const QString &issuer, const QString &apiUrl, const QString &profile,
                   const QString &user = QStringLiteral("alice"))
    {
        // Hermetic: no system or user config file, only the environment.
        env.insert("CLIPSHELF_SYSTEM_CONFIG", "/nonexistent/clipshelf.conf");
        env.insert("CLIPSHELF_CONFIG", "/nonexistent/clipshelf-user.conf");
        env.insert("CLIPSHELF_ISSUER", issuer);
        env.insert("CLIPSHELF_CLIENT_ID", "clipshelf-desktop");
        env.insert("CLIPSHELF_SCOPES", "openid profile email offline_access");
        env.insert("CLIPSHELF_RESOURCE", "urn:clipshelf:api");
        env.insert("CLIPSHELF_API_URL", apiUrl);
        env.insert("CLIPSHELF_PROFILE", profile);
        env.insert("CLIPSHELF_BROWSER", testBrowserCommand(user));
        env.remove("QT_LOGGING_RULES");
    }

    /// Runs clipshelf-cli \a args to the end (fails the test on a token in the output).
    CliRun run(const QStringList &args, const QProcessEnvironment &extra = {},
               int timeoutMs = 30'000) const
    {
        QProcess p;
        QProcessEnvironment e = env;
        for (const QString &key : extra.keys())
            e.insert(key, extra.value(key));
        p.setProcessEnvironment(e);
        QElapsedTimer timer;
        timer.start();
        p.start(program, args);
        CliRun r;
        if (p.waitForStarted(10'000) && p.waitForFinished(timeoutMs) &&
            p.exitStatus() == QProcess::NormalExit)
            r.code = p.exitCode();
        else
            p.kill();
        r.elapsedMs = timer.elapsed();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        checkNoSecrets(r.out + r.err);
        if (r.code == kSanitizerExitCode)
            QTest::qFail(("clipshelf-cli ended with a sanitizer report:\n" + r.err).constData(),
                         __FILE__, __LINE__);
        return r;
    }

    void checkNoSecrets(const QByteArray &output) const
    {
        for (const QByteArray &secret : forbidden) {
            if (!secret.isEmpty() && output.contains(secret))
                QTest::qFail("clipshelf-cli printed a token or secret", __FILE__, __LINE__);
        }
    }
};

/// The checks of a `doctor --json` report, by id.
inline QHash<QString, QJsonObject> checksById(const CliRun &r)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonValue &v : r.json().value("checks").toArray())
        out.insert(v.toObject().value("id").toString(), v.toObject());
    return out;
}

/**
 * The local stack (the test provider and the reference API server) and a
 * CliRunner pointed at it on a fresh profile, for the tests that need no
 * sign-in (tst_cli_doctor, tst_cli_nokeychain). A test class derives from it
 * next to QObject and calls startStack() from initTestCase().
 */
class CliStackFixture
{
protected:
    /// Starts the provider and the API server and configures m_cli for them with
    /// a profile named \a profilePrefix-…; fails the calling test when any of it does not work.
    void startStack(const QString &profilePrefix)
    {
        QVERIFY2(QFile::exists(m_cli.program), qPrintable(m_cli.program + " is not built"));
        QVERIFY(m_provider.start());
        QVERIFY(m_api.start(m_provider.issuer()));
        m_cli.configure(m_provider.issuer(), m_api.url(), freshProfile(profilePrefix));
    }

    TestProvider m_provider;
    TestApiServer m_api;
    CliRunner m_cli;
};

} // namespace clipshelf::test
