#include "core/tokensyntax.h"

namespace clipshelf::tokensyntax {

bool isVisibleAscii(QStringView value, qsizetype maxLength)
{
    if (value.isEmpty() || value.size() > maxLength)
        return false;
    for (QChar c : value) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

bool isB64Token(QStringView value)
{
    if (value.isEmpty() || value.size() > kMaxTokenLength)
        return false;
    qsizetype i = 0;
    for (; i < value.size(); ++i) {
        const char16_t c = value[i].unicode();
        const bool body = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') ||
                          (c >= u'0' && c <= u'9') || c == u'-' || c == u'.' || c == u'_' ||
                          c == u'~' || c == u'+' || c == u'/';
        if (!body)
            break;
    }
    if (i == 0)
        return false;
    for (; i < value.size(); ++i) { // only '=' padding may follow
        if (value[i] != u'=')
            return false;
    }
    return true;
}

QByteArray bearerHeader(const QString &token)
{
    if (!isB64Token(token))
        return {};
    return "Bearer " + token.toLatin1();
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

} // namespace clipshelf::tokensyntax
