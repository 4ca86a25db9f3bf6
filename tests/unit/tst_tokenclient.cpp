// Token endpoint bodies and responses, without a network.
#include "auth/tokenclient.h"
#include "core/httpdate.h"

#include <QTest>
#include <QUrlQuery>

using namespace clipshelf;

class TestTokenClient : public QObject
{
    Q_OBJECT
private slots:
    void formEncodingSurvivesSpecialCharacters()
    {
        const QString code = "a+b/c=d%e f&g";
        const QByteArray body = TokenClient::formEncode({{"code", code}, {"redirect_uri", "http://127.0.0.1:5/callback"}});
        QCOMPARE(body, QByteArray("code=a%2Bb%2Fc%3Dd%25e%20f%26g&redirect_uri=http%3A%2F%2F127.0.0.1%3A5%2Fcallback"));
        // Decoding once gives the exact value back (no double encoding).
        const QUrlQuery parsed(QString::fromLatin1(body));
        QCOMPARE(parsed.queryItemValue("code", QUrl::FullyDecoded), code);
    }

    void parsesSuccess()
    {
        TokenResponse r;
        TokenError e;
        QVERIFY(TokenClient::parseTokenResponse(
            200, R"({"access_token":"at","token_type":"bearer","expires_in":300,"refresh_token":"rt","id_token":"it"})", &r, &e));
        QCOMPARE(r.accessToken, QString("at"));
        QCOMPARE(r.tokenType, QString("Bearer"));
        QCOMPARE(r.expiresIn, 300);
        QCOMPARE(r.refreshToken, QString("rt"));
        QVERIFY(r.receivedAt.isValid());
    }

    void expiresInOptionalOrString()
    {
        TokenResponse r;
        TokenError e;
        QVERIFY(TokenClient::parseTokenResponse(200, R"({"access_token":"at","token_type":"Bearer"})", &r, &e));
        QCOMPARE(r.expiresIn, -1);
        QVERIFY(TokenClient::parseTokenResponse(200, R"({"access_token":"at","token_type":"BEARER","expires_in":"60"})", &r, &e));
        QCOMPARE(r.expiresIn, 60);
    }

    void rejectsBadSuccess_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no access token") << QByteArray(R"({"token_type":"Bearer"})");
        QTest::newRow("not bearer") << QByteArray(R"({"access_token":"a","token_type":"mac"})");
        QTest::newRow("no token type") << QByteArray(R"({"access_token":"a"})");
        QTest::newRow("not json") << QByteArray("<html>");
    }
    void rejectsBadSuccess()
    {
        QFETCH(QByteArray, body);
        TokenResponse r;
        TokenError e;
        QVERIFY(!TokenClient::parseTokenResponse(200, body, &r, &e));
        QCOMPARE(e.kind, TokenError::Kind::Malformed);
        QVERIFY(!e.message.isEmpty());
    }

    void classifiesErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::newRow("invalid_grant") << 400 << QByteArray(R"({"error":"invalid_grant"})") << int(TokenError::Kind::InvalidGrant);
        QTest::newRow("invalid_client") << 401 << QByteArray(R"({"error":"invalid_client"})") << int(TokenError::Kind::Rejected);
        QTest::newRow("503") << 503 << QByteArray("busy") << int(TokenError::Kind::Transient);
        QTest::newRow("429") << 429 << QByteArray() << int(TokenError::Kind::Transient);
        QTest::newRow("400 no body") << 400 << QByteArray() << int(TokenError::Kind::Malformed);
        // Issue 13, item 19: the status class decides first; only 400/401 invalid_grant ends the
        // session.
        QTest::newRow("401 invalid_grant") << 401 << QByteArray(R"({"error":"invalid_grant"})")
                                           << int(TokenError::Kind::InvalidGrant);
        QTest::newRow("500 invalid_grant") << 500 << QByteArray(R"({"error":"invalid_grant"})")
                                           << int(TokenError::Kind::Transient);
        QTest::newRow("503 invalid_grant") << 503 << QByteArray(R"({"error":"invalid_grant"})")
                                           << int(TokenError::Kind::Transient);
        QTest::newRow("429 invalid_grant") << 429 << QByteArray(R"({"error":"invalid_grant"})")
                                           << int(TokenError::Kind::Transient);
        QTest::newRow("403 invalid_grant")
            << 403 << QByteArray(R"({"error":"invalid_grant"})") << int(TokenError::Kind::Rejected);
    }
    void classifiesErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        TokenResponse r;
        TokenError e;
        QVERIFY(!TokenClient::parseTokenResponse(status, body, &r, &e));
        QCOMPARE(int(e.kind), kind);
        QCOMPARE(e.httpStatus, status);
    }

    void retryAfter()
    {
        const QDateTime now = QDateTime::fromString("2026-01-03T10:15:00Z", Qt::ISODate);
        QCOMPARE(retryAfterSeconds("120", now), 120);
        QCOMPARE(retryAfterSeconds("Sat, 03 Jan 2026 10:15:30 GMT", now), 30);
        QCOMPARE(retryAfterSeconds("Sat, 03 Jan 2026 10:00:00 GMT", now), 0);
        QCOMPARE(retryAfterSeconds("", now), -1);
        QCOMPARE(retryAfterSeconds("soon", now), -1);
        QCOMPARE(retryAfterSeconds("-5", now), -1);
    }
};

QTEST_GUILESS_MAIN(TestTokenClient)
#include "tst_tokenclient.moc"
