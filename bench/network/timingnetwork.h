#pragma once

#include <QList>
#include <QNetworkAccessManager>
#include <QUrl>

namespace clipshelf::bench {

/**
 * A QNetworkAccessManager that notes when each request started and finished
 * (monotonicNs), so a benchmark can take out the time a server spent on its
 * side — e.g. the token endpoint's share of a sign-in. Records URLs without
 * their query (which may carry codes) and never looks at bodies.
 */
class TimingNetwork : public QNetworkAccessManager
{
    Q_OBJECT
public:
    struct Exchange
    {
        QUrl url; ///< scheme, host, port and path only
        QByteArray method;
        qint64 startNs = 0;
        qint64 endNs = -1; ///< -1 while running
        double ms() const { return endNs < 0 ? -1 : double(endNs - startNs) / 1e6; }
    };

    using QNetworkAccessManager::QNetworkAccessManager;

    const QList<Exchange> &exchanges() const { return m_exchanges; }
    void clearExchanges() { m_exchanges.clear(); }
    /// Milliseconds spent in finished requests whose path ends with \a pathSuffix, started after \a
    /// sinceNs.
    double totalMs(const QString &pathSuffix, qint64 sinceNs = 0) const;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    QList<Exchange> m_exchanges;
};

} // namespace clipshelf::bench
