// SignOutLanding and endSessionUrl (issue 13, item 21): the page the browser
// comes back to after the provider's sign-out, and the URL that sends it there.
#include "auth/signoutlanding.h"
#include "rawhttp.h"

#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace clipshelf;
using namespace clipshelf::test;

class TestSignOutLanding : public QObject
{
    Q_OBJECT

private slots:
    void urlCarriesHintClientAndRedirect()
    {
        const QUrl url =
            endSessionUrl(QUrl("https://id.example.com/session/end?ui=1"),
                          "a.b+c/d=", "desktop app", QUrl("http://127.0.0.1:5000/logout"));
        QCOMPARE(url.adjusted(QUrl::RemoveQuery).toString(),
                 QString("https://id.example.com/session/end"));
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue("ui"), QString("1")); // the endpoint's own parameters stay
        QCOMPARE(query.queryItemValue("id_token_hint", QUrl::FullyDecoded), QString("a.b+c/d="));
        QCOMPARE(query.queryItemValue("client_id", QUrl::FullyDecoded), QString("desktop app"));
        QCOMPARE(query.queryItemValue("post_logout_redirect_uri", QUrl::FullyDecoded),
                 QString("http://127.0.0.1:5000/logout"));
    }

    void answersTheLandingOnceAndStops()
    {
        SignOutLanding landing;
        QVERIFY(landing.listen(10'000));
        const QUrl redirect = landing.redirectUri();
        QCOMPARE(redirect.host(), QString("127.0.0.1"));
        QCOMPARE(redirect.path(), QString("/logout"));
        const auto port = quint16(redirect.port());
        QSignalSpy reached(&landing, &SignOutLanding::reached);

        QCOMPARE(get(port, "/other").status, 404);
        QCOMPARE(rawRequest(port, "POST /logout HTTP/1.1\r\nContent-Length: 0\r\n\r\n").status,
                 404);
        QCOMPARE(reached.count(), 0);
        // An oversized request is dropped without an answer.
        QCOMPARE(rawRequest(port, "GET /logout?" + QByteArray(20'000, 'a')).status, 0);

        const RawReply page = get(port, "/logout");
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("Signed out"));
        QTRY_COMPARE(reached.count(), 1);
        QCOMPARE(get(port, "/logout").status, 0); // no longer listening
    }

    void timesOutWhenNobodyComes()
    {
        SignOutLanding landing;
        QSignalSpy timedOut(&landing, &SignOutLanding::timedOut);
        QVERIFY(landing.listen(100));
        QVERIFY(timedOut.wait(5000));
        QCOMPARE(get(quint16(landing.redirectUri().port()), "/logout").status, 0);
    }
};

QTEST_GUILESS_MAIN(TestSignOutLanding)
#include "tst_signoutlanding.moc"
