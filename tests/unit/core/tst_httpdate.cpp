// parseHttpDate / retryAfterSeconds: IMF-fixdate (RFC 9110 5.6.7), read by hand
// since it runs on every API response; the same results QLocale's parser gave.
#include "core/httpdate.h"

#include <QLocale>
#include <QTimeZone>
#include <QtTest/QTest>

using clipshelf::parseHttpDate;
using clipshelf::retryAfterSeconds;

class TestHttpDate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valid()
    {
        const QDateTime expected(QDate(1994, 11, 6), QTime(8, 49, 37), QTimeZone::utc());
        QCOMPARE(parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"), expected);
        QCOMPARE(parseHttpDate("  Sun, 06 Nov 1994 08:49:37 GMT \r\n"), expected);
        QCOMPARE(parseHttpDate("sun, 06 nov 1994 08:49:37 GMT"), expected); // names in any case
        QCOMPARE(parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT").timeSpec(), Qt::TimeZone);
        QCOMPARE(parseHttpDate("Thu, 29 Feb 2024 23:59:59 GMT"),
                 QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59), QTimeZone::utc()));
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("wrong weekday") << QByteArray("Mon, 06 Nov 1994 08:49:37 GMT");
        QTest::newRow("rfc 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT");
        QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994");
        QTest::newRow("not GMT") << QByteArray("Sun, 06 Nov 1994 08:49:37 UTC");
        QTest::newRow("hour 24") << QByteArray("Sun, 06 Nov 1994 24:49:37 GMT");
        QTest::newRow("second 60") << QByteArray("Sun, 06 Nov 1994 08:49:60 GMT");
        QTest::newRow("31 February") << QByteArray("Sun, 31 Feb 1994 08:49:37 GMT");
        QTest::newRow("unknown month") << QByteArray("Sun, 06 Nox 1994 08:49:37 GMT");
        QTest::newRow("letters in digits") << QByteArray("Sun, 0x Nov 1994 08:49:37 GMT");
        QTest::newRow("sign in digits") << QByteArray("Sun, 06 Nov -994 08:49:37 GMT");
        QTest::newRow("one char short") << QByteArray("Sun, 6 Nov 1994 08:49:37 GMT");
        // Found by fuzzing: a year that is no number read as year -1 (with its weekday, Monday).
        QTest::newRow("year not digits") << QByteArray("Mon, 06 Nov 4\x05M4 08:49:37 GMT");
        QTest::newRow("year letters") << QByteArray("Mon, 06 Nov abcd 08:49:37 GMT");
    }
    void invalid()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!parseHttpDate(text).isValid());
    }

    void sameAsTheLocaleParser()
    {
        // Every 3 days and some seconds over ~160 years, written as a server would.
        const QDateTime start(QDate(1970, 1, 1), QTime(0, 0), QTimeZone::utc());
        for (int i = 0; i < 20'000; ++i) {
            const QDateTime t = start.addSecs(qint64(i) * 3 * 86'400 + i * 37);
            const QByteArray text =
                QLocale::c()
                    .toString(t, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                    .toLatin1();
            QCOMPARE(parseHttpDate(text), t);
        }
    }

    void retryAfter()
    {
        const QDateTime now(QDate(1994, 11, 6), QTime(8, 49, 0), QTimeZone::utc());
        QCOMPARE(retryAfterSeconds("120", now), 120);
        QCOMPARE(retryAfterSeconds("Sun, 06 Nov 1994 08:49:37 GMT", now), 37);
        QCOMPARE(retryAfterSeconds("Sun, 06 Nov 1994 08:48:00 GMT", now), 0);
        QCOMPARE(retryAfterSeconds("soon", now), -1);
        QCOMPARE(retryAfterSeconds("", now), -1);
    }

    void retryAfterIsCapped()
    {
        // Issue 13, item 14: never more than an hour, and no overflow on the way there.
        const QDateTime now(QDate(1994, 11, 6), QTime(8, 49, 0), QTimeZone::utc());
        QCOMPARE(clipshelf::kMaxRetryAfterSeconds, 3600);
        QCOMPARE(retryAfterSeconds("3600", now), 3600);
        QCOMPARE(retryAfterSeconds("3601", now), 3600);
        QCOMPARE(retryAfterSeconds("2147484", now), 3600);
        QCOMPARE(retryAfterSeconds("2147483648", now), 3600);
        QCOMPARE(retryAfterSeconds("99999999999999999999999999", now), 3600);
        QCOMPARE(retryAfterSeconds("Fri, 31 Dec 9999 23:59:59 GMT", now), 3600);
        QCOMPARE(retryAfterSeconds("Sun, 06 Nov 1994 09:49:01 GMT", now), 3600);
        QCOMPARE(retryAfterSeconds("-5", now), -1);
        QCOMPARE(retryAfterSeconds("+5", now), -1);
        QCOMPARE(retryAfterSeconds("1.5", now), -1);
    }
};

QTEST_APPLESS_MAIN(TestHttpDate)
#include "tst_httpdate.moc"
