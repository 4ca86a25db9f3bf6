// Request-body helpers shared by the handlers.
#pragma once

#include "httpmessage.h"

#include <QtCore/QJsonObject>
#include <QtCore/QStringList>

#include <optional>

namespace apiserver {

// The body as a JSON object; nullopt for anything else (the caller answers 400).
std::optional<QJsonObject> parseJsonObject(const QByteArray &body);
HttpResponse badJson();

// Length as JSON Schema counts it (Unicode code points).
qsizetype codePoints(const QString &s);

// Optional field that may be a string (at most maxLength) or null.
// Returns nullopt when absent or invalid; a present null yields a null QString.
std::optional<QString> readNullableString(const QJsonObject &o, const QString &field, qsizetype maxLength,
                                      ValidationErrors &errors);

// Tag array: at most 20 items, each trimmed to 1-40 characters, lower-cased,
// de-duplicated (first occurrence order).
std::optional<QStringList> readTags(const QJsonObject &o, const QString &field, ValidationErrors &errors);

// "?tags=a,B" -> ["a","b"].
QStringList tagFilter(const QString &query);

// Positive decimal id; anything else is "not found".
std::optional<qint64> parseId(const QString &text);

} // namespace apiserver
