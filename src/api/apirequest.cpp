#include "api/apirequest.h"

#include "core/boundedreply.h"

namespace clipshelf {

ApiRequest ApiRequest::get(const QString &path, const QUrlQuery &query)
{
    ApiRequest r;
    r.path = path;
    r.query = query;
    return r;
}

ApiRequest ApiRequest::json(const QByteArray &method, const QString &path, const QJsonDocument &doc)
{
    ApiRequest r;
    r.method = method;
    r.path = path;
    r.body = doc.toJson(QJsonDocument::Compact);
    r.contentType = "application/json";
    return r;
}

ApiRequest ApiRequest::del(const QString &path)
{
    ApiRequest r;
    r.method = "DELETE";
    r.path = path;
    return r;
}

bool ApiRequest::isRetriable() const
{
    return method == "GET" || method == "PUT" || method == "DELETE" ||
           headers.contains("Idempotency-Key");
}

qint64 ApiRequest::responseLimit() const
{
    return maxResponseBytes > 0 ? maxResponseBytes : limits::kApiJsonBytes;
}

} // namespace clipshelf
