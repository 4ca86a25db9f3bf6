// Nothing secret reaches the log, at any verbosity.
#include "core/logging.h"

#include <QTest>
#include <QUrl>

using namespace clipshelf;

namespace {
QStringList g_captured;
void capture(QtMsgType, const QMessageLogContext &, const QString &message) { g_captured << message; }

const QString kJwt = QStringLiteral(
    "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyX2FsaWNlIiwiYXVkIjoiYXBpIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ");
} // namespace

class TestRedaction : public QObject
{
    Q_OBJECT
private slots:
    void urlQueryValues()
    {
        const QUrl url("https://id.example.com/authorize?client_id=app&state=S3CR3T&code_challenge=CH4LL"
                       "&nonce=N0NCE&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcallback");
        const QString safe = logging::redactUrl(url);
        QVERIFY(!safe.contains("S3CR3T"));
        QVERIFY(!safe.contains("CH4LL"));
        QVERIFY(!safe.contains("N0NCE"));
        QVERIFY(safe.contains("client_id=app"));
        QVERIFY(safe.contains("redirect_uri="));
        QVERIFY(!logging::redactUrl(QUrl("http://127.0.0.1:1/callback?code=C0DE&state=x")).contains("C0DE"));
    }

    void freeText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("secret");
        QTest::newRow("jwt") << "token is " + kJwt << kJwt.mid(20, 20);
        QTest::newRow("bearer") << "Authorization: Bearer abc.def-ghi" << "abc.def-ghi";
        QTest::newRow("form") << "grant_type=refresh_token&refresh_token=R3FR3SH&client_id=x" << "R3FR3SH";
        QTest::newRow("json") << R"({"access_token":"4CC3SS","token_type":"Bearer"})" << "4CC3SS";
        QTest::newRow("verifier") << "code_verifier=V3R1F13R" << "V3R1F13R";
        QTest::newRow("secret") << "client_secret: GOCSPX-abc" << "GOCSPX-abc";
        QTest::newRow("code") << "code=AUTHC0DE&state=x" << "AUTHC0DE";
    }
    void freeText()
    {
        QFETCH(QString, text);
        QFETCH(QString, secret);
        QVERIFY2(!logging::redactText(text).contains(secret), qPrintable(logging::redactText(text)));
    }

    void messageHandlerRedactsEveryCategoryAndLevel()
    {
        // Chain: our redacting handler in front of a capturing one.
        QtMessageHandler original = qInstallMessageHandler(capture);
        logging::installRedactingMessageHandler();
        QLoggingCategory::setFilterRules(QStringLiteral("clipshelf.*=true"));
        g_captured.clear();
        qCDebug(lcAuth) << "debug" << kJwt;
        qCInfo(lcApi) << "Bearer" << "s3cr3t-access";
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
