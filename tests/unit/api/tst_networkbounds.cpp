// Issue 13 items 1 and 4: every answer the client reads is capped, every request
// has an overall deadline, and no malformed token ever reaches a header. Against
// scripted servers: one that declares a large body, one that sends a large body
// without declaring it, and one that drips a byte at a time.
#include "api/apiclient.h"
#include "auth/oidcdiscovery.h"
#include "auth/sessionmanager.h"
#include "auth/tokenclient.h"
#include "fakeprovider.h"
#include "storage/memorysecretstore.h"
#include "unitsession.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace clipshelf;
using namespace clipshelf::test;

namespace {

/// Answers every request with a head and then \a body, one byte every \a dripMs
/// (0: all at once); with \a declaredLength < 0 no Content-Length is sent.
class SlowServer : public QObject
{
public:
    SlowServer(QByteArray body, qint64 declaredLength, int dripMs)
        : m_body(std::move(body)), m_declared(declaredLength), m_dripMs(dripMs)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    int requests = 0;
    QList<QByteArray> heads;

private:
    void onData(QTcpSocket *s)
    {
        const std::optional<FakeRequest> r = readFakeRequest(s);
        if (!r || s->property("answered").toBool())
            return;
        s->setProperty("answered", true);
        ++requests;
        heads << s->property("buf").toByteArray();
        QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
        head += m_declared >= 0 ? "Content-Length: " + QByteArray::number(m_declared) + "\r\n"
                                : QByteArray("Connection: close\r\n");
        s->write(head + "\r\n");
        if (m_dripMs <= 0) {
            s->write(m_body);
            if (m_declared < 0)
                s->disconnectFromHost();
            return;
        }
        auto *timer = new QTimer(s);
        auto sent = std::make_shared<qsizetype>(0);
        connect(timer, &QTimer::timeout, s, [this, s, sent] {
            if (*sent < m_body.size())
                s->write(m_body.mid((*sent)++, 1));
        });
        timer->start(m_dripMs);
    }

    QTcpServer m_server;
    QByteArray m_body;
    qint64 m_declared;
    int m_dripMs;
};

QByteArray bigTokenBody(qsizetype size)
{
    return "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"pad\":\"" + QByteArray(size, 'x') +
           "\"}";
}

ProviderMetadata metadataAt(const QString &base)
{
    ProviderMetadata m;
    m.issuer = base;
    m.tokenEndpoint = QUrl(base + "/token");
    m.userinfoEndpoint = QUrl(base + "/me");
    return m;
}

} // namespace

class TestNetworkBounds : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    struct TokenOutcome
    {
        bool done = false;
        bool ok = false;
        TokenError error;
        qint64 elapsedMs = 0;
    };

    TokenOutcome refreshAt(TokenClient &client)
    {
        TokenOutcome out;
        QElapsedTimer timer;
        timer.start();
        client.refresh("rt", {}, [&](const TokenResponse *response, const TokenError *error) {
            out.done = true;
            out.ok = response != nullptr;
            if (error)
                out.error = *error;
            out.elapsedMs = timer.elapsed();
        });
        if (!QTest::qWaitFor([&] { return out.done; }, 20000))
            qWarning("no answer within 20 s");
        return out;
    }

private slots:
    void declaredLargeTokenResponseIsRefused()
    {
        // Declares 10 MiB, sends only the start: refused on the Content-Length alone.
        SlowServer server(bigTokenBody(1000), 10 * 1024 * 1024, 0);
        TokenClient client(&m_nam, "clipshelf-desktop", {});
        client.setMetadata(metadataAt(server.url()));
        const TokenOutcome out = refreshAt(client);
        QVERIFY(out.done && !out.ok);
        QVERIFY2(out.error.message.contains("larger than 64 KiB"), qPrintable(out.error.message));
        QVERIFY2(out.elapsedMs < 5000, QByteArray::number(out.elapsedMs).constData());
    }

    void undeclaredLargeTokenResponseIsRefused()
    {
        SlowServer server(bigTokenBody(1024 * 1024), -1, 0); // 1 MiB, no Content-Length
        TokenClient client(&m_nam, "clipshelf-desktop", {});
        client.setMetadata(metadataAt(server.url()));
        const TokenOutcome out = refreshAt(client);
        QVERIFY(out.done && !out.ok);
        QVERIFY2(out.error.message.contains("larger than 64 KiB"), qPrintable(out.error.message));
    }

    void drippingTokenEndpointHitsTheDeadline()
    {
        // A byte every 100 ms never trips the 30 s inactivity timeout; the overall deadline does.
        SlowServer server(bigTokenBody(100), bigTokenBody(100).size(), 100);
        TokenClient client(&m_nam, "clipshelf-desktop", {});
        client.setMetadata(metadataAt(server.url()));
        client.setDeadline(1500);
        const TokenOutcome out = refreshAt(client);
        QVERIFY(out.done && !out.ok);
        QCOMPARE(out.error.kind, TokenError::Kind::Transient);
        QVERIFY2(out.error.message.contains("took too long"), qPrintable(out.error.message));
        QVERIFY2(out.elapsedMs >= 1400 && out.elapsedMs < 5000,
                 QByteArray::number(out.elapsedMs).constData());
    }

    void largeDiscoveryDocumentIsRefused()
    {
        SlowServer server(QByteArray(300 * 1024, ' ') + "{}", -1, 0);
        OidcDiscovery discovery(&m_nam);
        QSignalSpy finished(&discovery, &OidcDiscovery::finished);
        discovery.fetch(server.url());
        QVERIFY(finished.wait(10000));
        const QString error = finished.first().at(1).toString();
        QVERIFY2(error.contains("larger than 256 KiB"), qPrintable(error));
    }

    void largeUserinfoIsRefused()
    {
        SlowServer server("{\"sub\":\"a\",\"pad\":\"" + QByteArray(100 * 1024, 'x') + "\"}", -1, 0);
        TokenClient client(&m_nam, "clipshelf-desktop", {});
        client.setMetadata(metadataAt(server.url()));
        QString error;
        bool done = false;
        client.fetchUserInfo("at", [&](const QJsonObject &, const QString &e) {
            error = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY2(error.contains("larger than 64 KiB"), qPrintable(error));
    }

    void userinfoNeverSendsAMalformedToken()
    {
        FakeProvider provider;
        TokenClient client(&m_nam, "clipshelf-desktop", {});
        client.setMetadata(metadataAt(provider.issuer()));
        bool done = false;
        QString error;
        client.fetchUserInfo("at\r\nX-Injected: 1", [&](const QJsonObject &, const QString &e) {
            error = e;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY(!error.isEmpty());
        QCOMPARE(provider.count("/me"), 0);
    }

    void apiNeverSendsAMalformedToken()
    {
        FakeProvider server;
        MemorySecretStore store;
        SessionManager sessions(unitConfig(server.issuer()), &store, &m_nam);
        sessions.adopt(unitSession(server.issuer(), "at\r\nX-Injected: 1", "rt", 3600),
                       [](const SecretResult &) {});
        ApiClient api(QUrl(server.issuer() + "/api"), &sessions, &m_nam);
        bool done = false;
        ApiResult result;
        api.send(ApiRequest::get("/me"), nullptr, [&](const ApiResult &r) {
            result = r;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY(!result.ok());
        QCOMPARE(server.count("/api/me"), 0);
    }

    void largeApiAnswerIsRefused()
    {
        FakeProvider tokens;
        SlowServer server("[" + QByteArray(5 * 1024 * 1024, ' ') + "]", -1, 0);
        MemorySecretStore store;
        SessionManager sessions(unitConfig(tokens.issuer()), &store, &m_nam);
        sessions.adopt(unitSession(tokens.issuer(), "at", "rt", 3600), [](const SecretResult &) {});
        ApiClient api(QUrl(server.url() + "/api"), &sessions, &m_nam);
        ApiRequest request = ApiRequest::get("/me/avatar");
        request.maxResponseBytes = 4 * 1024 * 1024;
        bool done = false;
        ApiResult result;
        api.send(request, nullptr, [&](const ApiResult &r) {
            result = r;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(result.error.kind, ApiError::BadResponse);
        QVERIFY2(result.error.message.contains("larger than 4 MiB"),
                 qPrintable(result.error.message));
        QVERIFY(result.body.isEmpty());
    }

    void apiToPlainHttpElsewhereIsRefused()
    {
        FakeProvider tokens;
        MemorySecretStore store;
        SessionManager sessions(unitConfig(tokens.issuer()), &store, &m_nam);
        sessions.adopt(unitSession(tokens.issuer(), "at", "rt", 3600), [](const SecretResult &) {});
        // Never contacted: refused before any connection (port 9 would fail otherwise).
        ApiClient api(QUrl("http://api.example.com:9/api"), &sessions, &m_nam);
        bool done = false;
        ApiResult result;
        api.send(ApiRequest::get("/me"), nullptr, [&](const ApiResult &r) {
            result = r;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(result.error.kind, ApiError::Tls);
        QVERIFY2(result.error.message.contains("plain http"), qPrintable(result.error.message));
    }
};

QTEST_GUILESS_MAIN(TestNetworkBounds)
#include "tst_networkbounds.moc"
