#include "auth/pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace clipshelf::pkce {

namespace {
constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
}

QByteArray randomUrlSafe(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    // QRandomGenerator::system() reads the operating system's CSPRNG.
    QRandomGenerator *rng = QRandomGenerator::system();
    for (int i = 0; i < bytes; ++i)
        raw[i] = char(rng->bounded(256));
    return raw.toBase64(kBase64Url);
}

QByteArray makeVerifier() { return randomUrlSafe(32); }

QByteArray challengeS256(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(kBase64Url);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace clipshelf::pkce
