#include "jws/jws.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>
#include <QJsonArray>
#include <QJsonDocument>

namespace clipshelf::jws {

namespace {

struct Deleter
{
    void operator()(BIGNUM *p) const { BN_free(p); }
    void operator()(OSSL_PARAM_BLD *p) const { OSSL_PARAM_BLD_free(p); }
    void operator()(OSSL_PARAM *p) const { OSSL_PARAM_free(p); }
    void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); }
    void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); }
    void operator()(ECDSA_SIG *p) const { ECDSA_SIG_free(p); }
};
template <typename T> using Owned = std::unique_ptr<T, Deleter>;
using Key = std::shared_ptr<EVP_PKEY>;

const unsigned char *bytes(QByteArrayView a)
{
    return reinterpret_cast<const unsigned char *>(a.data());
}

bool isBase64UrlChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

QByteArray member(const QJsonObject &o, const char *name, bool *ok)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (!v.isString() || v.toString().isEmpty()) {
        *ok = false;
        return {};
    }
    return base64UrlDecode(v.toString().toLatin1(), ok);
}

/// A public key of OpenSSL type \a type from \a builder's parameters, validated.
Key keyFromParams(const char *type, OSSL_PARAM_BLD *builder)
{
    Owned<OSSL_PARAM> params(OSSL_PARAM_BLD_to_param(builder));
    Owned<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY *raw = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1 || !raw)
        return {};
    Key key(raw, EVP_PKEY_free);
    Owned<EVP_PKEY_CTX> check(EVP_PKEY_CTX_new_from_pkey(nullptr, raw, nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1)
        return {};
    return key;
}

Key rsaKey(const QByteArray &modulus, const QByteArray &exponent, QString *error)
{
    // Leading zero bytes do not count: the modulus length is what OpenSSL measures below.
    if (modulus.size() > kMaxRsaBits / 8 + 1 || exponent.isEmpty() || exponent.size() > 8) {
        *error = QStringLiteral("RSA key of an unsupported size");
        return {};
    }
    Owned<BIGNUM> n(BN_bin2bn(bytes(modulus), int(modulus.size()), nullptr));
    Owned<BIGNUM> e(BN_bin2bn(bytes(exponent), int(exponent.size()), nullptr));
    Owned<OSSL_PARAM_BLD> builder(OSSL_PARAM_BLD_new());
    if (!n || !e || !builder ||
        OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1 ||
        OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1) {
        *error = QStringLiteral("invalid RSA parameters");
        return {};
    }
    Key key = keyFromParams("RSA", builder.get());
    if (!key) {
        *error = QStringLiteral("invalid RSA key");
        return {};
    }
    const int bits = EVP_PKEY_get_bits(key.get());
    if (bits < kMinRsaBits || bits > kMaxRsaBits) {
        *error = QStringLiteral("RSA key of %1 bits (%2 to %3 accepted)")
                     .arg(bits)
                     .arg(kMinRsaBits)
                     .arg(kMaxRsaBits);
        return {};
    }
    return key;
}

Key p256Key(const QByteArray &x, const QByteArray &y, QString *error)
{
    if (x.size() != 32 || y.size() != 32) {
        *error = QStringLiteral("P-256 coordinates must be 32 bytes each");
        return {};
    }
    const QByteArray point = QByteArray(1, '\x04') + x + y; // uncompressed SEC1 point
    Owned<OSSL_PARAM_BLD> builder(OSSL_PARAM_BLD_new());
    char group[] = "P-256";
    if (!builder ||
        OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                         size_t(point.size())) != 1) {
        *error = QStringLiteral("invalid EC parameters");
        return {};
    }
    Key key = keyFromParams("EC", builder.get());
    if (!key)
        *error = QStringLiteral("the EC point is not on P-256");
    return key;
}

Key ed25519Key(const QByteArray &x, QString *error)
{
    if (x.size() != 32) {
        *error = QStringLiteral("Ed25519 public keys are 32 bytes");
        return {};
    }
    EVP_PKEY *raw =
        EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes(x), size_t(x.size()));
    if (!raw) {
        *error = QStringLiteral("invalid Ed25519 key");
        return {};
    }
    return Key(raw, EVP_PKEY_free);
}

/// JOSE's r||s (RFC 7518 §3.4) as the DER ECDSA-Sig-Value OpenSSL verifies.
QByteArray ecdsaRawToDer(QByteArrayView raw)
{
    if (raw.size() != 64)
        return {};
    Owned<ECDSA_SIG> sig(ECDSA_SIG_new());
    BIGNUM *r = BN_bin2bn(bytes(raw), 32, nullptr);
    BIGNUM *s = BN_bin2bn(bytes(raw) + 32, 32, nullptr);
    if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
        BN_free(r);
        BN_free(s);
        return {};
    }
    const int len = i2d_ECDSA_SIG(sig.get(), nullptr);
    if (len <= 0)
        return {};
    QByteArray der(len, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (i2d_ECDSA_SIG(sig.get(), &out) != len)
        return {};
    return der;
}

std::optional<QJsonObject> decodeObject(QByteArrayView part)
{
    bool ok = true;
    const QByteArray json = base64UrlDecode(part, &ok);
    if (!ok)
        return std::nullopt;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

Verification refused(Outcome outcome, const QString &why, const CompactJws *jws = nullptr)
{
    Verification v;
    v.outcome = outcome;
    v.error = why;
    if (jws)
        v.header = jws->header;
    return v;
}

} // namespace

std::optional<Algorithm> algorithmFromName(const QString &name)
{
    if (name == QLatin1String("RS256"))
        return Algorithm::RS256;
    if (name == QLatin1String("PS256"))
        return Algorithm::PS256;
    if (name == QLatin1String("ES256"))
        return Algorithm::ES256;
    if (name == QLatin1String("EdDSA"))
        return Algorithm::EdDSA;
    return std::nullopt;
}

QString algorithmName(Algorithm alg)
{
    switch (alg) {
    case Algorithm::RS256:
        return QStringLiteral("RS256");
    case Algorithm::PS256:
        return QStringLiteral("PS256");
    case Algorithm::ES256:
        return QStringLiteral("ES256");
    case Algorithm::EdDSA:
        return QStringLiteral("EdDSA");
    }
    return {};
}

QByteArray base64UrlDecode(QByteArrayView text, bool *ok)
{
    for (char c : text) {
        if (!isBase64UrlChar(c)) {
            *ok = false;
            return {};
        }
    }
    const auto result = QByteArray::fromBase64Encoding(text.toByteArray(),
                                                       QByteArray::Base64UrlEncoding |
                                                           QByteArray::AbortOnBase64DecodingErrors);
    // One text per byte string: no stray sixth-of-a-byte, no unused bits set (RFC 4648 3.5).
    if (!result || QByteArrayView(base64UrlEncode(result.decoded)) != text) {
        *ok = false;
        return {};
    }
    return result.decoded;
}

QByteArray base64UrlEncode(QByteArrayView data)
{
    return data.toByteArray().toBase64(QByteArray::Base64UrlEncoding |
                                       QByteArray::OmitTrailingEquals);
}

QStringList audiences(const QJsonObject &claims)
{
    const QJsonValue aud = claims.value(QStringLiteral("aud"));
    if (aud.isString())
        return {aud.toString()};
    QStringList out;
    const QJsonArray list = aud.toArray();
    for (const QJsonValue &item : list)
        out << item.toString();
    return out;
}

std::optional<CompactJws> CompactJws::parse(QByteArrayView token, QString *error)
{
    if (token.size() > kMaxTokenBytes) {
        *error = QStringLiteral("the token is longer than %1 bytes").arg(kMaxTokenBytes);
        return std::nullopt;
    }
    const qsizetype first = token.indexOf('.');
    const qsizetype second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (first <= 0 || second <= first + 1 || token.indexOf('.', second + 1) >= 0) {
        *error = QStringLiteral("the token is not a compact JWS");
        return std::nullopt;
    }
    const auto header = decodeObject(token.first(first));
    const auto payload = decodeObject(token.sliced(first + 1, second - first - 1));
    if (!header || !payload) {
        *error = QStringLiteral("the token's header or payload is not base64url-encoded JSON");
        return std::nullopt;
    }
    bool ok = true;
    CompactJws jws;
    jws.signature = base64UrlDecode(token.sliced(second + 1), &ok);
    if (!ok || jws.signature.isEmpty()) {
        *error = QStringLiteral("the token's signature is missing or not base64url");
        return std::nullopt;
    }
    jws.header = *header;
    jws.payload = *payload;
    jws.signingInput = token.first(second).toByteArray();
    return jws;
}

bool Jwk::fits(Algorithm algorithm) const
{
    if (!m_key || (!alg.isEmpty() && alg != algorithmName(algorithm)))
        return false;
    switch (algorithm) {
    case Algorithm::RS256:
    case Algorithm::PS256:
        return kty == QLatin1String("RSA");
    case Algorithm::ES256:
        return kty == QLatin1String("EC") && crv == QLatin1String("P-256");
    case Algorithm::EdDSA:
        return kty == QLatin1String("OKP") && crv == QLatin1String("Ed25519");
    }
    return false;
}

bool Jwk::verify(Algorithm algorithm, QByteArrayView input, QByteArrayView signature) const
{
    if (!fits(algorithm) || signature.isEmpty())
        return false;
    QByteArray der;
    if (algorithm == Algorithm::ES256) {
        der = ecdsaRawToDer(signature);
        if (der.isEmpty())
            return false;
        signature = der;
    } else if (algorithm == Algorithm::EdDSA && signature.size() != 64) {
        return false;
    }
    Owned<EVP_MD_CTX> md(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pctx = nullptr; // owned by md
    const EVP_MD *digest = algorithm == Algorithm::EdDSA ? nullptr : EVP_sha256();
    if (!md || EVP_DigestVerifyInit(md.get(), &pctx, digest, nullptr, m_key.get()) != 1)
        return false;
    if (algorithm == Algorithm::PS256 &&
        (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
         EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, EVP_sha256()) != 1
         // RFC 7518 §3.5: the salt is as long as the hash.
         || EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) != 1))
        return false;
    return EVP_DigestVerify(md.get(), bytes(signature), size_t(signature.size()), bytes(input),
                            size_t(input.size())) == 1;
}

std::optional<Jwk> Jwk::fromJson(const QJsonObject &o, QString *error)
{
    Jwk jwk;
    jwk.kid = o.value(QStringLiteral("kid")).toString();
    jwk.kty = o.value(QStringLiteral("kty")).toString();
    jwk.alg = o.value(QStringLiteral("alg")).toString();
    jwk.crv = o.value(QStringLiteral("crv")).toString();
    const QJsonValue use = o.value(QStringLiteral("use"));
    if (!use.isUndefined() && use.toString() != QLatin1String("sig")) {
        *error = QStringLiteral("not a signing key (use)");
        return std::nullopt;
    }
    const QJsonValue ops = o.value(QStringLiteral("key_ops"));
    if (!ops.isUndefined() && !ops.toArray().contains(QStringLiteral("verify"))) {
        *error = QStringLiteral("not a verification key (key_ops)");
        return std::nullopt;
    }
    if (!jwk.alg.isEmpty() && !algorithmFromName(jwk.alg)) {
        *error = QStringLiteral("algorithm %1 is not accepted").arg(jwk.alg);
        return std::nullopt;
    }
    bool ok = true;
    QString why;
    if (jwk.kty == QLatin1String("RSA")) {
        const QByteArray n = member(o, "n", &ok);
        const QByteArray e = member(o, "e", &ok);
        if (ok)
            jwk.m_key = rsaKey(n, e, &why);
    } else if (jwk.kty == QLatin1String("EC") && jwk.crv == QLatin1String("P-256")) {
        const QByteArray x = member(o, "x", &ok);
        const QByteArray y = member(o, "y", &ok);
        if (ok)
            jwk.m_key = p256Key(x, y, &why);
    } else if (jwk.kty == QLatin1String("OKP") && jwk.crv == QLatin1String("Ed25519")) {
        const QByteArray x = member(o, "x", &ok);
        if (ok)
            jwk.m_key = ed25519Key(x, &why);
    } else {
        *error = QStringLiteral("key type %1 %2 is not accepted").arg(jwk.kty, jwk.crv).trimmed();
        return std::nullopt;
    }
    if (!ok)
        why = QStringLiteral("a key parameter is missing or not base64url");
    if (!jwk.m_key) {
        *error = why;
        return std::nullopt;
    }
    return jwk;
}

std::optional<JwkSet> JwkSet::parse(QByteArrayView json, QString *error)
{
    if (json.size() > kMaxJwksBytes) {
        *error = QStringLiteral("the key set is larger than %1 bytes").arg(kMaxJwksBytes);
        return std::nullopt;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    const QJsonValue list = doc.object().value(QStringLiteral("keys"));
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() || !list.isArray()) {
        *error = QStringLiteral("the key set is not a JSON object with a \"keys\" array");
        return std::nullopt;
    }
    const QJsonArray keys = list.toArray();
    if (keys.size() > kMaxJwksKeys) {
        *error = QStringLiteral("the key set has more than %1 keys").arg(kMaxJwksKeys);
        return std::nullopt;
    }
    JwkSet set;
    for (const QJsonValue &v : keys) {
        QString ignored; // keys that are never used are common (encryption keys): skip them
        if (auto jwk = Jwk::fromJson(v.toObject(), &ignored))
            set.keys.append(std::move(*jwk));
    }
    return set;
}

bool JwkSet::hasKid(const QString &kid) const
{
    return std::any_of(keys.begin(), keys.end(), [&kid](const Jwk &k) { return k.kid == kid; });
}

Verification verify(QByteArrayView token, const JwkSet &keys)
{
    QString error;
    const std::optional<CompactJws> jws = CompactJws::parse(token, &error);
    if (!jws)
        return refused(Outcome::Malformed, error);
    const QJsonValue algValue = jws->header.value(QStringLiteral("alg"));
    const std::optional<Algorithm> alg = algorithmFromName(algValue.toString());
    if (!algValue.isString() || !alg)
        return refused(
            Outcome::UnsupportedAlgorithm,
            QStringLiteral(
                "the signing algorithm is not accepted (only RS256, PS256, ES256 and EdDSA)"),
            &*jws);
    if (jws->header.contains(QStringLiteral("crit")))
        return refused(Outcome::UnsupportedAlgorithm,
                       QStringLiteral("the token has critical header parameters"), &*jws);
    const QJsonValue kidValue = jws->header.value(QStringLiteral("kid"));
    if (!kidValue.isUndefined() && !kidValue.isString())
        return refused(Outcome::Malformed, QStringLiteral("the token's key id is not a string"),
                       &*jws);
    const bool named = kidValue.isString();
    const QString kid = kidValue.toString();
    bool known = false;
    bool fitting = false;
    for (const Jwk &key : keys.keys) {
        if (named && key.kid != kid)
            continue;
        known = true;
        if (!key.fits(*alg))
            continue;
        fitting = true;
        if (key.verify(*alg, jws->signingInput, jws->signature)) {
            Verification v;
            v.outcome = Outcome::Verified;
            v.header = jws->header;
            v.payload = jws->payload;
            return v;
        }
    }
    if (!known)
        return refused(Outcome::UnknownKey,
                       QStringLiteral("the token was signed with an unknown key"), &*jws);
    if (!fitting)
        return refused(
            Outcome::KeyMismatch,
            QStringLiteral("the token's key cannot make %1 signatures").arg(algorithmName(*alg)),
            &*jws);
    return refused(Outcome::BadSignature, QStringLiteral("the token's signature is invalid"),
                   &*jws);
}

} // namespace clipshelf::jws
