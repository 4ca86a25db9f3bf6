// Several real Clipshelf processes on one keychain profile (the session
// driver, tests/integration/sessiondriver), against the oidc-provider test
// provider with 4-second access tokens and refresh-token rotation: a refresh
// token presented twice would end the grant. One chromium sign-in for the file.
#include "sessiontestkit.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>

using namespace clipshelf;
using namespace clipshelf::test;

namespace {

/// One clipshelf-session-driver process and the events it printed.
class DriverProcess
{
public:
    DriverProcess(const Config &config, const QStringList &extraArgs)
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                         [this] { readEvents(); });
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(testEnv("CLIPSHELF_BINARY_DIR") +
                            "/tests/integration/sessiondriver/clipshelf-session-driver",
                        QStringList{"--issuer", config.issuer(), "--api",
                                    config.apiUrl().toString(), "--profile", config.profile()} +
                            extraArgs);
    }
    ~DriverProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    int count(const QString &event) const
    {
        return int(std::count_if(m_events.begin(), m_events.end(), [&](const QJsonObject &e) {
            return e.value("event").toString() == event;
        }));
    }
    QJsonObject last(const QString &event) const
    {
        for (auto it = m_events.crbegin(); it != m_events.crend(); ++it) {
            if (it->value("event").toString() == event)
                return *it;
        }
        return {};
    }
    bool finished() const { return m_process.state() == QProcess::NotRunning; }
    bool waitForExit(int timeoutMs = 60'000)
    {
        const bool exited = QTest::qWaitFor([this] { return finished(); }, timeoutMs);
        readEvents(); // whatever was still buffered
        return exited;
    }
    int exitCode() const
    {
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    void killHard() { m_process.kill(); } // SIGKILL
    /// Called for every event as it arrives (e.g. to SIGKILL at the right moment).
    std::function<void(const QJsonObject &)> onEvent;

private:
    void readEvents()
    {
        while (m_process.canReadLine()) {
            const QJsonObject event = QJsonDocument::fromJson(m_process.readLine()).object();
            m_events << event;
            if (onEvent && m_process.state() == QProcess::Running)
                onEvent(event);
        }
    }

    QProcess m_process;
    QList<QJsonObject> m_events;
};

} // namespace

class TestSessionProcesses : public QObject, protected SignedInSessionStack
{
    Q_OBJECT

private slots:
    void initTestCase() { startSignedIn(QStringLiteral("sessionproc")); }
    void cleanupTestCase() { stopStack(); }

    void twoProcessesRefreshingAtTheSameMoment()
    {
        // Both start with the same expired access token, so both must refresh at
        // once; then they keep calling across two more lifetimes, whose expiries
        // they also share.
        QVERIFY(waitUntilExpiredAtTheApi(storedSession(m_store.get())));
        const int grants = stat("refresh_grants");
        const int failures = stat("refresh_failures");
        const QStringList args{"--duration-ms", QString::number(kAccessTtlSeconds * 2500),
                               "--interval-ms", "100"};
        DriverProcess first(m_config, args);
        DriverProcess second(m_config, args);
        QVERIFY(first.waitForExit());
        QVERIFY(second.waitForExit());

        for (const DriverProcess *p : {&first, &second}) {
            const QJsonObject done = p->last("done");
            qInfo() << "driver:" << done;
            QCOMPARE(p->exitCode(), 0);
            QVERIFY(done.value("ok").toInt() >= 50);
            QCOMPARE(done.value("failed").toInt(), 0);
            QCOMPARE(done.value("unauthorized").toInt(), 0);
            QCOMPARE(p->count("session_ended"), 0);
        }
        QCOMPARE(stat("refresh_failures"), failures); // no refresh token was presented twice
        const int refreshes = first.count("refreshed") + second.count("refreshed");
        qInfo() << "refreshes:" << first.count("refreshed") << "+" << second.count("refreshed");
        QCOMPARE(stat("refresh_grants") - grants, refreshes);
        QVERIFY(refreshes >= 3);
        // One refresh per expiry (about one every 2 s in these 10 s), not one per process (10 or
        // more).
        QVERIFY2(refreshes <= 8, qPrintable(QString::number(refreshes)));
        QVERIFY(storedSession(m_store.get()).isValid());
    }

    void killedRightAfterARefreshRestartsSignedIn()
    {
        // SIGKILL at a few points just after a refresh was stored (0-3 answers
        // later); the next process must be signed in and keep working.
        for (int round = 0; round < 3; ++round) {
            const int answersToWait = int(QRandomGenerator::global()->bounded(4));
            DriverProcess victim(m_config, {"--duration-ms", "30000", "--interval-ms", "100"});
            bool refreshedOnce = false;
            int answersAfter = 0;
            victim.onEvent = [&](const QJsonObject &e) {
                const QString name = e.value("event").toString();
                if (name == "refreshed")
                    refreshedOnce = true;
                else if (name == "answer" && refreshedOnce)
                    ++answersAfter;
                if (refreshedOnce && answersAfter >= answersToWait)
                    victim.killHard();
            };
            QVERIFY(victim.waitForExit(30'000));
            QVERIFY2(refreshedOnce, "the driver was killed before its refresh");
            QCOMPARE(victim.exitCode(), -1); // killed, not exited

            const int failures = stat("refresh_failures");
            const int tokenRequests = stat("token_requests");
            DriverProcess next(m_config, {"--duration-ms", "15000", "--interval-ms", "100",
                                          "--stop-after-refreshes", "1"});
            QVERIFY(next.waitForExit());
            qInfo() << "round" << round << "killed" << answersToWait
                    << "answers after a refresh; next:" << next.last("done");
            QCOMPARE(next.exitCode(), 0);
            QCOMPARE(next.last("restored").value("signed_in").toBool(), true);
            QCOMPARE(next.count("refreshed"), 1);
            QCOMPARE(stat("refresh_failures"), failures);
            QCOMPARE(stat("token_requests") - tokenRequests, 1);
        }
    }

    // Last: this may end the grant.
    void killedDuringARefreshAsksToSignInAtMostOnce()
    {
        // SIGKILL the moment a refresh request has left: the provider may have
        // rotated the refresh token without the process storing the new one.
        DriverProcess victim(m_config, {"--duration-ms", "30000", "--interval-ms", "100"});
        victim.onEvent = [&](const QJsonObject &e) {
            if (e.value("event").toString() == "token_request")
                victim.killHard();
        };
        QVERIFY(victim.waitForExit(30'000));
        QCOMPARE(victim.count("token_request"), 1);
        QCOMPARE(victim.count("refreshed"), 0);

        const int tokenRequests = stat("token_requests");
        DriverProcess next(m_config, {"--duration-ms", QString::number(kAccessTtlSeconds * 1500),
                                      "--interval-ms", "100"});
        QVERIFY(next.waitForExit());
        qInfo() << "after a kill during a refresh:" << next.last("done")
                << next.last("session_ended");
        if (next.exitCode() == 0) {
            // The provider had not rotated: still signed in, and refreshing fine.
            QVERIFY(next.count("refreshed") >= 1);
            QCOMPARE(next.count("session_ended"), 0);
            return;
        }
        // Or the session ended: once, with the message, after one token request.
        QCOMPARE(next.exitCode(), 3);
        QCOMPARE(next.count("session_ended"), 1);
        QCOMPARE(next.last("session_ended").value("message").toString(), kSessionEndedMessage);
        QCOMPARE(next.count("token_request"), 1);
        QCOMPARE(stat("token_requests") - tokenRequests, 1);

        // A further start asks to sign in and asks the provider nothing.
        DriverProcess after(m_config, {"--duration-ms", "1000"});
        QVERIFY(after.waitForExit());
        QCOMPARE(after.exitCode(), 3);
        QCOMPARE(after.last("restored").value("signed_in").toBool(), false);
        QCOMPARE(after.count("token_request"), 0);
        QCOMPARE(stat("token_requests") - tokenRequests, 1);
    }
};

QTEST_GUILESS_MAIN(TestSessionProcesses)
#include "tst_session_processes.moc"
