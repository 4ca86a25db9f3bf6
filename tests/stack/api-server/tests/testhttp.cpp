#include "testhttp.h"

#include <QtCore/QEventLoop>
#include <QtCore/QJsonDocument>
#include <QtCore/QTimer>
#include <QtNetwork/QTcpSocket>

namespace testsupport {

QJsonObject TestReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

namespace {

// True once buffer holds a complete response (headers + Content-Length body).
bool parseResponse(const QByteArray &buffer, TestReply &reply, bool head = false,
                   qsizetype *consumed = nullptr)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2)
        return false;
    QMap<QByteArray, QByteArray> headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    const qsizetype length = head ? 0 : headers.value("content-length", "0").toLongLong();
    if (buffer.size() - (end + 4) < length)
        return false;
    reply.status = statusLine.at(1).toInt();
    reply.headers = headers;
    reply.body = buffer.mid(end + 4, length);
    if (consumed)
        *consumed = end + 4 + length;
    return true;
}

} // namespace

bool parseReply(const QByteArray &buffer, TestReply &reply, bool head, qsizetype *consumed)
{
    return parseResponse(buffer, reply, head, consumed);
}

QByteArray rawExchange(const QUrl &base, const QByteArray &bytes, int timeoutMs, bool *timedOut)
{
    QTcpSocket socket;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QByteArray buffer;
    bool expired = false;
    QObject::connect(&socket, &QTcpSocket::connected, &socket, [&] { socket.write(bytes); });
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { buffer += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        expired = true;
        loop.quit();
    });
    timer.start(timeoutMs);
    socket.connectToHost(base.host(), quint16(base.port()));
    loop.exec();
    buffer += socket.readAll();
    QObject::disconnect(&socket, nullptr, nullptr, nullptr);
    socket.abort();
    if (timedOut)
        *timedOut = expired;
    return buffer;
}

TestReply httpRequest(const QUrl &base, const QByteArray &method, const QString &pathAndQuery,
                      const Headers &headers, const QByteArray &body, int timeoutMs)
{
    TestReply reply;
    QByteArray request =
        method + ' ' + (base.path(QUrl::FullyEncoded) + pathAndQuery).toUtf8() + " HTTP/1.1\r\n";
    request += "Host: " + base.host().toLatin1() + ':' + QByteArray::number(base.port()) + "\r\n";
    request += "Connection: close\r\n";
    bool hasLength = false;
    for (const auto &h : headers) {
        request += h.first + ": " + h.second + "\r\n";
        hasLength = hasLength || h.first.compare("content-length", Qt::CaseInsensitive) == 0;
    }
    if (!hasLength && (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH"))
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += "\r\n" + body;

    QTcpSocket socket;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QByteArray buffer;
    bool done = false;
    const auto finish = [&] {
        if (!done) {
            done = true;
            loop.quit();
        }
    };
    QObject::connect(&socket, &QTcpSocket::connected, &socket, [&] { socket.write(request); });
    // HEAD: read until the server closes (Connection: close), so that a body
    // sent against the rules shows up in reply.body.
    const bool head = method == "HEAD";
    const auto parse = [&] {
        qsizetype used = 0;
        const bool complete = parseResponse(buffer, reply, head, &used);
        if (complete && head)
            reply.body = buffer.mid(used);
        return complete;
    };
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] {
        if (done)
            return;
        buffer += socket.readAll();
        if (!head && parse())
            finish();
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [&] {
        if (done)
            return;
        buffer += socket.readAll();
        if (!parse())
            reply.closedWithoutReply = true;
        finish();
    });
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &socket,
                     [&](QAbstractSocket::SocketError e) {
                         if (done || e == QAbstractSocket::RemoteHostClosedError)
                             return; // "disconnected" follows
                         buffer += socket.readAll();
                         if (!parse())
                             reply.closedWithoutReply = true;
                         finish();
                     });
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        reply.timedOut = true;
        finish();
    });
    timer.start(timeoutMs);
    socket.connectToHost(base.host(), quint16(base.port()));
    if (!done)
        loop.exec();
    QObject::disconnect(&socket, nullptr, nullptr, nullptr);
    socket.abort();
    return reply;
}

} // namespace testsupport
