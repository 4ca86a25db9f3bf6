#include "api/connectivity.h"

#include "api/apiclient.h"

namespace clipshelf {

Connectivity::Connectivity(QObject *parent) : QObject(parent) {}

void Connectivity::follow(const ApiClient *api)
{
    connect(api, &ApiClient::reachabilityNoted, this, &Connectivity::noteReachable);
    connect(api, &ApiClient::serverTimeNoted, this, &Connectivity::noteServerTime);
}

void Connectivity::noteReachable(bool reachable)
{
    m_reachable = reachable;
    emit reachabilityNoted(reachable);
}

void Connectivity::noteServerTime(const QDateTime &serverNow)
{
    if (serverNow.isValid())
        m_skewSeconds = QDateTime::currentDateTimeUtc().secsTo(serverNow);
}

} // namespace clipshelf
