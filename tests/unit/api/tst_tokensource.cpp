// ApiClient over the TokenSource seam alone (no SessionManager): the bearer
// header from the source, one tokenRejected() and one replay on a 401, and a
// source's problem as the matching ApiError.
#include "api/apiclient.h"
#include "api/tokensource.h"
#include "fakeprovider.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace clipshelf;
using namespace clipshelf::test;

namespace {

/// Hands out a fixed token (or problem); a rejected token is replaced by \a replacement.
class ScriptedSource : public TokenSource
{
public:
    void withAccessToken(TokenCallback done) override
    {
        ++asked;
        done(problem ? QString() : token, problem);
    }
    void tokenRejected(const QString &rejected, TokenCallback done) override
    {
        rejections << rejected;
        token = replacement;
        done(token, std::nullopt);
    }

    QString token = QStringLiteral("tok-1");
    QString replacement = QStringLiteral("tok-2");
    std::optional<TokenProblem> problem;
    int asked = 0;
    QStringList rejections;
};

ApiResult call(ApiClient &api)
{
    ApiResult result;
    bool done = false;
    api.send(ApiRequest::get("/me"), nullptr, [&](const ApiResult &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10'000))
        qWarning("no answer");
    return result;
}

} // namespace

class TestTokenSource : public QObject
{
    Q_OBJECT
private slots:
    void bearerFromTheSource()
    {
        FakeProvider server;
        QByteArray seen;
        server.other = [&](const FakeRequest &r) {
            seen = r.headers.value("authorization");
            return FakeProvider::json({{"ok", true}});
        };
        ScriptedSource source;
        ApiClient api(QUrl(server.issuer() + "/api/v1"), &source, &m_nam);
        const ApiResult r = call(api);
        QVERIFY(r.ok());
        QCOMPARE(seen, QByteArray("Bearer tok-1"));
        QCOMPARE(source.asked, 1);
    }

    void rejectedOnceThenReplayed()
    {
        FakeProvider server;
        QList<QByteArray> seen;
        server.other = [&](const FakeRequest &r) {
            seen << r.headers.value("authorization");
            if (r.headers.value("authorization") == "Bearer tok-1") {
                FakeResponse denied{401, "{}"};
                denied.headers = {{"WWW-Authenticate", "Bearer error=\"invalid_token\""}};
                return denied;
            }
            return FakeProvider::json({{"ok", true}});
        };
        ScriptedSource source;
        ApiClient api(QUrl(server.issuer() + "/api/v1"), &source, &m_nam);
        const ApiResult r = call(api);
        QVERIFY(r.ok());
        QCOMPARE(source.rejections, QStringList{QStringLiteral("tok-1")});
        QCOMPARE(seen, (QList<QByteArray>{"Bearer tok-1", "Bearer tok-2"}));
    }

    void problemsBecomeApiErrors_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<int>("expected");
        QTest::newRow("ended") << int(TokenProblem::Ended) << 0 << int(ApiError::SessionEnded);
        QTest::newRow("unreachable") << int(TokenProblem::Transient) << 0 << int(ApiError::Network);
        QTest::newRow("provider 503")
            << int(TokenProblem::Transient) << 503 << int(ApiError::Server);
        QTest::newRow("provider 429")
            << int(TokenProblem::Transient) << 429 << int(ApiError::RateLimited);
    }

    void problemsBecomeApiErrors()
    {
        QFETCH(int, kind);
        QFETCH(int, httpStatus);
        QFETCH(int, expected);
        FakeProvider server;
        int requests = 0;
        server.other = [&](const FakeRequest &) {
            ++requests;
            return FakeProvider::json({{"ok", true}});
        };
        ScriptedSource source;
        source.problem = TokenProblem{TokenProblem::Kind(kind), QStringLiteral("why"), httpStatus};
        ApiClient api(QUrl(server.issuer() + "/api/v1"), &source, &m_nam);
        const ApiResult r = call(api);
        QCOMPARE(int(r.error.kind), expected);
        QCOMPARE(r.error.message, QStringLiteral("why"));
        QCOMPARE(requests, 0); // nothing is sent without a token
    }

private:
    QNetworkAccessManager m_nam;
};

QTEST_GUILESS_MAIN(TestTokenSource)
#include "tst_tokensource.moc"
