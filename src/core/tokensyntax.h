#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace clipshelf::tokensyntax {

/// The largest token (access, refresh, ID) Clipshelf stores or sends: 16 KiB.
constexpr qsizetype kMaxTokenLength = 16 * 1024;

/// True when \a value is 1 to \a maxLength visible ASCII characters (0x21-0x7E):
/// no space, no control character (CR LF could inject HTTP headers), nothing else.
bool isVisibleAscii(QStringView value, qsizetype maxLength = kMaxTokenLength);

/// True for an RFC 6750 b64token of at most kMaxTokenLength characters:
/// 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=".
bool isB64Token(QStringView value);

/// The Authorization header value "Bearer <token>", or an empty array when
/// \a token is not a b64token (such a value is never sent).
QByteArray bearerHeader(const QString &token);

/// Compares two secrets in time that does not depend on where they differ.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace clipshelf::tokensyntax
