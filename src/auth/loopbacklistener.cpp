#include "auth/loopbacklistener.h"

#include "auth/callbackpage.h"
#include "auth/callbackrequest.h"
#include "core/logging.h"
#include "core/providertext.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace clipshelf {

namespace {
constexpr qsizetype kMaxRequestHead = 16 * 1024;
constexpr int kSocketIdleMs = 10'000;     ///< a connection's whole request head must arrive by then
constexpr qsizetype kMaxConnections = 16; ///< more at once: the oldest idle one is dropped
} // namespace

LoopbackListener::LoopbackListener(QObject *parent)
    : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackListener::onNewConnection);
}

LoopbackListener::~LoopbackListener()
{
    close();
}

bool LoopbackListener::listen(const QList<quint16> &ports, QString *error)
{
    const QList<quint16> candidates = ports.isEmpty() ? QList<quint16>{0} : ports;
    for (quint16 port : candidates) {
        // 127.0.0.1 only: never reachable from another machine (RFC 8252 §8.3).
        if (m_server->listen(QHostAddress(QHostAddress::LocalHost), port)) {
            qCInfo(lcAuth) << "Loopback listener on 127.0.0.1 port" << m_server->serverPort();
            return true;
        }
    }
    QStringList list;
    for (quint16 p : ports)
        list << QString::number(p);
    *error = ports.isEmpty()
                 ? tr("Clipshelf could not open a local port for the sign-in: %1")
                       .arg(m_server->errorString())
                 : tr("All redirect ports (%1) are in use by other programs; close them or "
                      "configure other ports with --redirect-ports.")
                       .arg(list.join(QStringLiteral(", ")));
    return false;
}

bool LoopbackListener::isListening() const
{
    return m_server->isListening();
}

quint16 LoopbackListener::port() const
{
    return m_server->serverPort();
}

QString LoopbackListener::redirectUri() const
{
    return QStringLiteral("http://127.0.0.1:%1/callback").arg(port());
}

void LoopbackListener::setExpectedIssuer(const QString &issuer, bool required)
{
    m_expectedIssuer = issuer;
    m_issuerRequired = required;
}

void LoopbackListener::finish(bool success, const QString &message)
{
    if (QTcpSocket *browser = m_pending) {
        m_sockets.removeAll(m_pending);
        m_pending.clear();
        // The reply is flushed and the socket closed gracefully, even after close() below.
        reply(browser, success ? 200 : 400,
              success ? tr("Signed in to Clipshelf") : tr("Sign-in failed"), message, success);
    }
    close();
}

void LoopbackListener::close()
{
    m_server->close();
    const auto sockets = std::exchange(m_sockets, {});
    for (const QPointer<QTcpSocket> &s : sockets) {
        if (s && s != m_pending)
            s->abort();
    }
    if (m_pending)
        m_sockets.append(m_pending);
}

void LoopbackListener::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        // Bounded: a flood of connections evicts the oldest, never the browser's.
        while (m_sockets.size() >= kMaxConnections) {
            QPointer<QTcpSocket> oldest = m_sockets.takeFirst();
            if (oldest && oldest == m_pending)
                m_sockets.append(oldest);
            else if (oldest)
                oldest->abort();
        }
        m_sockets.append(socket);
        connect(socket, &QObject::destroyed, this, [this, socket] {
            m_sockets.removeIf(
                [socket](const QPointer<QTcpSocket> &p) { return !p || p == socket; });
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        // A connection that never sends a full request is dropped, so it can't hold the listener.
        QTimer::singleShot(kSocketIdleMs, socket, [this, socket] {
            if (socket != m_pending)
                socket->abort();
        });
    }
}

void LoopbackListener::onReadyRead(QTcpSocket *socket)
{
    if (socket->property("handled").toBool()) {
        socket->readAll();
        return;
    }
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffer.size() > kMaxRequestHead)
            reply(socket, 431, tr("Request too large"), tr("This is not a sign-in response."),
                  false);
        else
            socket->setProperty("buffer", buffer);
        return;
    }
    socket->setProperty("handled", true);
    handleRequest(socket, buffer.left(end));
}

void LoopbackListener::handleRequest(QTcpSocket *socket, const QByteArray &head)
{
    using Kind = callbackrequest::Decision::Kind;
    callbackrequest::Expectation expect;
    expect.state = m_expectedState;
    expect.issuer = m_expectedIssuer;
    expect.issuerRequired = m_issuerRequired;
    expect.consumed = m_consumed;
    const callbackrequest::Decision decision = callbackrequest::decide(head, expect);
    const QString notSignIn = tr("This is not a sign-in response.");
    switch (decision.kind) {
    case Kind::BadRequest:
        reply(socket, 400, tr("Bad request"), notSignIn, false);
        return;
    case Kind::MethodNotAllowed:
        reply(socket, 405, tr("Method not allowed"), notSignIn, false);
        return;
    case Kind::NotFound:
        reply(socket, 404, tr("Not found"), notSignIn, false);
        return;
    case Kind::UnknownSignIn:
        qCWarning(lcAuth) << "Refused a callback that does not belong to the current sign-in";
        reply(socket, 400, tr("Unknown sign-in"),
              tr("This response does not belong to the sign-in Clipshelf is waiting for. Start the "
                 "sign-in again from Clipshelf."),
              false);
        return;
    default:
        break;
    }
    m_consumed = true;
    m_pending = socket;

    switch (decision.kind) {
    case Kind::WrongIssuer:
        emit errorReceived(tr("The sign-in response came from another provider (%1) than the "
                              "one Clipshelf uses. Sign-in stopped for your safety.")
                               .arg(decision.issuer.isEmpty()
                                        ? tr("none named")
                                        : providertext::plain(decision.issuer, 200)));
        return;
    case Kind::ProviderError: {
        QString message = decision.error == QLatin1String("access_denied")
                              ? tr("Sign-in was cancelled or denied at the provider.")
                              : tr("The provider reported an error: %1.").arg(decision.error);
        if (!decision.errorDescription.isEmpty())
            message += QLatin1Char(' ') + decision.errorDescription;
        emit errorReceived(message);
        return;
    }
    case Kind::NoCode:
        emit errorReceived(tr("The provider's response has neither a code nor an error."));
        return;
    case Kind::BadCode:
        emit errorReceived(tr("The provider's response carries a code with characters that are not "
                              "allowed in one. Sign-in stopped for your safety."));
        return;
    default:
        emit codeReceived(decision.code);
        return;
    }
}

void LoopbackListener::reply(QTcpSocket *socket, int status, const QString &title,
                             const QString &message, bool success)
{
    const QByteArray body = callbackPageHtml(title, message, success);
    QByteArray response =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    response += "Content-Type: text/html; charset=utf-8\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    response += "Cache-Control: no-store\r\nReferrer-Policy: no-referrer\r\n";
    response += "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n";
    response += "Connection: close\r\n\r\n";
    socket->write(response + body);
    // Hand the page to the OS now: a process that exits right after sign-in
    // (clipshelf-cli login) must not leave the browser with an empty response.
    socket->flush();
    socket->disconnectFromHost();
}

} // namespace clipshelf
