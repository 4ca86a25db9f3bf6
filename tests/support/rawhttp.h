#pragma once
// Test helper: send raw bytes to a local port and collect the whole reply.

#include <QByteArray>
#include <QHostAddress>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

namespace clipshelf::test {

struct RawReply
{
    int status = 0;
    QByteArray head;
    QByteArray body;
};

inline RawReply rawRequest(quint16 port, const QByteArray &bytes,
                           const QHostAddress &host = QHostAddress(QHostAddress::LocalHost))
{
    QTcpSocket socket;
    socket.connectToHost(host, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(bytes);
    QByteArray all;
    // The listener always closes after one reply; wait for that (event loop runs meanwhile).
    QSignalSpy closed(&socket, &QTcpSocket::disconnected);
    QObject::connect(&socket, &QTcpSocket::readyRead, [&] { all += socket.readAll(); });
    if (socket.state() == QAbstractSocket::ConnectedState)
        closed.wait(10000);
    all += socket.readAll();
    RawReply r;
    const qsizetype split = all.indexOf("\r\n\r\n");
    r.head = all.left(split);
    r.body = split >= 0 ? all.mid(split + 4) : QByteArray();
    const QList<QByteArray> line = r.head.left(r.head.indexOf("\r\n")).split(' ');
    if (line.size() >= 2)
        r.status = line[1].toInt();
    return r;
}

inline RawReply get(quint16 port, const QByteArray &target)
{
    return rawRequest(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
}

} // namespace clipshelf::test
