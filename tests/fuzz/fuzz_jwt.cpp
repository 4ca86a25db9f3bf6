// JWTs: the JWS verifier shared with the reference API server (jws/jws.h:
// base64url, CompactJws::parse, verify) and the client's ID-token checks
// (JwtParts, IdTokenValidator::validate). The input is the token. Invariants:
// base64url is strict (what it decodes encodes back to the same text); what the
// verifier parses, JwtParts reads alike; only an accepted algorithm with a
// published, fitting key verifies, and a changed signature never does; an ID
// token passes validate() only with this sign-in's issuer, audience, nonce and
// times in their window. An input that starts with '{' is a header line and a claims
// line, made into a token (with a signature that never verifies).
#include "auth/idtokenvalidator.h"
#include "fuzzsupport.h"
#include "jws/jws.h"

#include <QJsonArray>
#include <QTimeZone>

using namespace clipshelf;

namespace {

// The public half of tools/make-jwt-seeds.py's fixed test keys (its output).
constexpr char kJwks[] =
    R"({"keys":[{"kty":"EC","crv":"P-256","kid":"ec-1","alg":"ES256","use":"sig",)"
    R"("x":"StP7Gq-q0wiJdSKpx2OJj5yz6E-KYTF7G4Zip1OG4cc","y":"48zBywiHVUJ1sTTkBM_U9UPVX6ijJF3XtpRjHTf0D4U"},)"
    R"({"kty":"OKP","crv":"Ed25519","kid":"ed-1","alg":"EdDSA","use":"sig",)"
    R"("x":"A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg"}]})";
constexpr qint64 kNow = 1796601600; // 2026-12-07T00:00:00Z, as in the seeds

const jws::JwkSet &keys()
{
    static const jws::JwkSet set = [] {
        QString error;
        auto parsed = jws::JwkSet::parse(kJwks, &error);
        FUZZ_CHECK(parsed && parsed->keys.size() == 2, "the embedded key set does not parse");
        return *parsed;
    }();
    return set;
}

void checkBase64Url(QByteArrayView text)
{
    bool ok = true;
    const QByteArray decoded = jws::base64UrlDecode(text, &ok);
    if (ok)
        FUZZ_CHECK(jws::base64UrlEncode(decoded) == text,
                   "base64url text that does not encode back to itself");
}

/// The token: the input itself, or, when it starts with '{', a token made of its two lines (header
/// and claims JSON), so that the claim checks see every kind of claim value.
QByteArray tokenFrom(const QByteArray &input)
{
    if (!input.startsWith('{'))
        return input;
    const auto [header, claims] = fuzz::splitOnce(input, '\n');
    return jws::base64UrlEncode(header) + '.' + jws::base64UrlEncode(claims) + '.' +
           jws::base64UrlEncode("not a signature");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray token = tokenFrom(fuzz::rawBytes(data, size));
    for (const QByteArray &part : token.split('.'))
        checkBase64Url(part);

    QString error;
    const auto compact = jws::CompactJws::parse(token, &error);
    const auto parts = JwtParts::decode(QString::fromLatin1(token));
    if (compact) {
        FUZZ_CHECK(token.startsWith(compact->signingInput + '.'),
                   "the signing input is not the token's");
        FUZZ_CHECK(parts, "a JWS the verifier parses is not a JWT to JwtParts");
        FUZZ_CHECK(parts->header == compact->header && parts->claims == compact->payload,
                   "JwtParts and the verifier read other header or claims");
    } else {
        FUZZ_CHECK(!error.isEmpty(), "a refusal without a reason");
    }

    const jws::Verification v = jws::verify(token, keys());
    if (v.ok()) {
        FUZZ_CHECK(compact, "a token verified that does not parse");
        const auto alg = jws::algorithmFromName(v.header.value(QLatin1String("alg")).toString());
        FUZZ_CHECK(alg, "a token verified with an algorithm never accepted");
        FUZZ_CHECK(!v.header.contains(QLatin1String("crit")),
                   "a token with critical headers verified");
        FUZZ_CHECK(v.payload == compact->payload, "verified claims differ from the token's");
        // A changed signature never verifies.
        QByteArray forged = compact->signature;
        forged[forged.size() - 1] = char(forged.at(forged.size() - 1) ^ 1);
        const QByteArray forgedToken = compact->signingInput + '.' + jws::base64UrlEncode(forged);
        FUZZ_CHECK(!jws::verify(forgedToken, keys()).ok(), "a forged signature verified");
    } else {
        FUZZ_CHECK(!v.error.isEmpty(), "a refusal without a reason");
        FUZZ_CHECK(!v.error.contains(QLatin1String(token)) || token.size() < 8,
                   "the token in an error");
    }

    IdTokenValidator::Expectations expect;
    expect.issuer = QStringLiteral("https://issuer.example");
    expect.clientId = QStringLiteral("clipshelf-desktop");
    expect.nonce = QStringLiteral("n-0123456789");
    expect.now = QDateTime::fromSecsSinceEpoch(kNow, QTimeZone::utc());
    IdTokenValidator::Failure failure = IdTokenValidator::Failure::None;
    const auto claims =
        IdTokenValidator::validate(QString::fromLatin1(token), expect, &error, &failure);
    if (!claims) {
        FUZZ_CHECK(failure == IdTokenValidator::Failure::Refused ||
                       failure == IdTokenValidator::Failure::Clock,
                   "a refusal of an unknown kind");
        return 0;
    }
    FUZZ_CHECK(failure == IdTokenValidator::Failure::None, "an accepted token with a failure");
    FUZZ_CHECK(parts && *claims == parts->claims,
               "validate() returned other claims than the token's");
    const QString alg = parts->header.value(QLatin1String("alg")).toString();
    FUZZ_CHECK(!alg.isEmpty() && alg.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0,
               "an unsigned token");
    FUZZ_CHECK(claims->value(QLatin1String("iss")).toString() == expect.issuer,
               "another issuer accepted");
    FUZZ_CHECK(!claims->value(QLatin1String("sub")).toString().isEmpty(), "no subject accepted");
    FUZZ_CHECK(claims->value(QLatin1String("nonce")).toString() == expect.nonce,
               "another nonce accepted");
    const QJsonValue aud = claims->value(QLatin1String("aud"));
    FUZZ_CHECK(aud.toString() == expect.clientId || aud.toArray().contains(expect.clientId),
               "another audience");
    const double exp = claims->value(QLatin1String("exp")).toDouble();
    const double iat = claims->value(QLatin1String("iat")).toDouble();
    // Whole seconds are compared (a fraction may tip either way).
    FUZZ_CHECK(exp + expect.leewaySeconds > double(kNow - 1), "an expired token accepted");
    FUZZ_CHECK(iat - expect.leewaySeconds < double(kNow + 1), "a token from the future accepted");
    FUZZ_CHECK(iat + expect.maxAgeSeconds > double(kNow - 1), "a stale token accepted");
    return 0;
}
