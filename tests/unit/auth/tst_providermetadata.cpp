// Discovery document parsing: exact issuer match, required endpoints, S256.
#include "auth/providermetadata.h"
#include "core/transportsecurity.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace clipshelf;

namespace {
QJsonObject goodDocument()
{
    return {
        {"issuer", "https://id.example.com"},
        {"authorization_endpoint", "https://id.example.com/authorize"},
        {"token_endpoint", "https://id.example.com/token"},
        {"userinfo_endpoint", "https://id.example.com/userinfo"},
        {"revocation_endpoint", "https://id.example.com/revoke"},
        {"jwks_uri", "https://id.example.com/jwks"},
        {"code_challenge_methods_supported", QJsonArray{"S256"}},
        {"authorization_response_iss_parameter_supported", true},
    };
}
QByteArray bytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson();
}
} // namespace

class TestProviderMetadata : public QObject
{
    Q_OBJECT
private slots:
    void parsesGoodDocument()
    {
        QString error;
        const auto m =
            ProviderMetadata::fromJson(bytes(goodDocument()), "https://id.example.com", &error);
        QVERIFY2(m, qPrintable(error));
        QCOMPARE(m->tokenEndpoint, QUrl("https://id.example.com/token"));
        QCOMPARE(m->revocationEndpoint, QUrl("https://id.example.com/revoke"));
        QVERIFY(m->issParameterSupported);
    }

    void issuerMustMatchExactly_data()
    {
        QTest::addColumn<QString>("configured");
        QTest::newRow("trailing slash") << "https://id.example.com/";
        QTest::newRow("other host") << "https://evil.example.com";
        QTest::newRow("case") << "https://ID.example.com";
        QTest::newRow("http") << "http://id.example.com";
    }
    void issuerMustMatchExactly()
    {
        QFETCH(QString, configured);
        QString error;
        QVERIFY(!ProviderMetadata::fromJson(bytes(goodDocument()), configured, &error));
        QVERIFY(error.contains("must match exactly"));
        QVERIFY(error.contains(configured));
    }

    void providerIssuerIsShownAsPlainText()
    {
        // Found by fuzzing: the provider's own issuer went into the message as sent, line
        // breaks and bidi overrides included.
        QJsonObject doc = goodDocument();
        doc["issuer"] = QString("https://evil.example/\u202e\nfake line") + QString(500, 'x');
        QString error;
        QVERIFY(!ProviderMetadata::fromJson(bytes(doc), "https://id.example.com", &error));
        QVERIFY2(!error.contains('\n') && !error.contains(QChar(0x202e)), qPrintable(error));
        QVERIFY2(error.size() < 400, qPrintable(error));
        QVERIFY(error.contains("https://evil.example/"));
    }

    void notJson()
    {
        QString error;
        QVERIFY(!ProviderMetadata::fromJson("<html>404</html>", "https://id.example.com", &error));
        QVERIFY(error.contains("not valid JSON"));
    }

    void missingEndpoints_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("authorization") << "authorization_endpoint";
        QTest::newRow("token") << "token_endpoint";
    }
    void missingEndpoints()
    {
        QFETCH(QString, field);
        QJsonObject doc = goodDocument();
        doc.remove(field);
        QString error;
        QVERIFY(!ProviderMetadata::fromJson(bytes(doc), "https://id.example.com", &error));
        QVERIFY(error.contains(field));
        doc.insert(field, "http://id.example.com/plain-http"); // not https, not loopback
        QVERIFY(!ProviderMetadata::fromJson(bytes(doc), "https://id.example.com", &error));
    }

    void optionalEndpointsMayBeAbsent()
    {
        QJsonObject doc = goodDocument();
        doc.remove("revocation_endpoint"); // Clerk has none
        doc.remove("userinfo_endpoint");
        doc.remove("code_challenge_methods_supported"); // Google omitted it for years
        QString error;
        const auto m = ProviderMetadata::fromJson(bytes(doc), "https://id.example.com", &error);
        QVERIFY2(m, qPrintable(error));
        QVERIFY(m->revocationEndpoint.isEmpty());
    }

    void refusesProviderWithoutS256()
    {
        QJsonObject doc = goodDocument();
        doc.insert("code_challenge_methods_supported", QJsonArray{"plain"});
        QString error;
        QVERIFY(!ProviderMetadata::fromJson(bytes(doc), "https://id.example.com", &error));
        QVERIFY(error.contains("S256"));
    }

    void loopbackHttpAllowed()
    {
        QJsonObject doc{{"issuer", "http://127.0.0.1:4000"},
                        {"authorization_endpoint", "http://127.0.0.1:4000/auth"},
                        {"token_endpoint", "http://127.0.0.1:4000/token"}};
        QString error;
        QVERIFY2(ProviderMetadata::fromJson(bytes(doc), "http://127.0.0.1:4000", &error),
                 qPrintable(error));
        QCOMPARE(ProviderMetadata::discoveryUrl("http://127.0.0.1:4000/"),
                 QUrl("http://127.0.0.1:4000/.well-known/openid-configuration"));
    }

    // Issue 13 item 5: no endpoint may be plain http elsewhere than this computer.
    void plainHttpEndpointsAreRefused_data()
    {
        QTest::addColumn<QString>("field");
        for (const char *field : {"authorization_endpoint", "token_endpoint", "userinfo_endpoint",
                                  "revocation_endpoint", "end_session_endpoint", "jwks_uri"})
            QTest::newRow(field) << QString(field);
    }
    void plainHttpEndpointsAreRefused()
    {
        QFETCH(QString, field);
        QJsonObject doc = goodDocument();
        doc.insert(field, "http://id.example.com/" + field);
        QString error;
        QVERIFY(!ProviderMetadata::fromJson(bytes(doc), "https://id.example.com", &error));
        QVERIFY2(error.contains(field) && error.contains("plain http"), qPrintable(error));
    }

    void plainHttpIssuerIsRefused()
    {
        QJsonObject doc = goodDocument();
        doc.insert("issuer", "http://id.example.com");
        QString error;
        QVERIFY(!ProviderMetadata::fromJson(bytes(doc), "http://id.example.com", &error));
        QVERIFY2(error.contains("plain http"), qPrintable(error));
    }

    void plainHttpUrlIsShownAsShortPlainText()
    {
        // Found by fuzzing: a plain-http URL from the document went into the message whole,
        // control characters and thousands of characters included.
        QJsonObject doc = goodDocument();
        const QString issuer = "http://id.example.com/\x01\u202e" + QString(3000, 'O');
        doc.insert("issuer", issuer);
        QString error;
        QVERIFY(!ProviderMetadata::fromJson(bytes(doc), issuer, &error));
        QVERIFY2(error.contains("plain http") && error.contains("http://id.example.com/"),
                 qPrintable(error));
        QVERIFY2(error.size() < 600, qPrintable(error));
        for (const QChar c : error)
            QVERIFY2(c.category() != QChar::Other_Control && c.category() != QChar::Other_Format,
                     qPrintable(error));
    }

    void loopbackRecognised_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("plain");
        QTest::newRow("127.0.0.1") << "http://127.0.0.1:4000/x" << false;
        QTest::newRow("127.1.2.3") << "http://127.1.2.3/x" << false;
        QTest::newRow("::1") << "http://[::1]:8/x" << false;
        QTest::newRow("localhost") << "http://localhost:8/x" << false;
        QTest::newRow("LOCALHOST") << "HTTP://LOCALHOST:8/x" << false;
        QTest::newRow("https elsewhere") << "https://id.example.com/x" << false;
        QTest::newRow("http elsewhere") << "http://id.example.com/x" << true;
        QTest::newRow("http 128.0.0.1") << "http://128.0.0.1/x" << true;
        QTest::newRow("http 10.0.0.1") << "http://10.0.0.1/x" << true;
        QTest::newRow("localhost.example.com") << "http://localhost.example.com/x" << true;
        QTest::newRow("127.0.0.1.nip.io") << "http://127.0.0.1.nip.io/x" << true;
    }
    void loopbackRecognised()
    {
        QFETCH(QString, url);
        QFETCH(bool, plain);
        QCOMPARE(transport::isPlainHttp(QUrl(url)), plain);
    }
};

QTEST_GUILESS_MAIN(TestProviderMetadata)
#include "tst_providermetadata.moc"
