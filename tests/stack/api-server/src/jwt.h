// base64url (RFC 7515 §2) for the server's opaque ids and secrets. JWS parsing
// and verification live in the project's one verifier, src/jws/jws.h.
#pragma once

#include "jws/jws.h"

#include <QtCore/QByteArray>

namespace apiserver {

inline QByteArray base64UrlDecode(const QByteArray &text, bool *ok)
{
    *ok = true;
    return clipshelf::jws::base64UrlDecode(text, ok);
}

inline QByteArray base64UrlEncode(const QByteArray &data)
{
    return clipshelf::jws::base64UrlEncode(data);
}

} // namespace apiserver
