#include "cryptoutil.h"

#include <memory>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace apiserver::crypto {

namespace {

struct Deleter
{
    void operator()(EVP_CIPHER_CTX *p) const { EVP_CIPHER_CTX_free(p); }
};
template <typename T> using Owned = std::unique_ptr<T, Deleter>;

const unsigned char *bytes(const QByteArray &a)
{
    return reinterpret_cast<const unsigned char *>(a.constData());
}

} // namespace

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
    if (!ctx ||
        EVP_EncryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), bytes(key32), bytes(nonce), nullptr) !=
            1 ||
        EVP_EncryptUpdate(ctx.get(), ubytes(out), &len, bytes(plaintext), int(plaintext.size())) !=
            1)
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
    if (!ctx ||
        EVP_DecryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), bytes(key32), bytes(nonce), nullptr) !=
            1 ||
        EVP_DecryptUpdate(ctx.get(), ubytes(out), &len, bytes(cipher), int(cipher.size())) != 1)
        return std::nullopt;
    total = len;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTag, tag.data()) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), ubytes(out) + total, &len) != 1)
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
