#pragma once
// Small readers for JSON values that the API and the provider share.

#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>

namespace clipshelf::json {

/// The strings of the JSON array \a value (a non-string item reads as an empty
/// string; anything but an array is an empty list).
inline QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        out << item.toString();
    return out;
}

} // namespace clipshelf::json
