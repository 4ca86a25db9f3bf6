#include "timingnetwork.h"

#include "benchclock.h"

#include <QNetworkReply>

namespace clipshelf::bench {

QNetworkReply *TimingNetwork::createRequest(Operation op, const QNetworkRequest &request,
                                            QIODevice *outgoingData)
{
    const qint64 start = monotonicNs();
    QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, outgoingData);
    const qsizetype index = m_exchanges.size();
    m_exchanges.append(
        {request.url().adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo),
         request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray(), start});
    if (m_exchanges.last().method.isEmpty())
        m_exchanges.last().method = op == PostOperation  ? "POST"
                                    : op == GetOperation ? "GET"
                                                         : "OTHER";
    // Direct: the first slot on finished, before the requester's own handler runs.
    connect(
        reply, &QNetworkReply::finished, this,
        [this, index] {
            if (index < m_exchanges.size())
                m_exchanges[index].endNs = monotonicNs();
        },
        Qt::DirectConnection);
    return reply;
}

double TimingNetwork::totalMs(const QString &pathSuffix, qint64 sinceNs) const
{
    double total = 0;
    for (const Exchange &e : m_exchanges) {
        if (e.startNs >= sinceNs && e.endNs >= 0 && e.url.path().endsWith(pathSuffix))
            total += e.ms();
    }
    return total;
}

} // namespace clipshelf::bench
