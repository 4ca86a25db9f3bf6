// The Qt HttpServer front: parses HTTP with QAbstractHttpServer, listens
// through our own QTcpServer on 127.0.0.1 and hands every request over as an
// Exchange. handleRequest's signature differs between Qt 6.4 and 6.5+, and
// missingHandler's between 6.5-6.7 and 6.8+; both are guarded here.
#pragma once

#include "exchange.h"
#include "requestgate.h"

#include <functional>
#include <QtCore/QHash>
#include <QtHttpServer/QAbstractHttpServer>
#include <QtNetwork/QTcpServer>

namespace apiserver {

// Creates the sockets itself so that a request can be mapped back to its
// connection (needed for the drop/stall faults on Qt 6.5+).
class TrackingTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    using QTcpServer::QTcpServer;
    QTcpSocket *socketForPeerPort(quint16 port) const;
    // Connects the size gates of new sockets after the HTTP parser (call once
    // the parser's own handling of newConnection has run).
    void attachPendingGates();

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QHash<quint16, QPointer<QTcpSocket>> m_byPeerPort;
    QList<QPointer<RequestGate>> m_newGates;
};

class ApiHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using RequestHandler = std::function<void(const ExchangePtr &)>;

    explicit ApiHttpServer(RequestHandler handler, QObject *parent = nullptr);

    // Listens on address:port (0 = ephemeral). Returns the port, 0 on error.
    quint16 listenOn(const QHostAddress &address, quint16 port, QString *error);

protected:
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#else
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    void missingHandler(const QHttpServerRequest &request,
                        QHttpServerResponder &&responder) override;
#else
    void missingHandler(const QHttpServerRequest &request,
                        QHttpServerResponder &responder) override;
#endif
#endif

private:
    static HttpRequest convert(const QHttpServerRequest &request);

    RequestHandler m_handler;
    TrackingTcpServer *m_tcp = nullptr;
};

} // namespace apiserver
