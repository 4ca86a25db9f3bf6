// clipshelf-cli's exit codes come from one table (cli/exitcodes.h) from a
// Problem's kind: every kind has exactly one row, and API errors keep the
// codes docs/cli.md documents.
#include "api/apierror.h"
#include "cli/apierrors.h"
#include "cli/exitcodes.h"

#include <QTest>

using namespace clipshelf;
using namespace clipshelf::cli;

class TestCliExitCodes : public QObject
{
    Q_OBJECT
private slots:
    void everyKindHasExactlyOneRow()
    {
        for (const Problem::Kind kind : Problem::allKinds()) {
            const auto rows = std::count_if(kExitCodeOfProblem.begin(), kExitCodeOfProblem.end(),
                                            [kind](const auto &row) { return row.first == kind; });
            QVERIFY2(rows == 1, qPrintable(QStringLiteral("%1 has %2 rows in kExitCodeOfProblem")
                                               .arg(Problem::kindName(kind))
                                               .arg(rows)));
        }
        QCOMPARE(qsizetype(kExitCodeOfProblem.size()), Problem::allKinds().size());
        QCOMPARE(exitCodeFor(Problem::Kind::None), int(Ok));
    }

    void apiErrorsKeepTheirCodes_data()
    {
        QTest::addColumn<int>("apiKind");
        QTest::addColumn<int>("code");
        QTest::newRow("none") << int(ApiError::None) << 0;
        QTest::newRow("session ended") << int(ApiError::SessionEnded) << 3;
        QTest::newRow("401") << int(ApiError::Unauthorized) << 3;
        QTest::newRow("network") << int(ApiError::Network) << 4;
        QTest::newRow("timeout") << int(ApiError::Timeout) << 4;
        QTest::newRow("tls") << int(ApiError::Tls) << 4;
        QTest::newRow("redirected") << int(ApiError::Redirected) << 4;
        QTest::newRow("5xx") << int(ApiError::Server) << 5;
        QTest::newRow("429") << int(ApiError::RateLimited) << 5;
        QTest::newRow("bad body") << int(ApiError::BadResponse) << 5;
        QTest::newRow("404") << int(ApiError::NotFound) << 6;
        QTest::newRow("409") << int(ApiError::Conflict) << 7;
        QTest::newRow("412") << int(ApiError::PreconditionFailed) << 7;
        QTest::newRow("403") << int(ApiError::Forbidden) << 1;
        QTest::newRow("422") << int(ApiError::Validation) << 1;
        QTest::newRow("413") << int(ApiError::TooLarge) << 1;
        QTest::newRow("415") << int(ApiError::UnsupportedType) << 1;
        QTest::newRow("400") << int(ApiError::BadRequest) << 1;
    }
    void apiErrorsKeepTheirCodes()
    {
        QFETCH(int, apiKind);
        QFETCH(int, code);
        ApiError e;
        e.kind = ApiError::Kind(apiKind);
        QCOMPARE(exitCodeFor(e), code);
    }

    /// A refresh that failed on TLS is "unreachable" (4), as a TLS failure of the API is.
    void carriedProblemDecides()
    {
        ApiError e;
        e.kind = ApiError::Network;
        e.origin = Problem(Problem::Kind::TlsFailure, Problem::Source::Provider);
        QCOMPARE(exitCodeFor(e), int(Unreachable));
        e.kind = ApiError::SessionEnded;
        e.origin = Problem(Problem::Kind::SessionExpired, Problem::Source::Provider);
        QCOMPARE(exitCodeFor(e), int(NotSignedIn));
    }
};

QTEST_MAIN(TestCliExitCodes)

#include "tst_cliexitcodes.moc"
