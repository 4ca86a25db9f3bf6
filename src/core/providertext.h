#pragma once

#include <QByteArray>
#include <QString>

namespace clipshelf::providertext {

/// The most characters of provider text (error descriptions) Clipshelf shows.
constexpr qsizetype kMaxLength = 300;

/// Makes text from a provider or server safe to show as one plain line:
/// control and format characters become spaces, runs of white space collapse,
/// and text longer than \a maxLength is cut with an ellipsis.
QString plain(const QString &text, qsizetype maxLength = kMaxLength);

/// Decodes one application/x-www-form-urlencoded value ('+' is a space, then
/// %XX), as a query string of a redirect carries it, and makes it plain().
QString fromFormEncoded(const QByteArray &encoded, qsizetype maxLength = kMaxLength);

} // namespace clipshelf::providertext
