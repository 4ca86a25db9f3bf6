#include "auth/pkce.h"

#include "core/randomtoken.h"

#include <QCryptographicHash>

namespace clipshelf::pkce {

namespace {
constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
}

QByteArray makeVerifier()
{
    return randomtoken::urlSafe(32);
}

QByteArray challengeS256(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(kBase64Url);
}

} // namespace clipshelf::pkce
