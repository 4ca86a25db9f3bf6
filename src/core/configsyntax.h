#pragma once

#include <optional>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace clipshelf::configsyntax {

/// 1 to 64 ASCII letters, digits, '-' or '_'.
bool isValidProfileName(const QString &name);
/// A comma list of port numbers (1-65535); nullopt and \a error on the first bad one.
std::optional<QList<quint16>> parsePorts(const QString &text, QString *error);
/// A percent-encoded k=v&k2=v2 list; nullopt and \a error for a part without a key or a
/// parameter the sign-in flow sets itself.
std::optional<QList<QPair<QString, QString>>> parseAuthParams(const QString &text, QString *error);
/// Repeated key=value flags as one k=v&k2=v2 list, each key and value percent-encoded;
/// nullopt and \a error for a flag without a key.
std::optional<QString> joinAuthParamFlags(const QStringList &flags, QString *error);

} // namespace clipshelf::configsyntax
