#pragma once
// Test helper: a loopback server that answers every connection with plain
// HTTP, so that an https:// client sees a failed TLS handshake.

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

namespace clipshelf::test {

class NotTlsServer : public QTcpServer
{
public:
    NotTlsServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [s] {
                    s->readAll();
                    s->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: "
                             "close\r\n\r\n");
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        listen(QHostAddress::LocalHost);
    }
    /// https://127.0.0.1:PORT + \a path.
    QString httpsUrl(const QString &path) const
    {
        return QStringLiteral("https://127.0.0.1:%1%2").arg(serverPort()).arg(path);
    }
};

} // namespace clipshelf::test
