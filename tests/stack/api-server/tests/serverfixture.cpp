#include "serverfixture.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonDocument>
#include <QtTest/QTest>

namespace testsupport {

ServerFixture::ServerFixture()
{
    if (!issuer.start())
        qFatal("test issuer cannot listen");
    issuer.publish(rsaKey());
    issuer.publish(ecKey());
}
ServerFixture::~ServerFixture() = default;

const TestKey &ServerFixture::rsaKey()
{
    static const TestKey key = TestKey::rsa(QStringLiteral("rsa-1"));
    return key;
}

const TestKey &ServerFixture::ecKey()
{
    static const TestKey key = TestKey::ec(QStringLiteral("ec-1"));
    return key;
}

apiserver::ServerConfig ServerFixture::defaultConfig() const
{
    apiserver::ServerConfig c;
    c.issuer = issuer.issuer();
    c.databasePath = QStringLiteral(":memory:");
    const std::shared_ptr<qint64> offset = clockOffsetMs;
    c.clock = [offset] { return QDateTime::currentMSecsSinceEpoch() + *offset; };
    c.enableFaults = true;
    c.providerTimeoutMs = 2000;
    return c;
}

bool ServerFixture::start(apiserver::ServerConfig config)
{
    server.reset();
    server = std::make_unique<apiserver::ApiServer>(std::move(config));
    QString error;
    if (!server->start(&error)) {
        qWarning() << "server start failed:" << error;
        return false;
    }
    return true;
}

QByteArray ServerFixture::tokenFor(const QString &sub, const QString &email,
                                   const QString &name) const
{
    QJsonObject claims{
        {QStringLiteral("sub"), sub},
        {QStringLiteral("email"),
         email.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(email)},
        {QStringLiteral("name"), name.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(name)}};
    return issuer.token(rsaKey(), claims);
}

TestReply ServerFixture::callRaw(const QByteArray &method, const QString &path,
                                 const QByteArray &token, const QByteArray &body,
                                 const Headers &extra, int timeoutMs) const
{
    Headers headers = extra;
    if (!token.isEmpty())
        headers.append(qMakePair(QByteArray("Authorization"), "Bearer " + token));
    return httpRequest(server->url(), method, path, headers, body, timeoutMs);
}

TestReply ServerFixture::call(const QByteArray &method, const QString &path,
                              const QByteArray &token, const QJsonObject &json,
                              const Headers &extra, int timeoutMs) const
{
    Headers headers = extra;
    QByteArray body;
    if (method == "POST" || method == "PATCH" || method == "PUT") {
        body = QJsonDocument(json).toJson(QJsonDocument::Compact);
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    }
    return callRaw(method, path, token, body, headers, timeoutMs);
}

QJsonObject ServerFixture::addVideo(const QByteArray &token, const QString &id,
                                    const QJsonObject &extra) const
{
    QJsonObject body = extra;
    body.insert(QStringLiteral("url"), watchUrl(id));
    const TestReply r = call("POST", QStringLiteral("/videos"), token, body);
    if (r.status != 201 && r.status != 409)
        qWarning() << "addVideo failed" << r.status << r.body;
    return r.status == 409 ? r.json().value(QStringLiteral("video")).toObject() : r.json();
}

QString youtubeId(int n)
{
    return QStringLiteral("vid%1").arg(n, 8, 10, QLatin1Char('0'));
}

QString watchUrl(const QString &id)
{
    return QStringLiteral("https://www.youtube.com/watch?v=") + id;
}

} // namespace testsupport
