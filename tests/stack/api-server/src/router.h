// A small router: exact segments plus {name} placeholders, per method.
#pragma once

#include "httpmessage.h"

#include <functional>
#include <optional>
#include <QtCore/QHash>
#include <QtCore/QStringList>

namespace apiserver {

struct User;

struct RequestContext
{
    const HttpRequest &request;
    QHash<QString, QString> params; // path placeholders
    const User *user = nullptr;     // set for protected routes
    qint64 nowMs = 0;
    QByteArray bearerToken; // only for userinfo look-ups, never logged
};

using Handler = std::function<HttpResponse(RequestContext &)>;

enum class Access { Public, Protected };
enum class Idempotency { None, HonourKey };

struct Route
{
    QByteArray method;
    QString pattern;
    QStringList segments;
    Access access = Access::Protected;
    Idempotency idempotency = Idempotency::None;
    Handler handler;
};

class Router
{
public:
    void add(const QByteArray &method, const QString &pattern, Access access, Handler handler,
             Idempotency idempotency = Idempotency::None);

    struct Match
    {
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QList<QByteArray> allowedMethods; // non-empty when only the method differs
    };
    Match match(const QByteArray &method, const QString &path) const;

    const QList<Route> &routes() const { return m_routes; }

private:
    static std::optional<QHash<QString, QString>> matchSegments(const Route &route,
                                                                const QStringList &segments);
    QList<Route> m_routes;
};

} // namespace apiserver
