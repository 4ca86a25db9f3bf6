#include "faultswitch.h"

#include "logging.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

namespace apiserver {

namespace {

const QString kFaults = QStringLiteral("/__faults");
const QString kStats = QStringLiteral("/__faults/stats");

QJsonObject toObject(const QMap<QString, int> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

const QMap<QString, FaultAction> &actions()
{
    static const QMap<QString, FaultAction> map{
        {QStringLiteral("status"), FaultAction::Status},
        {QStringLiteral("stall"), FaultAction::Stall},
        {QStringLiteral("drop"), FaultAction::Drop},
        {QStringLiteral("drop_after"), FaultAction::DropAfter}};
    return map;
}

} // namespace

bool FaultSwitch::isControlPath(const QString &path)
{
    return path == kFaults || path == kStats;
}

HttpResponse FaultSwitch::control(const HttpRequest &request, const QString &path)
{
    if (path == kStats && request.method == "GET")
        return HttpResponse::json(200, stats());
    if (path == kFaults && request.method == "POST")
        return add(request.body);
    if (path == kFaults && request.method == "DELETE") {
        m_rules.clear();
        m_requests = 0;
        m_byPath.clear();
        m_byMethodPath.clear();
        return HttpResponse::noContent();
    }
    if (path == kFaults && request.method == "GET") {
        QJsonArray rules;
        for (const FaultRule &r : m_rules)
            rules.append(QJsonObject{{QStringLiteral("id"), r.id},
                                     {QStringLiteral("path_prefix"), r.pathPrefix},
                                     {QStringLiteral("remaining"), r.remaining}});
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("faults"), rules}});
    }
    return HttpResponse::error(405, QStringLiteral("Method not allowed"));
}

HttpResponse FaultSwitch::add(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return HttpResponse::error(400, QStringLiteral("Body must be a JSON object"));
    const QJsonObject o = doc.object();
    ValidationErrors errors;
    FaultRule rule;
    rule.pathPrefix = o.value(QStringLiteral("path_prefix")).toString();
    rule.method = o.value(QStringLiteral("method")).toString().toUpper().toLatin1();
    const QString action = o.value(QStringLiteral("action")).toString();
    if (!actions().contains(action))
        errors.append(
            {QStringLiteral("action"), QStringLiteral("one of status, stall, drop, drop_after")});
    rule.action = actions().value(action);
    rule.status = o.value(QStringLiteral("status")).toInt(503);
    if (rule.action == FaultAction::Status && !isSupportedStatus(rule.status))
        errors.append(
            {QStringLiteral("status"), QStringLiteral("not a supported HTTP status code")});
    rule.retryAfter = o.value(QStringLiteral("retry_after")).toInt(1);
    rule.remaining = o.value(QStringLiteral("count")).toInt(1);
    if (rule.remaining < 1)
        errors.append({QStringLiteral("count"), QStringLiteral("must be at least 1")});
    rule.stallMs = qBound(0, o.value(QStringLiteral("stall_ms")).toInt(kMaxStallMs), kMaxStallMs);
    if (!errors.isEmpty())
        return HttpResponse::invalid(errors);
    rule.id = m_nextId++;
    m_rules.append(rule);
    qCInfo(lcApiServer).noquote() << "fault armed:" << action << rule.method << rule.pathPrefix
                                  << "x" << rule.remaining;
    QJsonObject reply = o;
    reply.insert(QStringLiteral("id"), rule.id);
    return HttpResponse::json(201, reply);
}

void FaultSwitch::count(const QByteArray &method, const QString &path)
{
    ++m_requests;
    ++m_byPath[path];
    ++m_byMethodPath[QString::fromLatin1(method) + u' ' + path];
}

std::optional<FaultRule> FaultSwitch::take(const QByteArray &method, const QString &path)
{
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        FaultRule &r = m_rules[i];
        if (!path.startsWith(r.pathPrefix) || (!r.method.isEmpty() && r.method != method))
            continue;
        const FaultRule hit = r;
        if (--r.remaining <= 0)
            m_rules.removeAt(i);
        return hit;
    }
    return std::nullopt;
}

HttpResponse FaultSwitch::statusResponse(const FaultRule &rule)
{
    HttpResponse r = HttpResponse::error(rule.status, QStringLiteral("Injected fault"));
    if (rule.status == 429 || rule.status == 503)
        r.setHeader("Retry-After", QByteArray::number(qMax(0, rule.retryAfter)));
    return r;
}

QJsonObject FaultSwitch::stats() const
{
    return {{QStringLiteral("requests"), m_requests},
            {QStringLiteral("by_path"), toObject(m_byPath)},
            {QStringLiteral("by_method_path"), toObject(m_byMethodPath)}};
}

} // namespace apiserver
