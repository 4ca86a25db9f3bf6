// Size limits on one connection's raw bytes, enforced before Qt HttpServer's
// parser buffers anything (contract 1.1): more than 100 header lines or 16 KiB
// of headers answer 431; a body whose declared (Content-Length) or received
// (chunked) length passes the limit answers 413 at once, and the rest is never
// read into memory. The gate peeks at the socket's buffer around the parser's
// readyRead slot and follows the message framing, so kept-alive and pipelined
// requests are each checked.
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QObject>
#include <QtCore/QPointer>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace apiserver {

struct RequestLimits
{
    int maxHeaderLines = 100;
    qsizetype maxHeaderBytes = 16 * 1024;
    qint64 maxBodyBytes = 1024 * 1024;
    qint64 maxAvatarBytes = 2 * 1024 * 1024; // PUT .../me/avatar
};

class RequestGate : public QObject
{
    Q_OBJECT
public:
    // Call before the HTTP parser connects to the socket's readyRead.
    static RequestGate *attachBefore(QTcpSocket *socket, const RequestLimits &limits = {});
    // Call once the parser has connected (its readyRead slot runs before this one).
    void attachAfter();

private:
    RequestGate(QTcpSocket *socket, const RequestLimits &limits);
    void beforeParser();
    void afterParser();
    // Follows the framing over new bytes; returns the status to refuse with, or 0.
    int feed(const char *data, qsizetype size);
    int headersComplete();
    void refuse(int status);

    enum class State { Headers, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailer, Passthrough };
    QPointer<QTcpSocket> m_socket;
    RequestLimits m_limits;
    State m_state = State::Headers;
    qint64 m_unconsumed = 0; // bytes in the socket's buffer the gate has already seen
    QByteArray m_head;       // request line + headers of the current request (bounded)
    QByteArray m_line;       // current chunk-size or trailer line (bounded)
    int m_lines = 0;
    qint64 m_remaining = 0; // body or chunk bytes still to come
    qint64 m_bodyLimit = 0;
    qint64 m_bodyReceived = 0;
    bool m_refused = false;
};

} // namespace apiserver
