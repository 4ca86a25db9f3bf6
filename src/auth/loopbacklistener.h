#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QTcpServer;
class QTcpSocket;

namespace clipshelf {

/**
 * The RFC 8252 loopback redirect receiver: a tiny HTTP listener bound to
 * 127.0.0.1 only, answering exactly one valid GET /callback?state=… for the
 * current attempt. Everything else (other paths or methods, wrong or missing
 * state, garbage) gets a 4xx and the listener keeps waiting.
 */
class LoopbackListener : public QObject
{
    Q_OBJECT
public:
    explicit LoopbackListener(QObject *parent = nullptr);
    ~LoopbackListener() override;

    /// Listens on the first free port of \a ports (or an ephemeral one when
    /// empty). Returns false with a plain-words \a error when none is free.
    bool listen(const QList<quint16> &ports, QString *error);
    bool isListening() const;
    quint16 port() const;
    /// http://127.0.0.1:PORT/callback
    QString redirectUri() const;

    /// The state this attempt sent; a callback carrying another one is refused.
    void setExpectedState(const QByteArray &state) { m_expectedState = state; }
    /// RFC 9207: when \a required, the callback's iss must equal \a issuer.
    void setExpectedIssuer(const QString &issuer, bool required);

    /// Answers the browser waiting on the callback and stops listening.
    void finish(bool success, const QString &message);
    /// Stops listening and drops every connection (cancel, timeout).
    void close();
    /// Connections open right now (bounded; closed ones are forgotten).
    qsizetype connectionCount() const { return m_sockets.size(); }

signals:
    /// A valid callback with an authorization code; call finish() afterwards.
    void codeReceived(const QString &code);
    /// A valid callback (right state) that carries an error, or a bad iss.
    void errorReceived(const QString &message);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handleRequest(QTcpSocket *socket, const QByteArray &head);
    void reply(QTcpSocket *socket, int status, const QString &title, const QString &message,
               bool success);

    QTcpServer *m_server;
    QByteArray m_expectedState;
    QString m_expectedIssuer;
    bool m_issuerRequired = false;
    bool m_consumed = false;        ///< the state has been used once
    QPointer<QTcpSocket> m_pending; ///< the browser waiting for finish()
    QList<QPointer<QTcpSocket>> m_sockets;
};

} // namespace clipshelf
