#include "cryptoutil.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rand.h>

namespace apiserver::crypto {

namespace {

struct Deleter
{
    void operator()(BIGNUM *p) const { BN_free(p); }
    void operator()(OSSL_PARAM_BLD *p) const { OSSL_PARAM_BLD_free(p); }
    void operator()(OSSL_PARAM *p) const { OSSL_PARAM_free(p); }
    void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); }
    void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); }
    void operator()(ECDSA_SIG *p) const { ECDSA_SIG_free(p); }
    void operator()(EVP_CIPHER_CTX *p) const { EVP_CIPHER_CTX_free(p); }
};
template<typename T>
using Owned = std::unique_ptr<T, Deleter>;

const unsigned char *bytes(const QByteArray &a)
{
    return reinterpret_cast<const unsigned char *>(a.constData());
}

PublicKey fromParams(const char *type, OSSL_PARAM_BLD *builder, QString *error)
{
    Owned<OSSL_PARAM> params(OSSL_PARAM_BLD_to_param(builder));
    Owned<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY *raw = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1
        || EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1 || !raw) {
        if (error)
            *error = QStringLiteral("OpenSSL rejected the %1 key parameters").arg(QLatin1String(type));
        return {};
    }
    PublicKey key(raw, EVP_PKEY_free);
    Owned<EVP_PKEY_CTX> check(EVP_PKEY_CTX_new_from_pkey(nullptr, raw, nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1) {
        if (error)
            *error = QStringLiteral("the %1 public key failed validation").arg(QLatin1String(type));
        return {};
    }
    return key;
}

bool digestVerify(const PublicKey &key, const QByteArray &data, const QByteArray &signature)
{
    Owned<EVP_MD_CTX> md(EVP_MD_CTX_new());
    if (!md || EVP_DigestVerifyInit(md.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1)
        return false;
    return EVP_DigestVerify(md.get(), bytes(signature), size_t(signature.size()), bytes(data),
                            size_t(data.size()))
        == 1;
}

} // namespace

PublicKey rsaPublicKey(const QByteArray &modulus, const QByteArray &exponent, QString *error)
{
    Owned<BIGNUM> n(BN_bin2bn(bytes(modulus), int(modulus.size()), nullptr));
    Owned<BIGNUM> e(BN_bin2bn(bytes(exponent), int(exponent.size()), nullptr));
    Owned<OSSL_PARAM_BLD> builder(OSSL_PARAM_BLD_new());
    if (!n || !e || !builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1
        || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1) {
        if (error)
            *error = QStringLiteral("invalid RSA parameters");
        return {};
    }
    PublicKey key = fromParams("RSA", builder.get(), error);
    if (key && EVP_PKEY_get_bits(key.get()) < 2048) {
        if (error)
            *error = QStringLiteral("RSA key shorter than 2048 bits");
        return {};
    }
    return key;
}

PublicKey ecP256PublicKey(const QByteArray &x, const QByteArray &y, QString *error)
{
    if (x.size() != 32 || y.size() != 32) {
        if (error)
            *error = QStringLiteral("P-256 coordinates must be 32 bytes each");
        return {};
    }
    const QByteArray point = QByteArray(1, '\x04') + x + y;
    Owned<OSSL_PARAM_BLD> builder(OSSL_PARAM_BLD_new());
    char group[] = "P-256";
    if (!builder
        || OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0) != 1
        || OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                            size_t(point.size()))
            != 1) {
        if (error)
            *error = QStringLiteral("invalid EC parameters");
        return {};
    }
    return fromParams("EC", builder.get(), error);
}

bool isRsa(const PublicKey &key)
{
    return key && EVP_PKEY_is_a(key.get(), "RSA");
}

bool isEcP256(const PublicKey &key)
{
    if (!key || !EVP_PKEY_is_a(key.get(), "EC"))
        return false;
    char name[64] = {};
    size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(key.get(), OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof name, &len) != 1)
        return false;
    const QByteArray group(name, qsizetype(len));
    return group == "prime256v1" || group == "P-256";
}

bool verifyRs256(const PublicKey &key, const QByteArray &data, const QByteArray &signature)
{
    return isRsa(key) && !signature.isEmpty() && digestVerify(key, data, signature);
}

bool verifyEs256(const PublicKey &key, const QByteArray &data, const QByteArray &rawSignature)
{
    if (!isEcP256(key))
        return false;
    const QByteArray der = ecdsaRawToDer(rawSignature);
    return !der.isEmpty() && digestVerify(key, data, der);
}

QByteArray ecdsaRawToDer(const QByteArray &raw)
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

QByteArray sha256(const QByteArray &data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(data.constData(), size_t(data.size()), digest, &len, EVP_sha256(), nullptr) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char *>(digest), int(len));
}

namespace {
constexpr int kNonce = 12;
constexpr int kTag = 16;
unsigned char *ubytes(QByteArray &a)
{
    return reinterpret_cast<unsigned char *>(a.data());
}
} // namespace

QByteArray seal(const QByteArray &key32, const QByteArray &plaintext)
{
    Q_ASSERT(key32.size() == 32);
    const QByteArray nonce = randomBytes(kNonce);
    QByteArray out(plaintext.size() + kTag, Qt::Uninitialized);
    Owned<EVP_CIPHER_CTX> ctx(EVP_CIPHER_CTX_new());
    int len = 0, total = 0;
    if (!ctx || EVP_EncryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), bytes(key32), bytes(nonce), nullptr) != 1
        || EVP_EncryptUpdate(ctx.get(), ubytes(out), &len, bytes(plaintext), int(plaintext.size())) != 1)
        return {};
    total = len;
    if (EVP_EncryptFinal_ex(ctx.get(), ubytes(out) + total, &len) != 1)
        return {};
    total += len;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTag, ubytes(out) + total) != 1)
        return {};
    out.resize(total + kTag);
    return nonce + out;
}

std::optional<QByteArray> unseal(const QByteArray &key32, const QByteArray &sealed)
{
    if (key32.size() != 32 || sealed.size() < kNonce + kTag)
        return std::nullopt;
    const QByteArray nonce = sealed.left(kNonce);
    const QByteArray cipher = sealed.mid(kNonce, sealed.size() - kNonce - kTag);
    QByteArray tag = sealed.right(kTag);
    QByteArray out(cipher.size() + 16, Qt::Uninitialized);
    Owned<EVP_CIPHER_CTX> ctx(EVP_CIPHER_CTX_new());
    int len = 0, total = 0;
    if (!ctx || EVP_DecryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), bytes(key32), bytes(nonce), nullptr) != 1
        || EVP_DecryptUpdate(ctx.get(), ubytes(out), &len, bytes(cipher), int(cipher.size())) != 1)
        return std::nullopt;
    total = len;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTag, tag.data()) != 1
        || EVP_DecryptFinal_ex(ctx.get(), ubytes(out) + total, &len) != 1)
        return std::nullopt;
    out.resize(total + len);
    return out;
}

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        qFatal("RAND_bytes failed");
    return out;
}

} // namespace apiserver::crypto
