// Nothing secret reaches the log, at any verbosity.
#include "core/logging.h"

#include <QTest>
#include <QUrl>

using namespace clipshelf;

namespace {
QStringList g_captured;
void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_captured << message;
}

const QString kJwt = QStringLiteral(
    "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyX2FsaWNlIiwiYXVkIjoiYXBpIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ");
} // namespace

class TestRedaction : public QObject
{
    Q_OBJECT
private slots:
    void urlQueryValues()
    {
        const QUrl url(
            "https://id.example.com/authorize?client_id=app&state=S3CR3T&code_challenge=CH4LL"
            "&nonce=N0NCE&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcallback");
        const QString safe = logging::redactUrl(url);
        QVERIFY(!safe.contains("S3CR3T"));
        QVERIFY(!safe.contains("CH4LL"));
        QVERIFY(!safe.contains("N0NCE"));
        QVERIFY(safe.contains("client_id=app"));
        QVERIFY(safe.contains("redirect_uri="));
        QVERIFY(!logging::redactUrl(QUrl("http://127.0.0.1:1/callback?code=C0DE&state=x"))
                     .contains("C0DE"));
    }

    void freeText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("secret");
        QTest::newRow("jwt") << "token is " + kJwt << kJwt.mid(20, 20);
        QTest::newRow("bearer") << "Authorization: Bearer abc.def-ghi"
                                << "abc.def-ghi";
        QTest::newRow("form") << "grant_type=refresh_token&refresh_token=R3FR3SH&client_id=x"
                              << "R3FR3SH";
        QTest::newRow("json") << R"({"access_token":"4CC3SS","token_type":"Bearer"})"
                              << "4CC3SS";
        QTest::newRow("verifier") << "code_verifier=V3R1F13R"
                                  << "V3R1F13R";
        QTest::newRow("secret") << "client_secret: GOCSPX-abc"
                                << "GOCSPX-abc";
        QTest::newRow("code") << "code=AUTHC0DE&state=x"
                              << "AUTHC0DE";
        // Issue 13, item 19: RFC 7009's field, Basic credentials, percent-encoded pairs, opaque
        // tokens.
        QTest::newRow("revocation") << "token=R3V0K3&token_type_hint=refresh_token"
                                    << "R3V0K3";
        QTest::newRow("basic") << "Authorization: Basic Y2xpZW50OnNlY3JldA=="
                               << "Y2xpZW50OnNlY3JldA";
        QTest::newRow("basic-lower") << "authorization: basic Y2xpZW50OnNlY3JldA=="
                                     << "Y2xpZW50OnNlY3JldA";
        QTest::newRow("percent-form") << "body access_token%3DP3RC3NT%26x%3D1"
                                      << "P3RC3NT";
        QTest::newRow("percent-json") << "%7B%22refresh_token%22%3A%22P3RC3NTJS%22%7D"
                                      << "P3RC3NTJS";
        QTest::newRow("escaped-json")
            << QStringLiteral("\"{\\\"access_token\\\":\\\"3SC4P3D\\\"}\"") << "3SC4P3D";
        QTest::newRow("google-access") << "got ya29.a0AfB_byC-0paqu3T0k3n_x"
                                       << "a0AfB_byC-0paqu3T0k3n";
        QTest::newRow("google-refresh") << "stored 1//0gW-0paqu3R3fr3sh_x"
                                        << "0gW-0paqu3R3fr3sh";
        QTest::newRow("github") << "token ghp_0paqu3G1thubT0k3nXYZ0123"
                                << "0paqu3G1thubT0k3n";
        QTest::newRow("id_token_hint") << "end_session?id_token_hint=H1NT&x=1"
                                       << "H1NT";
    }
    void freeText()
    {
        QFETCH(QString, text);
        QFETCH(QString, secret);
        QVERIFY2(!logging::redactText(text).contains(secret),
                 qPrintable(logging::redactText(text)));
    }

    void ordinaryTextStays()
    {
        const QString text =
            QStringLiteral("GET /api/v1/videos?limit=50 -> 200 (12 ms), token_type_hint is fine");
        QCOMPARE(logging::redactText(text), text);
        QCOMPARE(logging::redactText(QStringLiteral("code=X")), QStringLiteral("code=<redacted>"));
    }

    void messageHandlerRedactsEveryCategoryAndLevel()
    {
        // Chain: our redacting handler in front of a capturing one.
        QtMessageHandler original = qInstallMessageHandler(capture);
        logging::installRedactingMessageHandler();
        QLoggingCategory::setFilterRules(QStringLiteral("clipshelf.*=true"));
        g_captured.clear();
        qCDebug(lcAuth) << "debug" << kJwt;
        qCInfo(lcApi) << "Bearer"
                      << "s3cr3t-access";
        qCWarning(lcCore) << "refresh_token=R3FR3SH";
        qInstallMessageHandler(original);
        QCOMPARE(g_captured.size(), 3);
        const QString all = g_captured.join('\n');
        QVERIFY2(!all.contains(kJwt.mid(20, 20)), qPrintable(all));
        QVERIFY2(!all.contains("s3cr3t-access"), qPrintable(all));
        QVERIFY2(!all.contains("R3FR3SH"), qPrintable(all));
    }
};

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"
