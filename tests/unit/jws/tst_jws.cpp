// The JWS verifier (src/jws): every accepted algorithm with keys made at test
// time, and every forgery and malformed token or key set it must refuse.
#include "jws/jws.h"
#include "testjws.h"

#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

namespace {

const QJsonObject kClaims{
    {"iss", "https://issuer.example"}, {"sub", "user_alice"}, {"aud", "clipshelf-desktop"}};

jws::JwkSet setOf(const QList<TestSigningKey> &keys)
{
    QString error;
    const auto set = jws::JwkSet::parse(jwksDocument(keys), &error);
    if (!set)
        qFatal("the test key set did not parse: %s", qPrintable(error));
    return *set;
}

} // namespace

class TestJws : public QObject
{
    Q_OBJECT

    // Key generation is the slow part: once per run.
    TestSigningKey m_rs256 = TestSigningKey::rsa("rsa-1");
    TestSigningKey m_ps256 = TestSigningKey::rsa("pss-1", "PS256");
    TestSigningKey m_es256 = TestSigningKey::ec("ec-1");
    TestSigningKey m_eddsa = TestSigningKey::ed25519("ed-1");

    QList<TestSigningKey> all() const { return {m_rs256, m_ps256, m_es256, m_eddsa}; }

    const TestSigningKey &key(const QString &alg) const
    {
        return alg == "RS256"   ? m_rs256
               : alg == "PS256" ? m_ps256
               : alg == "ES256" ? m_es256
                                : m_eddsa;
    }

    static void expect(const QByteArray &token, const jws::JwkSet &keys, jws::Outcome outcome)
    {
        const jws::Verification v = jws::verify(token, keys);
        QVERIFY2(v.outcome == outcome, qPrintable(QStringLiteral("outcome %1 (%2), expected %3")
                                                      .arg(int(v.outcome))
                                                      .arg(v.error)
                                                      .arg(int(outcome))));
        QCOMPARE(v.ok(), outcome == jws::Outcome::Verified);
        QCOMPARE(v.payload.isEmpty(),
                 outcome != jws::Outcome::Verified); // claims only when verified
        if (!v.ok())
            QVERIFY(!v.error.isEmpty());
    }

private slots:
    void acceptsEveryAlgorithm_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<bool>("publishAlg");
        for (const char *alg : {"RS256", "PS256", "ES256", "EdDSA"}) {
            QTest::addRow("%s", alg) << QString(alg) << true;
            QTest::addRow("%s, JWK without alg", alg) << QString(alg) << false;
        }
    }

    void acceptsEveryAlgorithm()
    {
        QFETCH(QString, alg);
        QFETCH(bool, publishAlg);
        TestSigningKey k = key(alg);
        k.publishAlg = publishAlg;
        const jws::JwkSet set = setOf({m_rs256, m_ps256, m_es256, m_eddsa, k});
        const jws::Verification v = jws::verify(k.token(kClaims), set);
        QVERIFY2(v.ok(), qPrintable(v.error));
        QCOMPARE(v.payload, kClaims);
        QCOMPARE(v.header.value("alg").toString(), alg);
        // Without a kid, every fitting key is tried.
        expect(k.token(kClaims, {{"kid", QJsonValue::Null}}), set, jws::Outcome::Verified);
    }

    void unknownKid()
    {
        const TestSigningKey stranger = TestSigningKey::ec("not-published");
        expect(stranger.token(kClaims), setOf(all()), jws::Outcome::UnknownKey);
        expect(m_rs256.token(kClaims), jws::JwkSet(), jws::Outcome::UnknownKey);
    }

    void keyFromAnotherSet_data()
    {
        QTest::addColumn<QString>("alg");
        for (const char *alg : {"RS256", "PS256", "ES256", "EdDSA"})
            QTest::addRow("%s", alg) << QString(alg);
    }

    void keyFromAnotherSet()
    {
        // An impostor's key that claims the published key's kid.
        QFETCH(QString, alg);
        const TestSigningKey &real = key(alg);
        const TestSigningKey impostor = alg == "ES256"   ? TestSigningKey::ec(real.kid)
                                        : alg == "EdDSA" ? TestSigningKey::ed25519(real.kid)
                                                         : TestSigningKey::rsa(real.kid, alg);
        expect(impostor.token(kClaims), setOf(all()), jws::Outcome::BadSignature);
        expect(impostor.token(kClaims, {{"kid", QJsonValue::Null}}), setOf(all()),
               jws::Outcome::BadSignature);
    }

    void hs256WithThePublicKeyAsSecret()
    {
        const jws::JwkSet set = setOf(all());
        for (const QByteArray &secret :
             {m_rs256.publicPem(), QJsonDocument(m_rs256.jwk()).toJson(QJsonDocument::Compact)}) {
            const QByteArray forged = TestSigningKey::compact(
                {{"alg", "HS256"}, {"kid", m_rs256.kid}}, kClaims,
                [&](const QByteArray &in) { return TestSigningKey::hs256(secret, in); });
            expect(forged, set, jws::Outcome::UnsupportedAlgorithm);
        }
    }

    void refusedAlgorithms_data()
    {
        QTest::addColumn<QJsonValue>("alg");
        for (const char *alg : {"none", "None", "HS256", "HS384", "HS512", "RS384", "RS512",
                                "PS384", "ES384", "ES512", "ES256K", "rs256", ""})
            QTest::addRow("%s", alg) << QJsonValue(alg);
        QTest::newRow("missing") << QJsonValue(QJsonValue::Null);
        QTest::newRow("number") << QJsonValue(256);
        QTest::newRow("array") << QJsonValue(QJsonArray{"RS256"});
    }

    void refusedAlgorithms()
    {
        QFETCH(QJsonValue, alg);
        // Signed for real with RS256, so only the header's alg is wrong.
        expect(m_rs256.token(kClaims, {{"alg", alg}}), setOf(all()),
               jws::Outcome::UnsupportedAlgorithm);
    }

    void algNoneWithoutSignature()
    {
        const QByteArray unsignedToken = TestSigningKey::compact(
            {{"alg", "none"}}, kClaims, [](const QByteArray &) { return QByteArray(); });
        QVERIFY(unsignedToken.endsWith('.'));
        expect(unsignedToken, setOf(all()), jws::Outcome::Malformed);
        const QByteArray withKid =
            TestSigningKey::compact({{"alg", "none"}, {"kid", m_rs256.kid}}, kClaims,
                                    [](const QByteArray &) { return QByteArray("x"); });
        expect(withKid, setOf(all()), jws::Outcome::UnsupportedAlgorithm);
    }

    void algAndKeyTypeMismatch()
    {
        const jws::JwkSet set = setOf(all());
        // ES256 header pointing at the RSA key, and RS256 pointing at the EC and Ed25519 keys.
        expect(m_es256.token(kClaims, {{"kid", m_rs256.kid}}), set, jws::Outcome::KeyMismatch);
        expect(m_rs256.token(kClaims, {{"kid", m_es256.kid}}), set, jws::Outcome::KeyMismatch);
        expect(m_rs256.token(kClaims, {{"kid", m_eddsa.kid}}), set, jws::Outcome::KeyMismatch);
        // The header lies about the algorithm of the key's real signature.
        expect(m_rs256.token(kClaims, {{"alg", "ES256"}}), set, jws::Outcome::KeyMismatch);
        expect(m_rs256.token(kClaims, {{"alg", "PS256"}}), set,
               jws::Outcome::KeyMismatch); // JWK says RS256
        // A JWK without alg may serve RS256 and PS256, but the signature must be the right one.
        TestSigningKey loose = m_rs256;
        loose.publishAlg = false;
        expect(m_rs256.token(kClaims, {{"alg", "PS256"}}), setOf({loose}),
               jws::Outcome::BadSignature);
    }

    void badSignature()
    {
        const jws::JwkSet set = setOf(all());
        for (const TestSigningKey &k : all()) {
            const QList<QByteArray> good = k.token(kClaims).split('.');
            const QList<QByteArray> other = k.token({{"sub", "mallory"}}).split('.');
            // The payload swapped after signing.
            expect(good[0] + '.' + other[1] + '.' + good[2], set, jws::Outcome::BadSignature);
            // One bit of the signature flipped.
            bool ok = true;
            QByteArray sig = jws::base64UrlDecode(good[2], &ok);
            QVERIFY(ok);
            sig[sig.size() / 2] = char(sig[sig.size() / 2] ^ 0x01);
            expect(good[0] + '.' + good[1] + '.' + jws::base64UrlEncode(sig), set,
                   jws::Outcome::BadSignature);
            // A truncated signature (cut as bytes: a cut text may not be base64url any more).
            const QByteArray cut = jws::base64UrlDecode(good[2], &ok).chopped(6);
            expect(good[0] + '.' + good[1] + '.' + jws::base64UrlEncode(cut), set,
                   jws::Outcome::BadSignature);
        }
        // ES256 in DER form instead of JOSE's r||s.
        QByteArray der(70, '\x30');
        expect(m_es256.token(kClaims).split('.').mid(0, 2).join('.') + '.' +
                   jws::base64UrlEncode(der),
               set, jws::Outcome::BadSignature);
    }

    void malformedTokens_data()
    {
        QTest::addColumn<QByteArray>("token");
        const QByteArray good = m_rs256.token(kClaims);
        const QList<QByteArray> p = good.split('.');
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("one part") << p[0];
        QTest::newRow("two parts") << p[0] + '.' + p[1];
        QTest::newRow("four parts") << good + ".e30";
        QTest::newRow("empty header") << '.' + p[1] + '.' + p[2];
        QTest::newRow("empty payload") << p[0] + ".." + p[2];
        QTest::newRow("empty signature") << p[0] + '.' + p[1] + '.';
        QTest::newRow("truncated in the payload") << good.left(p[0].size() + 10);
        QTest::newRow("padding") << p[0] + '.' + p[1] + '.' + p[2] + "==";
        QTest::newRow("standard base64")
            << p[0] + '.' + p[1] + '.' + QByteArray(p[2]).replace('-', '+').replace('_', '/') +
                   "+/";
        QTest::newRow("whitespace") << p[0] + ". " + p[1] + '.' + p[2];
        QTest::newRow("not json") << "YWJj." + p[1] + '.' + p[2];
        QTest::newRow("json array") << "W10." + p[1] + '.' + p[2];
        QTest::newRow("payload array") << p[0] + ".W10." + p[2];
    }

    void malformedTokens()
    {
        QFETCH(QByteArray, token);
        expect(token, setOf(all()), jws::Outcome::Malformed);
    }

    void oversizedToken()
    {
        const jws::JwkSet set = setOf(all());
        // Correctly signed, but longer than the limit.
        const QByteArray big =
            m_eddsa.token({{"sub", "a"}, {"pad", QString(jws::kMaxTokenBytes, 'x')}});
        QVERIFY(big.size() > jws::kMaxTokenBytes);
        expect(big, set, jws::Outcome::Malformed);
        // Just under the limit is fine.
        QJsonObject claims{{"sub", "a"}, {"pad", ""}};
        const int room = int(jws::kMaxTokenBytes - m_eddsa.token(claims).size());
        claims["pad"] = QString(room * 3 / 4 - 8, 'x');
        const QByteArray fits = m_eddsa.token(claims);
        QVERIFY(fits.size() <= jws::kMaxTokenBytes);
        expect(fits, set, jws::Outcome::Verified);
    }

    void criticalHeaderAndOddKid()
    {
        const jws::JwkSet set = setOf(all());
        expect(m_rs256.token(kClaims, {{"crit", QJsonArray{"b64"}}, {"b64", false}}), set,
               jws::Outcome::UnsupportedAlgorithm);
        expect(m_rs256.token(kClaims, {{"kid", 1}}), set, jws::Outcome::Malformed);
        // Keys embedded in or pointed at by the header are never used.
        const TestSigningKey attacker = TestSigningKey::rsa("attacker");
        expect(attacker.token(kClaims, {{"kid", QJsonValue::Null}, {"jwk", attacker.jwk()}}), set,
               jws::Outcome::BadSignature);
        expect(attacker.token(kClaims, {{"jku", "https://evil.example/jwks"}}), set,
               jws::Outcome::UnknownKey);
    }

    void shortRsaKeysAreLeftOut()
    {
        const TestSigningKey weak = TestSigningKey::rsa("weak", "RS256", 1024);
        QString error;
        QVERIFY(!jws::Jwk::fromJson(weak.jwk(), &error));
        QVERIFY2(error.contains("1024"), qPrintable(error));
        const jws::JwkSet set = setOf({weak, m_es256});
        QCOMPARE(set.keys.size(), 1);
        expect(weak.token(kClaims), set, jws::Outcome::UnknownKey);
    }

    void keySetContents()
    {
        // Encryption keys, symmetric keys, other curves and broken keys are left out.
        QJsonObject enc = m_rs256.jwk();
        enc["use"] = "enc";
        enc["kid"] = "enc";
        QJsonObject ops = m_es256.jwk();
        ops["key_ops"] = QJsonArray{"encrypt"};
        ops["kid"] = "ops";
        QJsonObject verifyOps = m_es256.jwk();
        verifyOps["key_ops"] = QJsonArray{"verify"};
        QJsonObject oct{{"kty", "oct"}, {"kid", "oct"}, {"k", "c2VjcmV0"}};
        QJsonObject p384 = m_es256.jwk();
        p384["crv"] = "P-384";
        p384["kid"] = "p384";
        QJsonObject offCurve = m_es256.jwk();
        offCurve["kid"] = "off";
        offCurve["y"] = offCurve["x"];
        QJsonObject hsAlg = m_rs256.jwk();
        hsAlg["alg"] = "HS256";
        hsAlg["kid"] = "hs";
        QJsonObject badB64 = m_eddsa.jwk();
        badB64["x"] = "not base64!";
        badB64["kid"] = "bad";
        const QJsonArray keys{enc,      ops,   verifyOps, oct,          p384,
                              offCurve, hsAlg, badB64,    m_eddsa.jwk()};
        QString error;
        const auto set =
            jws::JwkSet::parse(QJsonDocument(QJsonObject{{"keys", keys}}).toJson(), &error);
        QVERIFY2(set, qPrintable(error));
        QStringList kids;
        for (const jws::Jwk &k : set->keys)
            kids << k.kid;
        QCOMPARE(kids, QStringList({m_es256.kid, m_eddsa.kid}));
        expect(m_rs256.token(kClaims, {{"kid", "enc"}}), *set, jws::Outcome::UnknownKey);
    }

    void keySetLimits()
    {
        QString error;
        QVERIFY(!jws::JwkSet::parse("[]", &error));
        QVERIFY(!jws::JwkSet::parse("{\"keys\":{}}", &error));
        QVERIFY(!jws::JwkSet::parse("not json", &error));
        QVERIFY(jws::JwkSet::parse("{\"keys\":[]}", &error));
        QJsonArray many;
        for (int i = 0; i <= jws::kMaxJwksKeys; ++i)
            many.append(m_eddsa.jwk());
        QVERIFY(!jws::JwkSet::parse(QJsonDocument(QJsonObject{{"keys", many}}).toJson(), &error));
        many.removeLast();
        QVERIFY(jws::JwkSet::parse(QJsonDocument(QJsonObject{{"keys", many}}).toJson(), &error));
        QJsonObject padded{{"keys", QJsonArray{m_eddsa.jwk()}},
                           {"pad", QString(jws::kMaxJwksBytes, 'x')}};
        QVERIFY(!jws::JwkSet::parse(QJsonDocument(padded).toJson(), &error));
        QVERIFY(error.contains("larger"));
    }

    void base64Url()
    {
        bool ok = true;
        QCOMPARE(jws::base64UrlDecode("_-8", &ok), QByteArray("\xff\xef", 2));
        QVERIFY(ok);
        jws::base64UrlDecode("/+8", &ok);
        QVERIFY(!ok);
        ok = true;
        jws::base64UrlDecode("YQ==", &ok);
        QVERIFY(!ok);
        QCOMPARE(jws::base64UrlEncode(QByteArray("\xff\xef", 2)), QByteArray("_-8"));
        // Found by fuzzing: one character more than whole bytes, or unused bits set, is not
        // the encoding of any bytes (RFC 4648 3.5); each text has one decoding and one encoding.
        for (const char *text : {"YWJjZ", "Y", "YR", "YWJ", "_-9"}) {
            ok = true;
            jws::base64UrlDecode(text, &ok);
            QVERIFY2(!ok, text);
        }
        ok = true;
        QCOMPARE(jws::base64UrlDecode("YWJjZA", &ok), QByteArray("abcd"));
        QVERIFY(ok);
    }
};

QTEST_GUILESS_MAIN(TestJws)
#include "tst_jws.moc"
