#pragma once

#include <QDateTime>
#include <QObject>

namespace clipshelf {

class ApiClient;

/**
 * What the API's answers say about the network: whether the last request got
 * through, and how far the API's clock (its Date header) is from ours. Fed by
 * ApiClient's signals (follow()); the session's connection state listens to
 * reachabilityNoted().
 */
class Connectivity : public QObject
{
    Q_OBJECT
public:
    explicit Connectivity(QObject *parent = nullptr);

    /// Takes \a api's reports from now on.
    void follow(const ApiClient *api);

    /// False after a request failed at the network level, until one gets through.
    bool isReachable() const { return m_reachable; }
    /// The API's clock minus ours, in seconds (0 until an answer carried a Date).
    qint64 clockSkewSeconds() const { return m_skewSeconds; }

    /// Records a request's outcome at the network level.
    void noteReachable(bool reachable);
    /// Records the API's clock (its Date header or /timer). The provider's tokens are
    /// judged by the provider's own clock, never by this.
    void noteServerTime(const QDateTime &serverNow);

signals:
    /// Every outcome, also when unchanged (a reachable API ends "offline" at once).
    void reachabilityNoted(bool reachable);

private:
    bool m_reachable = true;
    qint64 m_skewSeconds = 0;
};

} // namespace clipshelf
