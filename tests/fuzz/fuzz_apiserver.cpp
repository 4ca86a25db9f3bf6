// The reference API server's request side (tests/stack/api-server) and the
// client's reading of its answers' HTTP dates. The first input byte picks the
// parser: 0 a bearer token (the server's pre-check through the shared JWS
// verifier), 1 a claims object (JwtVerifier::checkClaims), 2 a ?tags= filter
// (tagFilter), 3 a paging cursor (VideoCursor::decode), 4 an id (parseId), 5 an
// HTTP date and 6 a Retry-After value (core/httpdate.h, what ApiClient and
// TokenClient read). Invariants: a token is pre-checked without any key fetch
// unless it is well-formed with an accepted algorithm; accepted claims are for
// this issuer and audience, unexpired, with a subject; a tag filter holds at
// most 20 distinct trimmed lower-case tags of 1-40 characters; a cursor and an
// id read back to the text they came from; an accepted HTTP date is written back
// as the same text, and a Retry-After is a delay of 0-3600 seconds or -1.
#include "core/httpdate.h"
#include "fuzzsupport.h"
#include "jws/jws.h"
#include "jwtverifier.h"
#include "validation.h"
#include "videorepository.h"

#include <cmath>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>

using namespace apiserver;

namespace {

constexpr qint64 kNowMs = 1796601600000; // 2026-12-07T00:00:00Z, as in the seeds
const QString kIssuer = QStringLiteral("https://issuer.example");
const QString kAudience = QStringLiteral("https://api.clipshelf.example");

void checkToken(const QByteArray &token)
{
    namespace jws = clipshelf::jws;
    const jws::Verification v = jws::verify(token, jws::JwkSet());
    FUZZ_CHECK(!v.ok(), "a token verified without keys");
    if (v.outcome == jws::Outcome::UnknownKey) { // the server would fetch keys now
        QString error;
        const auto parsed = jws::CompactJws::parse(token, &error);
        FUZZ_CHECK(parsed, "a malformed token would cause a key fetch");
        FUZZ_CHECK(jws::algorithmFromName(parsed->alg()),
                   "an unaccepted algorithm would cause a key fetch");
    }
}

void checkClaims(const QByteArray &json)
{
    JwtVerifier::Options options;
    options.issuer = kIssuer;
    options.audience = kAudience;
    options.clock = [] { return kNowMs; };
    const JwtVerifier verifier(options, nullptr);
    const QJsonObject claims = QJsonDocument::fromJson(json).object();
    if (!verifier.checkClaims(claims).isEmpty())
        return;
    const double now = double(kNowMs) / 1000;
    FUZZ_CHECK(claims.value(QLatin1String("iss")).toString() == kIssuer, "another issuer accepted");
    const QJsonValue aud = claims.value(QLatin1String("aud"));
    FUZZ_CHECK(aud.toString() == kAudience || aud.toArray().contains(kAudience),
               "another audience accepted");
    const QJsonValue exp = claims.value(QLatin1String("exp"));
    FUZZ_CHECK(exp.isDouble() && std::isfinite(exp.toDouble()) &&
                   now <= exp.toDouble() + options.leewaySeconds,
               "an expired token accepted");
    const QJsonValue nbf = claims.value(QLatin1String("nbf"));
    FUZZ_CHECK(nbf.isUndefined() ||
                   (nbf.isDouble() && nbf.toDouble() <= now + options.leewaySeconds),
               "a token not yet valid accepted");
    FUZZ_CHECK(!claims.value(QLatin1String("sub")).toString().isEmpty(),
               "a token without a subject accepted");
}

void checkTagFilter(const QString &query)
{
    const auto tags = tagFilter(query);
    if (!tags)
        return;
    FUZZ_CHECK(tags->size() <= 20, "more than 20 tags");
    for (const QString &t : *tags) {
        FUZZ_CHECK(!t.isEmpty() && codePoints(t) <= 40, "a tag of a bad length");
        FUZZ_CHECK(t == t.trimmed() && t == t.toLower(), "a tag not trimmed or not lower-case");
        FUZZ_CHECK(tags->count(t) == 1, "a tag twice");
        FUZZ_CHECK(query.toLower().contains(t), "a tag that is not in the query");
    }
    FUZZ_CHECK(tagFilter(tags->join(u',')) == tags, "a filter that changes when written back");
}

void checkCursor(const QByteArray &raw)
{
    const QString text = QString::fromLatin1(raw);
    if (const auto c = VideoCursor::decode(text)) {
        FUZZ_CHECK(c->createdMs >= 0 && c->id > 0, "a cursor out of range");
        FUZZ_CHECK(c->encode() == text, "a cursor that is not its own encoding");
    }
    // And every cursor the server writes reads back.
    if (raw.size() >= 16) {
        VideoCursor c;
        std::memcpy(&c.createdMs, raw.constData(), 8);
        std::memcpy(&c.id, raw.constData() + 8, 8);
        if (c.createdMs >= 0 && c.id > 0) {
            const auto back = VideoCursor::decode(c.encode());
            FUZZ_CHECK(back && back->createdMs == c.createdMs && back->id == c.id,
                       "a written cursor does not read back");
        }
    }
}

void checkId(const QString &text)
{
    if (const auto id = parseId(text)) {
        FUZZ_CHECK(*id > 0, "an id out of range");
        QString digits = text;
        while (digits.startsWith(u'0'))
            digits.remove(0, 1);
        FUZZ_CHECK(QString::number(*id) == digits, "an id that is not the text's number");
    }
}

void checkHttpDate(const QByteArray &value)
{
    const QDateTime t = clipshelf::parseHttpDate(value);
    if (!t.isValid())
        return;
    FUZZ_CHECK(t.timeSpec() == Qt::UTC || t.offsetFromUtc() == 0, "an HTTP date not in UTC");
    const QString written =
        QLocale::c().toString(t, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    FUZZ_CHECK(written.compare(QString::fromLatin1(value.trimmed()), Qt::CaseInsensitive) == 0,
               "an HTTP date that is not the date it says");
}

void checkRetryAfter(const QByteArray &value)
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(kNowMs, QTimeZone::utc());
    const int seconds = clipshelf::retryAfterSeconds(value, now);
    FUZZ_CHECK(seconds >= -1 && seconds <= clipshelf::kMaxRetryAfterSeconds,
               "a Retry-After out of range");
    const QByteArray v = value.trimmed();
    const bool digits = !v.isEmpty() && std::all_of(v.cbegin(), v.cend(),
                                                    [](char c) { return c >= '0' && c <= '9'; });
    if (digits) {
        QByteArray significant = v;
        while (significant.size() > 1 && significant.startsWith('0'))
            significant.remove(0, 1);
        const qint64 n =
            significant.size() > 9 ? clipshelf::kMaxRetryAfterSeconds : significant.toLongLong();
        FUZZ_CHECK(seconds == std::min<qint64>(n, clipshelf::kMaxRetryAfterSeconds),
                   "delay-seconds misread");
    } else if (seconds >= 0) {
        FUZZ_CHECK(clipshelf::parseHttpDate(v).isValid(),
                   "a Retry-After that is neither form accepted");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray rest = fuzz::rawBytes(data + 1, size - 1);
    switch (data[0] % 7) {
    case 0:
        checkToken(rest);
        break;
    case 1:
        checkClaims(rest);
        break;
    case 2:
        checkTagFilter(QString::fromUtf8(rest));
        break;
    case 3:
        checkCursor(rest);
        break;
    case 4:
        checkId(QString::fromUtf8(rest));
        break;
    case 5:
        checkHttpDate(rest);
        break;
    default:
        checkRetryAfter(rest);
        break;
    }
    return 0;
}
