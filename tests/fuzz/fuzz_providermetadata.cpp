// The provider's discovery document (ProviderMetadata::fromJson) and its JWK set
// (jws::JwkSet::parse, what auth/jwkscache.cpp reads). Both parse every input.
// Invariants: accepted metadata names exactly the expected issuer, has usable
// https (or loopback http) authorization and token endpoints, optional endpoints
// usable or absent, and S256; a refusal's message is one plain line, whatever the
// provider wrote; a key set holds at most kMaxJwksKeys signing keys of known types,
// each fitting only the algorithms of its type.
#include "auth/providermetadata.h"
#include "core/transportsecurity.h"
#include "fuzzsupport.h"
#include "jws/jws.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace clipshelf;

namespace {

bool usable(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("https") || transport::isLoopbackHttp(url));
}

bool isOneLine(const QString &text)
{
    for (const QChar c : text) {
        if (c == u'\n' || c == u'\r' || c.category() == QChar::Other_Control ||
            c.category() == QChar::Other_Format || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            return false;
    }
    return text.size() <= 2000;
}

void checkMetadata(const QByteArray &json, const QString &expectedIssuer)
{
    QString error;
    const auto m = ProviderMetadata::fromJson(json, expectedIssuer, &error);
    if (!m) {
        FUZZ_CHECK(!error.isEmpty(), "a refusal without a message");
        FUZZ_CHECK(isOneLine(error), "provider text reaches the refusal message unsanitised");
        return;
    }
    FUZZ_CHECK(m->issuer == expectedIssuer, "another issuer accepted");
    FUZZ_CHECK(!transport::isPlainHttp(QUrl(m->issuer)), "a plain-http issuer accepted");
    FUZZ_CHECK(usable(m->authorizationEndpoint) && usable(m->tokenEndpoint),
               "a required endpoint unusable");
    for (const QUrl &optional :
         {m->userinfoEndpoint, m->revocationEndpoint, m->endSessionEndpoint, m->jwksUri})
        FUZZ_CHECK(optional.isEmpty() || usable(optional), "an unusable optional endpoint kept");
    FUZZ_CHECK(m->advertisesS256(), "a provider without S256 accepted");
}

void checkKeySet(const QByteArray &json)
{
    QString error;
    const auto set = jws::JwkSet::parse(json, &error);
    if (!set) {
        FUZZ_CHECK(!error.isEmpty(), "a refusal without a reason");
        return;
    }
    QJsonParseError parseError{};
    QJsonDocument::fromJson(json, &parseError);
    FUZZ_CHECK(parseError.error == QJsonParseError::NoError, "a key set that is not JSON accepted");
    FUZZ_CHECK(set->keys.size() <= jws::kMaxJwksKeys, "more keys than allowed");
    for (const jws::Jwk &key : set->keys) {
        const bool rsa = key.kty == QLatin1String("RSA");
        const bool ec = key.kty == QLatin1String("EC");
        const bool okp = key.kty == QLatin1String("OKP");
        FUZZ_CHECK(rsa || ec || okp, "a key of an unknown type kept");
        FUZZ_CHECK(key.fits(jws::Algorithm::RS256) <= rsa && key.fits(jws::Algorithm::PS256) <= rsa,
                   "a non-RSA key fits an RSA algorithm");
        FUZZ_CHECK(key.fits(jws::Algorithm::ES256) <= ec, "a non-EC key fits ES256");
        FUZZ_CHECK(key.fits(jws::Algorithm::EdDSA) <= okp, "a non-OKP key fits EdDSA");
        FUZZ_CHECK(set->hasKid(key.kid) || key.kid.isEmpty(), "a key's own kid not found");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = fuzz::rawBytes(data, size);
    checkMetadata(json, QStringLiteral("https://issuer.example"));
    // And with the document's own issuer, so that every document reaches the endpoint checks.
    const QJsonValue issuer = QJsonDocument::fromJson(json).object().value(QLatin1String("issuer"));
    if (issuer.isString())
        checkMetadata(json, issuer.toString());
    checkKeySet(json);
    return 0;
}
