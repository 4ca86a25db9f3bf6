// A tiny HTTP/1.1 client on a raw QTcpSocket for the tests: full control over
// headers and bodies, no automatic retries (unlike QNetworkAccessManager), and
// a clear distinction between "timed out" and "closed without a reply".
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QPair>
#include <QtCore/QUrl>

namespace testsupport {

using Headers = QList<QPair<QByteArray, QByteArray>>;

struct TestReply
{
    int status = 0;                       // 0: no (complete) response
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    bool timedOut = false;
    bool closedWithoutReply = false;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QJsonObject json() const;
    QJsonArray jsonArray(const QString &key) const { return json().value(key).toArray(); }
};

// Parses the first complete response in buffer; a response to HEAD has no
// body whatever its Content-Length says. consumed: its size in bytes.
bool parseReply(const QByteArray &buffer, TestReply &reply, bool head = false,
                qsizetype *consumed = nullptr);

// Sends bytes as they are on a fresh connection and returns everything the
// server sent until it closed the connection or timeoutMs passed (timedOut).
QByteArray rawExchange(const QUrl &base, const QByteArray &bytes, int timeoutMs = 5000,
                       bool *timedOut = nullptr);

// Sends one request on a fresh connection and waits (running the event loop,
// so an in-process server keeps working) for the response or timeoutMs.
TestReply httpRequest(const QUrl &base, const QByteArray &method, const QString &pathAndQuery,
                      const Headers &headers = {}, const QByteArray &body = {},
                      int timeoutMs = 5000);

} // namespace testsupport
