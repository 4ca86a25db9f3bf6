// Request-body helpers shared by the handlers.
#pragma once

#include "httpmessage.h"

#include <optional>
#include <QtCore/QJsonObject>
#include <QtCore/QStringList>

namespace apiserver {

// The body as a JSON object; nullopt for anything else (the caller answers
// badJson(body)). The body must be UTF-8.
std::optional<QJsonObject> parseJsonObject(const QByteArray &body);
// 422 with errors[0].field "body" saying why body is not a JSON object
// (contract 1.1: never 400 or 500 for a body that does not parse).
HttpResponse badJson(const QByteArray &body);

// Well-formed per RFC 5646's ABNF (langtag, privateuse or grandfathered),
// e.g. "de-DE-u-co-phonebk", "zh-Hant-TW", "x-private", "i-klingon".
bool isLanguageTag(const QString &tag);

// Length as JSON Schema counts it (Unicode code points).
qsizetype codePoints(const QString &s);

// Optional field that may be a string (at most maxLength) or null.
// Returns nullopt when absent or invalid; a present null yields a null QString.
std::optional<QString> readNullableString(const QJsonObject &o, const QString &field,
                                          qsizetype maxLength, ValidationErrors &errors);

// Tag array: at most 20 items, each trimmed to 1-40 characters, lower-cased,
// de-duplicated (first occurrence order).
std::optional<QStringList> readTags(const QJsonObject &o, const QString &field,
                                    ValidationErrors &errors);

// "?tags=a,B" -> ["a","b"]; nullopt when there are more than 20 tags or one
// is longer than 40 characters (the limits of a video's tags).
std::optional<QStringList> tagFilter(const QString &query);

// Positive decimal id; anything else is "not found".
std::optional<qint64> parseId(const QString &text);

} // namespace apiserver
