// The loopback redirect listener: 127.0.0.1 only, strays refused, one valid callback.
#include "auth/loopbacklistener.h"
#include "rawhttp.h"

#include <QNetworkInterface>
#include <QTcpServer>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

class TestLoopbackListener : public QObject
{
    Q_OBJECT

    static constexpr const char *kState = "s-0123456789abcdef0123";

private slots:
    void bindsOnlyLoopback()
    {
        LoopbackListener listener;
        QString error;
        QVERIFY2(listener.listen({}, &error), qPrintable(error));
        QVERIFY(listener.port() > 0);
        QCOMPARE(listener.redirectUri(),
                 QString("http://127.0.0.1:%1/callback").arg(listener.port()));
        // Another address of this machine must not reach the listener.
        const auto addresses = QNetworkInterface::allAddresses();
        for (const QHostAddress &a : addresses) {
            if (a.isLoopback() || a.protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            QTcpSocket s;
            s.connectToHost(a, listener.port());
            QVERIFY2(!s.waitForConnected(2000), qPrintable(a.toString()));
        }
    }

    void triesFixedPortsInOrder()
    {
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 freePort = probe.serverPort();
        probe.close();
        LoopbackListener listener;
        QString error;
        QVERIFY2(listener.listen({busy.serverPort(), freePort}, &error), qPrintable(error));
        QCOMPARE(listener.port(), freePort);

        LoopbackListener second;
        QVERIFY(!second.listen({busy.serverPort()}, &error));
        QVERIFY2(error.contains(QString::number(busy.serverPort())), qPrintable(error));
    }

    void straysDoNotEndTheAttempt()
    {
        LoopbackListener listener;
        QString error;
        QVERIFY(listener.listen({}, &error));
        listener.setExpectedState(kState);
        QSignalSpy codes(&listener, &LoopbackListener::codeReceived);
        QSignalSpy errors(&listener, &LoopbackListener::errorReceived);
        const quint16 port = listener.port();

        QCOMPARE(get(port, "/favicon.ico").status, 404);
        QCOMPARE(get(port, "/").status, 404);
        QCOMPARE(rawRequest(port, "POST /callback?code=x&state=" + QByteArray(kState) +
                                      " HTTP/1.1\r\nContent-Length: 0\r\n\r\n")
                     .status,
                 405);
        QCOMPARE(get(port, "/callback?code=x").status, 400);             // no state
        QCOMPARE(get(port, "/callback?code=x&state=wrong").status, 400); // wrong state
        QCOMPARE(get(port, "/callback?code=x&state=s-0123456789abcdef012").status, 400); // prefix
        QCOMPARE(rawRequest(port, "\x16\x03\x01garbage\r\n\r\n").status, 400); // TLS hello-ish
        QCOMPARE(rawRequest(port, "GET /callback\r\n\r\n").status, 400);       // no version
        QVERIFY(listener.isListening());
        QCOMPARE(codes.count(), 0);
        QCOMPARE(errors.count(), 0);

        // The real callback: the code arrives, the browser waits for finish().
        QTcpSocket browser;
        browser.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(browser.waitForConnected(2000));
        browser.write("GET /callback?code=a%2Bb%2Fc%3D%25&state=" + QByteArray(kState) +
                      " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QVERIFY(codes.wait(5000));
        QCOMPARE(codes.first().first().toString(), QString("a+b/c=%")); // decoded once
        QByteArray page;
        connect(&browser, &QTcpSocket::readyRead, this, [&] { page += browser.readAll(); });
        listener.finish(true, "You can close this tab.");
        QTRY_VERIFY(page.contains("Signed in to Clipshelf"));
        QVERIFY(page.startsWith("HTTP/1.1 200"));
        QVERIFY(!listener.isListening()); // closed right after the callback

        // The same state can't be used again (the listener is gone anyway).
        QTcpSocket late;
        late.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(!late.waitForConnected(1000));
    }

    void providerErrorIsEscaped()
    {
        LoopbackListener listener;
        QString error;
        QVERIFY(listener.listen({}, &error));
        listener.setExpectedState(kState);
        QSignalSpy errors(&listener, &LoopbackListener::errorReceived);
        QTcpSocket browser;
        browser.connectToHost(QHostAddress::LocalHost, listener.port());
        QVERIFY(browser.waitForConnected(2000));
        browser.write("GET "
                      "/callback?error=access_denied&error_description=%3Cscript%3Ealert(1)%3C%"
                      "2Fscript%3E&state=" +
                      QByteArray(kState) + " HTTP/1.1\r\n\r\n");
        QVERIFY(errors.wait(5000));
        const QString message = errors.first().first().toString();
        QVERIFY2(message.contains("cancelled or denied"), qPrintable(message));
        QByteArray page;
        connect(&browser, &QTcpSocket::readyRead, this, [&] { page += browser.readAll(); });
        listener.finish(false, message);
        QTRY_VERIFY(page.contains("Sign-in failed"));
        QVERIFY(page.contains("&lt;script&gt;"));
        QVERIFY(!page.contains("<script>"));
    }

    void issuerMustMatchWhenAdvertised()
    {
        LoopbackListener listener;
        QString error;
        QVERIFY(listener.listen({}, &error));
        listener.setExpectedState(kState);
        listener.setExpectedIssuer("http://127.0.0.1:4000", true);
        QSignalSpy codes(&listener, &LoopbackListener::codeReceived);
        QSignalSpy errors(&listener, &LoopbackListener::errorReceived);
        QTcpSocket browser;
        browser.connectToHost(QHostAddress::LocalHost, listener.port());
        QVERIFY(browser.waitForConnected(2000));
        browser.write("GET /callback?code=abc&iss=http%3A%2F%2Fevil.example&state=" +
                      QByteArray(kState) + " HTTP/1.1\r\n\r\n");
        QVERIFY(errors.wait(5000));
        QCOMPARE(codes.count(), 0);
        QVERIFY(errors.first().first().toString().contains("another provider"));
    }

    void missingIssWhenRequired()
    {
        LoopbackListener listener;
        QString error;
        QVERIFY(listener.listen({}, &error));
        listener.setExpectedState(kState);
        listener.setExpectedIssuer("http://127.0.0.1:4000", true);
        QSignalSpy errors(&listener, &LoopbackListener::errorReceived);
        QTcpSocket browser;
        browser.connectToHost(QHostAddress::LocalHost, listener.port());
        QVERIFY(browser.waitForConnected(2000));
        browser.write("GET /callback?code=abc&state=" + QByteArray(kState) + " HTTP/1.1\r\n\r\n");
        QVERIFY(errors.wait(5000));
    }

    // Issue 13 item 2: a parameter given twice is refused like a wrong state, and the
    // listener keeps waiting for the real callback.
    void duplicatedParametersAreRefused_data()
    {
        QTest::addColumn<QByteArray>("query");
        const QByteArray state = "state=" + QByteArray(kState);
        QTest::newRow("code twice") << "code=A&code=B&" + state;
        QTest::newRow("code twice, encoded key") << "code=A&co%64e=B&" + state;
        QTest::newRow("state twice") << "code=A&" + state + "&" + state;
        QTest::newRow("iss twice") << "code=A&iss=http%3A%2F%2F127.0.0.1%3A4000&iss=x&" + state;
        QTest::newRow("error twice") << "error=access_denied&error=server_error&" + state;
        QTest::newRow("error and code, error twice") << "code=A&error=a&error=b&" + state;
    }
    void duplicatedParametersAreRefused()
    {
        QFETCH(QByteArray, query);
        LoopbackListener listener;
        QString error;
        QVERIFY(listener.listen({}, &error));
        listener.setExpectedState(kState);
        listener.setExpectedIssuer("http://127.0.0.1:4000", false);
        QSignalSpy codes(&listener, &LoopbackListener::codeReceived);
        QSignalSpy errors(&listener, &LoopbackListener::errorReceived);
        QCOMPARE(get(listener.port(), "/callback?" + query).status, 400);
        QCOMPARE(codes.count(), 0);
        QCOMPARE(errors.count(), 0);
        QVERIFY(listener.isListening());
        // The real callback still works afterwards: the state was not used up.
        QTcpSocket browser;
        browser.connectToHost(QHostAddress::LocalHost, listener.port());
        QVERIFY(browser.waitForConnected(2000));
        browser.write("GET /callback?code=good&state=" + QByteArray(kState) + " HTTP/1.1\r\n\r\n");
        QVERIFY(codes.wait(5000));
        QCOMPARE(codes.first().first().toString(), QString("good"));
    }

    // Issue 13 item 1: a code with control characters or spaces is refused.
    void codeWithControlCharactersIsRefused_data()
    {
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("CR LF") << QByteArray("abc%0D%0AX-Injected:%201");
        QTest::newRow("NUL") << QByteArray("abc%00");
        QTest::newRow("space") << QByteArray("a%20b");
        QTest::newRow("tab") << QByteArray("a%09b");
        QTest::newRow("DEL") << QByteArray("a%7F");
        QTest::newRow("non-ASCII") << QByteArray("a%C3%A9");
    }
    void codeWithControlCharactersIsRefused()
    {
        QFETCH(QByteArray, code);
        LoopbackListener listener;
        QString error;
        QVERIFY(listener.listen({}, &error));
        listener.setExpectedState(kState);
        QSignalSpy codes(&listener, &LoopbackListener::codeReceived);
        QSignalSpy errors(&listener, &LoopbackListener::errorReceived);
        QTcpSocket browser;
        browser.connectToHost(QHostAddress::LocalHost, listener.port());
        QVERIFY(browser.waitForConnected(2000));
        browser.write("GET /callback?code=" + code + "&state=" + QByteArray(kState) +
                      " HTTP/1.1\r\n\r\n");
        QVERIFY(errors.wait(5000));
        QCOMPARE(codes.count(), 0);
        QVERIFY2(errors.first().first().toString().contains("not allowed"),
                 qPrintable(errors.first().first().toString()));
    }

    void stateWithControlCharactersIsRefused()
    {
        LoopbackListener listener;
        QString error;
        QVERIFY(listener.listen({}, &error));
        listener.setExpectedState(kState);
        QSignalSpy codes(&listener, &LoopbackListener::codeReceived);
        QCOMPARE(
            get(listener.port(), "/callback?code=A&state=" + QByteArray(kState) + "%0D%0A").status,
            400);
        QCOMPARE(codes.count(), 0);
    }

    // Issue 13 item 10: error_description is form-encoded ('+' is a space) and shown as plain,
    // short text.
    void providerTextIsFormDecodedAndPlain_data()
    {
        QTest::addColumn<QByteArray>("description");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plus") << QByteArray("The+user+cancelled") << QString("The user cancelled");
        QTest::newRow("percent") << QByteArray("The%20user%20cancelled")
                                 << QString("The user cancelled");
        QTest::newRow("encoded plus") << QByteArray("1%2B1") << QString("1+1");
        QTest::newRow("control characters")
            << QByteArray("a%0D%0Ab%07c%E2%80%AEd") << QString("a b c d");
    }
    void providerTextIsFormDecodedAndPlain()
    {
        QFETCH(QByteArray, description);
        QFETCH(QString, expected);
        LoopbackListener listener;
        QString error;
        QVERIFY(listener.listen({}, &error));
        listener.setExpectedState(kState);
        QSignalSpy errors(&listener, &LoopbackListener::errorReceived);
        QTcpSocket browser;
        browser.connectToHost(QHostAddress::LocalHost, listener.port());
        QVERIFY(browser.waitForConnected(2000));
        browser.write("GET /callback?error=access_denied&error_description=" + description +
                      "&state=" + QByteArray(kState) + " HTTP/1.1\r\n\r\n");
        QVERIFY(errors.wait(5000));
        const QString message = errors.first().first().toString();
        QVERIFY2(message.endsWith(' ' + expected), qPrintable(message));
    }

    void longProviderTextIsCut()
    {
        LoopbackListener listener;
        QString error;
        QVERIFY(listener.listen({}, &error));
        listener.setExpectedState(kState);
        QSignalSpy errors(&listener, &LoopbackListener::errorReceived);
        QTcpSocket browser;
        browser.connectToHost(QHostAddress::LocalHost, listener.port());
        QVERIFY(browser.waitForConnected(2000));
        browser.write("GET /callback?error=server_error&error_description=" +
                      QByteArray(5000, 'x') + "&state=" + QByteArray(kState) + " HTTP/1.1\r\n\r\n");
        QVERIFY(errors.wait(5000));
        const QString message = errors.first().first().toString();
        QVERIFY2(message.size() < 400, qPrintable(QString::number(message.size())));
        QVERIFY(message.endsWith(QChar(0x2026)));
    }

    // Issue 13 item 19: connections are bounded and closed ones forgotten.
    void connectionsAreBoundedAndPruned()
    {
        LoopbackListener listener;
        QString error;
        QVERIFY(listener.listen({}, &error));
        listener.setExpectedState(kState);
        QSignalSpy codes(&listener, &LoopbackListener::codeReceived);
        // 40 idle connections at once: only the newest few stay open.
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 40; ++i) {
            idle.push_back(std::make_unique<QTcpSocket>());
            idle.back()->connectToHost(QHostAddress::LocalHost, listener.port());
            QVERIFY(idle.back()->waitForConnected(2000));
        }
        auto open = [&idle] {
            return std::count_if(idle.begin(), idle.end(), [](const auto &s) {
                return s->state() == QAbstractSocket::ConnectedState;
            });
        };
        QTRY_VERIFY(open() <= 16);
        QVERIFY(open() >= 8);
        QVERIFY(listener.connectionCount() <= 16);
        // Many short connections: none of them is remembered once closed.
        for (int i = 0; i < 50; ++i)
            QCOMPARE(get(listener.port(), "/favicon.ico").status, 404);
        idle.clear();
        QTRY_COMPARE(listener.connectionCount(), 0);
        // The browser still gets through.
        QTcpSocket browser;
        browser.connectToHost(QHostAddress::LocalHost, listener.port());
        QVERIFY(browser.waitForConnected(2000));
        browser.write("GET /callback?code=good&state=" + QByteArray(kState) + " HTTP/1.1\r\n\r\n");
        QVERIFY(codes.wait(5000));
    }

    void closeStopsListening()
    {
        LoopbackListener listener;
        QString error;
        QVERIFY(listener.listen({}, &error));
        const quint16 port = listener.port();
        listener.close();
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(!s.waitForConnected(1000));
    }
};

QTEST_GUILESS_MAIN(TestLoopbackListener)
#include "tst_loopbacklistener.moc"
