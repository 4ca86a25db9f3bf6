// Plain request/response values, independent of the Qt HttpServer version.
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QPair>
#include <QtCore/QString>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QHostAddress>

namespace apiserver {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method; // "GET", "PATCH", ...
    QString fullPath;  // decoded path as received
    QString path;      // decoded path relative to the base path
    QUrlQuery query;
    HeaderList headers;
    QByteArray body;
    QHostAddress peer;

    // First value of a header, name compared case-insensitively; null if absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // Fully decoded query item value, null if absent.
    QString queryValue(const QString &key) const;
    bool hasQuery(const QString &key) const { return query.hasQueryItem(key); }
};

struct ValidationError
{
    QString field;
    QString message;
};
using ValidationErrors = QList<ValidationError>;

struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;

    static HttpResponse json(int status, const QJsonObject &object);
    // {"detail": ...}
    static HttpResponse error(int status, const QString &detail);
    // 422 {"detail": ..., "errors": [{field, message}]}
    static HttpResponse invalid(const ValidationErrors &errors,
                                const QString &detail = QStringLiteral("Validation failed"));
    static HttpResponse noContent();
    static HttpResponse bytes(int status, const QByteArray &contentType, const QByteArray &body);

    HttpResponse &setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(QByteArrayView name) const;
};

// True for status codes that QHttpServerResponder knows (it can write them).
bool isSupportedStatus(int status);

} // namespace apiserver
