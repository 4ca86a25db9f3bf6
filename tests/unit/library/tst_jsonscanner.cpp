// The video list's JSON scanner (library/jsonscanner.h): every rule of the JSON
// grammar (RFC 8259) accepted and refused, the defects of issue 13 item 18
// (overflow on long integers and on out-of-range ids and counts, a trailing
// backslash read past the end, "0123" and "\u0x41" accepted), and parity with
// QJsonDocument on generated documents.
#include "library/jsonscanner.h"
#include "library/videojson.h"
#include "scannerparity.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace clipshelf;
using scannerparity::readValue;
using scannerparity::sameValue;
using videojson::detail::Reader;

namespace {

/// A whole document: one value, then only white space.
bool scan(const QByteArray &json, QJsonValue *value = nullptr, const char **stoppedAt = nullptr)
{
    Reader r(json.constData(), json.constData() + json.size());
    r.setBegin(json.constData());
    QJsonValue v;
    const bool ok = readValue(r, &v) && (r.atEnd() || r.fail("garbage at the end"));
    if (value)
        *value = v;
    if (stoppedAt)
        *stoppedAt = r.position();
    return ok;
}

/// Generated documents: every kind of value, escapes, numbers of every shape. ASCII
/// only on the wire (non-ASCII through \u escapes), so that a one-byte mutation
/// never makes invalid UTF-8, on which the parsers need not agree.
class Generator
{
public:
    explicit Generator(quint32 seed) : m_rng(seed) {}

    QByteArray document() { return m_rng.bounded(2) ? object(0) : array(0); }
    int bounded(int n) { return int(m_rng.bounded(n)); }

private:
    QByteArray ws() { return QByteArray(" \t\n\r").mid(bounded(5), bounded(2)); }
    QByteArray value(int depth)
    {
        switch (bounded(depth > 4 ? 5 : 7)) {
        case 0:
            return string();
        case 1:
            return number();
        case 2:
            return QByteArrayList{"true", "false", "null"}.at(bounded(3));
        case 3:
            return string();
        case 4:
            return number();
        case 5:
            return object(depth + 1);
        default:
            return array(depth + 1);
        }
    }
    QByteArray object(int depth)
    {
        QByteArray out = "{" + ws();
        const int n = bounded(4);
        for (int i = 0; i < n; ++i)
            out += (i ? "," + ws() : QByteArray()) + "\"k" + QByteArray::number(i) +
                   string().mid(1) + ws() + ":" + ws() + value(depth) + ws();
        return out + "}";
    }
    QByteArray array(int depth)
    {
        QByteArray out = "[" + ws();
        const int n = bounded(4);
        for (int i = 0; i < n; ++i)
            out += (i ? "," + ws() : QByteArray()) + value(depth) + ws();
        return out + "]";
    }
    QByteArray string()
    {
        static const QByteArrayList pieces{
            "a",   "Z",   " ",   "/",   "\\\"",    "\\\\",    "\\/",     "\\b",
            "\\f", "\\n", "\\r", "\\t", "\\u0041", "\\u00e9", "\\u20AC", "\\ud83d\\ude00",
            "~"};
        QByteArray out = "\"";
        const int n = bounded(6);
        for (int i = 0; i < n; ++i)
            out += pieces.at(bounded(int(pieces.size())));
        return out + "\"";
    }
    QByteArray number()
    {
        QByteArray out = bounded(3) == 0 ? "-" : "";
        if (bounded(5) == 0) {
            out += "0";
        } else {
            out += char('1' + bounded(9));
            const int more = bounded(bounded(4) == 0 ? 25 : 6);
            for (int i = 0; i < more; ++i)
                out += char('0' + bounded(10));
        }
        if (bounded(3) == 0)
            out += "." + QByteArray::number(bounded(1000));
        if (bounded(4) == 0)
            out += QByteArrayList{"e", "E", "e+", "e-", "E-"}.at(bounded(5)) +
                   QByteArray::number(bounded(40));
        return out;
    }

    QRandomGenerator m_rng;
};

} // namespace

class TestJsonScanner : public QObject
{
    Q_OBJECT
private slots:
    // Found by fuzz_videojson: more than three fraction digits are rounded to
    // the nearest millisecond, as the API readers' QDateTime does.
    void timesAgreeWithQDateTime_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *t : {"2026-02-28T23:59:59.0999+02:00", "2026-02-28T23:59:59.9999Z",
                              "2026-02-28T23:59:59.1234Z", "2026-02-28T23:59:59.0005Z",
                              "2026-02-28T23:59:59.0004Z", "2026-02-28T23:59:59.5Z"})
            QTest::newRow(t) << QString::fromLatin1(t);
    }
    void timesAgreeWithQDateTime()
    {
        QFETCH(QString, text);
        const QByteArray utf8 = text.toUtf8();
        QCOMPARE(videojson::detail::timeMs(utf8.constData(), utf8.size()),
                 QDateTime::fromString(text, Qt::ISODateWithMs).toMSecsSinceEpoch());
    }

    void grammar_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("valid");
        // Structure
        QTest::newRow("empty object") << QByteArray("{}") << true;
        QTest::newRow("empty array") << QByteArray("[]") << true;
        QTest::newRow("white space") << QByteArray(" \t\r\n{ \"a\" : [ 1 , 2 ] }\n") << true;
        QTest::newRow("nested") << QByteArray(R"({"a":{"b":[[],{}]}})") << true;
        QTest::newRow("trailing comma, object") << QByteArray(R"({"a":1,})") << false;
        QTest::newRow("trailing comma, array") << QByteArray("[1,]") << false;
        QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << false;
        QTest::newRow("missing value") << QByteArray(R"({"a":})") << false;
        QTest::newRow("bare key") << QByteArray("{a:1}") << false;
        QTest::newRow("single quotes") << QByteArray("{'a':1}") << false;
        QTest::newRow("unclosed object") << QByteArray(R"({"a":1)") << false;
        QTest::newRow("unclosed array") << QByteArray("[1") << false;
        QTest::newRow("garbage after") << QByteArray("{} x") << false;
        QTest::newRow("two values") << QByteArray("{}{}") << false;
        QTest::newRow("empty input") << QByteArray("") << false;
        QTest::newRow("form feed is no white space") << QByteArray("\f[]") << false;
        // Literals
        QTest::newRow("literals") << QByteArray("[true,false,null]") << true;
        QTest::newRow("capital literal") << QByteArray("[True]") << false;
        QTest::newRow("short literal") << QByteArray("[nul]") << false;
        QTest::newRow("long literal") << QByteArray("[truex]") << false;
        // Numbers
        QTest::newRow("zero") << QByteArray("[0]") << true;
        QTest::newRow("minus zero") << QByteArray("[-0]") << true;
        QTest::newRow("integer") << QByteArray("[123]") << true;
        QTest::newRow("fraction") << QByteArray("[1.25]") << true;
        QTest::newRow("exponent") << QByteArray("[1e5,1E5,1e+5,1e-5,2.5E-3]") << true;
        QTest::newRow("long integer") << QByteArray("[123456789012345678901234567890]") << true;
        QTest::newRow("leading zero") << QByteArray("[0123]") << false;
        QTest::newRow("minus leading zero") << QByteArray("[-01]") << false;
        QTest::newRow("plus sign") << QByteArray("[+1]") << false;
        QTest::newRow("bare minus") << QByteArray("[-]") << false;
        QTest::newRow("leading dot") << QByteArray("[.5]") << false;
        QTest::newRow("trailing dot") << QByteArray("[1.]") << false;
        QTest::newRow("empty exponent") << QByteArray("[1e]") << false;
        QTest::newRow("signed empty exponent") << QByteArray("[1e+]") << false;
        QTest::newRow("two dots") << QByteArray("[1.2.3]") << false;
        QTest::newRow("hex") << QByteArray("[0x10]") << false;
        QTest::newRow("infinity") << QByteArray("[1e999]") << false;
        QTest::newRow("nan") << QByteArray("[NaN]") << false;
        // Strings
        QTest::newRow("string") << QByteArray(R"(["abc"])") << true;
        QTest::newRow("every escape")
            << QByteArray("[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041 \\u00e9\"]") << true;
        QTest::newRow("surrogate pair") << QByteArray("[\"\\ud83d\\ude00\"]") << true;
        QTest::newRow("utf-8") << QByteArray("[\"\xc3\xa9\"]") << true;
        // RFC 8259 8.1: JSON text is UTF-8; QJsonDocument refuses anything else, so must the
        // scanner.
        QTest::newRow("invalid utf-8 lead byte") << QByteArray("[\"\xd4[\"]") << false;
        QTest::newRow("truncated utf-8") << QByteArray("[\"\xc3\"]") << false;
        QTest::newRow("stray continuation byte") << QByteArray("[\"a\x80\"]") << false;
        QTest::newRow("overlong utf-8") << QByteArray("[\"\xc0\xaf\"]") << false;
        QTest::newRow("utf-8 surrogate") << QByteArray("[\"\xed\xa0\x80\"]") << false;
        QTest::newRow("invalid utf-8 in a key") << QByteArray("{\"\xff\":1}") << false;
        QTest::newRow("invalid utf-8 in a skipped member")
            << QByteArray("{\"x\":\"\xfe\"}") << false;
        QTest::newRow("bad escape") << QByteArray("[\"\\q\"]") << false;
        QTest::newRow("u-escape with a hex prefix") << QByteArray("[\"\\u0x41\"]") << false;
        QTest::newRow("u-escape with a sign") << QByteArray("[\"\\u+041\"]") << false;
        QTest::newRow("short u-escape") << QByteArray("[\"\\u04\"]") << false;
        QTest::newRow("bad escape in a skipped member") << QByteArray("{\"x\":\"\\q\"}") << false;
        QTest::newRow("control character") << QByteArray("[\"a\x01\"]") << false;
        QTest::newRow("raw newline") << QByteArray("[\"a\nb\"]") << false;
        QTest::newRow("unterminated") << QByteArray("[\"abc") << false;
        QTest::newRow("trailing backslash") << QByteArray("[\"abc\\") << false;
        QTest::newRow("escaped end quote") << QByteArray("[\"abc\\\"]") << false;
    }
    void grammar()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, valid);
        QJsonValue value;
        QCOMPARE(scan(json, &value), valid);
        // The reference agrees, except where QJsonDocument is laxer than RFC 8259.
        static const QStringList qtLax{"leading dot",       "trailing dot",
                                       "bad escape",        "bad escape in a skipped member",
                                       "control character", "raw newline"};
        QJsonParseError error{};
        QJsonDocument::fromJson(json, &error);
        QCOMPARE(error.error == QJsonParseError::NoError,
                 valid || qtLax.contains(QTest::currentDataTag()));
    }

    void longIntegersDoNotOverflow()
    {
        QJsonValue value;
        QVERIFY(scan("[99999999999999999999999]", &value));
        QCOMPARE(value.toArray().at(0).toDouble(), 1e23);
        QVERIFY(scan("[-9223372036854775809]", &value));
        QCOMPARE(value.toArray().at(0).toDouble(), -9223372036854775808.0);
    }

    void aTrailingBackslashStopsAtTheEnd()
    {
        // The input ends after the backslash; the byte beyond it must never be read.
        const QByteArray buffer = QByteArrayLiteral("[\"ab\\\"]");
        Reader r(buffer.constData(), buffer.constData() + 5); // up to the backslash
        r.setBegin(buffer.constData());
        QString s;
        QVERIFY(r.eat('['));
        QVERIFY(!r.string(&s));
        QVERIFY(r.position() <= buffer.constData() + 5);
    }

    void idsAndCountsMustBeWholeAndInRange_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("valid");
        const QByteArray video =
            R"({"id":%1,"youtube_id":"dQw4w9WgXcQ","title":"t","notes":null,)"
            R"("tags":[],"url":"https://youtu.be/dQw4w9WgXcQ",)"
            R"("created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"})";
        auto page = [&](const char *id, const char *count) {
            return QByteArray(R"({"videos":[)") + QByteArray(video).replace("%1", id) +
                   R"(],"count":)" + count + R"(,"next_cursor":null})";
        };
        QTest::newRow("ok") << page("42", "1") << true;
        QTest::newRow("id 1e300") << page("1e300", "1") << false;
        QTest::newRow("id -1e300") << page("-1e300", "1") << false;
        QTest::newRow("id 2^63") << page("9223372036854775808", "1") << false;
        QTest::newRow("id 1.5") << page("1.5", "1") << false;
        QTest::newRow("id 42.0") << page("42.0", "1") << true;
        QTest::newRow("count 1e20") << page("42", "1e20") << false;
        QTest::newRow("count 2^31") << page("42", "2147483648") << false;
        QTest::newRow("count -1") << page("42", "-1") << false;
        QTest::newRow("count 0.5") << page("42", "0.5") << false;
    }
    void idsAndCountsMustBeWholeAndInRange()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, valid);
        videojson::Page page;
        QString error;
        QCOMPARE(videojson::parsePage(json, &page, &error), valid);
        if (valid) {
            QCOMPARE(page.rows.size(), size_t(1));
            QCOMPARE(page.rows.front().id, qint64(42));
            QCOMPARE(page.count, 1);
        }
    }

    void integersNeverLeaveTheirRange_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("value");
        // 2^63 is exactly double(INT64_MAX): it compares equal to the maximum as a double
        // and must still never be converted (undefined behaviour).
        QTest::newRow("2^63") << QByteArray("9223372036854775808") << false << qint64(0);
        QTest::newRow("2^63 as 9.2e18")
            << QByteArray("9.223372036854775808e18") << false << qint64(0);
        // INT64_MAX itself reads as 2^63 in a double: refused rather than read inexactly.
        QTest::newRow("INT64_MAX") << QByteArray("9223372036854775807") << false << qint64(0);
        QTest::newRow("-2^63 - 2^11") << QByteArray("-9223372036854777856") << false << qint64(0);
        QTest::newRow("-2^63") << QByteArray("-9223372036854775808") << true
                               << std::numeric_limits<qint64>::min();
        QTest::newRow("2^62") << QByteArray("4611686018427387904") << true << (qint64(1) << 62);
    }
    void integersNeverLeaveTheirRange()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, valid);
        QFETCH(qint64, value);
        Reader r(json.constData(), json.constData() + json.size());
        r.setBegin(json.constData());
        qint64 out = 0;
        QCOMPARE(
            r.integer(&out, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()),
            valid);
        if (valid)
            QCOMPARE(out, value);
    }

    void extremeTimesFormatWithoutOverflow()
    {
        // Years beyond 0000-9999 print as a date only; the day arithmetic must not overflow.
        QCOMPARE(videojson::formatTimeMs(std::numeric_limits<qint64>::min()),
                 QString("-292275055-05-16T00:00:00Z"));
        QCOMPARE(videojson::formatTimeMs(std::numeric_limits<qint64>::max()),
                 QString("292278994-08-17T00:00:00Z"));
        QCOMPARE(videojson::formatTimeMs(-1), QString("1969-12-31T23:59:59.999Z"));
        QCOMPARE(videojson::formatTimeMs(-86'400'000), QString("1969-12-31T00:00:00Z"));
    }

    void errorsCountBytesFromTheStart()
    {
        // Without setBegin() the offset in a message counts from the reader's own start.
        const QByteArray json = "[1,x]";
        Reader r(json.constData(), json.constData() + json.size());
        double d = 0;
        QVERIFY(r.eat('[') && r.number(&d) && r.eat(','));
        QVERIFY(!r.number(&d));
        QCOMPARE(r.error(), QString("expected a number at byte 3"));
    }

    void parityWithQJsonDocument()
    {
        // Seeded: a failure names its document, and the same documents come every run.
        Generator gen(20261207);
        int valid = 0, mutated = 0, laxer = 0;
        for (int i = 0; i < 3000; ++i) {
            QByteArray json = gen.document();
            const bool mutate = i % 2 == 1 && !json.isEmpty();
            if (mutate) {
                static const QByteArray alphabet = "{}[]\",:\\0123456789.eE+-tfnul \x01u";
                const int at = gen.bounded(int(json.size()));
                switch (gen.bounded(3)) {
                case 0:
                    json.remove(at, 1);
                    break;
                case 1:
                    json.insert(at, alphabet.at(gen.bounded(int(alphabet.size()))));
                    break;
                default:
                    json.truncate(at);
                    break;
                }
                ++mutated;
            }
            QJsonParseError error{};
            const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
            const bool qtAccepts = error.error == QJsonParseError::NoError;
            QJsonValue ours;
            const bool weAccept = scan(json, &ours);
            Reader r(json.constData(), json.constData() + json.size());
            r.setBegin(json.constData());
            QJsonValue ignored;
            if (!readValue(r, &ignored) || !r.atEnd())
                r.fail("garbage at the end");
            const QString why = r.error();
            const QString message =
                QStringLiteral("%1 by Qt, %2 by the scanner (%3): %4")
                    .arg(qtAccepts ? "accepted" : "refused", weAccept ? "accepted" : "refused", why,
                         QString::fromUtf8(json));
            if (weAccept) {
                // Whatever the scanner reads, Qt reads, to the same values.
                QVERIFY2(qtAccepts, qPrintable(message));
                const QJsonValue theirs =
                    doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
                QVERIFY2(sameValue(ours, theirs), json.constData());
                ++valid;
            } else if (qtAccepts) {
                // Only where QJsonDocument is laxer than RFC 8259, and never for a generated
                // document.
                QVERIFY2(mutate, qPrintable(message));
                static const QStringList lax{"bad escape", "bad \\u escape",
                                             "control character in a string",
                                             "expected a number", // ".5": a leading dot
                                             "bad number"};
                QVERIFY2(std::any_of(lax.cbegin(), lax.cend(),
                                     [&](const QString &l) { return why.startsWith(l); }),
                         qPrintable(message));
                ++laxer;
            }
        }
        qInfo("%d documents read alike, %d mutated ones that only QJsonDocument accepts", valid,
              laxer);
        QVERIFY(valid > 1500); // the mutations left some documents valid, most not
        QVERIFY(mutated == 1500);
    }
};

QTEST_APPLESS_MAIN(TestJsonScanner)
#include "tst_jsonscanner.moc"
