#pragma once

#include <QLoggingCategory>
#include <QString>
#include <QUrl>

Q_DECLARE_LOGGING_CATEGORY(lcAuth) // clipshelf.auth
Q_DECLARE_LOGGING_CATEGORY(lcApi)  // clipshelf.api
Q_DECLARE_LOGGING_CATEGORY(lcCore) // clipshelf.core
Q_DECLARE_LOGGING_CATEGORY(lcUi)   // clipshelf.ui

namespace clipshelf::logging {

/// A URL safe to log: the query values of sensitive parameters (code, state,
/// tokens, verifier, challenge, nonce, secrets) become "<redacted>"; user info is dropped.
QString redactUrl(const QUrl &url);

/// Masks anything in free text that looks like a secret: JWTs, bearer tokens,
/// "code=…", "access_token": "…" and the like. Used by the message handler
/// below as a last line of defence; callers should not log secrets at all.
QString redactText(const QString &text);

/// Installs a message handler that redacts every message before Qt's default
/// handler prints it. Call once, early in main().
void installRedactingMessageHandler();

} // namespace clipshelf::logging
