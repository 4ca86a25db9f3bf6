#pragma once

// Shared by the fuzz targets: invariant checks that stop the run with a message.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <QByteArray>
#include <QString>

/// Stops the run (libFuzzer saves the input) when \a cond is false; \a what says which invariant
/// broke.
#define FUZZ_CHECK(cond, what)                                                                     \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            std::fprintf(stderr, "fuzz invariant broken: %s (%s) at %s:%d\n", what, #cond,         \
                         __FILE__, __LINE__);                                                      \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace fuzz {

/// The input as a QByteArray without a copy: a read past its end is an ASan report.
inline QByteArray rawBytes(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// Splits the input at the first \a separator: the part before and after (after: empty when none).
inline std::pair<QByteArray, QByteArray> splitOnce(const QByteArray &input, char separator)
{
    const qsizetype at = input.indexOf(separator);
    if (at < 0)
        return {input, QByteArray()};
    return {input.left(at), input.mid(at + 1)};
}

enum class Edges { Any, NoSpace };

/// Whether \a text is at most \a max characters of plain text: no control or
/// format character (bidi overrides), no white space but the plain space, and
/// with Edges::NoSpace no space at either end.
inline bool isPlainText(const QString &text, qsizetype max, Edges edges = Edges::Any)
{
    if (text.size() > max)
        return false;
    if (edges == Edges::NoSpace && (text.startsWith(u' ') || text.endsWith(u' ')))
        return false;
    for (const QChar c : text) {
        if ((c.isSpace() && c != u' ') || c.category() == QChar::Other_Control ||
            c.category() == QChar::Other_Format)
            return false;
    }
    return true;
}

} // namespace fuzz
