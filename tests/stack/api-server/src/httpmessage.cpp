#include "httpmessage.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QMetaEnum>
#include <QtHttpServer/QHttpServerResponder>

namespace apiserver {

namespace {
const QByteArray kContentType = QByteArrayLiteral("Content-Type");
const QByteArray kJson = QByteArrayLiteral("application/json");
} // namespace

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return h.second.isNull() ? QByteArray("") : h.second;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    return !header(name).isNull();
}

QString HttpRequest::queryValue(const QString &key) const
{
    if (!query.hasQueryItem(key))
        return {};
    // Form encoding: '+' is a space (a literal plus arrives as %2B).
    QString encoded = query.queryItemValue(key, QUrl::FullyEncoded);
    encoded.replace(u'+', QLatin1String("%20"));
    const QString v = QUrl::fromPercentEncoding(encoded.toUtf8());
    return v.isNull() ? QString(QLatin1String("")) : v;
}

HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    HttpResponse r;
    r.status = status;
    r.headers.append({kContentType, kJson});
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse HttpResponse::error(int status, const QString &detail)
{
    return json(status, QJsonObject{{QStringLiteral("detail"), detail}});
}

HttpResponse HttpResponse::invalid(const ValidationErrors &errors, const QString &detail)
{
    QJsonArray list;
    for (const ValidationError &e : errors)
        list.append(QJsonObject{{QStringLiteral("field"), e.field},
                                {QStringLiteral("message"), e.message}});
    return json(422,
                QJsonObject{{QStringLiteral("detail"), detail}, {QStringLiteral("errors"), list}});
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse r;
    r.status = 204;
    return r;
}

HttpResponse HttpResponse::bytes(int status, const QByteArray &contentType, const QByteArray &body)
{
    HttpResponse r;
    r.status = status;
    r.headers.append({kContentType, contentType});
    r.body = body;
    return r;
}

HttpResponse &HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return *this;
        }
    }
    headers.append({name, value});
    return *this;
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool isSupportedStatus(int status)
{
    const QMetaEnum e = QMetaEnum::fromType<QHttpServerResponder::StatusCode>();
    return status >= 100 && status <= 599 && e.valueToKey(status) != nullptr;
}

} // namespace apiserver
