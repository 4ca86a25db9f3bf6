// The loopback callback's decision (auth/callbackrequest.h), without sockets:
// what LoopbackListener answers and emits for each request head.
#include "auth/callbackrequest.h"

#include <QTest>

using namespace clipshelf;
using callbackrequest::Decision;
using Kind = Decision::Kind;

Q_DECLARE_METATYPE(Decision::Kind)

namespace {

constexpr char kState[] = "s-0123456789abcdef0123";

callbackrequest::Expectation expectation(bool issuerRequired = false, bool consumed = false)
{
    callbackrequest::Expectation e;
    e.state = kState;
    e.issuer = QStringLiteral("https://issuer.example");
    e.issuerRequired = issuerRequired;
    e.consumed = consumed;
    return e;
}

QByteArray get(const QByteArray &target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1";
}

} // namespace

class TestCallbackRequest : public QObject
{
    Q_OBJECT

private slots:
    void decides_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<bool>("issuerRequired");
        QTest::addColumn<Decision::Kind>("kind");
        QTest::addColumn<int>("status");
        const QByteArray state = QByteArray("state=") + kState;
        QTest::newRow("code") << get("/callback?code=abc&" + state) << false << Kind::Code << 0;
        QTest::newRow("code, HTTP/1.0")
            << "GET /callback?code=abc&" + state + " HTTP/1.0" << false << Kind::Code << 0;
        QTest::newRow("right iss")
            << get("/callback?code=abc&" + state + "&iss=https%3A%2F%2Fissuer.example") << true
            << Kind::Code << 0;
        QTest::newRow("iss missing but required")
            << get("/callback?code=abc&" + state) << true << Kind::WrongIssuer << 0;
        QTest::newRow("wrong iss")
            << get("/callback?code=abc&" + state + "&iss=https%3A%2F%2Fevil.example") << false
            << Kind::WrongIssuer << 0;
        QTest::newRow("provider error")
            << get("/callback?error=access_denied&" + state) << false << Kind::ProviderError << 0;
        QTest::newRow("neither code nor error")
            << get("/callback?" + state) << false << Kind::NoCode << 0;
        QTest::newRow("code with CR LF")
            << get("/callback?code=a%0D%0Ab&" + state) << false << Kind::BadCode << 0;
        QTest::newRow("no state") << get("/callback?code=abc") << false << Kind::UnknownSignIn
                                  << 400;
        QTest::newRow("wrong state")
            << get("/callback?code=abc&state=wrong") << false << Kind::UnknownSignIn << 400;
        QTest::newRow("state twice") << get("/callback?code=abc&" + state + "&" + state) << false
                                     << Kind::UnknownSignIn << 400;
        QTest::newRow("code twice")
            << get("/callback?code=a&code=b&" + state) << false << Kind::UnknownSignIn << 400;
        QTest::newRow("other path") << get("/favicon.ico") << false << Kind::NotFound << 404;
        QTest::newRow("POST") << "POST /callback?code=abc&" + state + " HTTP/1.1" << false
                              << Kind::MethodNotAllowed << 405;
        QTest::newRow("no version")
            << QByteArray("GET /callback") << false << Kind::BadRequest << 400;
        QTest::newRow("TLS hello")
            << QByteArray("\x16\x03\x01garbage") << false << Kind::BadRequest << 400;
        QTest::newRow("empty") << QByteArray() << false << Kind::BadRequest << 400;
    }

    void decides()
    {
        QFETCH(QByteArray, head);
        QFETCH(bool, issuerRequired);
        QFETCH(Decision::Kind, kind);
        QFETCH(int, status);
        const Decision d = callbackrequest::decide(head, expectation(issuerRequired));
        QCOMPARE(d.kind, kind);
        QCOMPARE(d.refusalStatus(), status);
        QCOMPARE(d.matchesState(), status == 0);
    }

    void theCodeAndTheProviderTextComeOutDecoded()
    {
        const QByteArray state = QByteArray("&state=") + kState;
        Decision d =
            callbackrequest::decide(get("/callback?code=a%2Fb%2Bc" + state), expectation());
        QCOMPARE(d.code, QString("a/b+c"));
        d = callbackrequest::decide(
            get("/callback?error=server_error&error_description=Try+again%0Alater%E2%80%AE" +
                state),
            expectation());
        QCOMPARE(d.kind, Kind::ProviderError);
        QCOMPARE(d.error, QString("server_error"));
        QCOMPARE(d.errorDescription, QString("Try again later"));
        d = callbackrequest::decide(get("/callback?code=x&iss=https%3A%2F%2Fevil.example" + state),
                                    expectation());
        QCOMPARE(d.issuer, QString("https://evil.example"));
    }

    void aUsedOrMissingStateMatchesNothing()
    {
        const QByteArray head = get(QByteArray("/callback?code=abc&state=") + kState);
        QCOMPARE(callbackrequest::decide(head, expectation(false, true)).kind, Kind::UnknownSignIn);
        callbackrequest::Expectation none = expectation();
        none.state.clear();
        QCOMPARE(callbackrequest::decide(head, none).kind, Kind::UnknownSignIn);
        QCOMPARE(callbackrequest::decide(get("/callback?code=abc&state="), none).kind,
                 Kind::UnknownSignIn);
    }
};

QTEST_APPLESS_MAIN(TestCallbackRequest)
#include "tst_callbackrequest.moc"
