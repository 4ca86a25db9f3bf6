// The request pipeline: base path -> fault switch -> routing -> bearer token
// -> user -> Idempotency-Key -> handler (in one transaction) -> response.
#include "apiserver_p.h"
#include "logging.h"

#include <QtCore/QPointer>

namespace apiserver {

namespace {

// Quotes are not allowed inside the auth-param value.
QByteArray quoted(const QString &text)
{
    QByteArray s = text.toUtf8();
    s.replace('"', '\'');
    s.replace('\\', '/');
    return '"' + s + '"';
}

HttpResponse unauthorized(const QString &description)
{
    if (description.isEmpty()) {
        return HttpResponse::error(
                   401, QStringLiteral(
                            "Authentication required: send Authorization: Bearer <access token>"))
            .setHeader("WWW-Authenticate", "Bearer");
    }
    return HttpResponse::error(401, QStringLiteral("Invalid access token: ") + description)
        .setHeader("WWW-Authenticate",
                   "Bearer error=\"invalid_token\", error_description=" + quoted(description));
}

// The token of "Authorization: Bearer <token>", empty if absent or another scheme.
QByteArray bearerToken(const HttpRequest &request)
{
    const QByteArray header = request.header("authorization").trimmed();
    const qsizetype space = header.indexOf(' ');
    if (space <= 0 || header.left(space).compare("bearer", Qt::CaseInsensitive) != 0)
        return {};
    return header.mid(space + 1).trimmed();
}

} // namespace

void ApiServer::handle(const ExchangePtr &exchange)
{
    HttpRequest &req = exchange->request();
    const QString &base = d->config.basePath;
    const bool control = d->config.enableFaults && FaultSwitch::isControlPath(req.fullPath);
    if (!base.isEmpty() && !control) {
        if (!req.fullPath.startsWith(base + u'/')) {
            finish(exchange, HttpResponse::error(404, QStringLiteral("Not found")));
            return;
        }
        req.path = req.fullPath.mid(base.size());
    }
    if (d->config.enableFaults && FaultSwitch::isControlPath(req.path)) {
        if (!req.peer.isLoopback())
            finish(exchange,
                   HttpResponse::error(
                       403, QStringLiteral("The fault switch only accepts loopback peers")));
        else
            finish(exchange, d->faults.control(req, req.path));
        return;
    }
    if (d->config.enableFaults) {
        d->faults.count(req.method, req.path);
        if (const auto fault = d->faults.take(req.method, req.path)) {
            qCInfo(lcApiServer).noquote() << "injecting fault into" << req.method << req.path;
            switch (fault->action) {
            case FaultAction::Status:
                finish(exchange, FaultSwitch::statusResponse(*fault));
                return;
            case FaultAction::Stall:
                exchange->stall(fault->stallMs);
                Q_EMIT requestFinished(req.method, req.path, -1);
                return;
            case FaultAction::Drop:
                exchange->drop();
                Q_EMIT requestFinished(req.method, req.path, -1);
                return;
            case FaultAction::DropAfter:
                exchange->dropInsteadOfReply = true;
                break;
            }
        }
    }

    // HEAD runs the GET route; Exchange leaves the body out.
    const QByteArray routeMethod = req.method == "HEAD" ? QByteArrayLiteral("GET") : req.method;
    const Router::Match match = d->router.match(routeMethod, req.path);
    if (!match.route) {
        if (match.allowedMethods.isEmpty()) {
            finish(exchange, HttpResponse::error(404, QStringLiteral("Not found")));
        } else {
            QList<QByteArray> allowed = match.allowedMethods;
            if (allowed.contains("GET"))
                allowed.append("HEAD");
            finish(exchange, HttpResponse::error(405, QStringLiteral("Method not allowed"))
                                 .setHeader("Allow", allowed.join(", ")));
        }
        return;
    }
    auto pending = std::make_shared<Pending>();
    pending->exchange = exchange;
    pending->route = match.route;
    pending->params = match.params;
    if (match.route->access == Access::Public)
        run(pending, nullptr);
    else
        authenticate(pending);
}

void ApiServer::authenticate(const std::shared_ptr<Pending> &pending)
{
    pending->token = bearerToken(pending->exchange->request());
    if (pending->token.isEmpty()) {
        finish(pending->exchange, unauthorized({}));
        return;
    }
    const QPointer<ApiServer> self(this);
    d->verifier->verify(pending->token, [self, pending](const AuthResult &result) {
        if (!self)
            return;
        switch (result.kind) {
        case AuthResult::Kind::Invalid:
            qCInfo(lcApiServer).noquote() << "rejected token:" << result.description;
            self->finish(pending->exchange, unauthorized(result.description));
            return;
        case AuthResult::Kind::Unavailable:
            self->finish(
                pending->exchange,
                HttpResponse::error(
                    503, QStringLiteral("The identity provider's signing keys are unavailable;"
                                        " try again later"))
                    .setHeader("Retry-After",
                               QByteArray::number(self->d->config.unavailableRetryAfterSeconds)));
            return;
        case AuthResult::Kind::Ok:
            self->resolveUser(pending, result.claims);
            return;
        }
    });
}

void ApiServer::resolveUser(const std::shared_ptr<Pending> &pending, const QJsonObject &claims)
{
    const QString sub = claims.value(QStringLiteral("sub")).toString();
    const QJsonValue emailClaim = claims.value(QStringLiteral("email"));
    const QJsonValue nameClaim = claims.value(QStringLiteral("name"));
    const QString email = emailClaim.isString() ? emailClaim.toString() : QString();
    const QString name = nameClaim.isString() ? nameClaim.toString() : QString();
    const qint64 now = d->config.clock();
    const auto persist = [this, pending, sub, now](const QString &mail, const QString &display) {
        try {
            Transaction tx(d->db);
            User user = d->users.ensure(sub, mail, display, now);
            d->users.updateProfile(user, mail, display);
            tx.commit();
            run(pending, &user);
        } catch (const std::exception &e) {
            qCCritical(lcApiServer) << "user lookup failed:" << e.what();
            finish(pending->exchange,
                   HttpResponse::error(500, QStringLiteral("Internal server error")));
        }
    };
    std::optional<User> existing;
    try {
        existing = d->users.findBySub(sub);
    } catch (const std::exception &e) {
        qCCritical(lcApiServer) << "user lookup failed:" << e.what();
        finish(pending->exchange,
               HttpResponse::error(500, QStringLiteral("Internal server error")));
        return;
    }
    if (existing || !email.isNull() || !d->discovery) {
        persist(email, name);
        return;
    }
    // First use without an email claim: ask the provider's userinfo endpoint.
    const QPointer<ApiServer> self(this);
    d->discovery->fetchUserInfo(pending->token, [self, persist, name](const QJsonObject &info) {
        if (!self)
            return;
        const QJsonValue mail = info.value(QStringLiteral("email"));
        const QJsonValue display = info.value(QStringLiteral("name"));
        persist(mail.isString() ? mail.toString() : QString(),
                display.isString() ? display.toString() : name);
    });
}

void ApiServer::run(const std::shared_ptr<Pending> &pending, const User *user)
{
    const ExchangePtr &exchange = pending->exchange;
    const HttpRequest &req = exchange->request();
    RequestContext ctx{req, pending->params, user, d->config.clock(), pending->token};
    HttpResponse response;
    try {
        Transaction tx(d->db);
        const QByteArray key = req.header("idempotency-key");
        if (pending->route->idempotency == Idempotency::HonourKey && !key.isNull()) {
            const QByteArray fingerprint = IdempotencyStore::fingerprint(req);
            if (!IdempotencyStore::isValidKey(key)) {
                response = HttpResponse::invalid(
                    {{QStringLiteral("Idempotency-Key"),
                      QStringLiteral("must be 1 to 128 visible ASCII characters")}},
                    QStringLiteral("Invalid Idempotency-Key header"));
            } else if (const auto stored = d->idempotency.find(user->id, key, ctx.nowMs)) {
                if (stored->fingerprint != fingerprint) {
                    response = HttpResponse::invalid(
                        {{QStringLiteral("Idempotency-Key"),
                          QStringLiteral("was already used for a different request")}},
                        QStringLiteral("Idempotency-Key reused with a different request"));
                } else {
                    response = stored->response;
                    response.setHeader("Idempotency-Replayed", "true");
                }
            } else {
                response = pending->route->handler(ctx);
                if (response.status < 500)
                    d->idempotency.store(user->id, key, fingerprint, response, ctx.nowMs);
            }
        } else {
            response = pending->route->handler(ctx);
        }
        tx.commit();
    } catch (const std::exception &e) {
        qCCritical(lcApiServer) << "request failed:" << e.what();
        response = HttpResponse::error(500, QStringLiteral("Internal server error"));
    }
    finish(exchange, response);
}

void ApiServer::finish(const ExchangePtr &exchange, const HttpResponse &response)
{
    const HttpRequest &req = exchange->request();
    int status = response.status;
    if (exchange->dropInsteadOfReply) {
        exchange->drop();
        status = -1;
        qCInfo(lcApiServer).noquote()
            << req.method << req.fullPath << "->" << response.status << "(dropped by fault switch)";
    } else {
        exchange->respond(response);
        qCInfo(lcApiServer).noquote() << req.method << req.fullPath << "->" << status
                                      << QStringLiteral("(%1 ms)").arg(exchange->elapsedMs());
    }
    Q_EMIT requestFinished(req.method, req.path, status);
}

} // namespace apiserver
