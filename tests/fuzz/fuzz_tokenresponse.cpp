// The token endpoint's answer (TokenClient::parseTokenResponse). The first input
// byte picks the HTTP status; the rest is the body. Invariants: a success is a
// JSON object with a b64token access token, visible-ASCII refresh and ID tokens
// of at most 16 KiB, a Bearer type and a sane expires_in, all as the JSON says;
// a failure's kind follows the status and its message never carries a token;
// whatever the status, provider text reaches the user short and plain.
#include "auth/tokenclient.h"
#include "core/tokensyntax.h"
#include "fuzzsupport.h"

#include <algorithm>
#include <QJsonDocument>
#include <QJsonObject>

using namespace clipshelf;

namespace {

constexpr int kStatuses[] = {200, 200, 200, 200, 400, 401, 403, 429, 500, 503, 302, 204};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const int status = kStatuses[data[0] % std::size(kStatuses)];
    const QByteArray body = fuzz::rawBytes(data + 1, size - 1);
    TokenResponse response;
    TokenError error;
    const bool ok = TokenClient::parseTokenResponse(status, body, &response, &error);

    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject o = doc.object();
    if (!ok) {
        FUZZ_CHECK(!error.message.isEmpty(), "a refusal without a message");
        FUZZ_CHECK(fuzz::isPlainText(error.oauthError, 64),
                   "the OAuth error code is not short plain text");
        if (status >= 500 || status == 429)
            FUZZ_CHECK(error.kind == TokenError::Kind::Transient,
                       "a 5xx/429 that is not transient");
        if (error.kind == TokenError::Kind::InvalidGrant)
            FUZZ_CHECK((status == 400 || status == 401) &&
                           error.oauthError == QLatin1String("invalid_grant"),
                       "a session ended without invalid_grant on 400/401");
        if (status != 200)
            FUZZ_CHECK(error.httpStatus == status, "the status is not reported");
        // Never a token in a message (messages reach logs and the screen). Only tokens that
        // cannot be words of a message are looked for, and the fields a message may quote
        // (token_type, error, error_description) may hold the same text.
        QStringList quotable;
        for (const char *field : {"token_type", "error", "error_description"})
            quotable << o.value(QLatin1String(field)).toString();
        for (const char *field : {"access_token", "refresh_token", "id_token"}) {
            const QString token = o.value(QLatin1String(field)).toString();
            const bool wordLike =
                token.size() < 16 ||
                std::none_of(token.cbegin(), token.cend(), [](QChar c) { return c.isDigit(); });
            const bool quoted = std::any_of(quotable.cbegin(), quotable.cend(),
                                            [&](const QString &q) { return q.contains(token); });
            if (!wordLike && !quoted)
                FUZZ_CHECK(!error.message.contains(token), "a token in an error message");
        }
        return 0;
    }
    FUZZ_CHECK(status == 200, "a non-200 answer accepted");
    FUZZ_CHECK(parseError.error == QJsonParseError::NoError && doc.isObject(),
               "a non-object body accepted");
    FUZZ_CHECK(tokensyntax::isB64Token(response.accessToken),
               "an access token that is not a b64token");
    FUZZ_CHECK(response.accessToken == o.value(QLatin1String("access_token")).toString(),
               "access token differs");
    FUZZ_CHECK(response.refreshToken == o.value(QLatin1String("refresh_token")).toString(),
               "refresh token differs");
    FUZZ_CHECK(response.idToken == o.value(QLatin1String("id_token")).toString(),
               "ID token differs");
    for (const QString *t : {&response.refreshToken, &response.idToken}) {
        FUZZ_CHECK(t->isEmpty() || tokensyntax::isVisibleAscii(*t),
                   "a token with characters not allowed in one");
        FUZZ_CHECK(t->size() <= tokensyntax::kMaxTokenLength, "a token over 16 KiB");
    }
    FUZZ_CHECK(response.tokenType == QLatin1String("Bearer"), "a token type other than Bearer");
    FUZZ_CHECK(response.expiresIn >= -1 && response.expiresIn <= 366 * 24 * 3600,
               "expires_in out of range");
    const QJsonValue expires = o.value(QLatin1String("expires_in"));
    if (expires.isUndefined() || expires.isNull())
        FUZZ_CHECK(response.expiresIn == -1, "expires_in invented");
    else
        FUZZ_CHECK(expires.toDouble() == response.expiresIn, "expires_in differs");
    FUZZ_CHECK(response.receivedAt.isValid(), "no receipt time");
    return 0;
}
