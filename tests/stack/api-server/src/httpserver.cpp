#include "httpserver.h"

#include "logging.h"

#include <QtHttpServer/QHttpServerRequest>
#include <QtHttpServer/QHttpServerResponder>
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QtNetwork/QHttpHeaders>
#endif

namespace apiserver {

QTcpSocket *TrackingTcpServer::socketForPeerPort(quint16 port) const
{
    const QPointer<QTcpSocket> s = m_byPeerPort.value(port);
    return (s && s->peerPort() == port) ? s.data() : nullptr;
}

void TrackingTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcApiServer) << "could not accept a connection:" << socket->errorString();
        delete socket;
        return;
    }
    const quint16 port = socket->peerPort();
    m_byPeerPort.insert(port, socket);
    connect(socket, &QObject::destroyed, this, [this, port] {
        if (m_byPeerPort.value(port).isNull())
            m_byPeerPort.remove(port);
    });
    m_newGates.append(RequestGate::attachBefore(socket));
    addPendingConnection(socket);
}

void TrackingTcpServer::attachPendingGates()
{
    for (const QPointer<RequestGate> &gate : std::as_const(m_newGates)) {
        if (gate)
            gate->attachAfter();
    }
    m_newGates.clear();
}

ApiHttpServer::ApiHttpServer(RequestHandler handler, QObject *parent)
    : QAbstractHttpServer(parent), m_handler(std::move(handler))
{}

quint16 ApiHttpServer::listenOn(const QHostAddress &address, quint16 port, QString *error)
{
    auto *tcp = new TrackingTcpServer(this);
    if (!tcp->listen(address, port)) {
        if (error)
            *error = tcp->errorString();
        delete tcp;
        return 0;
    }
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    if (!bind(tcp)) {
        if (error)
            *error = QStringLiteral("QAbstractHttpServer::bind failed");
        delete tcp;
        return 0;
    }
#else
    bind(tcp);
#endif
    // Connected after bind(): runs once the parser has taken the new sockets.
    connect(tcp, &QTcpServer::newConnection, tcp, &TrackingTcpServer::attachPendingGates);
    m_tcp = tcp;
    return tcp->serverPort();
}

static QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

HttpRequest ApiHttpServer::convert(const QHttpServerRequest &request)
{
    HttpRequest r;
    r.method = methodName(request.method());
    const QUrl url = request.url();
    r.fullPath = url.path(QUrl::FullyDecoded);
    r.path = r.fullPath;
    r.query = QUrlQuery(url.query(QUrl::FullyEncoded));
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    const QHttpHeaders headers = request.headers();
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QLatin1StringView name = headers.nameAt(i);
        r.headers.append({QByteArray(name.data(), name.size()), headers.valueAt(i).toByteArray()});
    }
#else
    for (const auto &h : request.headers())
        r.headers.append({h.first, h.second});
#endif
    r.body = request.body();
    r.peer = request.remoteAddress();
    return r;
}

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
bool ApiHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    m_handler(std::make_shared<Exchange>(convert(request), makeResponder(request, socket), socket));
    return true;
}

void ApiHttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *) {}
#else
bool ApiHttpServer::handleRequest(const QHttpServerRequest &request,
                                  QHttpServerResponder &responder)
{
    QTcpSocket *socket = m_tcp ? m_tcp->socketForPeerPort(request.remotePort()) : nullptr;
    m_handler(std::make_shared<Exchange>(convert(request), std::move(responder), socket));
    return true;
}

#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
void ApiHttpServer::missingHandler(const QHttpServerRequest &, QHttpServerResponder &&) {}
#else
void ApiHttpServer::missingHandler(const QHttpServerRequest &, QHttpServerResponder &) {}
#endif
#endif

} // namespace apiserver
