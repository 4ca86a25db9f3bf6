// Bearer-token verification: every bad-token case, ES256, key rotation and
// the unknown-kid refetch limit, provider outages (503), discovery vs.
// --jwks-uri, and the userinfo fallback for tokens without an email claim.
#include "jwkscache.h"
#include "serverfixture.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonDocument>
#include <QtCore/QRegularExpression>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace testsupport;

namespace {

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

} // namespace

class TestApiServerAuth : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerFixture> f;
    TestReply me(const QByteArray &token) const
    {
        return f->call("GET", QStringLiteral("/me"), token);
    }
    void expectInvalidToken(const QByteArray &token);

private Q_SLOTS:
    void init();
    void cleanup();

    void missingHeader();
    void otherScheme();
    void emptyBearer();
    void validRs256CreatesUser();
    void validEs256();
    void schemeIsCaseInsensitive();
    void malformedTokens_data();
    void malformedTokens();
    void badSignature();
    void wrongIssuer();
    void wrongAudience();
    void audienceArray();
    void expiry_data();
    void expiry();
    void notBefore_data();
    void notBefore();
    void missingSub();
    void algNone();
    void hs256WithPublicKeyAsSecret();
    void algKeyTypeMismatch();
    void unknownKidRefetchesOnceThenFails();
    void keyRotation();
    void providerDownIs503();
    void providerComesBack();
    void discoveryIssuerMismatchIs503();
    void jwksUriWithoutDiscovery();
    void userinfoFallback();
    void publicRoutesNeedNoToken();
};

void TestApiServerAuth::init()
{
    f = std::make_unique<ServerFixture>();
    QVERIFY(f->start());
}

void TestApiServerAuth::cleanup()
{
    f.reset();
}

void TestApiServerAuth::expectInvalidToken(const QByteArray &token)
{
    const TestReply r = me(token);
    QCOMPARE(r.status, 401);
    QVERIFY2(r.header("www-authenticate")
                 .startsWith("Bearer error=\"invalid_token\", error_description=\""),
             r.header("www-authenticate").constData());
    QVERIFY(r.json()
                .value(QStringLiteral("detail"))
                .toString()
                .startsWith(QLatin1String("Invalid access token")));
    QVERIFY(!r.body.contains(token.left(20))); // the token is never echoed
}

void TestApiServerAuth::missingHeader()
{
    const TestReply r = me({});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.header("www-authenticate"), QByteArray("Bearer"));
    QVERIFY(!r.json().value(QStringLiteral("detail")).toString().isEmpty());
}

void TestApiServerAuth::otherScheme()
{
    const TestReply r = f->call("GET", QStringLiteral("/me"), {}, {},
                                {{"Authorization", "Basic YWxpY2U6c2VjcmV0"}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.header("www-authenticate"), QByteArray("Bearer"));
}

void TestApiServerAuth::emptyBearer()
{
    const TestReply r =
        f->call("GET", QStringLiteral("/me"), {}, {}, {{"Authorization", "Bearer "}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.header("www-authenticate"), QByteArray("Bearer"));
}

void TestApiServerAuth::validRs256CreatesUser()
{
    const TestReply r = me(f->alice());
    QCOMPARE(r.status, 200);
    const QJsonObject u = r.json();
    QVERIFY(u.value(QStringLiteral("id")).toInteger() > 0);
    QCOMPARE(u.value(QStringLiteral("sub")).toString(), QStringLiteral("user_alice"));
    QCOMPARE(u.value(QStringLiteral("email")).toString(), QStringLiteral("alice@example.com"));
    QCOMPARE(u.value(QStringLiteral("name")).toString(), QStringLiteral("Alice"));
    QVERIFY(u.value(QStringLiteral("avatar_url")).isNull());
    QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"))
                .match(u.value(QStringLiteral("created_at")).toString())
                .hasMatch());
    // Same user the second time; the keys were fetched once.
    QCOMPARE(me(f->alice()).json().value(QStringLiteral("id")), u.value(QStringLiteral("id")));
    QCOMPARE(f->issuer.jwksHits, 1);
}

void TestApiServerAuth::validEs256()
{
    const QByteArray token = f->issuer.token(ServerFixture::ecKey(),
                                             {{QStringLiteral("sub"), QStringLiteral("user_ec")}});
    const TestReply r = me(token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("sub")).toString(), QStringLiteral("user_ec"));
}

void TestApiServerAuth::schemeIsCaseInsensitive()
{
    const TestReply r =
        f->call("GET", QStringLiteral("/me"), {}, {}, {{"Authorization", "bearer " + f->alice()}});
    QCOMPARE(r.status, 200);
}

void TestApiServerAuth::malformedTokens_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("one part") << QByteArray("abc");
    QTest::newRow("two parts") << QByteArray("abc.def");
    QTest::newRow("four parts") << QByteArray("a.b.c.d");
    QTest::newRow("not base64") << QByteArray("e30.e30.%%%");
    QTest::newRow("not json") << QByteArray("YWJj.YWJj.YWJj");
    QTest::newRow("json array") << QByteArray("W10.W10.YWJj");
}

void TestApiServerAuth::malformedTokens()
{
    QFETCH(QByteArray, token);
    expectInvalidToken(token);
}

void TestApiServerAuth::badSignature()
{
    // Signed by a key that claims the published kid.
    const TestKey impostor = TestKey::rsa(ServerFixture::rsaKey().kid);
    expectInvalidToken(f->issuer.token(impostor));
    // A valid token whose payload was swapped afterwards.
    const QList<QByteArray> good = f->alice().split('.');
    const QList<QByteArray> other = f->bob().split('.');
    expectInvalidToken(good.at(0) + '.' + other.at(1) + '.' + good.at(2));
    // Truncated signature.
    expectInvalidToken(f->alice().chopped(10));
}

void TestApiServerAuth::wrongIssuer()
{
    expectInvalidToken(
        f->issuer.token(ServerFixture::rsaKey(),
                        {{QStringLiteral("iss"), QStringLiteral("https://evil.example")}}));
    expectInvalidToken(f->issuer.token(ServerFixture::rsaKey(),
                                       {{QStringLiteral("iss"), f->issuer.issuer() + u'/'}}));
    expectInvalidToken(
        f->issuer.token(ServerFixture::rsaKey(), {{QStringLiteral("iss"), QJsonValue::Null}}));
}

void TestApiServerAuth::wrongAudience()
{
    expectInvalidToken(f->issuer.token(ServerFixture::rsaKey(),
                                       {{QStringLiteral("aud"), QStringLiteral("urn:other:api")}}));
    expectInvalidToken(f->issuer.token(
        ServerFixture::rsaKey(),
        {{QStringLiteral("aud"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}}}));
    expectInvalidToken(
        f->issuer.token(ServerFixture::rsaKey(), {{QStringLiteral("aud"), QJsonValue::Null}}));
}

void TestApiServerAuth::audienceArray()
{
    const QByteArray token =
        f->issuer.token(ServerFixture::rsaKey(),
                        {{QStringLiteral("aud"), QJsonArray{QStringLiteral("other"),
                                                            QStringLiteral("urn:clipshelf:api")}}});
    QCOMPARE(me(token).status, 200);
}

void TestApiServerAuth::expiry_data()
{
    QTest::addColumn<qint64>("expOffset");
    QTest::addColumn<int>("status");
    QTest::newRow("valid") << qint64(60) << 200;
    QTest::newRow("expired within leeway") << qint64(-10) << 200;
    QTest::newRow("expired beyond leeway") << qint64(-60) << 401;
    QTest::newRow("long expired") << qint64(-86400) << 401;
}

void TestApiServerAuth::expiry()
{
    QFETCH(qint64, expOffset);
    QFETCH(int, status);
    const QByteArray token =
        f->issuer.token(ServerFixture::rsaKey(), {{QStringLiteral("exp"), now() + expOffset}});
    if (status == 401)
        expectInvalidToken(token);
    else
        QCOMPARE(me(token).status, status);
}

void TestApiServerAuth::notBefore_data()
{
    QTest::addColumn<qint64>("nbfOffset");
    QTest::addColumn<int>("status");
    QTest::newRow("past") << qint64(-60) << 200;
    QTest::newRow("future within leeway") << qint64(10) << 200;
    QTest::newRow("future beyond leeway") << qint64(120) << 401;
}

void TestApiServerAuth::notBefore()
{
    QFETCH(qint64, nbfOffset);
    QFETCH(int, status);
    const QByteArray token =
        f->issuer.token(ServerFixture::rsaKey(), {{QStringLiteral("nbf"), now() + nbfOffset}});
    if (status == 401)
        expectInvalidToken(token);
    else
        QCOMPARE(me(token).status, status);
}

void TestApiServerAuth::missingSub()
{
    expectInvalidToken(
        f->issuer.token(ServerFixture::rsaKey(), {{QStringLiteral("sub"), QJsonValue::Null}}));
    expectInvalidToken(
        f->issuer.token(ServerFixture::rsaKey(), {{QStringLiteral("sub"), QString()}}));
    expectInvalidToken(
        f->issuer.token(ServerFixture::rsaKey(), {{QStringLiteral("exp"), QJsonValue::Null}}));
}

void TestApiServerAuth::algNone()
{
    const QJsonObject claims =
        QJsonDocument::fromJson(
            QByteArray::fromBase64(f->alice().split('.').at(1), QByteArray::Base64UrlEncoding))
            .object();
    const QByteArray unsigned_ =
        compactJws({{QStringLiteral("alg"), QStringLiteral("none")}}, claims,
                   [](const QByteArray &) { return QByteArray(); });
    expectInvalidToken(unsigned_);
    const QByteArray withKid =
        compactJws({{QStringLiteral("alg"), QStringLiteral("none")},
                    {QStringLiteral("kid"), ServerFixture::rsaKey().kid}},
                   claims, [](const QByteArray &) { return QByteArray("x"); });
    expectInvalidToken(withKid);
}

void TestApiServerAuth::hs256WithPublicKeyAsSecret()
{
    const QJsonObject claims =
        QJsonDocument::fromJson(
            QByteArray::fromBase64(f->alice().split('.').at(1), QByteArray::Base64UrlEncoding))
            .object();
    const QByteArray pem = ServerFixture::rsaKey().publicPem();
    QVERIFY(pem.startsWith("-----BEGIN PUBLIC KEY-----"));
    const QByteArray token =
        compactJws({{QStringLiteral("alg"), QStringLiteral("HS256")},
                    {QStringLiteral("kid"), ServerFixture::rsaKey().kid}},
                   claims, [&pem](const QByteArray &in) { return hs256(pem, in); });
    expectInvalidToken(token);
    const QByteArray jwkSecret =
        QJsonDocument(ServerFixture::rsaKey().jwk()).toJson(QJsonDocument::Compact);
    expectInvalidToken(
        compactJws({{QStringLiteral("alg"), QStringLiteral("HS256")}}, claims,
                   [&jwkSecret](const QByteArray &in) { return hs256(jwkSecret, in); }));
}

void TestApiServerAuth::algKeyTypeMismatch()
{
    // ES256 header pointing at the RSA key, and RS256 pointing at the EC key.
    expectInvalidToken(f->issuer.token(ServerFixture::ecKey(), {},
                                       {{QStringLiteral("kid"), ServerFixture::rsaKey().kid}}));
    expectInvalidToken(f->issuer.token(ServerFixture::rsaKey(), {},
                                       {{QStringLiteral("kid"), ServerFixture::ecKey().kid}}));
    // RS256 key, header lies about alg.
    expectInvalidToken(f->issuer.token(ServerFixture::rsaKey(), {},
                                       {{QStringLiteral("alg"), QStringLiteral("ES256")}}));
}

void TestApiServerAuth::unknownKidRefetchesOnceThenFails()
{
    QCOMPARE(me(f->alice()).status, 200);
    QCOMPARE(f->issuer.jwksHits, 1);
    const TestKey stranger = TestKey::rsa(QStringLiteral("unknown-kid"));
    expectInvalidToken(f->issuer.token(stranger));
    QCOMPARE(f->issuer.jwksHits, 2); // one refetch...
    expectInvalidToken(f->issuer.token(stranger));
    QCOMPARE(f->issuer.jwksHits, 2); // ...and not again within the interval
    QCOMPARE(me(f->alice()).status, 200);
    *f->clockOffsetMs += 11'000;
    expectInvalidToken(f->issuer.token(stranger, {{QStringLiteral("exp"), now() + 600}}));
    QCOMPARE(f->issuer.jwksHits, 3); // allowed again after the interval
}

void TestApiServerAuth::keyRotation()
{
    QCOMPARE(me(f->alice()).status, 200);
    const TestKey next = TestKey::ec(QStringLiteral("ec-2"));
    f->issuer.publish(next);
    const TestReply r =
        me(f->issuer.token(next, {{QStringLiteral("sub"), QStringLiteral("user_rotated")}}));
    QCOMPARE(r.status, 200);
    QCOMPARE(f->issuer.jwksHits, 2);
    QCOMPARE(me(f->alice()).status, 200); // old key still cached
}

void TestApiServerAuth::providerDownIs503()
{
    TestIssuer gone;
    QVERIFY(gone.start());
    const QString issuer = gone.issuer();
    gone.stop();
    apiserver::ServerConfig config = f->defaultConfig();
    config.issuer = issuer;
    QVERIFY(f->start(config));
    const QByteArray token =
        f->issuer.token(ServerFixture::rsaKey(), {{QStringLiteral("iss"), issuer}});
    const TestReply r = me(token);
    QCOMPARE(r.status, 503);
    bool ok = false;
    QVERIFY(r.header("retry-after").toInt(&ok) > 0 && ok);
    QVERIFY(!r.json().value(QStringLiteral("detail")).toString().isEmpty());
    QVERIFY(r.header("www-authenticate").isEmpty());
}

void TestApiServerAuth::providerComesBack()
{
    apiserver::ServerConfig config = f->defaultConfig();
    config.jwksUri = f->issuer.jwksUrl();
    QVERIFY(f->start(config));
    f->issuer.stop();
    QCOMPARE(me(f->alice()).status, 503);
    QVERIFY(f->issuer.start()); // same port again
    QCOMPARE(me(f->alice()).status, 200);
}

void TestApiServerAuth::discoveryIssuerMismatchIs503()
{
    f->issuer.discoveryIssuerOverride = QStringLiteral("https://someone-else.example");
    const TestReply r = me(f->alice());
    QCOMPARE(r.status, 503);
    QCOMPARE(f->issuer.jwksHits, 0);
}

void TestApiServerAuth::jwksUriWithoutDiscovery()
{
    apiserver::ServerConfig config = f->defaultConfig();
    config.jwksUri = f->issuer.jwksUrl();
    QVERIFY(f->start(config));
    QCOMPARE(me(f->alice()).status, 200);
    QCOMPARE(f->issuer.discoveryHits, 0);
    QCOMPARE(f->issuer.jwksHits, 1);
    expectInvalidToken(f->issuer.token(ServerFixture::rsaKey(),
                                       {{QStringLiteral("iss"), QStringLiteral("https://x")}}));
}

void TestApiServerAuth::userinfoFallback()
{
    f->issuer.setUserInfo(QStringLiteral("user_noemail"),
                          {{QStringLiteral("email"), QStringLiteral("carol@example.com")},
                           {QStringLiteral("name"), QStringLiteral("Carol")}});
    const QByteArray token = f->tokenFor(QStringLiteral("user_noemail"));
    const TestReply r = me(token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("email")).toString(),
             QStringLiteral("carol@example.com"));
    QCOMPARE(r.json().value(QStringLiteral("name")).toString(), QStringLiteral("Carol"));
    QCOMPARE(f->issuer.userinfoHits, 1);
    QCOMPARE(me(token).status, 200);
    QCOMPARE(f->issuer.userinfoHits, 1); // only on first use
}

void TestApiServerAuth::publicRoutesNeedNoToken()
{
    QCOMPARE(f->call("GET", QStringLiteral("/health")).status, 200);
    QCOMPARE(f->call("GET", QStringLiteral("/timer"), "garbage").status, 200);
    QCOMPARE(f->issuer.jwksHits, 0);
}

QTEST_GUILESS_MAIN(TestApiServerAuth)
#include "tst_apiserver_auth.moc"
