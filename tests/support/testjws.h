#pragma once
// Test helper: signing keys generated at test time with OpenSSL's EVP API,
// their public JWKs, and compact JWS signed with them (or forged).

#include <functional>
#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QString>

namespace clipshelf::test {

inline QByteArray b64url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

/// A private signing key and the JOSE algorithm it signs with.
class TestSigningKey
{
public:
    static TestSigningKey rsa(const QString &kid, const QString &alg = QStringLiteral("RS256"),
                              int bits = 2048)
    {
        return make(kid, alg, EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(bits)));
    }
    static TestSigningKey ec(const QString &kid)
    {
        return make(kid, QStringLiteral("ES256"),
                    EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    }
    static TestSigningKey ed25519(const QString &kid)
    {
        return make(kid, QStringLiteral("EdDSA"), EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    }

    QString kid;
    QString alg;
    /// Whether jwk() names the algorithm.
    bool publishAlg = true;

    /// The public key as a JWK.
    QJsonObject jwk() const
    {
        QJsonObject o{{"kid", kid}, {"use", "sig"}};
        if (publishAlg)
            o.insert("alg", alg);
        if (EVP_PKEY_is_a(m_key.get(), "RSA")) {
            o.insert("kty", "RSA");
            o.insert("n", QString::fromLatin1(b64url(bn(OSSL_PKEY_PARAM_RSA_N))));
            o.insert("e", QString::fromLatin1(b64url(bn(OSSL_PKEY_PARAM_RSA_E))));
        } else if (EVP_PKEY_is_a(m_key.get(), "EC")) {
            unsigned char point[65];
            size_t len = 0;
            if (EVP_PKEY_get_octet_string_param(m_key.get(), OSSL_PKEY_PARAM_PUB_KEY, point,
                                                sizeof point, &len) != 1 ||
                len != 65)
                qFatal("EC public point export failed");
            const QByteArray raw(reinterpret_cast<const char *>(point), 65);
            o.insert("kty", "EC");
            o.insert("crv", "P-256");
            o.insert("x", QString::fromLatin1(b64url(raw.mid(1, 32))));
            o.insert("y", QString::fromLatin1(b64url(raw.mid(33, 32))));
        } else {
            unsigned char raw[32];
            size_t len = sizeof raw;
            if (EVP_PKEY_get_raw_public_key(m_key.get(), raw, &len) != 1 || len != 32)
                qFatal("Ed25519 public key export failed");
            o.insert("kty", "OKP");
            o.insert("crv", "Ed25519");
            o.insert("x", QString::fromLatin1(
                              b64url(QByteArray(reinterpret_cast<const char *>(raw), 32))));
        }
        return o;
    }

    /// The JWS signature of \a input with this key's algorithm (ES256: raw r||s).
    QByteArray sign(const QByteArray &input) const
    {
        EVP_MD_CTX *md = EVP_MD_CTX_new();
        EVP_PKEY_CTX *pctx = nullptr;
        const EVP_MD *digest = alg == QLatin1String("EdDSA") ? nullptr : EVP_sha256();
        if (EVP_DigestSignInit(md, &pctx, digest, nullptr, m_key.get()) != 1)
            qFatal("sign init failed");
        if (alg == QLatin1String("PS256") &&
            (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
             EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) != 1))
            qFatal("PSS setup failed");
        const auto *in = reinterpret_cast<const unsigned char *>(input.constData());
        size_t len = 0;
        if (EVP_DigestSign(md, nullptr, &len, in, size_t(input.size())) != 1)
            qFatal("sign (size) failed");
        QByteArray sig(qsizetype(len), Qt::Uninitialized);
        if (EVP_DigestSign(md, reinterpret_cast<unsigned char *>(sig.data()), &len, in,
                           size_t(input.size())) != 1)
            qFatal("sign failed");
        EVP_MD_CTX_free(md);
        sig.resize(qsizetype(len));
        if (alg != QLatin1String("ES256"))
            return sig;
        const auto *p = reinterpret_cast<const unsigned char *>(sig.constData());
        ECDSA_SIG *es = d2i_ECDSA_SIG(nullptr, &p, long(sig.size()));
        QByteArray raw(64, '\0');
        BN_bn2binpad(ECDSA_SIG_get0_r(es), reinterpret_cast<unsigned char *>(raw.data()), 32);
        BN_bn2binpad(ECDSA_SIG_get0_s(es), reinterpret_cast<unsigned char *>(raw.data()) + 32, 32);
        ECDSA_SIG_free(es);
        return raw;
    }

    /// The public key as SubjectPublicKeyInfo PEM (the HS256 key-confusion attack's secret).
    QByteArray publicPem() const
    {
        BIO *bio = BIO_new(BIO_s_mem());
        PEM_write_bio_PUBKEY(bio, m_key.get());
        char *data = nullptr;
        const long len = BIO_get_mem_data(bio, &data);
        QByteArray pem(data, int(len));
        BIO_free(bio);
        return pem;
    }

    /// A compact JWS of \a claims signed with this key; \a header entries override alg, kid, typ.
    QByteArray token(const QJsonObject &claims, const QJsonObject &header = {}) const
    {
        QJsonObject h{{"alg", alg}, {"kid", kid}, {"typ", "JWT"}};
        for (auto it = header.begin(); it != header.end(); ++it) {
            if (it.value().isNull())
                h.remove(it.key());
            else
                h.insert(it.key(), it.value());
        }
        return compact(h, claims, [this](const QByteArray &in) { return sign(in); });
    }

    /// header.payload.signature with any header and any signer.
    static QByteArray compact(const QJsonObject &header, const QJsonObject &payload,
                              const std::function<QByteArray(const QByteArray &)> &signer)
    {
        const QByteArray input = b64url(QJsonDocument(header).toJson(QJsonDocument::Compact)) +
                                 '.' +
                                 b64url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
        return input + '.' + b64url(signer(input));
    }

    static QByteArray hs256(const QByteArray &secret, const QByteArray &input)
    {
        return QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256);
    }

private:
    static TestSigningKey make(const QString &kid, const QString &alg, EVP_PKEY *key)
    {
        if (!key)
            qFatal("key generation failed");
        TestSigningKey k;
        k.kid = kid;
        k.alg = alg;
        k.m_key.reset(key, EVP_PKEY_free);
        return k;
    }

    QByteArray bn(const char *name) const
    {
        BIGNUM *value = nullptr;
        if (EVP_PKEY_get_bn_param(m_key.get(), name, &value) != 1)
            qFatal("EVP_PKEY_get_bn_param failed");
        QByteArray out(BN_num_bytes(value), Qt::Uninitialized);
        BN_bn2bin(value, reinterpret_cast<unsigned char *>(out.data()));
        BN_free(value);
        return out;
    }

    std::shared_ptr<EVP_PKEY> m_key;
};

/// A JWK set document holding \a keys.
inline QByteArray jwksDocument(const QList<TestSigningKey> &keys)
{
    QJsonArray list;
    for (const TestSigningKey &k : keys)
        list.append(k.jwk());
    return QJsonDocument(QJsonObject{{"keys", list}}).toJson(QJsonDocument::Compact);
}

} // namespace clipshelf::test
