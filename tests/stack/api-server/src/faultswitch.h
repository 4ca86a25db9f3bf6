// Test-only fault injection (--enable-faults, loopback peers only):
//   POST   /__faults
//   {"path_prefix","method"?,"action","status"?,"retry_after"?,"count"?,"stall_ms"?} DELETE
//   /__faults        clears rules and counters GET    /__faults/stats  {"requests": n, "by_path":
//   {...}, "by_method_path": {...}}
// action: "status" (answer that status, Retry-After for 429/503), "stall"
// (never answer; close after stall_ms, default 60000), "drop" (close without
// reply), "drop_after" (process normally, then close without reply).
#pragma once

#include "httpmessage.h"

#include <optional>
#include <QtCore/QList>
#include <QtCore/QMap>

namespace apiserver {

enum class FaultAction { Status, Stall, Drop, DropAfter };

struct FaultRule
{
    int id = 0;
    QString pathPrefix;
    QByteArray method; // empty: any
    FaultAction action = FaultAction::Status;
    int status = 503;
    int retryAfter = 1;
    int remaining = 1;
    int stallMs = 60000;
};

class FaultSwitch
{
public:
    static constexpr int kMaxStallMs = 60000;

    // Handles /__faults and /__faults/stats (path relative to the base).
    HttpResponse control(const HttpRequest &request, const QString &path);
    static bool isControlPath(const QString &path);

    void count(const QByteArray &method, const QString &path);
    // Consumes one use of the first matching rule.
    std::optional<FaultRule> take(const QByteArray &method, const QString &path);
    static HttpResponse statusResponse(const FaultRule &rule);

    int requestCount() const { return m_requests; }

private:
    HttpResponse add(const QByteArray &body);
    QJsonObject stats() const;

    QList<FaultRule> m_rules;
    int m_nextId = 1;
    int m_requests = 0;
    QMap<QString, int> m_byPath;
    QMap<QString, int> m_byMethodPath;
};

} // namespace apiserver
