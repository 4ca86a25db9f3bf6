// ApiError::fromHttp: every answer the contract allows maps to a kind, a
// clear message and per-field errors (400 or 422, with or without errors[];
// 413, 415, 431; 429/503 with and without Retry-After).
#include "api/apierror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest/QTest>

using clipshelf::ApiError;

class TestApiError : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mapping_data();
    void mapping();
    void fieldsWithoutMessagesAreSkipped();
};

namespace {
QByteArray errorsBody(const QString &detail, const QString &field, const QString &message)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("detail"), detail},
                           {QStringLiteral("errors"),
                            QJsonArray{QJsonObject{{QStringLiteral("field"), field},
                                                   {QStringLiteral("message"), message}}}}})
        .toJson();
}
QByteArray detailBody(const QString &detail)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("detail"), detail}}).toJson();
}
} // namespace

void TestApiError::mapping_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("field"); // first field error, "" for none
    QTest::addColumn<bool>("transient");

    QTest::newRow("422 with errors")
        << 422
        << errorsBody(QStringLiteral("Validation failed"), QStringLiteral("url"),
                      QStringLiteral("is a playlist, not one video"))
        << -1 << int(ApiError::Validation) << QStringLiteral("Validation failed")
        << QStringLiteral("url") << false;
    QTest::newRow("422 without errors")
        << 422 << detailBody(QStringLiteral("Title is too long")) << -1 << int(ApiError::Validation)
        << QStringLiteral("Title is too long") << QString() << false;
    QTest::newRow("422 empty body")
        << 422 << QByteArray() << -1 << int(ApiError::Validation)
        << QStringLiteral("Some of what you entered was not accepted.") << QString() << false;
    QTest::newRow("400 with errors")
        << 400
        << errorsBody(QStringLiteral("Bad input"), QStringLiteral("title"),
                      QStringLiteral("must be a string"))
        << -1 << int(ApiError::Validation) << QStringLiteral("Bad input") << QStringLiteral("title")
        << false;
    QTest::newRow("400 without errors")
        << 400 << detailBody(QStringLiteral("limit must be an integer from 1 to 1000")) << -1
        << int(ApiError::BadRequest) << QStringLiteral("limit must be an integer from 1 to 1000")
        << QString() << false;
    QTest::newRow("400 not json") << 400 << QByteArray("<html>nope</html>") << -1
                                  << int(ApiError::BadRequest)
                                  << QStringLiteral("The request was refused (HTTP 400).")
                                  << QString() << false;
    QTest::newRow("413") << 413
                         << detailBody(QStringLiteral("The request body is larger than 2 MiB"))
                         << -1 << int(ApiError::TooLarge)
                         << QStringLiteral("That is too large for the Clipshelf service.")
                         << QString() << false;
    QTest::newRow("415") << 415
                         << detailBody(
                                QStringLiteral("Send the avatar with Content-Type image/png"))
                         << -1 << int(ApiError::UnsupportedType)
                         << QStringLiteral("That kind of file is not supported.") << QString()
                         << false;
    QTest::newRow("431")
        << 431 << detailBody(QStringLiteral("The request headers are too large")) << -1
        << int(ApiError::TooLarge)
        << QStringLiteral(
               "The request was too large for the Clipshelf service; signing in again may help.")
        << QString() << false;
    QTest::newRow("429 with Retry-After")
        << 429 << QByteArray() << 7 << int(ApiError::RateLimited)
        << QStringLiteral("Too many requests — please try again in 7 seconds.") << QString()
        << true;
    QTest::newRow("429 without Retry-After")
        << 429 << QByteArray() << -1 << int(ApiError::RateLimited)
        << QStringLiteral("Too many requests — please wait a moment.") << QString() << true;
    QTest::newRow("429 with detail")
        << 429 << detailBody(QStringLiteral("slow down")) << 3 << int(ApiError::RateLimited)
        << QStringLiteral("slow down") << QString() << true;
    QTest::newRow("503 with Retry-After")
        << 503 << QByteArray() << 5 << int(ApiError::Server)
        << QStringLiteral("The Clipshelf service is busy — please try again in 5 seconds.")
        << QString() << true;
    QTest::newRow("503 without Retry-After")
        << 503 << QByteArray() << -1 << int(ApiError::Server)
        << QStringLiteral("The Clipshelf service is having trouble (HTTP 503).") << QString()
        << true;
    QTest::newRow("401 ignores detail")
        << 401 << detailBody(QStringLiteral("Invalid access token: expired")) << -1
        << int(ApiError::Unauthorized)
        << QStringLiteral("The server no longer accepts your sign-in.") << QString() << false;
}

void TestApiError::mapping()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, retryAfter);
    QFETCH(int, kind);
    QFETCH(QString, message);
    QFETCH(QString, field);
    QFETCH(bool, transient);
    const ApiError e = ApiError::fromHttp(status, body, retryAfter);
    QCOMPARE(int(e.kind), kind);
    QCOMPARE(e.httpStatus, status);
    QCOMPARE(e.message, message);
    QCOMPARE(e.retryAfterSeconds, retryAfter);
    QCOMPARE(e.fields.isEmpty() ? QString() : e.fields.first().field, field);
    QCOMPARE(e.isTransient(), transient);
}

void TestApiError::fieldsWithoutMessagesAreSkipped()
{
    const ApiError e = ApiError::fromHttp(
        422, R"({"detail":"x","errors":[{"field":"url"},{"field":"title","message":"too long"}]})",
        -1);
    QCOMPARE(e.fields.size(), 1);
    QCOMPARE(e.fieldMessage(QStringLiteral("title")), QStringLiteral("too long"));
}

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
