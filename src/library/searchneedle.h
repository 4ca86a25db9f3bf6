#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QVarLengthArray>

namespace clipshelf {

/// A lower-cased search text, prepared once for VideoRecord::matchesText().
struct SearchNeedle
{
    /// What every canonical video URL starts with (the youtube id follows).
    static constexpr char kUrlPrefix[] = "https://www.youtube.com/watch?v=";

    explicit SearchNeedle(const QString &lowerText = {});
    QByteArray utf8;          ///< UTF-8 of the lower-case text
    bool ascii = true;        ///< no byte >= 0x80 (then ASCII rows may match)
    bool inUrlPrefix = false; ///< the canonical URL's prefix contains it: every row matches
    /// Lengths k for which the text starts with the prefix's last k characters
    /// (a match may then run from the prefix into the youtube id).
    QVarLengthArray<int, 4> urlSplits;
    bool isEmpty() const { return utf8.isEmpty(); }

    /// True when \a text has no byte >= 0x80.
    static bool isAscii(QByteArrayView text)
    {
        for (char c : text)
            if (static_cast<unsigned char>(c) >= 0x80)
                return false;
        return true;
    }
};

} // namespace clipshelf
