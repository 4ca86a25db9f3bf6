#pragma once
// Test instruments shared by the session integration tests and the session
// driver: a network access manager that records every exchange (what went
// where, when, and the raw HTTP status), and a steady stream of API calls.
// Nothing here records headers or bodies, so no token can end up in a log.

#include "api/apiclient.h"

#include <functional>
#include <QElapsedTimer>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace clipshelf::test {

/// One request as the network layer saw it.
struct Exchange
{
    QByteArray method;
    QUrl url;
    qint64 sentMs = -1;     ///< on RecordingNam's clock
    qint64 finishedMs = -1; ///< -1 while in flight
    int status = -1;        ///< raw HTTP status; 0 = no HTTP answer (refused, timeout)
    bool finished() const { return finishedMs >= 0; }
};

/**
 * A QNetworkAccessManager that records every exchange made through it. Its
 * callbacks run before the reply's other receivers (the API client, the token
 * client), so a test sees each raw status first.
 */
class RecordingNam : public QNetworkAccessManager
{
public:
    using Hook = std::function<void(const Exchange &)>;

    RecordingNam() { m_clock.start(); }

    qint64 nowMs() const { return m_clock.elapsed(); }
    const QList<Exchange> &exchanges() const { return m_exchanges; }
    void clear() { m_exchanges.clear(); }

    /// Called when a request leaves / when its answer (or failure) is in.
    Hook onSent;
    Hook onFinished;

    /// Exchanges whose URL starts with \a prefix (an origin or origin + path).
    QList<Exchange> to(const QString &prefix, qint64 sinceMs = 0) const
    {
        QList<Exchange> out;
        for (const Exchange &e : m_exchanges) {
            if (e.sentMs >= sinceMs && e.url.toString().startsWith(prefix))
                out << e;
        }
        return out;
    }
    /// How many finished exchanges to \a prefix answered \a status.
    int countStatus(const QString &prefix, int status, qint64 sinceMs = 0) const
    {
        int n = 0;
        for (const Exchange &e : to(prefix, sinceMs))
            n += e.status == status ? 1 : 0;
        return n;
    }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, outgoingData);
        Exchange e;
        e.method = verb(op, request);
        e.url = request.url();
        e.sentMs = nowMs();
        const qsizetype index = m_exchanges.size();
        m_exchanges.append(e);
        connect(reply, &QNetworkReply::finished, this, [this, reply, index] {
            if (index >= m_exchanges.size())
                return; // cleared meanwhile
            Exchange &done = m_exchanges[index];
            done.finishedMs = nowMs();
            done.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (onFinished)
                onFinished(done);
        });
        if (onSent)
            onSent(e);
        return reply;
    }

private:
    static QByteArray verb(Operation op, const QNetworkRequest &request)
    {
        switch (op) {
        case HeadOperation:
            return "HEAD";
        case GetOperation:
            return "GET";
        case PutOperation:
            return "PUT";
        case PostOperation:
            return "POST";
        case DeleteOperation:
            return "DELETE";
        default:
            return request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        }
    }

    QElapsedTimer m_clock;
    QList<Exchange> m_exchanges;
};

/// Sends \a request through an ApiClient every \a intervalMs (without waiting
/// for earlier answers) and keeps every result.
class ApiCallStream
{
public:
    ApiCallStream(ApiClient *api, ApiRequest request, int intervalMs)
        : m_api(api), m_request(std::move(request))
    {
        m_timer.setInterval(intervalMs);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { sendOne(); });
    }

    void start()
    {
        sendOne();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }

    int sent() const { return m_sent; }
    int answered() const { return int(m_results.size()); }
    const QList<ApiResult> &results() const { return m_results; }
    int okCount() const
    {
        return int(std::count_if(m_results.begin(), m_results.end(),
                                 [](const ApiResult &r) { return r.ok(); }));
    }
    /// Results whose status or error kind matches; e.g. count(401), or failures of one kind.
    int countStatus(int status) const
    {
        return int(std::count_if(m_results.begin(), m_results.end(),
                                 [status](const ApiResult &r) { return r.status == status; }));
    }
    int countError(ApiError::Kind kind) const
    {
        return int(std::count_if(m_results.begin(), m_results.end(),
                                 [kind](const ApiResult &r) { return r.error.kind == kind; }));
    }

    std::function<void(const ApiResult &)> onResult;

private:
    void sendOne()
    {
        ++m_sent;
        m_api->send(m_request, &m_timer, [this](const ApiResult &r) {
            m_results << r;
            if (onResult)
                onResult(r);
        });
    }

    ApiClient *m_api;
    ApiRequest m_request;
    QTimer m_timer;
    int m_sent = 0;
    QList<ApiResult> m_results;
};

} // namespace clipshelf::test
