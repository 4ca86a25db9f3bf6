// PKCE (RFC 7636) and the random values used for state and nonce.
#include "auth/pkce.h"
#include "core/randomtoken.h"
#include "core/tokensyntax.h"

#include <QSet>
#include <QTest>

using namespace clipshelf;

class TestPkce : public QObject
{
    Q_OBJECT
private slots:
    void rfc7636AppendixB()
    {
        // The octets, verifier and challenge of RFC 7636 Appendix B.
        const unsigned char octets[] = {116, 24,  223, 180, 151, 153, 224, 37,  79,  250, 96,
                                        125, 216, 173, 187, 186, 22,  212, 37,  77,  105, 214,
                                        191, 240, 91,  88,  5,   88,  83,  132, 141, 121};
        const QByteArray verifier =
            QByteArray(reinterpret_cast<const char *>(octets), sizeof octets)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QCOMPARE(verifier, QByteArray("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        QCOMPARE(pkce::challengeS256(verifier),
                 QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    void verifierShape()
    {
        const QByteArray v = pkce::makeVerifier();
        QCOMPARE(v.size(), 43); // 32 bytes, base64url without padding
        for (char c : v)
            QVERIFY2(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_',
                     v.constData());
    }

    void valuesAreUniqueAndLongEnough()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 1000; ++i) {
            const QByteArray v = randomtoken::urlSafe(16); // 128 bits, the minimum for state/nonce
            QCOMPARE(v.size(), 22);
            QVERIFY(!seen.contains(v));
            seen.insert(v);
        }
    }

    void constantTimeEquals()
    {
        QVERIFY(tokensyntax::constantTimeEquals("abc", "abc"));
        QVERIFY(!tokensyntax::constantTimeEquals("abc", "abd"));
        QVERIFY(!tokensyntax::constantTimeEquals("abc", "abcd"));
        QVERIFY(!tokensyntax::constantTimeEquals("", "a"));
    }
};

QTEST_GUILESS_MAIN(TestPkce)
#include "tst_pkce.moc"
