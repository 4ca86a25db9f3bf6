// SignInFlow against a scripted provider: PKCE, state, nonce, the exchange, and every way it ends.
#include "auth/jwkscache.h"
#include "auth/pkce.h"
#include "auth/signinflow.h"
#include "auth/tokenclient.h"
#include "fakeprovider.h"
#include "rawhttp.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
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
    using Signer = std::function<QString(const QJsonObject &claims)>;

    static void serveTokens(FakeProvider &p, QString *seenNonce, const QUrl *authUrl,
                            const QJsonObject &extraClaims = {}, const Signer &sign = {})
    {
        p.token = [&p, seenNonce, authUrl, extraClaims, sign](const FakeRequest &r) {
            const QUrlQuery form(QString::fromLatin1(r.body));
            const QUrlQuery auth(*authUrl);
            const QByteArray verifier =
                form.queryItemValue("code_verifier", QUrl::FullyDecoded).toLatin1();
            if (form.queryItemValue("code", QUrl::FullyDecoded) != kCode ||
                pkce::challengeS256(verifier) != auth.queryItemValue("code_challenge").toLatin1() ||
                form.queryItemValue("redirect_uri", QUrl::FullyDecoded) !=
                    auth.queryItemValue("redirect_uri", QUrl::FullyDecoded))
                return FakeProvider::json({{"error", "invalid_grant"}}, 400);
            QJsonObject claims{{"iss", p.issuer()},
                               {"sub", "user_alice"},
                               {"aud", "clipshelf-desktop"},
                               {"exp", double(QDateTime::currentSecsSinceEpoch() + 600)},
                               {"iat", double(QDateTime::currentSecsSinceEpoch())},
                               {"nonce", *seenNonce},
                               {"name", "Alice Liddell"},
                               {"email", "alice@example.com"}};
            for (auto it = extraClaims.begin(); it != extraClaims.end(); ++it)
                claims.insert(it.key(), it.value());
            return FakeProvider::json({{"access_token", "AT"},
                                       {"token_type", "Bearer"},
                                       {"expires_in", 300},
                                       {"refresh_token", "RT"},
                                       {"id_token", sign ? sign(claims) : makeJwt(claims)}});
        };
    }

    struct Attempt
    {
        bool succeeded = false;
        QString failure;
        int tokensReceived = 0;
    };

    /// One whole sign-in whose ID token \a sign makes (over \a tokens, which keeps the key cache).
    Attempt signIn(FakeProvider &provider, TokenClient &tokens, const Signer &sign,
                   const QByteArray &date = {})
    {
        QString nonce;
        QUrl authUrl;
        serveTokens(provider, &nonce, &authUrl, {}, sign);
        if (!date.isEmpty()) // the provider's clock, in its Date header
            provider.token = [inner = provider.token, date](const FakeRequest &r) {
                FakeResponse response = inner(r);
                response.headers.append({"Date", date});
                return response;
            };
        SignInFlow flow(configFor(provider), &m_nam, &tokens);
        QSignalSpy urlReady(&flow, &SignInFlow::authorizationUrlReady);
        QSignalSpy succeeded(&flow, &SignInFlow::succeeded);
        QSignalSpy failed(&flow, &SignInFlow::failed);
        QSignalSpy tokensReceived(&flow, &SignInFlow::tokensReceived);
        flow.start();
        Attempt a;
        if (urlReady.wait(5000)) {
            authUrl = urlReady.first().first().toUrl();
            nonce = QUrlQuery(authUrl).queryItemValue("nonce");
            redirectBack(authUrl, provider.issuer());
            if (!QTest::qWaitFor([&] { return succeeded.count() + failed.count() > 0; }, 10'000))
                a.failure = "no outcome within 10 s";
        }
        a.succeeded = succeeded.count() == 1;
        if (!failed.isEmpty())
            a.failure = failed.first().first().toString();
        a.tokensReceived = int(tokensReceived.count());
        provider.token = [](const FakeRequest &) {
            return FakeResponse{500, "{}"};
        }; // drops nonce, authUrl
        return a;
    }

    static Signer signedWith(const TestSigningKey &key, const QJsonObject &header = {})
    {
        return [key, header](const QJsonObject &claims) {
            return QString::fromLatin1(key.token(claims, header));
        };
    }

    // Plays the browser: follows the authorization URL straight to the loopback callback.
    static RawReply redirectBack(const QUrl &authUrl, const QString &issuer,
                                 const QString &extra = {})
    {
        const QUrlQuery q(authUrl);
        const QUrl redirect(q.queryItemValue("redirect_uri", QUrl::FullyDecoded));
        const QByteArray target =
            "/callback?code=" + QUrl::toPercentEncoding(kCode) +
            "&state=" + QUrl::toPercentEncoding(q.queryItemValue("state", QUrl::FullyDecoded)) +
            "&iss=" + QUrl::toPercentEncoding(issuer) + extra.toLatin1();
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
        QVERIFY(q.queryItemValue("state").size() >= 22); // ≥ 128 bits
        QVERIFY(nonce.size() >= 22);
        QCOMPARE(q.queryItemValue("scope", QUrl::FullyDecoded),
                 QString("openid profile email offline_access"));
        QCOMPARE(q.queryItemValue("resource", QUrl::FullyDecoded), QString("urn:clipshelf:api"));
        QCOMPARE(q.queryItemValue("prompt"), QString("consent"));
        QVERIFY(
            q.queryItemValue("redirect_uri", QUrl::FullyDecoded).startsWith("http://127.0.0.1:"));

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

    void everyAcceptedAlgorithmSignsIn_data()
    {
        QTest::addColumn<QString>("alg");
        for (const char *alg : {"RS256", "PS256", "ES256", "EdDSA"})
            QTest::addRow("%s", alg) << QString(alg);
    }

    void everyAcceptedAlgorithmSignsIn()
    {
        QFETCH(QString, alg);
        const TestSigningKey key = alg == "ES256"   ? TestSigningKey::ec("k-" + alg)
                                   : alg == "EdDSA" ? TestSigningKey::ed25519("k-" + alg)
                                                    : TestSigningKey::rsa("k-" + alg, alg);
        FakeProvider provider;
        provider.jwks = [key](const FakeRequest &) {
            return FakeResponse{200, jwksDocument({fakeProviderKey(), key}),
                                "application/jwk-set+json"};
        };
        TokenClient tokens(&m_nam, "clipshelf-desktop", {});
        const Attempt a = signIn(provider, tokens, signedWith(key));
        QVERIFY2(a.succeeded, qPrintable(a.failure));
        QCOMPARE(provider.count("/jwks"), 1);
        // The keys are cached for the next sign-in.
        QVERIFY(signIn(provider, tokens, signedWith(key)).succeeded);
        QCOMPARE(provider.count("/jwks"), 1);
    }

    void forgedIdTokensAreRefused_data()
    {
        QTest::addColumn<QString>("forgery");
        QTest::newRow("key not in the provider's JWKS") << "impostor";
        QTest::newRow("HS256 with the public key as secret") << "hs256-pem";
        QTest::newRow("HS256 with the JWK as secret") << "hs256-jwk";
        QTest::newRow("alg none") << "none";
        QTest::newRow("RS256 claimed, RSA key, EC signature") << "mismatch";
        QTest::newRow("payload swapped after signing") << "swapped";
    }

    void forgedIdTokensAreRefused()
    {
        QFETCH(QString, forgery);
        const TestSigningKey &real = fakeProviderKey();
        Signer sign;
        if (forgery == "impostor") {
            sign = signedWith(TestSigningKey::rsa(real.kid)); // claims the published kid
        } else if (forgery.startsWith("hs256")) {
            const QByteArray secret =
                forgery == "hs256-pem" ? real.publicPem()
                                       : QJsonDocument(real.jwk()).toJson(QJsonDocument::Compact);
            sign = [secret, kid = real.kid](const QJsonObject &claims) {
                return QString::fromLatin1(TestSigningKey::compact(
                    {{"alg", "HS256"}, {"kid", kid}}, claims,
                    [&](const QByteArray &in) { return TestSigningKey::hs256(secret, in); }));
            };
        } else if (forgery == "none") {
            sign = [](const QJsonObject &claims) {
                return QString::fromLatin1(TestSigningKey::compact(
                    {{"alg", "none"}}, claims, [](const QByteArray &) { return "x"; }));
            };
        } else if (forgery == "mismatch") {
            sign = signedWith(TestSigningKey::ec("ec"), {{"alg", "RS256"}, {"kid", real.kid}});
        } else {
            sign = [](const QJsonObject &claims) {
                const QStringList good = makeJwt(claims).split('.');
                QJsonObject other = claims;
                other["sub"] = "user_mallory";
                return good[0] + '.' + makeJwt(other).split('.')[1] + '.' + good[2];
            };
        }
        FakeProvider provider;
        TokenClient tokens(&m_nam, "clipshelf-desktop", {});
        const Attempt a = signIn(provider, tokens, sign);
        QVERIFY(!a.succeeded);
        QVERIFY2(a.failure.contains("ID token was refused"), qPrintable(a.failure));
        QCOMPARE(a.tokensReceived, 0); // nothing of it is stored
        // The same provider's genuine token still signs in.
        QVERIFY(signIn(provider, tokens, {}).succeeded);
    }

    void unknownKeyIsLookedUpOnceThenRefused()
    {
        FakeProvider provider;
        TokenClient tokens(&m_nam, "clipshelf-desktop", {});
        QVERIFY(signIn(provider, tokens, {}).succeeded);
        QCOMPARE(provider.count("/jwks"), 1);
        const TestSigningKey stranger = TestSigningKey::rsa("stranger");
        Attempt a = signIn(provider, tokens, signedWith(stranger));
        QVERIFY(!a.succeeded);
        QVERIFY2(a.failure.contains("key the provider does not publish"), qPrintable(a.failure));
        QCOMPARE(provider.count("/jwks"), 2); // one refetch...
        a = signIn(provider, tokens, signedWith(stranger));
        QVERIFY(!a.succeeded);
        QCOMPARE(provider.count("/jwks"), 2); // ...and not again so soon
    }

    void rotatedKeyIsFetched()
    {
        FakeProvider provider;
        TokenClient tokens(&m_nam, "clipshelf-desktop", {});
        QVERIFY(signIn(provider, tokens, {}).succeeded);
        const TestSigningKey next = TestSigningKey::ed25519("next");
        provider.jwks = [next](const FakeRequest &) {
            return FakeResponse{200, jwksDocument({fakeProviderKey(), next})};
        };
        const Attempt a = signIn(provider, tokens, signedWith(next));
        QVERIFY2(a.succeeded, qPrintable(a.failure));
        QCOMPARE(provider.count("/jwks"), 2);
    }

    void unusableKeySets_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("HTTP 500") << 500 << QByteArray("{}") << "HTTP 500";
        QTest::newRow("not a key set") << 200 << QByteArray("<html>") << "\"keys\" array";
        QTest::newRow("too large")
            << 200 << QByteArray(jws::kMaxJwksBytes + 1, ' ') << "larger than 64 KiB";
        QTest::newRow("only short RSA keys")
            << 200 << jwksDocument({TestSigningKey::rsa("test", "RS256", 1024)})
            << "key the provider does not publish";
    }

    void unusableKeySets()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        FakeProvider provider;
        provider.jwks = [&](const FakeRequest &) { return FakeResponse{status, body}; };
        TokenClient tokens(&m_nam, "clipshelf-desktop", {});
        const Attempt a = signIn(provider, tokens, {});
        QVERIFY(!a.succeeded);
        QVERIFY2(a.failure.contains(expected), qPrintable(a.failure));
    }

    void keySetDeadline()
    {
        // A key set that never finishes arriving: the overall deadline ends the wait.
        QTcpServer drip;
        QVERIFY(drip.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&drip, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *s = drip.nextPendingConnection();
            held << s;
            s->write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{");
        });
        FakeProvider provider;
        provider.discovery = [&](const FakeRequest &) {
            QJsonObject doc = provider.discoveryDocument();
            doc["jwks_uri"] = QStringLiteral("http://127.0.0.1:%1/jwks").arg(drip.serverPort());
            return FakeProvider::json(doc);
        };
        QTimer dripper; // one byte every 100 ms: never idle long enough for an inactivity timeout
        connect(&dripper, &QTimer::timeout, this, [&] {
            for (QTcpSocket *s : held)
                s->write(" ");
        });
        dripper.start(100);
        TokenClient tokens(&m_nam, "clipshelf-desktop", {});
        tokens.signingKeys()->setTimeout(800);
        QElapsedTimer timer;
        timer.start();
        const Attempt a = signIn(provider, tokens, {});
        QVERIFY(!a.succeeded);
        QVERIFY2(a.failure.contains("did not answer within 1 s"), qPrintable(a.failure));
        QVERIFY(timer.elapsed() < 5000);
        qDeleteAll(held);
    }

    void idTokenTimesAreJudgedByTheProvidersClock()
    {
        // The provider's clock is 2 h ahead of this computer's: by ours, its ID token
        // is issued in the future. Its Date header tells its clock, which is what counts.
        const QDateTime providerNow = QDateTime::currentDateTimeUtc().addSecs(7200);
        const Signer aheadOfUs = [providerNow](QJsonObject claims) {
            claims["iat"] = double(providerNow.toSecsSinceEpoch());
            claims["exp"] = double(providerNow.toSecsSinceEpoch() + 600);
            return makeJwt(claims);
        };
        FakeProvider provider;
        TokenClient tokens(&m_nam, "clipshelf-desktop", {});
        const QByteArray date =
            QLocale::c()
                .toString(providerNow, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                .toLatin1();
        const Attempt a = signIn(provider, tokens, aheadOfUs, date);
        QVERIFY2(a.succeeded, qPrintable(a.failure));
        // Without the Date header, our clock judges, and the token is refused.
        const Attempt b = signIn(provider, tokens, aheadOfUs);
        QVERIFY(!b.succeeded);
        QVERIFY2(b.failure.contains("issued in the future"), qPrintable(b.failure));
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
        QVERIFY2(failed.first().first().toString().contains(expected),
                 qPrintable(failed.first().first().toString()));
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
        QVERIFY2(failed.first().first().toString().contains("plain http"),
                 qPrintable(failed.first().first().toString()));
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
        QVERIFY2(failed.first().first().toString().contains("not allowed"),
                 qPrintable(failed.first().first().toString()));
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
        const QUrl redirect(QUrlQuery(urlReady.first().first().toUrl())
                                .queryItemValue("redirect_uri", QUrl::FullyDecoded));
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
        provider.token = [](const FakeRequest &) {
            return FakeProvider::json({{"error", "invalid_client"}}, 401);
        };
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
        QCOMPARE(tokensReceived.count(), 1); // announced, then the attempt failed
    }

    void userinfoFillsMissingProfile()
    {
        FakeProvider provider;
        QString nonce;
        QUrl authUrl;
        serveTokens(provider, &nonce, &authUrl, {{"name", QJsonValue()}, {"email", QJsonValue()}});
        provider.userinfo = [](const FakeRequest &) {
            return FakeProvider::json({{"sub", "user_alice"},
                                       {"name", "Alice L."},
                                       {"email", "a@example.com"},
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
        QCOMPARE(QUrlQuery(QString::fromLatin1(body))
                     .queryItemValue("client_secret", QUrl::FullyDecoded),
                 QString("GOCSPX-not+secret"));
    }
};

QTEST_GUILESS_MAIN(TestSignInFlow)
#include "tst_signinflow.moc"
