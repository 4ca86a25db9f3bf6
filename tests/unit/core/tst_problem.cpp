// Problem: every error type of the network, provider and API layers converts
// to it without losing its kind, its user text is one sentence per kind, its
// detail is redacted, and a TLS failure during a refresh reaches the API's
// caller as a TLS problem (not as "offline").
#include "api/apiclient.h"
#include "api/apierror.h"
#include "auth/sessionmanager.h"
#include "auth/tokenclient.h"
#include "core/problem.h"
#include "nottlsserver.h"
#include "storage/memorysecretstore.h"
#include "unitsession.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

using K = Problem::Kind;

namespace {

const QString kJwt = QStringLiteral(
    "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyX2FsaWNlIiwiYXVkIjoiYXBpIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ");

} // namespace

class TestProblem : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;

private slots:
    void apiErrorConverts_data()
    {
        QTest::addColumn<int>("apiKind");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("expected");
        QTest::newRow("none") << int(ApiError::None) << 0 << int(K::None);
        QTest::newRow("network") << int(ApiError::Network) << 0 << int(K::NetworkUnreachable);
        QTest::newRow("timeout") << int(ApiError::Timeout) << 0 << int(K::Timeout);
        QTest::newRow("tls") << int(ApiError::Tls) << 0 << int(K::TlsFailure);
        QTest::newRow("redirected") << int(ApiError::Redirected) << 302 << int(K::Redirected);
        QTest::newRow("session ended") << int(ApiError::SessionEnded) << 0 << int(K::SignedOut);
        QTest::newRow("401") << int(ApiError::Unauthorized) << 401 << int(K::SessionExpired);
        QTest::newRow("403") << int(ApiError::Forbidden) << 403 << int(K::Forbidden);
        QTest::newRow("404") << int(ApiError::NotFound) << 404 << int(K::NotFound);
        QTest::newRow("409") << int(ApiError::Conflict) << 409 << int(K::Conflict);
        QTest::newRow("412") << int(ApiError::PreconditionFailed) << 412 << int(K::Conflict);
        QTest::newRow("422") << int(ApiError::Validation) << 422 << int(K::InvalidInput);
        QTest::newRow("413") << int(ApiError::TooLarge) << 413 << int(K::InvalidInput);
        QTest::newRow("415") << int(ApiError::UnsupportedType) << 415 << int(K::InvalidInput);
        QTest::newRow("400") << int(ApiError::BadRequest) << 400 << int(K::InvalidInput);
        QTest::newRow("429") << int(ApiError::RateLimited) << 429 << int(K::RateLimited);
        QTest::newRow("503") << int(ApiError::Server) << 503 << int(K::ServerError);
        QTest::newRow("bad body") << int(ApiError::BadResponse) << 200 << int(K::UnexpectedAnswer);
    }
    void apiErrorConverts()
    {
        QFETCH(int, apiKind);
        QFETCH(int, status);
        QFETCH(int, expected);
        ApiError e;
        e.kind = ApiError::Kind(apiKind);
        e.httpStatus = status;
        e.message = QStringLiteral("Something went wrong.");
        const Problem p = e.toProblem();
        QCOMPARE(int(p.kind()), expected);
        QCOMPARE(p.httpStatus(), e.kind == ApiError::None ? 0 : status);
        QCOMPARE(p.source(), Problem::Source::Service);
    }

    void apiErrorFromHttpKeepsFieldAndWait()
    {
        const ApiError validation = ApiError::fromHttp(
            422,
            R"({"detail":"Invalid video","errors":[{"field":"url","message":"Not a YouTube link"}]})",
            -1);
        const Problem p = validation.toProblem();
        QCOMPARE(p.kind(), K::InvalidInput);
        QCOMPARE(p.field(), QString("url"));
        QCOMPARE(p.userText(), QString("Not a YouTube link"));
        QCOMPARE(p.action(), Problem::Action::FixInput);

        const Problem busy = ApiError::fromHttp(429, "{}", 7).toProblem();
        QCOMPARE(busy.kind(), K::RateLimited);
        QCOMPARE(busy.retryAfterSeconds(), 7);
        QCOMPARE(busy.userText(), QString("Too many requests — please try again in 7 seconds."));
    }

    void tokenErrorConverts_data()
    {
        QTest::addColumn<int>("tokenKind");
        QTest::addColumn<int>("transport");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("expected");
        using T = TokenError::Kind;
        QTest::newRow("unreachable")
            << int(T::Transient) << int(K::NetworkUnreachable) << 0 << int(K::NetworkUnreachable);
        QTest::newRow("timeout") << int(T::Transient) << int(K::Timeout) << 0 << int(K::Timeout);
        QTest::newRow("tls") << int(T::Tls) << int(K::TlsFailure) << 0 << int(K::TlsFailure);
        QTest::newRow("tls, no transport")
            << int(T::Tls) << int(K::None) << 0 << int(K::TlsFailure);
        QTest::newRow("too large")
            << int(T::Malformed) << int(K::UnexpectedAnswer) << 0 << int(K::UnexpectedAnswer);
        QTest::newRow("503") << int(T::Transient) << int(K::None) << 503 << int(K::ProviderError);
        QTest::newRow("429") << int(T::Transient) << int(K::None) << 429 << int(K::RateLimited);
        QTest::newRow("invalid_grant")
            << int(T::InvalidGrant) << int(K::None) << 400 << int(K::SessionExpired);
        QTest::newRow("invalid_client")
            << int(T::Rejected) << int(K::None) << 401 << int(K::ProviderRefused);
        QTest::newRow("not json") << int(T::Malformed) << int(K::None) << 200
                                  << int(K::UnexpectedAnswer);
    }
    void tokenErrorConverts()
    {
        QFETCH(int, tokenKind);
        QFETCH(int, transport);
        QFETCH(int, status);
        QFETCH(int, expected);
        TokenError e;
        e.kind = TokenError::Kind(tokenKind);
        e.transport = K(transport);
        e.httpStatus = status;
        e.message = QStringLiteral("refresh_token=R3FR3SH was refused");
        const Problem p = e.toProblem();
        QCOMPARE(int(p.kind()), expected);
        QCOMPARE(p.source(), Problem::Source::Provider);
        QCOMPARE(p.httpStatus(), status);
        QVERIFY2(!p.detail().contains("R3FR3SH"), qPrintable(p.detail()));
    }

    void everyKindHasOneSentence()
    {
        for (const K kind : Problem::allKinds()) {
            const QString name = Problem::kindName(kind);
            QVERIFY(!name.isEmpty());
            for (const auto source : {Problem::Source::Service, Problem::Source::Provider}) {
                const Problem p(kind, source);
                const QString text = p.userText();
                if (kind == K::None) {
                    QVERIFY(text.isEmpty());
                    QVERIFY(!p.isError());
                    continue;
                }
                QVERIFY2(text.endsWith(u'.'), qPrintable(name + ": " + text));
                QVERIFY2(text.count(u'.') == 1, qPrintable(name + ": " + text)); // one sentence
                QVERIFY2(p.action() == Problem::Action::None || !p.actionText().isEmpty(),
                         qPrintable(name));
            }
        }
    }

    void detailAndServerWordsAreRedacted()
    {
        Problem p(K::ProviderRefused, Problem::Source::Provider);
        p.setDetail("token is " + kJwt + " and Authorization: Bearer abc.def-ghi");
        p.setServerMessage("grant_type=refresh_token&refresh_token=R3FR3SH&client_id=x");
        QVERIFY2(!p.detail().contains(kJwt.mid(20, 20)), qPrintable(p.detail()));
        QVERIFY2(!p.detail().contains("abc.def-ghi"), qPrintable(p.detail()));
        QVERIFY2(!p.serverMessage().contains("R3FR3SH"), qPrintable(p.serverMessage()));
    }

    void tokenClientReportsTlsFailure()
    {
        NotTlsServer server;
        QVERIFY(server.isListening());
        TokenClient client(&m_nam, "clipshelf-desktop", {});
        ProviderMetadata metadata;
        metadata.tokenEndpoint = QUrl(server.httpsUrl("/token"));
        client.setMetadata(metadata);
        bool done = false;
        Problem problem;
        client.refresh("RT-0", {}, [&](const TokenResponse *, const TokenError *error) {
            done = true;
            QVERIFY(error);
            problem = error->toProblem();
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
        QCOMPARE(problem.kind(), K::TlsFailure);
        QCOMPARE(problem.source(), Problem::Source::Provider);
    }

    /// The chain TokenError -> SessionManager::TokenProblem -> ApiError keeps the TLS failure.
    void tlsFailureDuringRefreshReachesTheApiCaller()
    {
        NotTlsServer provider;
        QVERIFY(provider.isListening());
        const QString issuer = provider.httpsUrl({});
        MemorySecretStore store;
        SessionManager sessions(unitConfig(issuer), &store, &m_nam);
        ProviderMetadata metadata;
        metadata.issuer = issuer;
        metadata.tokenEndpoint = QUrl(provider.httpsUrl("/token"));
        sessions.tokenClient()->setMetadata(metadata);
        sessions.adopt(unitSession(issuer, "AT-0", "RT-0", -1),
                       [](const SecretResult &) {}); // expired

        ApiClient api(QUrl("http://127.0.0.1:9/api/v1/"), &sessions, &m_nam);
        bool done = false;
        ApiResult result;
        api.send(ApiRequest::get("/me"), nullptr, [&](const ApiResult &r) {
            result = r;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
        QVERIFY(result.error.isError());
        const Problem p = result.error.toProblem();
        QCOMPARE(p.kind(), K::TlsFailure);
        QCOMPARE(p.source(), Problem::Source::Provider);
        QVERIFY2(p.userText().contains("certificate"), qPrintable(p.userText()));
        QVERIFY(
            sessions.isActive()); // as before: the session is kept, the refresh tried again later
    }
};

QTEST_MAIN(TestProblem)

#include "tst_problem.moc"
