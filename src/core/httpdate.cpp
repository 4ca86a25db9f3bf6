#include "core/httpdate.h"

#include <algorithm>
#include <QTimeZone>

namespace clipshelf {

QDateTime parseHttpDate(const QByteArray &value)
{
    // IMF-fixdate is the only form senders may generate: "Sun, 06 Nov 1994 08:49:37 GMT"
    // (names in any case, as QLocale::c() read them). Read by hand: this runs on every
    // API response, and QLocale's format parser cost ~40 µs a call (bench/, issue 7).
    const QByteArray v = value.trimmed();
    if (v.size() != 29 || v[3] != ',' || v[4] != ' ' || v[7] != ' ' || v[11] != ' ' ||
        v[16] != ' ' || v[19] != ':' || v[22] != ':' || v[25] != ' ' || !v.endsWith(" GMT"))
        return {};
    auto number = [&v](int pos, int length) {
        int n = 0;
        for (int i = pos; i < pos + length; ++i) {
            if (v[i] < '0' || v[i] > '9')
                return -1;
            n = n * 10 + (v[i] - '0');
        }
        return n;
    };
    static constexpr char kMonths[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    static constexpr char kDays[] = "MonTueWedThuFriSatSun";
    int month = 0;
    for (int m = 0; m < 12 && !month; ++m) {
        if (qstrnicmp(v.constData() + 8, kMonths + 3 * m, 3) == 0)
            month = m + 1;
    }
    // number() is -1 for anything but digits; -1 would be a valid year (1 BC) to QDate.
    const int year = number(12, 4);
    const QDate date(year, month, number(5, 2));
    const QTime time(number(17, 2), number(20, 2), number(23, 2));
    if (!month || year < 0 || !date.isValid() || !time.isValid() ||
        qstrnicmp(v.constData(), kDays + 3 * (date.dayOfWeek() - 1), 3) != 0)
        return {};
    return QDateTime(date, time, QTimeZone::utc());
}

int retryAfterSeconds(const QByteArray &value, const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    // delay-seconds = 1*DIGIT, of any length: read in 64 bits, capped before it can overflow.
    if (std::all_of(v.cbegin(), v.cend(), [](char c) { return c >= '0' && c <= '9'; })) {
        qint64 seconds = 0;
        for (const char c : v) {
            seconds = seconds * 10 + (c - '0');
            if (seconds >= kMaxRetryAfterSeconds)
                return kMaxRetryAfterSeconds;
        }
        return int(seconds);
    }
    const QDateTime when = parseHttpDate(v);
    if (!when.isValid())
        return -1;
    return int(std::clamp<qint64>(now.secsTo(when), 0, kMaxRetryAfterSeconds));
}

} // namespace clipshelf
