#include "requestgate.h"

#include "logging.h"

#include <memory>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTimer>
#include <QtNetwork/QTcpSocket>

namespace apiserver {

namespace {

constexpr qsizetype kMaxChunkLine = 1024;
constexpr qint64 kMaxDiscardBytes = 64 * 1024 * 1024;
constexpr int kDiscardMs = 2000;

QByteArray headerValue(const QList<QByteArray> &lines, QByteArrayView name)
{
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 &&
            QByteArrayView(line.constData(), colon).trimmed().compare(name, Qt::CaseInsensitive) ==
                0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QByteArray statusText(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 413:
        return "Payload Too Large";
    default:
        return "Request Header Fields Too Large";
    }
}

} // namespace

RequestGate::RequestGate(QTcpSocket *socket, const RequestLimits &limits)
    : QObject(socket), m_socket(socket), m_limits(limits)
{}

RequestGate *RequestGate::attachBefore(QTcpSocket *socket, const RequestLimits &limits)
{
    auto *gate = new RequestGate(socket, limits);
    connect(socket, &QIODevice::readyRead, gate, &RequestGate::beforeParser);
    return gate;
}

void RequestGate::attachAfter()
{
    if (m_socket)
        connect(m_socket, &QIODevice::readyRead, this, &RequestGate::afterParser);
}

void RequestGate::beforeParser()
{
    if (!m_socket || m_refused || m_state == State::Passthrough)
        return;
    const qint64 available = m_socket->bytesAvailable();
    const qint64 seen = qMin(m_unconsumed, available);
    if (available <= seen)
        return;
    const QByteArray data = m_socket->peek(available);
    const int status = feed(data.constData() + seen, data.size() - seen);
    m_unconsumed = available;
    if (status)
        refuse(status);
}

void RequestGate::afterParser()
{
    if (m_socket && !m_refused)
        m_unconsumed = m_socket->bytesAvailable();
}

int RequestGate::feed(const char *data, qsizetype size)
{
    qsizetype i = 0;
    while (i < size) {
        switch (m_state) {
        case State::Passthrough:
            return 0;
        case State::Headers: {
            const char c = data[i++];
            if (m_head.size() >= m_limits.maxHeaderBytes)
                return 431;
            if (m_head.isEmpty() && (c == '\r' || c == '\n'))
                break; // blank lines before a request line are allowed (RFC 9112 2.2)
            m_head.append(c);
            if (c != '\n')
                break;
            if (m_head.endsWith("\r\n\r\n") || m_head.endsWith("\n\n")) {
                if (const int status = headersComplete())
                    return status;
            } else if (++m_lines > m_limits.maxHeaderLines + 1) { // + the request line
                return 431;
            }
            break;
        }
        case State::Body: {
            const qint64 take = qMin<qint64>(m_remaining, size - i);
            m_remaining -= take;
            i += take;
            if (m_remaining == 0)
                m_state = State::Headers;
            break;
        }
        case State::ChunkSize:
        case State::Trailer: {
            const char c = data[i++];
            m_line.append(c);
            if (m_line.size() >
                (m_state == State::Trailer ? m_limits.maxHeaderBytes : kMaxChunkLine))
                return m_state == State::Trailer ? 431 : 400;
            if (c != '\n')
                break;
            const QByteArray line = m_line.trimmed();
            m_line.clear();
            if (m_state == State::Trailer) {
                if (line.isEmpty())
                    m_state = State::Headers;
                break;
            }
            bool ok = false;
            const qint64 chunk = line.left(line.indexOf(';') < 0 ? line.size() : line.indexOf(';'))
                                     .trimmed()
                                     .toLongLong(&ok, 16);
            if (!ok || chunk < 0)
                return 400;
            // Compared before adding: a huge chunk size must not overflow the running total.
            if (chunk > m_bodyLimit - m_bodyReceived)
                return 413;
            m_bodyReceived += chunk;
            m_remaining = chunk;
            m_state = chunk == 0 ? State::Trailer : State::ChunkData;
            break;
        }
        case State::ChunkData: {
            const qint64 take = qMin<qint64>(m_remaining, size - i);
            m_remaining -= take;
            i += take;
            if (m_remaining == 0)
                m_state = State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd:
            if (data[i++] == '\n')
                m_state = State::ChunkSize;
            break;
        }
    }
    return 0;
}

int RequestGate::headersComplete()
{
    const QList<QByteArray> lines = m_head.trimmed().split('\n');
    m_head.clear();
    m_lines = 0;
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    const QByteArray method = requestLine.value(0);
    QByteArray target = requestLine.value(1);
    if (const qsizetype q = target.indexOf('?'); q >= 0)
        target.truncate(q);
    const bool avatar = method == "PUT" && target.endsWith("/me/avatar");
    m_bodyLimit = avatar ? m_limits.maxAvatarBytes : m_limits.maxBodyBytes;
    m_bodyReceived = 0;

    if (headerValue(lines, "transfer-encoding").toLower().contains("chunked")) {
        m_state = State::ChunkSize;
        return 0;
    }
    const QByteArray length = headerValue(lines, "content-length");
    if (length.isEmpty()) {
        m_state = State::Headers;
        return 0;
    }
    bool ok = false;
    const qint64 n = length.toLongLong(&ok);
    if (!ok || n < 0) {
        m_state = State::Passthrough; // the parser refuses it; framing is lost from here on
        return 0;
    }
    if (n > m_bodyLimit)
        return 413;
    m_remaining = n;
    m_state = n > 0 ? State::Body : State::Headers;
    return 0;
}

void RequestGate::refuse(int status)
{
    m_refused = true;
    QTcpSocket *socket = m_socket;
    // The parser never sees another byte of this connection.
    disconnect(socket, &QIODevice::readyRead, nullptr, nullptr);
    const QString detail =
        status == 413 ? QStringLiteral("The request body is larger than %1 MiB")
                            .arg(m_bodyLimit / (1024 * 1024))
        : status == 431
            ? QStringLiteral("The request headers are too large: at most %1 lines and %2 KiB")
                  .arg(m_limits.maxHeaderLines)
                  .arg(m_limits.maxHeaderBytes / 1024)
            : QStringLiteral("The chunked request body is malformed");
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("detail"), detail}})
                                .toJson(QJsonDocument::Compact);
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + statusText(status) +
                  "\r\nContent-Type: application/json\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    socket->flush();
    qCInfo(lcApiServer).noquote() << "refused a request before reading it:" << status;
    // Whatever the client still sends is read and thrown away (never kept), so
    // that it sees the answer instead of a reset; then the connection closes.
    if (socket->isTransactionStarted())
        socket->commitTransaction();
    auto discarded = std::make_shared<qint64>(0);
    const auto drain = [socket, discarded] {
        *discarded += socket->skip(socket->bytesAvailable());
        if (*discarded > kMaxDiscardBytes)
            socket->abort();
    };
    drain();
    connect(socket, &QIODevice::readyRead, this, drain);
    QTimer::singleShot(kDiscardMs, this, [socket] { socket->disconnectFromHost(); });
}

} // namespace apiserver
