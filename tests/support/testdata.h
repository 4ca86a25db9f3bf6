#pragma once
// The JSON fixtures under tests/data, for unit tests (CLIPSHELF_TEST_DATA is set by tests/unit).

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace clipshelf::test {

/// The bytes of tests/data/\a name; empty (and a failed QVERIFY in the caller's check) when
/// missing.
inline QByteArray testData(const QString &name)
{
    QFile file(QStringLiteral(CLIPSHELF_TEST_DATA "/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// tests/data/\a name as a JSON object.
inline QJsonObject testJson(const QString &name)
{
    return QJsonDocument::fromJson(testData(name)).object();
}

} // namespace clipshelf::test
