// ID token claim validation, one rule at a time (OpenID Connect Core 3.1.3.7).
#include "auth/idtokenvalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace clipshelf;

namespace {
const QDateTime kNow = QDateTime::fromSecsSinceEpoch(1'800'000'000, QTimeZone::utc());

QString segment(const QJsonObject &o)
{
    return QString::fromLatin1(QJsonDocument(o).toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString token(const QJsonObject &claims, const QString &alg = "RS256")
{
    return segment({{"alg", alg}, {"kid", "k1"}}) + '.' + segment(claims) + ".c2lnbmF0dXJl";
}

QJsonObject goodClaims()
{
    return {{"iss", "https://id.example.com"}, {"sub", "user_1"}, {"aud", "clipshelf-desktop"},
            {"exp", double(kNow.toSecsSinceEpoch() + 600)}, {"iat", double(kNow.toSecsSinceEpoch() - 5)},
            {"nonce", "n-123"}, {"name", "Alice"}};
}

IdTokenValidator::Expectations expectations()
{
    IdTokenValidator::Expectations e;
    e.issuer = "https://id.example.com";
    e.clientId = "clipshelf-desktop";
    e.nonce = "n-123";
    e.now = kNow;
    return e;
}
} // namespace

class TestIdTokenValidator : public QObject
{
    Q_OBJECT
private slots:
    void acceptsGoodToken()
    {
        QString error;
        const auto claims = IdTokenValidator::validate(token(goodClaims()), expectations(), &error);
        QVERIFY2(claims, qPrintable(error));
        QCOMPARE(claims->value("name").toString(), QString("Alice"));
    }

    void rules_data()
    {
        QTest::addColumn<QString>("claim");
        QTest::addColumn<QJsonValue>("value"); // Undefined = remove the claim
        QTest::addColumn<QString>("expectedError");
        const double now = double(kNow.toSecsSinceEpoch());
        QTest::newRow("wrong iss") << "iss" << QJsonValue("https://evil.example.com") << "issuer";
        QTest::newRow("missing iss") << "iss" << QJsonValue(QJsonValue::Undefined) << "issuer";
        QTest::newRow("missing sub") << "sub" << QJsonValue(QJsonValue::Undefined) << "subject";
        QTest::newRow("wrong aud") << "aud" << QJsonValue("someone-else") << "audience";
        QTest::newRow("aud array without us") << "aud" << QJsonValue(QJsonArray{"a", "b"}) << "audience";
        QTest::newRow("aud array, no azp") << "aud" << QJsonValue(QJsonArray{"clipshelf-desktop", "api"}) << "authorized party";
        QTest::newRow("wrong azp") << "azp" << QJsonValue("other-app") << "azp";
        QTest::newRow("expired") << "exp" << QJsonValue(now - 600) << "expired";
        QTest::newRow("missing exp") << "exp" << QJsonValue(QJsonValue::Undefined) << "expiry";
        QTest::newRow("iat in future") << "iat" << QJsonValue(now + 3600) << "future";
        QTest::newRow("iat too old") << "iat" << QJsonValue(now - 3 * 86400) << "too old";
        QTest::newRow("missing iat") << "iat" << QJsonValue(QJsonValue::Undefined) << "issue time";
        QTest::newRow("wrong nonce") << "nonce" << QJsonValue("n-456") << "nonce";
        QTest::newRow("missing nonce") << "nonce" << QJsonValue(QJsonValue::Undefined) << "nonce";
    }
    void rules()
    {
        QFETCH(QString, claim);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expectedError);
        QJsonObject claims = goodClaims();
        if (value.isUndefined())
            claims.remove(claim);
        else
            claims.insert(claim, value);
        QString error;
        QVERIFY(!IdTokenValidator::validate(token(claims), expectations(), &error));
        QVERIFY2(error.contains(expectedError), qPrintable(error));
    }

    void audienceArrayWithAzpIsAccepted()
    {
        QJsonObject claims = goodClaims();
        claims.insert("aud", QJsonArray{"clipshelf-desktop", "urn:clipshelf:api"});
        claims.insert("azp", "clipshelf-desktop");
        QString error;
        QVERIFY2(IdTokenValidator::validate(token(claims), expectations(), &error), qPrintable(error));
    }

    void leewayForSmallClockSkew()
    {
        QJsonObject claims = goodClaims();
        claims.insert("exp", double(kNow.toSecsSinceEpoch() - 60)); // within 120 s leeway
        QString error;
        QVERIFY2(IdTokenValidator::validate(token(claims), expectations(), &error), qPrintable(error));
    }

    void algNoneRejected()
    {
        QString error;
        QVERIFY(!IdTokenValidator::validate(token(goodClaims(), "none"), expectations(), &error));
        QVERIFY(error.contains("not signed"));
        QVERIFY(!IdTokenValidator::validate(token(goodClaims(), "NONE"), expectations(), &error));
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::newRow("empty") << "";
        QTest::newRow("two parts") << "abc.def";
        QTest::newRow("not base64") << "!!!.@@@.###";
        QTest::newRow("not json") << "aGVsbG8.d29ybGQ.c2ln";
    }
    void malformed()
    {
        QFETCH(QString, raw);
        QString error;
        QVERIFY(!IdTokenValidator::validate(raw, expectations(), &error));
        QVERIFY(error.contains("well-formed"));
    }

    void refreshWithoutNonceExpectation()
    {
        // ID tokens from a refresh may omit the nonce; the flow then expects none.
        QJsonObject claims = goodClaims();
        claims.remove("nonce");
        auto e = expectations();
        e.nonce.clear();
        QString error;
        QVERIFY2(IdTokenValidator::validate(token(claims), e, &error), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestIdTokenValidator)
#include "tst_idtokenvalidator.moc"
