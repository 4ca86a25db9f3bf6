#include "auth/signoutlanding.h"

#include "auth/callbackpage.h"
#include "core/logging.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

namespace clipshelf {

namespace {
/// A browser's request head is far below this; anything larger is refused.
constexpr qsizetype kMaxRequestHead = 16 * 1024;
/// The same bounds as the sign-in callback's listener: connections at once, and per connection.
constexpr int kMaxConnections = 16;
constexpr int kConnectionMs = 10'000;
} // namespace

SignOutLanding::SignOutLanding(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        close();
        emit timedOut();
    });
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            if (m_server->findChildren<QTcpSocket *>().size() > kMaxConnections) {
                socket->abort();
                continue;
            }
            QTimer::singleShot(kConnectionMs, socket, [socket] { socket->abort(); });
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        }
    });
}

SignOutLanding::~SignOutLanding() = default;

bool SignOutLanding::listen(int timeoutMs)
{
    if (!m_server->listen(QHostAddress::LocalHost, 0))
        return false;
    m_timeout.start(timeoutMs);
    return true;
}

QUrl SignOutLanding::redirectUri() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/logout").arg(m_server->serverPort()));
}

void SignOutLanding::onReadyRead(QTcpSocket *socket)
{
    QByteArray head = socket->property("head").toByteArray() + socket->readAll();
    if (head.size() > kMaxRequestHead) {
        socket->abort();
        return;
    }
    socket->setProperty("head", head);
    if (!head.contains("\r\n\r\n"))
        return;
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    const QUrl target(QString::fromLatin1(requestLine.value(1)));
    const bool landing = requestLine.value(0) == "GET" && target.path() == QLatin1String("/logout");
    const int status = landing ? 200 : 404;
    const QByteArray body =
        landing
            ? callbackPageHtml(tr("Signed out"),
                               tr("You are signed out of Clipshelf and of your provider in this "
                                  "browser. You can close this tab."),
                               true)
            : callbackPageHtml(tr("Not found"), QString(), false);
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
                  "\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n"
                  "Connection: close\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
    if (landing) {
        // Reported once the page has reached the browser (whoever listens may exit at once).
        connect(socket, &QTcpSocket::disconnected, this, [this] {
            if (m_done)
                return;
            qCInfo(lcAuth) << "The browser came back from the provider's sign-out page";
            close();
            emit reached();
        });
    }
    socket->disconnectFromHost();
}

void SignOutLanding::close()
{
    m_done = true;
    m_timeout.stop();
    m_server->close();
}

QUrl endSessionUrl(const QUrl &endSession, const QString &idToken, const QString &clientId,
                   const QUrl &postLogoutRedirect)
{
    QUrl url = endSession;
    QUrlQuery query(url);
    auto add = [&query](const QString &key, const QString &value) {
        query.removeAllQueryItems(key);
        query.addQueryItem(key, QString::fromUtf8(QUrl::toPercentEncoding(value)));
    };
    if (!idToken.isEmpty())
        add(QStringLiteral("id_token_hint"), idToken);
    add(QStringLiteral("client_id"), clientId);
    add(QStringLiteral("post_logout_redirect_uri"),
        postLogoutRedirect.toString(QUrl::FullyEncoded));
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

} // namespace clipshelf
