#pragma once

#include <QByteArray>
#include <QString>

namespace clipshelf {

/// The small styled page the browser tab shows after the loopback redirect.
/// \a title and \a message are HTML-escaped here (they may quote the provider).
QByteArray callbackPageHtml(const QString &title, const QString &message, bool success);

/// "OK", "Bad Request", … for the status codes the loopback listener uses.
QByteArray reasonPhrase(int status);

} // namespace clipshelf
