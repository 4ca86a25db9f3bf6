// Connectivity (what the API's answers say about the network) and the
// session's SessionConnection (the state the UI shows, the refresh backoff).
#include "api/apiclient.h"
#include "api/connectivity.h"
#include "auth/sessionconnection.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;

class TestConnectivity : public QObject
{
    Q_OBJECT
private slots:
    void everyReportIsSignalled()
    {
        Connectivity c;
        QSignalSpy noted(&c, &Connectivity::reachabilityNoted);
        QVERIFY(c.isReachable());
        c.noteReachable(false);
        QVERIFY(!c.isReachable());
        c.noteReachable(true);
        c.noteReachable(true); // unchanged, still reported: a backoff may have ended meanwhile
        QVERIFY(c.isReachable());
        QCOMPARE(noted.count(), 3);
        QCOMPARE(noted.at(0).at(0).toBool(), false);
    }

    void clockSkewFromServerTime()
    {
        Connectivity c;
        QCOMPARE(c.clockSkewSeconds(), 0);
        c.noteServerTime(QDateTime::currentDateTimeUtc().addSecs(3600));
        QVERIFY(qAbs(c.clockSkewSeconds() - 3600) <= 1);
        c.noteServerTime(QDateTime()); // no Date: the last measurement stays
        QVERIFY(qAbs(c.clockSkewSeconds() - 3600) <= 1);
    }

    void followsApiClient()
    {
        QNetworkAccessManager nam;
        ApiClient api(QUrl("http://127.0.0.1:1/api"), nullptr, &nam);
        Connectivity c;
        c.follow(&api);
        QSignalSpy noted(&c, &Connectivity::reachabilityNoted);
        bool done = false;
        api.sendAnonymous(ApiRequest::get("/health"), nullptr, [&](const ApiResult &r) {
            QCOMPARE(r.error.kind, ApiError::Network);
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
        QCOMPARE(noted.count(), 1);
        QVERIFY(!c.isReachable());
    }

    void reachabilityMovesTheState()
    {
        SessionConnection s;
        QSignalSpy changed(&s, &SessionConnection::changed);
        s.noteReachable(false);
        QCOMPARE(s.state(), SessionConnection::Offline);
        s.noteReachable(true);
        QCOMPARE(s.state(), SessionConnection::Online);
        QCOMPARE(changed.count(), 2);
        // While a refresh backs off, a reachable API does not mean online.
        s.backOff(-1);
        QCOMPARE(s.state(), SessionConnection::Reconnecting);
        s.noteReachable(true);
        QCOMPARE(s.state(), SessionConnection::Reconnecting);
        // An ended session stays ended, whatever the network does.
        s.stopBackoff();
        s.setState(SessionConnection::SessionEnded);
        s.noteReachable(false);
        s.noteReachable(true);
        QCOMPARE(s.state(), SessionConnection::SessionEnded);
    }

    void refreshFailuresAndRecovery()
    {
        SessionConnection s;
        s.noteRefreshFailure(QStringLiteral("The sign-in service is busy"), 503,
                             Problem(Problem::Kind::ServerError, Problem::Source::Provider));
        QCOMPARE(s.state(), SessionConnection::Reconnecting);
        const Problem tls(Problem::Kind::TlsFailure, Problem::Source::Provider);
        s.noteRefreshFailure(QStringLiteral("No route to host"), 0, tls);
        QCOMPARE(s.state(), SessionConnection::Offline);
        QCOMPARE(s.lastProblem().kind(), Problem::Kind::TlsFailure); // kept for the UI and the CLI
        QCOMPARE(s.backingOffProblem().problem.kind(), Problem::Kind::TlsFailure);
        s.backOff(30); // the provider's Retry-After is the floor
        QVERIFY(s.isBackingOff());
        QVERIFY2(s.reconnectInSeconds() >= 29 && s.reconnectInSeconds() <= 30,
                 qPrintable(QString::number(s.reconnectInSeconds())));
        const TokenProblem problem = s.backingOffProblem();
        QCOMPARE(problem.kind, TokenProblem::Transient);
        QCOMPARE(problem.httpStatus, 0);
        QVERIFY2(problem.message.startsWith(QStringLiteral("No route to host. Trying again in ")),
                 qPrintable(problem.message));
        s.stopBackoff();
        s.refreshSucceeded();
        QCOMPARE(s.state(), SessionConnection::Online);
        QCOMPARE(s.reconnectInSeconds(), 0);
        QVERIFY(s.backingOffProblem().message.startsWith(
            QStringLiteral("The sign-in service could not be reached.")));
    }

    void backoffEndsWithRetryDue()
    {
        SessionConnection s;
        QSignalSpy due(&s, &SessionConnection::retryDue);
        s.backOff(-1); // the first wait: 0.5 to 1 s
        QVERIFY(s.reconnectInSeconds() >= 1);
        QVERIFY(due.wait(3000));
        QVERIFY(!s.isBackingOff());
    }
};

QTEST_GUILESS_MAIN(TestConnectivity)
#include "tst_connectivity.moc"
