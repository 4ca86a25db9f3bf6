#pragma once

// Internal to library/videojson.cpp (and its tests): a strict, single-pass JSON
// reader for exactly what the video list needs, and RFC 3339 time parsing.

#include <cmath>
#include <cstring>
#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

namespace clipshelf::videojson::detail {

inline constexpr int kMaxDepth = 64;

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
inline qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

template <typename Char> qint64 timeMs(const Char *s, qsizetype n)
{
    auto digits = [&](qsizetype at, int count, int *out) {
        if (at + count > n)
            return false;
        int v = 0;
        for (int i = 0; i < count; ++i) {
            const auto c = s[at + i];
            if (c < '0' || c > '9')
                return false;
            v = v * 10 + int(c - '0');
        }
        *out = v;
        return true;
    };
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (n < 20 || !digits(0, 4, &year) || s[4] != '-' || !digits(5, 2, &month) || s[7] != '-' ||
        !digits(8, 2, &day) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
        !digits(11, 2, &hour) || s[13] != ':' || !digits(14, 2, &minute) || s[16] != ':' ||
        !digits(17, 2, &second))
        return -1;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return -1;
    qsizetype at = 19;
    int millis = 0;
    if (at < n && s[at] == '.') {
        ++at;
        int scale = 100;
        const qsizetype start = at;
        while (at < n && s[at] >= '0' && s[at] <= '9') {
            // Digits past the millisecond round it to the nearest (the fourth
            // decides), as QDateTime reads the same text in the API readers.
            if (at - start == 3 && s[at] >= '5')
                ++millis;
            millis += int(s[at] - '0') * scale;
            scale /= 10;
            ++at;
        }
        if (at == start)
            return -1;
    }
    qint64 offsetMin = 0;
    if (at < n && (s[at] == 'Z' || s[at] == 'z')) {
        ++at;
    } else if (at < n && (s[at] == '+' || s[at] == '-')) {
        int oh = 0, om = 0;
        if (!digits(at + 1, 2, &oh) || at + 3 >= n || s[at + 3] != ':' || !digits(at + 4, 2, &om))
            return -1;
        offsetMin = (oh * 60 + om) * (s[at] == '-' ? -1 : 1);
        at += 6;
    } else {
        return -1;
    }
    if (at != n)
        return -1;
    const qint64 days = daysFromCivil(year, unsigned(month), unsigned(day));
    return ((days * 24 + hour) * 60 + minute - offsetMin) * 60'000 + qint64(second) * 1000 + millis;
}

/// A single-pass reader for exactly the JSON this file needs, strict about syntax.
class Reader
{
public:
    Reader(const char *begin, const char *end) : m_p(begin), m_end(end), m_begin(begin) {}

    QString error() const { return m_error; }
    bool failed() const { return !m_error.isEmpty(); }

    bool fail(const char *what)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1 at byte %2").arg(QLatin1String(what)).arg(m_p - m_begin);
        return false;
    }
    void setBegin(const char *b) { m_begin = b; }
    /// Where the reader is in the input.
    const char *position() const { return m_p; }

    void ws()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    bool peek(char c)
    {
        ws();
        return m_p < m_end && *m_p == c;
    }
    bool eat(char c)
    {
        if (!peek(c))
            return false;
        ++m_p;
        return true;
    }
    bool atEnd()
    {
        ws();
        return m_p == m_end;
    }
    bool literal(const char *word)
    {
        const size_t n = std::strlen(word);
        if (size_t(m_end - m_p) < n || std::memcmp(m_p, word, n) != 0)
            return fail("unexpected token");
        m_p += n;
        return true;
    }

    static bool isHex(char c)
    {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
    static int hexValue(char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }

    /// True when a complete, valid escape (\\", \\n, \\uXXXX…) starts at \a p (a backslash), inside
    /// the input.
    bool escapeAt(const char *p) const
    {
        if (m_end - p < 2)
            return false;
        switch (p[1]) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
            return true;
        case 'u':
            return m_end - p >= 6 && isHex(p[2]) && isHex(p[3]) && isHex(p[4]) && isHex(p[5]);
        default:
            return false;
        }
    }

    /// A string's raw bytes (between the quotes); \a escaped tells whether it has backslashes.
    bool rawString(const char **start, qsizetype *size, bool *escaped, bool *ascii)
    {
        if (!eat('"'))
            return fail("expected a string");
        *start = m_p;
        *escaped = false;
        *ascii = true;
        while (m_p < m_end) {
            const unsigned char c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                *size = m_p - *start;
                ++m_p;
                // RFC 8259 8.1: JSON is UTF-8 (QJsonDocument refuses anything else too).
                if (!*ascii && !QByteArrayView(*start, *size).isValidUtf8())
                    return fail("invalid UTF-8 in a string");
                return true;
            }
            if (c == '\\') {
                *escaped = true;
                if (!escapeAt(m_p))
                    return fail(m_p + 1 >= m_end ? "unterminated string" : "bad escape");
                m_p += m_p[1] == 'u' ? 6 : 2;
                continue;
            }
            if (c < 0x20)
                return fail("control character in a string");
            if (c >= 0x80)
                *ascii = false;
            ++m_p;
        }
        return fail("unterminated string");
    }

    bool string(QString *out)
    {
        const char *s = nullptr;
        qsizetype n = 0;
        bool escaped = false, ascii = false;
        if (!rawString(&s, &n, &escaped, &ascii))
            return false;
        return decode(s, n, escaped, ascii, out);
    }

    bool decode(const char *s, qsizetype n, bool escaped, bool ascii, QString *out)
    {
        if (!escaped) {
            *out = ascii ? QString::fromLatin1(s, n) : QString::fromUtf8(s, n);
            return true;
        }
        QString result;
        result.reserve(n);
        const char *e = s + n;
        const char *run = s;
        auto flush = [&](const char *to) {
            if (to > run)
                result += QString::fromUtf8(run, to - run);
        };
        while (s < e) {
            if (*s != '\\') {
                ++s;
                continue;
            }
            flush(s);
            if (s + 1 >= e)
                return fail("bad escape");
            const char k = s[1];
            s += 2;
            switch (k) {
            case '"':
                result += QLatin1Char('"');
                break;
            case '\\':
                result += QLatin1Char('\\');
                break;
            case '/':
                result += QLatin1Char('/');
                break;
            case 'b':
                result += QLatin1Char('\b');
                break;
            case 'f':
                result += QLatin1Char('\f');
                break;
            case 'n':
                result += QLatin1Char('\n');
                break;
            case 'r':
                result += QLatin1Char('\r');
                break;
            case 't':
                result += QLatin1Char('\t');
                break;
            case 'u': {
                // Exactly four hex digits ("\\u0x41" is not one: no sign, no prefix).
                if (e - s < 4 || !isHex(s[0]) || !isHex(s[1]) || !isHex(s[2]) || !isHex(s[3]))
                    return fail("bad \\u escape");
                const char16_t unit = char16_t(hexValue(s[0]) << 12 | hexValue(s[1]) << 8 |
                                               hexValue(s[2]) << 4 | hexValue(s[3]));
                result += QChar(unit); // surrogate pairs arrive as two escapes, in order
                s += 4;
                break;
            }
            default:
                return fail("bad escape");
            }
            run = s;
        }
        flush(e);
        *out = result;
        return true;
    }

    bool nullableString(QString *out)
    {
        if (peek('n')) {
            out->clear();
            return literal("null");
        }
        return string(out);
    }

    /// A JSON number (RFC 8259: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?), finite.
    bool number(double *out)
    {
        ws();
        const char *start = m_p;
        auto digits = [this] {
            const char *from = m_p;
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
            return m_p - from;
        };
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        const char *digitsStart = m_p;
        const qsizetype intDigits = digits();
        if (intDigits == 0)
            return fail("expected a number");
        if (intDigits > 1 && *digitsStart == '0')
            return fail("bad number: leading zero");
        bool integral = true;
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            integral = false;
            if (digits() == 0)
                return fail("bad number");
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            integral = false;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (digits() == 0)
                return fail("bad number");
        }
        if (integral && intDigits < 16) { // exact in a double and in 64 bits: no overflow
            qint64 value = 0;
            for (const char *p = digitsStart; p < m_p; ++p)
                value = value * 10 + (*p - '0');
            *out = double(*start == '-' ? -value : value);
            return true;
        }
        bool ok = false;
        *out = QByteArray(start, m_p - start).toDouble(&ok);
        return (ok && std::isfinite(*out)) || fail("bad number");
    }

    /// A number that is a whole number in [\a min, \a max] (an id, a count); anything else fails.
    bool integer(qint64 *out, qint64 min, qint64 max)
    {
        double d = 0;
        if (!number(&d))
            return false;
        // Compared as doubles before converting: a double out of range must never become an
        // integer. double(max) may round up (INT64_MAX becomes 2^63, which no qint64 holds), hence
        // the second check; the last one catches a double(min) or double(max) that rounded
        // outwards.
        constexpr double kTwoTo63 = 9223372036854775808.0;
        if (!(d >= double(min) && d <= double(max)) || !(d >= -kTwoTo63 && d < kTwoTo63) ||
            d != std::trunc(d))
            return fail("number out of range");
        *out = qint64(d);
        return (*out >= min && *out <= max) || fail("number out of range");
    }

    bool skipValue(int depth = 0)
    {
        if (depth > kMaxDepth)
            return fail("nested too deeply");
        ws();
        if (m_p >= m_end)
            return fail("unexpected end");
        switch (*m_p) {
        case '"': {
            const char *s = nullptr;
            qsizetype n = 0;
            bool e = false, a = false;
            return rawString(&s, &n, &e, &a);
        }
        case '{':
            ++m_p;
            if (eat('}'))
                return true;
            do {
                const char *s = nullptr;
                qsizetype n = 0;
                bool e = false, a = false;
                if (!rawString(&s, &n, &e, &a) || !eat(':'))
                    return fail("expected a member");
                if (!skipValue(depth + 1))
                    return false;
            } while (eat(','));
            return eat('}') || fail("expected } or ,");
        case '[':
            ++m_p;
            if (eat(']'))
                return true;
            do {
                if (!skipValue(depth + 1))
                    return false;
            } while (eat(','));
            return eat(']') || fail("expected ] or ,");
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default: {
            double d;
            return number(&d);
        }
        }
    }

    /// Calls \a member(key) for each member of an object; \a member consumes the value.
    template <typename F> bool object(F &&member)
    {
        if (!eat('{'))
            return fail("expected an object");
        if (eat('}'))
            return true;
        do {
            const char *s = nullptr;
            qsizetype n = 0;
            bool escaped = false, ascii = false;
            if (!rawString(&s, &n, &escaped, &ascii) || !eat(':'))
                return fail("expected a member");
            if (!member(QByteArrayView(s, n)))
                return false;
        } while (eat(','));
        return eat('}') || fail("expected } or ,");
    }

    template <typename F> bool array(F &&item)
    {
        if (!eat('['))
            return fail("expected an array");
        if (eat(']'))
            return true;
        do {
            if (!item())
                return false;
        } while (eat(','));
        return eat(']') || fail("expected ] or ,");
    }

    bool time(qint64 *out)
    {
        const char *s = nullptr;
        qsizetype n = 0;
        bool escaped = false, ascii = false;
        if (!rawString(&s, &n, &escaped, &ascii))
            return false;
        *out = escaped ? -1 : timeMs(s, n);
        if (*out < 0) {
            QString text;
            if (!decode(s, n, escaped, ascii, &text))
                return false;
            const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
            *out = t.isValid() ? t.toMSecsSinceEpoch() : 0;
        }
        return true;
    }

    const char *m_p;
    const char *m_end;
    const char *m_begin; ///< where byte offsets in error() count from (setBegin)
    QString m_error;
};

} // namespace clipshelf::videojson::detail
