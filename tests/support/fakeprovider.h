#pragma once
// Test helper: a minimal, scriptable OpenID provider for unit tests of one
// class (SignInFlow, TokenClient). Integration and e2e tests use the real
// oidc-provider instead.

#include "testjws.h"

#include <functional>
#include <optional>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

namespace clipshelf::test {

struct FakeRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray target = {};                // the request line's path and query, as sent
};

struct FakeResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers = {};
};

/// Reads the HTTP request arriving on \a s (buffered on the socket across
/// reads); std::nullopt until the head and the whole body are in. Shared by
/// the scripted servers of the unit tests.
inline std::optional<FakeRequest> readFakeRequest(QTcpSocket *s)
{
    const QByteArray buf = s->property("buf").toByteArray() + s->readAll();
    s->setProperty("buf", buf);
    const qsizetype end = buf.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    FakeRequest r;
    const QList<QByteArray> lines = buf.left(end).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    r.method = first.value(0);
    r.target = first.value(1);
    const QUrl url(QString::fromLatin1(r.target));
    r.path = url.path();
    r.query = QUrlQuery(url);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                             lines[i].mid(colon + 1).trimmed());
    }
    const int length = r.headers.value("content-length").toInt();
    if (buf.size() - end - 4 < length)
        return std::nullopt; // wait for the rest of the body
    r.body = buf.mid(end + 4, length);
    return r;
}

/// Answers on \a s with \a resp and closes the connection.
inline void writeFakeResponse(QTcpSocket *s, const FakeResponse &resp)
{
    QByteArray extra;
    for (const auto &[name, value] : resp.headers)
        extra += name + ": " + value + "\r\n";
    s->write("HTTP/1.1 " + QByteArray::number(resp.status) + " X\r\nContent-Type: " +
             resp.contentType + "\r\nContent-Length: " + QByteArray::number(resp.body.size()) +
             "\r\n" + extra + "Connection: close\r\n\r\n" + resp.body);
    s->disconnectFromHost();
}

/// The key the fake provider signs ID tokens with (RS256, kid "test"), made once per test run.
inline const TestSigningKey &fakeProviderKey()
{
    static const TestSigningKey key = TestSigningKey::rsa(QStringLiteral("test"));
    return key;
}

class FakeProvider : public QObject
{
public:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;

    FakeProvider()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
        m_issuer = QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
        discovery = [this](const FakeRequest &) { return json(discoveryDocument()); };
    }

    QString issuer() const { return m_issuer; }
    QJsonObject discoveryDocument() const
    {
        return {{"issuer", m_issuer},
                {"authorization_endpoint", m_issuer + "/auth"},
                {"token_endpoint", m_issuer + "/token"},
                {"userinfo_endpoint", m_issuer + "/me"},
                {"revocation_endpoint", m_issuer + "/revoke"},
                {"jwks_uri", m_issuer + "/jwks"},
                {"code_challenge_methods_supported", QJsonArray{"S256"}},
                {"authorization_response_iss_parameter_supported", true}};
    }
    static FakeResponse json(const QJsonObject &o, int status = 200)
    {
        return {status, QJsonDocument(o).toJson(QJsonDocument::Compact), "application/json"};
    }

    Handler discovery;
    Handler token = [](const FakeRequest &) { return FakeResponse{500, "{}"}; };
    Handler userinfo = [](const FakeRequest &) { return FakeResponse{401, "{}"}; };
    Handler revoke = [](const FakeRequest &) { return FakeResponse{200, ""}; };
    /// The signing keys: fakeProviderKey() unless a test publishes others.
    Handler jwks = [](const FakeRequest &) {
        return FakeResponse{200, jwksDocument({fakeProviderKey()})};
    };
    /// Any other path (a fake API in ApiClient tests).
    Handler other = [](const FakeRequest &) { return FakeResponse{404, "{}"}; };
    QList<FakeRequest> requests;

    int count(const QString &path) const
    {
        return int(std::count_if(requests.begin(), requests.end(),
                                 [&](const FakeRequest &r) { return r.path == path; }));
    }

private:
    void onData(QTcpSocket *s)
    {
        const std::optional<FakeRequest> request = readFakeRequest(s);
        if (!request)
            return;
        const FakeRequest &r = *request;
        requests << r;
        FakeResponse resp{404, "{}"};
        if (r.path == "/.well-known/openid-configuration")
            resp = discovery(r);
        else if (r.path == "/token")
            resp = token(r);
        else if (r.path == "/me")
            resp = userinfo(r);
        else if (r.path == "/revoke")
            resp = revoke(r);
        else if (r.path == "/jwks")
            resp = jwks(r);
        else
            resp = other(r);
        writeFakeResponse(s, resp);
    }

    QTcpServer m_server;
    QString m_issuer;
};

/// A JWT of \a claims signed with the fake provider's key (\a header overrides its header).
inline QString makeJwt(const QJsonObject &claims, const QJsonObject &header = {})
{
    return QString::fromLatin1(fakeProviderKey().token(claims, header));
}

} // namespace clipshelf::test
