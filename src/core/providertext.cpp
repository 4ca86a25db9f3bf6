#include "core/providertext.h"

#include <QUrl>

namespace clipshelf::providertext {

QString plain(const QString &text, qsizetype maxLength)
{
    QString out;
    out.reserve(std::min(text.size(), maxLength + 1));
    bool space = false;
    for (QChar c : text) {
        const auto category = c.category();
        // Control and format characters (incl. bidi overrides) could reorder or hide text.
        const bool blank = c.isSpace() || category == QChar::Other_Control ||
                           category == QChar::Other_Format || category == QChar::Separator_Line ||
                           category == QChar::Separator_Paragraph;
        if (blank) {
            space = !out.isEmpty();
            continue;
        }
        if (space)
            out += u' ';
        space = false;
        out += c;
        if (out.size() > maxLength)
            break;
    }
    if (out.size() > maxLength) {
        out.truncate(maxLength - 1);
        if (!out.isEmpty() && out.back().isHighSurrogate())
            out.chop(1);
        out += u'…';
    }
    return out;
}

QString fromFormEncoded(const QByteArray &encoded, qsizetype maxLength)
{
    QByteArray spaced = encoded;
    spaced.replace('+', ' '); // before percent-decoding, so %2B stays a '+'
    return plain(QUrl::fromPercentEncoding(spaced), maxLength);
}

} // namespace clipshelf::providertext
