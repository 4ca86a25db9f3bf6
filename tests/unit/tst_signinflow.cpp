// SignInFlow against a scripted provider: PKCE, state, nonce, the exchange, and every way it ends.
#include "auth/pkce.h"
#include "auth/signinflow.h"
#include "auth/tokenclient.h"
#include "fakeprovider.h"
#include "rawhttp.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

namespace {
const QString kCode = QStringLiteral("c0de+with/odd=chars%");
}

class TestSignInFlow : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

    Config configFor(const FakeProvider &p)
    {
        Config c;
        c.set(Config::Key::Issuer, p.issuer(), "test");
        c.set(Config::Key::ClientId, "clipshelf-desktop", "test");
        c.set(Config::Key::Scopes, "openid profile email offline_access", "test");
        c.set(Config::Key::Resource, "urn:clipshelf:api", "test");
        c.set(Config::Key::AuthParams, "prompt=consent", "test");
        return c;
    }

    // Plays the provider's token endpoint: checks PKCE and answers with tokens.
    static void serveTokens(FakeProvider &p, QString *seenNonce, const QUrl *authUrl,
                            const QJsonObject &extraClaims = {})
    {
        p.token = [&p, seenNonce, authUrl, extraClaims](const FakeRequest &r) {
            const QUrlQuery form(QString::fromLatin1(r.body));
            const QUrlQuery auth(*authUrl);
            const QByteArray verifier = form.queryItemValue("code_verifier", QUrl::FullyDecoded).toLatin1();
            if (form.queryItemValue("code", QUrl::FullyDecoded) != kCode
                || pkce::challengeS256(verifier) != auth.queryItemValue("code_challenge").toLatin1()
                || form.queryItemValue("redirect_uri", QUrl::FullyDecoded)
                       != auth.queryItemValue("redirect_uri", QUrl::FullyDecoded))
                return FakeProvider::json({{"error", "invalid_grant"}}, 400);
            QJsonObject claims{{"iss", p.issuer()}, {"sub", "user_alice"}, {"aud", "clipshelf-desktop"},
                               {"exp", double(QDateTime::currentSecsSinceEpoch() + 600)},
                               {"iat", double(QDateTime::currentSecsSinceEpoch())},
                               {"nonce", *seenNonce}, {"name", "Alice Liddell"}, {"email", "alice@example.com"}};
            for (auto it = extraClaims.begin(); it != extraClaims.end(); ++it)
                claims.insert(it.key(), it.value());
            return FakeProvider::json({{"access_token", "AT"}, {"token_type", "Bearer"}, {"expires_in", 300},
                                       {"refresh_token", "RT"}, {"id_token", makeJwt(claims)}});
        };
    }

    // Plays the browser: follows the authorization URL straight to the loopback callback.
    static RawReply redirectBack(const QUrl &authUrl, const QString &issuer, const QString &extra = {})
    {
        const QUrlQuery q(authUrl);
        const QUrl redirect(q.queryItemValue("redirect_uri", QUrl::FullyDecoded));
        const QByteArray target = "/callback?code=" + QUrl::toPercentEncoding(kCode) + "&state="
                                  + QUrl::toPercentEncoding(q.queryItemValue("state", QUrl::FullyDecoded))
                                  + "&iss=" + QUrl::toPercentEncoding(issuer) + extra.toLatin1();
        return get(quint16(redirect.port()), target);
    }

private slots:
    void completesWithPkceStateAndNonce()
    {
        FakeProvider provider;
        TokenClient tokens(&m_nam, "clipshelf-desktop", {});
        SignInFlow flow(configFor(provider), &m_nam, &tokens);
        QSignalSpy urlReady(&flow, &SignInFlow::authorizationUrlReady);
        QSignalSpy succeeded(&flow, &SignInFlow::succeeded);
        QSignalSpy failed(&flow, &SignInFlow::failed);
        // The tokens are announced (for storing) before the profile is complete.
        int succeededWhenTokensArrived = -1;
        connect(&flow, &SignInFlow::tokensReceived, &flow,
                [&](const Session &) { succeededWhenTokensArrived = int(succeeded.count()); });
        QSignalSpy tokensReceived(&flow, &SignInFlow::tokensReceived);
        QString nonce;
        QUrl authUrl;
        serveTokens(provider, &nonce, &authUrl);
        flow.start();
        QVERIFY(urlReady.wait(5000));
        authUrl = urlReady.first().first().toUrl();
        const QUrlQuery q(authUrl);
        nonce = q.queryItemValue("nonce");
        QCOMPARE(authUrl.path(), QString("/auth"));
        QCOMPARE(q.queryItemValue("response_type"), QString("code"));
        QCOMPARE(q.queryItemValue("client_id"), QString("clipshelf-desktop"));
        QCOMPARE(q.queryItemValue("code_challenge_method"), QString("S256"));
        QCOMPARE(q.queryItemValue("code_challenge").size(), 43);
        QVERIFY(q.queryItemValue("state").size() >= 22);  // ≥ 128 bits
        QVERIFY(nonce.size() >= 22);
        QCOMPARE(q.queryItemValue("scope", QUrl::FullyDecoded), QString("openid profile email offline_access"));
        QCOMPARE(q.queryItemValue("resource", QUrl::FullyDecoded), QString("urn:clipshelf:api"));
        QCOMPARE(q.queryItemValue("prompt"), QString("consent"));
        QVERIFY(q.queryItemValue("redirect_uri", QUrl::FullyDecoded).startsWith("http://127.0.0.1:"));

        const RawReply page = redirectBack(authUrl, provider.issuer());
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("Signed in to Clipshelf"));
        QCOMPARE(failed.count(), 0);
        QTRY_COMPARE(succeeded.count(), 1);
        const auto session = succeeded.first().first().value<Session>();
        QCOMPARE(session.accessToken, QString("AT"));
        QCOMPARE(session.refreshToken, QString("RT"));
        QCOMPARE(session.profile.subject, QString("user_alice"));
        QCOMPARE(session.profile.name, QString("Alice Liddell"));
        QCOMPARE(session.profile.email, QString("alice@example.com"));
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(session.accessTokenExpiry) - 300) <= 5);
        QCOMPARE(tokensReceived.count(), 1);
        QCOMPARE(succeededWhenTokensArrived, 0);
        const auto announced = tokensReceived.first().first().value<Session>();
        QCOMPARE(announced.accessToken, session.accessToken);
        QCOMPARE(announced.refreshToken, session.refreshToken);
        QCOMPARE(announced.profile.subject, session.profile.subject);

        // The token request carried the resource and no secret (public client).
        const auto tokenRequest = provider.requests.at(1);
        const QUrlQuery form(QString::fromLatin1(tokenRequest.body));
        QCOMPARE(form.queryItemValue("resource", QUrl::FullyDecoded), QString("urn:clipshelf:api"));
        QVERIFY(!form.hasQueryItem("client_secret"));
        QCOMPARE(form.queryItemValue("grant_type"), QString("authorization_code"));
    }

    void issuerMismatchStopsBeforeAnyRequest()
    {
        FakeProvider provider;
        provider.discovery = [&provider](const FakeRequest &) {
            QJsonObject doc = provider.discoveryDocument();
            doc.insert("issuer", "http://127.0.0.1:1");
            return FakeProvider::json(doc);
        };
        TokenClient tokens(&m_nam, "clipshelf-desktop", {});
        SignInFlow flow(configFor(provider), &m_nam, &tokens);
        QSignalSpy failed(&flow, &SignInFlow::failed);
        QSignalSpy urlReady(&flow, &SignInFlow::authorizationUrlReady);
        flow.start();
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.first().first().toString().contains("must match exactly"));
        QCOMPARE(urlReady.count(), 0);
        QCOMPARE(provider.requests.size(), 1);
    }

    void discoveryFailures_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("404") << 404 << QByteArray("nope") << "HTTP 404";
        QTest::newRow("not json") << 200 << QByteArray("<html>") << "not valid JSON";
        QTest::newRow("no token endpoint") << 200 << QByteArray() << "token_endpoint";
    }
    void discoveryFailures()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        FakeProvider provider;
        provider.discovery = [&](const FakeRequest &) {
            if (!body.isEmpty())
                return FakeResponse{status, body, "text/html"};
            QJsonObject doc = provider.discoveryDocument();
            doc.remove("token_endpoint");
            return FakeProvider::json(doc);
        };
        TokenClient tokens(&m_nam, "clipshelf-desktop", {});
        SignInFlow flow(configFor(provider), &m_nam, &tokens);
        QSignalSpy failed(&flow, &SignInFlow::failed);
        flow.start();
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.first().first().toString().contains(expected), qPrintable(failed.first().first().toString()));
    }

    void unreachableProvider()
    {
        Config c;
        c.set(Config::Key::Issuer, "http://127.0.0.1:1", "test");
        c.set(Config::Key::ClientId, "x", "test");
        TokenClient tokens(&m_nam, "x", {});
        SignInFlow flow(c, &m_nam, &tokens);
        QSignalSpy failed(&flow, &SignInFlow::failed);
        flow.start();
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().first().toString().contains("could not reach"));
    }

    // Issue 13 item 5: an http issuer elsewhere is never contacted; the sign-in page says why.
    void plainHttpIssuerIsRefusedBeforeAnyRequest()
    {
        Config c;
        c.set(Config::Key::Issuer, "http://id.example.com", "test");
        c.set(Config::Key::ClientId, "x", "test");
        TokenClient tokens(&m_nam, "x", {});
        SignInFlow flow(c, &m_nam, &tokens);
        QSignalSpy failed(&flow, &SignInFlow::failed);
        flow.start();
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.first().first().toString().contains("plain http"), qPrintable(failed.first().first().toString()));
        QCOMPARE(flow.stage(), SignInFlow::Stage::Finished);
    }

    // Issue 13 item 1: a CR LF access token ends the attempt before userinfo sees it.
    void accessTokenWithCrLfEndsTheAttempt()
    {
        FakeProvider provider;
        QString nonce;
        QUrl authUrl;
        serveTokens(provider, &nonce, &authUrl);
        const FakeProvider::Handler good = provider.token;
        provider.token = [good](const FakeRequest &r) {
            FakeResponse response = good(r);
            response.body.replace("\"AT\"", "\"AT\\r\\nX-Injected: 1\"");
            return response;
        };
        provider.userinfo = [](const FakeRequest &) {
            return FakeProvider::json({{"sub", "user_alice"}, {"name", "Alice Liddell"}});
        };
        TokenClient tokens(&m_nam, "clipshelf-desktop", {});
        SignInFlow flow(configFor(provider), &m_nam, &tokens);
        QSignalSpy urlReady(&flow, &SignInFlow::authorizationUrlReady);
        QSignalSpy failed(&flow, &SignInFlow::failed);
        QSignalSpy received(&flow, &SignInFlow::tokensReceived);
        flow.start();
        QVERIFY(urlReady.wait(5000));
        authUrl = urlReady.first().first().toUrl();
        nonce = QUrlQuery(authUrl).queryItemValue("nonce");
        const RawReply reply = redirectBack(authUrl, provider.issuer());
        QCOMPARE(reply.status, 400);
        QCOMPARE(provider.count("/token"), 1);
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.first().first().toString().contains("not allowed"), qPrintable(failed.first().first().toString()));
        QCOMPARE(received.count(), 0);      // nothing to store
        QCOMPARE(provider.count("/me"), 0); // the token never went into a header
    }

    void timeoutClosesListener()
    {
        FakeProvider provider;
        TokenClient tokens(&m_nam, "clipshelf-desktop", {});
        SignInFlow flow(configFor(provider), &m_nam, &tokens);
        flow.setTimeout(std::chrono::milliseconds(300));
        QSignalSpy urlReady(&flow, &SignInFlow::authorizationUrlReady);
        QSignalSpy failed(&flow, &SignInFlow::failed);
        flow.start();
        QVERIFY(urlReady.wait(5000));
        const QUrl redirect(QUrlQuery(urlReady.first().first().toUrl()).queryItemValue("redirect_uri", QUrl::FullyDecoded));
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.first().first().toString().contains("timed out"));
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, quint16(redirect.port()));
        QVERIFY(!s.waitForConnected(1000));
    }

    void cancelClosesListener()
    {
        FakeProvider provider;
        TokenClient tokens(&m_nam, "clipshelf-desktop", {});
        SignInFlow flow(configFor(provider), &m_nam, &tokens);
        QSignalSpy urlReady(&flow, &SignInFlow::authorizationUrlReady);
        QSignalSpy cancelled(&flow, &SignInFlow::cancelled);
        flow.start();
        QVERIFY(urlReady.wait(5000));
        const QUrl authUrl = urlReady.first().first().toUrl();
        flow.cancel();
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(redirectBack(authUrl, provider.issuer()).status, 0); // nobody listens
        QCOMPARE(provider.count("/token"), 0);
    }

    void tokenEndpointErrorEndsAttempt()
    {
        FakeProvider provider;
        provider.token = [](const FakeRequest &) { return FakeProvider::json({{"error", "invalid_client"}}, 401); };
        TokenClient tokens(&m_nam, "clipshelf-desktop", {});
        SignInFlow flow(configFor(provider), &m_nam, &tokens);
        QSignalSpy urlReady(&flow, &SignInFlow::authorizationUrlReady);
        QSignalSpy failed(&flow, &SignInFlow::failed);
        flow.start();
        QVERIFY(urlReady.wait(5000));
        const RawReply page = redirectBack(urlReady.first().first().toUrl(), provider.issuer());
        QCOMPARE(page.status, 400);
        QVERIFY(page.body.contains("invalid_client"));
        QCOMPARE(failed.count(), 1);
    }

    void idTokenWithWrongNonceIsRefused()
    {
        FakeProvider provider;
        QString nonce = "not-the-one-we-sent";
        QUrl authUrl;
        serveTokens(provider, &nonce, &authUrl);
        TokenClient tokens(&m_nam, "clipshelf-desktop", {});
        SignInFlow flow(configFor(provider), &m_nam, &tokens);
        QSignalSpy urlReady(&flow, &SignInFlow::authorizationUrlReady);
        QSignalSpy failed(&flow, &SignInFlow::failed);
        flow.start();
        QVERIFY(urlReady.wait(5000));
        authUrl = urlReady.first().first().toUrl();
        redirectBack(authUrl, provider.issuer());
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains("nonce"));
    }

    void userinfoForAnotherSubjectIsRefused()
    {
        FakeProvider provider;
        QString nonce;
        QUrl authUrl;
        serveTokens(provider, &nonce, &authUrl);
        provider.userinfo = [](const FakeRequest &r) {
            if (r.headers.value("authorization") != "Bearer AT")
                return FakeProvider::json({}, 401);
            return FakeProvider::json({{"sub", "user_mallory"}, {"name", "Mallory"}});
        };
        TokenClient tokens(&m_nam, "clipshelf-desktop", {});
        SignInFlow flow(configFor(provider), &m_nam, &tokens);
        QSignalSpy urlReady(&flow, &SignInFlow::authorizationUrlReady);
        QSignalSpy failed(&flow, &SignInFlow::failed);
        QSignalSpy succeeded(&flow, &SignInFlow::succeeded);
        QSignalSpy tokensReceived(&flow, &SignInFlow::tokensReceived);
        flow.start();
        QVERIFY(urlReady.wait(5000));
        authUrl = urlReady.first().first().toUrl();
        nonce = QUrlQuery(authUrl).queryItemValue("nonce");
        redirectBack(authUrl, provider.issuer());
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains("another account"));
        QCOMPARE(succeeded.count(), 0);
        QCOMPARE(tokensReceived.count(), 1);   // announced, then the attempt failed
    }

    void userinfoFillsMissingProfile()
    {
        FakeProvider provider;
        QString nonce;
        QUrl authUrl;
        serveTokens(provider, &nonce, &authUrl, {{"name", QJsonValue()}, {"email", QJsonValue()}});
        provider.userinfo = [](const FakeRequest &) {
            return FakeProvider::json({{"sub", "user_alice"}, {"name", "Alice L."}, {"email", "a@example.com"},
                                       {"picture", "https://img.example.com/a.png"}});
        };
        TokenClient tokens(&m_nam, "clipshelf-desktop", {});
        SignInFlow flow(configFor(provider), &m_nam, &tokens);
        QSignalSpy urlReady(&flow, &SignInFlow::authorizationUrlReady);
        QSignalSpy succeeded(&flow, &SignInFlow::succeeded);
        flow.start();
        QVERIFY(urlReady.wait(5000));
        authUrl = urlReady.first().first().toUrl();
        nonce = QUrlQuery(authUrl).queryItemValue("nonce");
        redirectBack(authUrl, provider.issuer());
        QTRY_COMPARE(succeeded.count(), 1);
        const auto session = succeeded.first().first().value<Session>();
        QCOMPARE(session.profile.name, QString("Alice L."));
        QCOMPARE(session.profile.pictureUrl, QString("https://img.example.com/a.png"));
    }

    void clientSecretSentWhenConfigured()
    {
        FakeProvider provider;
        QByteArray body;
        provider.token = [&body](const FakeRequest &r) {
            body = r.body;
            return FakeProvider::json({{"error", "invalid_grant"}}, 400);
        };
        Config c = configFor(provider);
        TokenClient tokens(&m_nam, "desktop.apps.googleusercontent.com", "GOCSPX-not+secret");
        SignInFlow flow(c, &m_nam, &tokens);
        QSignalSpy urlReady(&flow, &SignInFlow::authorizationUrlReady);
        QSignalSpy failed(&flow, &SignInFlow::failed);
        flow.start();
        QVERIFY(urlReady.wait(5000));
        redirectBack(urlReady.first().first().toUrl(), provider.issuer());
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(QUrlQuery(QString::fromLatin1(body)).queryItemValue("client_secret", QUrl::FullyDecoded),
                 QString("GOCSPX-not+secret"));
    }
};

QTEST_GUILESS_MAIN(TestSignInFlow)
#include "tst_signinflow.moc"
