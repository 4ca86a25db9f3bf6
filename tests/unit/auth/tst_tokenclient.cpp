// Token endpoint bodies and responses, without a network.
#include "auth/tokenclient.h"
#include "core/httpdate.h"

#include <QJsonDocument>
#include <QJsonObject>
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
        const QByteArray body = TokenClient::formEncode(
            {{"code", code}, {"redirect_uri", "http://127.0.0.1:5/callback"}});
        QCOMPARE(body, QByteArray("code=a%2Bb%2Fc%3Dd%25e%20f%26g&redirect_uri=http%3A%2F%2F127.0."
                                  "0.1%3A5%2Fcallback"));
        // Decoding once gives the exact value back (no double encoding).
        const QUrlQuery parsed(QString::fromLatin1(body));
        QCOMPARE(parsed.queryItemValue("code", QUrl::FullyDecoded), code);
    }

    void parsesSuccess()
    {
        TokenResponse r;
        TokenError e;
        QVERIFY(TokenClient::parseTokenResponse(
            200,
            R"({"access_token":"at","token_type":"bearer","expires_in":300,"refresh_token":"rt","id_token":"it"})",
            &r, &e));
        QCOMPARE(r.accessToken, QString("at"));
        QCOMPARE(r.tokenType, QString("Bearer"));
        QCOMPARE(r.expiresIn, 300);
        QCOMPARE(r.refreshToken, QString("rt"));
        QVERIFY(r.receivedAt.isValid());
    }

    void expiresInOptional()
    {
        TokenResponse r;
        TokenError e;
        QVERIFY(TokenClient::parseTokenResponse(
            200, R"({"access_token":"at","token_type":"Bearer"})", &r, &e));
        QCOMPARE(r.expiresIn, -1);
        QVERIFY(TokenClient::parseTokenResponse(
            200, R"({"access_token":"at","token_type":"BEARER","expires_in":60.0})", &r, &e));
        QCOMPARE(r.expiresIn, 60);
        QVERIFY(TokenClient::parseTokenResponse(
            200, R"({"access_token":"at","token_type":"Bearer","expires_in":0})", &r, &e));
        QCOMPARE(r.expiresIn, 0);
    }

    // Issue 13 item 3: only a non-negative whole number of seconds.
    void refusesBadExpiresIn_data()
    {
        QTest::addColumn<QByteArray>("expiresIn");
        QTest::newRow("negative") << QByteArray("-1");
        QTest::newRow("word") << QByteArray(R"("soon")");
        QTest::newRow("with unit") << QByteArray(R"("3600s")");
        QTest::newRow("numeric string") << QByteArray(R"("60")");
        QTest::newRow("fraction") << QByteArray("1.5");
        QTest::newRow("huge") << QByteArray("1e300");
        QTest::newRow("beyond int") << QByteArray("4294967296");
        QTest::newRow("boolean") << QByteArray("true");
        QTest::newRow("object") << QByteArray("{}");
    }
    void refusesBadExpiresIn()
    {
        QFETCH(QByteArray, expiresIn);
        TokenResponse r;
        TokenError e;
        QVERIFY(!TokenClient::parseTokenResponse(
            200,
            "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}",
            &r, &e));
        QCOMPARE(e.kind, TokenError::Kind::Malformed);
        QVERIFY2(e.message.contains("expires_in"), qPrintable(e.message));
    }

    // Issue 13 items 1 and 4: tokens that could forge headers, or are too large, are never taken.
    void refusesBadTokens_data()
    {
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("access CR LF")
            << QByteArray("access_token") << QString("at\r\nX-Injected: 1");
        QTest::newRow("access space") << QByteArray("access_token") << QString("a b");
        QTest::newRow("access tab") << QByteArray("access_token") << QString("a\tb");
        QTest::newRow("access not b64token") << QByteArray("access_token") << QString("a:b");
        QTest::newRow("access = inside") << QByteArray("access_token") << QString("a=b");
        QTest::newRow("access non-ASCII") << QByteArray("access_token") << QString("a\u00e9");
        QTest::newRow("access 16 KiB + 1")
            << QByteArray("access_token") << QString(16 * 1024 + 1, 'a');
        QTest::newRow("refresh LF") << QByteArray("refresh_token") << QString("rt\n");
        QTest::newRow("refresh NUL")
            << QByteArray("refresh_token") << (QString("r") + QChar(0) + "t");
        QTest::newRow("refresh 16 KiB + 1")
            << QByteArray("refresh_token") << QString(16 * 1024 + 1, 'r');
        QTest::newRow("id CR") << QByteArray("id_token") << QString("a.b.c\r");
        QTest::newRow("id DEL") << QByteArray("id_token") << QString("a.b.c\u007f");
    }
    void refusesBadTokens()
    {
        QFETCH(QByteArray, field);
        QFETCH(QString, value);
        QJsonObject o{{"access_token", "at"},
                      {"token_type", "Bearer"},
                      {"refresh_token", "rt"},
                      {"id_token", "a.b.c"}};
        o.insert(QString::fromLatin1(field), value);
        const QByteArray body = QJsonDocument(o).toJson();
        TokenResponse r;
        TokenError e;
        QVERIFY(!TokenClient::parseTokenResponse(200, body, &r, &e));
        QCOMPARE(e.kind, TokenError::Kind::Malformed);
        QVERIFY(!e.message.isEmpty());
    }

    void acceptsEveryB64TokenCharacter()
    {
        TokenResponse r;
        TokenError e;
        const QString token = "AZaz09-._~+/==";
        const QByteArray body = QJsonDocument(QJsonObject{{"access_token", token},
                                                          {"token_type", "Bearer"},
                                                          {"refresh_token", "r!#$%&*:;<>?@[]^{|}"}})
                                    .toJson();
        QVERIFY(TokenClient::parseTokenResponse(200, body, &r, &e));
        QCOMPARE(r.accessToken, token);
        const QByteArray largest =
            QJsonDocument(
                QJsonObject{{"access_token", QString(16 * 1024, 'a')}, {"token_type", "Bearer"}})
                .toJson();
        QVERIFY(TokenClient::parseTokenResponse(200, largest, &r, &e));
    }

    // Issue 13 item 10: provider text is plain, one line, short.
    void providerTextIsPlainAndShort()
    {
        TokenResponse r;
        TokenError e;
        const QString description =
            QStringLiteral("line one\r\nline two\u202e") + QString(1000, 'x');
        QVERIFY(!TokenClient::parseTokenResponse(
            400,
            QJsonDocument(
                QJsonObject{{"error", "invalid_client"}, {"error_description", description}})
                .toJson(),
            &r, &e));
        QVERIFY2(e.message.contains("line one line two"), qPrintable(e.message));
        QVERIFY(!e.message.contains('\n') && !e.message.contains('\r') &&
                !e.message.contains(QChar(0x202e)));
        QVERIFY2(e.message.size() < 400, qPrintable(e.message));
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
        QTest::newRow("invalid_grant") << 400 << QByteArray(R"({"error":"invalid_grant"})")
                                       << int(TokenError::Kind::InvalidGrant);
        QTest::newRow("invalid_client") << 401 << QByteArray(R"({"error":"invalid_client"})")
                                        << int(TokenError::Kind::Rejected);
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
