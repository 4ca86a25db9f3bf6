#pragma once

#include <QObject>
#include <QTimer>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace clipshelf {

/**
 * Where the browser lands after the provider's sign-out page (OpenID Connect
 * RP-Initiated Logout's post_logout_redirect_uri): a listener bound to
 * 127.0.0.1 only that answers GET /logout with a small "signed out" page and
 * then stops. It listens for a limited time; requests are size-limited and
 * nothing else is served.
 */
class SignOutLanding : public QObject
{
    Q_OBJECT
public:
    explicit SignOutLanding(QObject *parent = nullptr);
    ~SignOutLanding() override;

    /// Listens on an ephemeral port for at most \a timeoutMs; false when it cannot.
    bool listen(int timeoutMs);
    /// http://127.0.0.1:PORT/logout
    QUrl redirectUri() const;

signals:
    /// The browser came back from the provider's sign-out page.
    void reached();
    /// Nobody came back in time; the listener has stopped.
    void timedOut();

private:
    void onReadyRead(QTcpSocket *socket);
    void close();

    QTcpServer *m_server;
    QTimer m_timeout;
    bool m_done = false;
};

/// The provider's RP-initiated sign-out URL: \a endSession with id_token_hint,
/// client_id and post_logout_redirect_uri (the ID token is a secret: never print or log it).
QUrl endSessionUrl(const QUrl &endSession, const QString &idToken, const QString &clientId,
                   const QUrl &postLogoutRedirect);

} // namespace clipshelf
