#include "library/searchneedle.h"

namespace clipshelf {

SearchNeedle::SearchNeedle(const QString &lowerText) : utf8(lowerText.toUtf8())
{
    ascii = isAscii(utf8);
    inUrlPrefix = !utf8.isEmpty() && QByteArrayView(kUrlPrefix).indexOf(utf8) >= 0;
    const QByteArrayView prefix(kUrlPrefix);
    for (qsizetype k = 1; k < utf8.size() && k <= prefix.size(); ++k)
        if (QByteArrayView(utf8).first(k) == prefix.last(k))
            urlSplits.append(int(k));
}

} // namespace clipshelf
