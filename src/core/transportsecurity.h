#pragma once
// Which URLs may carry sign-in data: https everywhere, plain http only on this
// computer. Used by the configuration, discovery, the API client and doctor.

#include <QString>
#include <QUrl>

namespace clipshelf::transport {

/// True for http URLs on 127.0.0.0/8, [::1] and localhost (tests, local stack).
bool isLoopbackHttp(const QUrl &url);
/// True for an http URL anywhere else: refused for the issuer, every endpoint and the API.
bool isPlainHttp(const QUrl &url);
/// One sentence saying that \a what (e.g. "issuer") at \a url, set in \a source, is refused for
/// plain http.
QString plainHttpError(const QString &what, const QUrl &url, const QString &source = {});

} // namespace clipshelf::transport
