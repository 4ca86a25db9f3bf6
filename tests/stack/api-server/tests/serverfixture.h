// An in-process API server on an ephemeral port with a fresh database, plus
// the test issuer it trusts and helpers to call it as a given user.
#pragma once

#include "apiserver.h"
#include "testhttp.h"
#include "testissuer.h"

#include <memory>

namespace testsupport {

class ServerFixture
{
public:
    ServerFixture();
    ~ServerFixture();

    // Shared per process (key generation is the slow part).
    static const TestKey &rsaKey();
    static const TestKey &ecKey();

    TestIssuer issuer;
    std::unique_ptr<apiserver::ApiServer> server;
    // Added to the real clock of the server (tests move time forward).
    std::shared_ptr<qint64> clockOffsetMs = std::make_shared<qint64>(0);

    apiserver::ServerConfig defaultConfig() const;
    // (Re)starts the server with a fresh in-memory state; the issuer runs
    // from construction on with rsaKey() and ecKey() published.
    bool start(apiserver::ServerConfig config);
    bool start() { return start(defaultConfig()); }
    QUrl url() const { return server->url(); }

    QByteArray tokenFor(const QString &sub, const QString &email = {},
                        const QString &name = {}) const;
    QByteArray alice() const
    {
        return tokenFor(QStringLiteral("user_alice"), QStringLiteral("alice@example.com"),
                        QStringLiteral("Alice"));
    }
    QByteArray bob() const
    {
        return tokenFor(QStringLiteral("user_bob"), QStringLiteral("bob@example.com"),
                        QStringLiteral("Bob"));
    }

    TestReply call(const QByteArray &method, const QString &path, const QByteArray &token = {},
                   const QJsonObject &json = {}, const Headers &extra = {},
                   int timeoutMs = 5000) const;
    TestReply callRaw(const QByteArray &method, const QString &path, const QByteArray &token,
                      const QByteArray &body, const Headers &extra = {},
                      int timeoutMs = 5000) const;
    // POST /videos, returns the created (or existing) video JSON.
    QJsonObject addVideo(const QByteArray &token, const QString &youtubeId,
                         const QJsonObject &extra = {}) const;
};

// "vid00000042"-style 11-character YouTube ids.
QString youtubeId(int n);
QString watchUrl(const QString &id);

} // namespace testsupport
