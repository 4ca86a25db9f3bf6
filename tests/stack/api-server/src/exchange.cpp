#include "exchange.h"

#include "logging.h"

#include <QtCore/QTimer>
#include <QtHttpServer/QHttpServerResponder>
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QtNetwork/QHttpHeaders>
#endif

namespace apiserver {

Exchange::Exchange(HttpRequest request, QHttpServerResponder &&responder, QTcpSocket *socket)
    : m_request(std::move(request)),
      m_responder(std::make_unique<QHttpServerResponder>(std::move(responder))), m_socket(socket),
      m_socketKnown(socket != nullptr)
{
    m_timer.start();
}

Exchange::~Exchange() = default;

void Exchange::respond(const HttpResponse &response)
{
    if (m_finished)
        return;
    m_finished = true;
    m_status = response.status;
    if (!m_responder)
        return;
    if (m_socketKnown &&
        (m_socket.isNull() || m_socket->state() != QAbstractSocket::ConnectedState)) {
        qCDebug(lcApiServer) << "client went away before the response was ready";
        m_responder.reset();
        return;
    }
    const auto status = static_cast<QHttpServerResponder::StatusCode>(response.status);
    // HEAD: the same status and headers as GET, never a body (a body would be
    // read as the start of the next response on a kept-alive connection).
    const bool head = m_request.method == "HEAD";
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QHttpHeaders headers;
    for (const auto &h : response.headers)
        headers.append(QAnyStringView(h.first), QAnyStringView(h.second));
    // Qt 6.8 writes Content-Length itself, from what it sends: 0 for HEAD
    // (RFC 9110 wants the GET answer's length or none; tst_apiserver_fixes
    // expects that failure on 6.8).
    m_responder->write(head ? QByteArray() : response.body, headers, status);
    m_responder.reset();
    // Qt 6.8 keeps the connection open after the answer to "Connection: close" too.
    if (m_socket && m_request.header("connection").compare("close", Qt::CaseInsensitive) == 0)
        m_socket->disconnectFromHost();
#else
    m_responder->writeStatusLine(status);
    for (const auto &h : response.headers)
        m_responder->writeHeader(h.first, h.second);
    m_responder->writeHeader(QByteArrayLiteral("Content-Length"),
                             QByteArray::number(response.body.size()));
    // Qt < 6.8's writeBody() also ends the header block: HEAD writes an empty body.
    m_responder->writeBody(head ? QByteArray() : response.body);
    // Qt < 6.8 leaves connection management to us.
    if (m_socket && m_request.header("connection").compare("close", Qt::CaseInsensitive) == 0)
        m_socket->disconnectFromHost();
    m_responder.reset();
#endif
}

void Exchange::drop()
{
    if (m_finished)
        return;
    if (!m_socketKnown) {
        qCWarning(lcApiServer) << "cannot identify the connection to drop; answering 503 instead";
        respond(HttpResponse::error(503, QStringLiteral("Injected fault (drop unavailable)")));
        return;
    }
    m_finished = true;
    m_status = -1;
    m_responder.reset();
    const QPointer<QTcpSocket> socket = m_socket;
    if (socket) {
        QMetaObject::invokeMethod(
            socket.data(),
            [socket] {
                if (socket)
                    socket->abort();
            },
            Qt::QueuedConnection);
    }
}

void Exchange::stall(int maxMs)
{
    if (m_finished)
        return;
    if (!m_socketKnown) {
        respond(HttpResponse::error(503, QStringLiteral("Injected fault (stall unavailable)")));
        return;
    }
    m_finished = true;
    m_status = -1;
    m_responder.reset();
    const QPointer<QTcpSocket> socket = m_socket;
    if (socket)
        QTimer::singleShot(maxMs, socket.data(), [socket] {
            if (socket)
                socket->abort();
        });
}

} // namespace apiserver
