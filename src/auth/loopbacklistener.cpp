#include "auth/loopbacklistener.h"

#include "auth/callbackpage.h"
#include "auth/pkce.h"
#include "core/logging.h"
#include "core/providertext.h"
#include "core/tokensyntax.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

namespace clipshelf {

namespace {
constexpr qsizetype kMaxRequestHead = 16 * 1024;
constexpr int kSocketIdleMs = 10'000;   ///< a connection's whole request head must arrive by then
constexpr qsizetype kMaxConnections = 16; ///< more at once: the oldest idle one is dropped

/// The query's key=value pairs as sent (keys decoded, values still encoded).
QList<QPair<QString, QByteArray>> queryPairs(const QByteArray &query)
{
    QList<QPair<QString, QByteArray>> pairs;
    for (const QByteArray &part : query.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        const QByteArray key = eq < 0 ? part : part.left(eq);
        pairs.append({QUrl::fromPercentEncoding(QByteArray(key).replace('+', ' ')),
                      eq < 0 ? QByteArray() : part.mid(eq + 1)});
    }
    return pairs;
}
} // namespace

LoopbackListener::LoopbackListener(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackListener::onNewConnection);
}

LoopbackListener::~LoopbackListener() { close(); }

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

bool LoopbackListener::isListening() const { return m_server->isListening(); }

quint16 LoopbackListener::port() const { return m_server->serverPort(); }

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
            m_sockets.removeIf([socket](const QPointer<QTcpSocket> &p) { return !p || p == socket; });
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
            reply(socket, 431, tr("Request too large"), tr("This is not a sign-in response."), false);
        else
            socket->setProperty("buffer", buffer);
        return;
    }
    socket->setProperty("handled", true);
    handleRequest(socket, buffer.left(end));
}

void LoopbackListener::handleRequest(QTcpSocket *socket, const QByteArray &head)
{
    const qsizetype lineEnd = head.indexOf("\r\n");
    const QList<QByteArray> requestLine = (lineEnd < 0 ? head : head.left(lineEnd)).split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
        reply(socket, 400, tr("Bad request"), tr("This is not a sign-in response."), false);
        return;
    }
    if (requestLine[0] != "GET") {
        reply(socket, 405, tr("Method not allowed"), tr("This is not a sign-in response."), false);
        return;
    }
    const QUrl target(QString::fromLatin1(requestLine[1]), QUrl::StrictMode);
    if (!target.isValid() || target.path() != QLatin1String("/callback")) {
        reply(socket, 404, tr("Not found"), tr("This is not a sign-in response."), false);
        return;
    }
    const QByteArray rawQuery = target.query(QUrl::FullyEncoded).toLatin1();
    const auto pairs = queryPairs(rawQuery);
    auto count = [&pairs](QLatin1String key) {
        return std::count_if(pairs.begin(), pairs.end(), [key](const auto &p) { return p.first == key; });
    };
    // A parameter given twice is ambiguous (which code?): refused like a wrong state.
    bool duplicated = false;
    for (const char *key : {"code", "state", "iss", "error", "error_description"})
        duplicated = duplicated || count(QLatin1String(key)) > 1;
    const QUrlQuery query(target);
    const QByteArray state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded).toUtf8();
    if (duplicated || m_consumed || m_expectedState.isEmpty()
        || !tokensyntax::isVisibleAscii(QString::fromUtf8(state))
        || !pkce::constantTimeEquals(state, m_expectedState)) {
        qCWarning(lcAuth) << "Refused a callback that does not belong to the current sign-in";
        reply(socket, 400, tr("Unknown sign-in"),
              tr("This response does not belong to the sign-in Clipshelf is waiting for. Start the "
                 "sign-in again from Clipshelf."),
              false);
        return;
    }
    m_consumed = true;
    m_pending = socket;

    const QString iss = query.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded);
    if ((m_issuerRequired || query.hasQueryItem(QStringLiteral("iss"))) && iss != m_expectedIssuer) {
        const QString message = tr("The sign-in response came from another provider (%1) than the "
                                   "one Clipshelf uses. Sign-in stopped for your safety.")
                                    .arg(iss.isEmpty() ? tr("none named") : providertext::plain(iss, 200));
        emit errorReceived(message);
        return;
    }
    if (query.hasQueryItem(QStringLiteral("error"))) {
        // Form-encoded ('+' is a space) and from the provider: shown as short plain text.
        QString code, description;
        for (const auto &[key, value] : pairs) {
            if (key == QLatin1String("error"))
                code = providertext::fromFormEncoded(value, 64);
            else if (key == QLatin1String("error_description"))
                description = providertext::fromFormEncoded(value);
        }
        QString message = code == QLatin1String("access_denied")
                              ? tr("Sign-in was cancelled or denied at the provider.")
                              : tr("The provider reported an error: %1.").arg(code);
        if (!description.isEmpty())
            message += QLatin1Char(' ') + description;
        emit errorReceived(message);
        return;
    }
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty()) {
        emit errorReceived(tr("The provider's response has neither a code nor an error."));
        return;
    }
    if (!tokensyntax::isVisibleAscii(code)) {
        emit errorReceived(tr("The provider's response carries a code with characters that are not "
                              "allowed in one. Sign-in stopped for your safety."));
        return;
    }
    emit codeReceived(code);
}

void LoopbackListener::reply(QTcpSocket *socket, int status, const QString &title,
                             const QString &message, bool success)
{
    const QByteArray body = callbackPageHtml(title, message, success);
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
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
