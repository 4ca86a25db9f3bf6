#include "router.h"

namespace apiserver {

void Router::add(const QByteArray &method, const QString &pattern, Access access, Handler handler,
                 Idempotency idempotency)
{
    Route r;
    r.method = method;
    r.pattern = pattern;
    r.segments = pattern.split(u'/', Qt::SkipEmptyParts);
    r.access = access;
    r.idempotency = idempotency;
    r.handler = std::move(handler);
    m_routes.append(std::move(r));
}

std::optional<QHash<QString, QString>> Router::matchSegments(const Route &route,
                                                             const QStringList &segments)
{
    if (route.segments.size() != segments.size())
        return std::nullopt;
    QHash<QString, QString> params;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &want = route.segments.at(i);
        if (want.startsWith(u'{') && want.endsWith(u'}'))
            params.insert(want.mid(1, want.size() - 2), segments.at(i));
        else if (want != segments.at(i))
            return std::nullopt;
    }
    return params;
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    Match result;
    if (!path.startsWith(u'/') || (path.size() > 1 && path.endsWith(u'/')) ||
        path.contains(QLatin1String("//")))
        return result;
    const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    for (const Route &route : m_routes) {
        auto params = matchSegments(route, segments);
        if (!params)
            continue;
        if (route.method == method) {
            result.route = &route;
            result.params = std::move(*params);
            result.allowedMethods.clear();
            return result;
        }
        result.allowedMethods.append(route.method);
    }
    return result;
}

} // namespace apiserver
