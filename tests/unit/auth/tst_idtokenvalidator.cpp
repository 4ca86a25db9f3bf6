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
    return QString::fromLatin1(
        QJsonDocument(o)
            .toJson(QJsonDocument::Compact)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString token(const QJsonObject &claims, const QString &alg = "RS256")
{
    return segment({{"alg", alg}, {"kid", "k1"}}) + '.' + segment(claims) + ".c2lnbmF0dXJl";
}

QJsonObject goodClaims()
{
    return {{"iss", "https://id.example.com"},
            {"sub", "user_1"},
            {"aud", "clipshelf-desktop"},
            {"exp", double(kNow.toSecsSinceEpoch() + 600)},
            {"iat", double(kNow.toSecsSinceEpoch() - 5)},
            {"nonce", "n-123"},
            {"name", "Alice"}};
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
        // Only a time out of range is a clock problem (transient at refresh); the rest is refused.
        QTest::addColumn<bool>("clockProblem");
        const double now = double(kNow.toSecsSinceEpoch());
        QTest::newRow("wrong iss")
            << "iss" << QJsonValue("https://evil.example.com") << "issuer" << false;
        QTest::newRow("missing iss")
            << "iss" << QJsonValue(QJsonValue::Undefined) << "issuer" << false;
        QTest::newRow("missing sub")
            << "sub" << QJsonValue(QJsonValue::Undefined) << "subject" << false;
        QTest::newRow("other sub") << "sub" << QJsonValue("user_2") << "another account" << false;
        QTest::newRow("wrong aud") << "aud" << QJsonValue("someone-else") << "audience" << false;
        QTest::newRow("aud array without us")
            << "aud" << QJsonValue(QJsonArray{"a", "b"}) << "audience" << false;
        QTest::newRow("aud array, no azp")
            << "aud" << QJsonValue(QJsonArray{"clipshelf-desktop", "api"}) << "authorized party"
            << false;
        QTest::newRow("wrong azp") << "azp" << QJsonValue("other-app") << "azp" << false;
        QTest::newRow("expired") << "exp" << QJsonValue(now - 600) << "expired" << true;
        QTest::newRow("missing exp")
            << "exp" << QJsonValue(QJsonValue::Undefined) << "expiry" << false;
        QTest::newRow("iat in future") << "iat" << QJsonValue(now + 3600) << "future" << true;
        QTest::newRow("iat too old") << "iat" << QJsonValue(now - 3 * 86400) << "too old" << true;
        QTest::newRow("missing iat")
            << "iat" << QJsonValue(QJsonValue::Undefined) << "issue time" << false;
        QTest::newRow("wrong nonce") << "nonce" << QJsonValue("n-456") << "nonce" << false;
        QTest::newRow("missing nonce")
            << "nonce" << QJsonValue(QJsonValue::Undefined) << "nonce" << false;
    }
    void rules()
    {
        QFETCH(QString, claim);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expectedError);
        QFETCH(bool, clockProblem);
        QJsonObject claims = goodClaims();
        if (value.isUndefined())
            claims.remove(claim);
        else
            claims.insert(claim, value);
        QString error;
        IdTokenValidator::Failure failure = IdTokenValidator::Failure::None;
        IdTokenValidator::Expectations expect = expectations();
        expect.subject = "user_1";
        QVERIFY(!IdTokenValidator::validate(token(claims), expect, &error, &failure));
        QVERIFY2(error.contains(expectedError), qPrintable(error));
        QCOMPARE(failure, clockProblem ? IdTokenValidator::Failure::Clock
                                       : IdTokenValidator::Failure::Refused);
    }

    void audienceArrayWithAzpIsAccepted()
    {
        QJsonObject claims = goodClaims();
        claims.insert("aud", QJsonArray{"clipshelf-desktop", "urn:clipshelf:api"});
        claims.insert("azp", "clipshelf-desktop");
        QString error;
        QVERIFY2(IdTokenValidator::validate(token(claims), expectations(), &error),
                 qPrintable(error));
    }

    void leewayForSmallClockSkew()
    {
        QJsonObject claims = goodClaims();
        claims.insert("exp", double(kNow.toSecsSinceEpoch() - 60)); // within 120 s leeway
        QString error;
        QVERIFY2(IdTokenValidator::validate(token(claims), expectations(), &error),
                 qPrintable(error));
    }

    void hugeTimesAreComparedNotConverted()
    {
        // Found by fuzzing (UBSan): exp or iat of 1e300 was converted to a 64-bit integer,
        // which is undefined; on x86 it became the smallest integer, so a far-future expiry
        // read as long expired.
        QJsonObject claims = goodClaims();
        claims["exp"] = 1e300;
        QString error;
        QVERIFY2(IdTokenValidator::validate(token(claims), expectations(), &error),
                 qPrintable(error));
        claims = goodClaims();
        claims["iat"] = -1e300;
        IdTokenValidator::Failure failure = IdTokenValidator::Failure::None;
        QVERIFY(!IdTokenValidator::validate(token(claims), expectations(), &error, &failure));
        QVERIFY2(error.contains("too old"), qPrintable(error));
        claims["iat"] = 1e300;
        QVERIFY(!IdTokenValidator::validate(token(claims), expectations(), &error, &failure));
        QVERIFY2(error.contains("future"), qPrintable(error));
        QCOMPARE(failure, IdTokenValidator::Failure::Clock);
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
