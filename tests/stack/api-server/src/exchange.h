// One request/response exchange. Wraps the version-specific responder of Qt
// HttpServer (6.4: built from the socket; 6.5+: handed to handleRequest) so
// that the rest of the server can answer later (after an asynchronous JWKS
// fetch), drop the connection or stall it, on any supported Qt version.
#pragma once

#include "httpmessage.h"

#include <memory>
#include <QtCore/QElapsedTimer>
#include <QtCore/QPointer>
#include <QtNetwork/QTcpSocket>

QT_BEGIN_NAMESPACE
class QHttpServerResponder;
QT_END_NAMESPACE

namespace apiserver {

class Exchange
{
public:
    // socket may be null when the connection could not be identified (then
    // drop/stall fall back to answering 503).
    Exchange(HttpRequest request, QHttpServerResponder &&responder, QTcpSocket *socket);
    ~Exchange();
    Exchange(const Exchange &) = delete;
    Exchange &operator=(const Exchange &) = delete;

    const HttpRequest &request() const { return m_request; }
    HttpRequest &request() { return m_request; }

    // Sends the response unless the exchange is finished or the client is gone.
    void respond(const HttpResponse &response);
    // Closes the TCP connection without any reply.
    void drop();
    // Never replies; closes the connection after maxMs at the latest.
    void stall(int maxMs);

    bool isFinished() const { return m_finished; }
    int status() const { return m_status; } // 0 until answered; -1 dropped/stalled

    // Set by the fault switch: process normally, then drop instead of replying.
    bool dropInsteadOfReply = false;
    qint64 elapsedMs() const { return m_timer.elapsed(); }

private:
    HttpRequest m_request;
    std::unique_ptr<QHttpServerResponder> m_responder;
    QPointer<QTcpSocket> m_socket;
    bool m_socketKnown = false;
    bool m_finished = false;
    int m_status = 0;
    QElapsedTimer m_timer;
};

using ExchangePtr = std::shared_ptr<Exchange>;

} // namespace apiserver
