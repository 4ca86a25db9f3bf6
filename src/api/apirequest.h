#pragma once

#include "api/apierror.h"

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

namespace clipshelf {

/// One API request, relative to the configured base URL.
struct ApiRequest
{
    QByteArray method = "GET";
    QString path; ///< e.g. "/videos/12"; the base URL's own path is kept
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType;                ///< e.g. "application/json"
    QHash<QByteArray, QByteArray> headers; ///< If-Match, Idempotency-Key, …
    int timeoutMs = 20'000;      ///< without progress; the whole request has limits::kApiDeadlineMs
    qint64 maxResponseBytes = 0; ///< 0: limits::kApiJsonBytes

    static ApiRequest get(const QString &path, const QUrlQuery &query = {});
    static ApiRequest json(const QByteArray &method, const QString &path, const QJsonDocument &doc);
    static ApiRequest del(const QString &path);
    /// Safe to send again after 429/503: GET, PUT, DELETE, or carries an Idempotency-Key.
    bool isRetriable() const;
    /// The response size limit in force (maxResponseBytes, or the default for JSON).
    qint64 responseLimit() const;
};

/// The answer to an ApiRequest: a status and body, or a typed error.
struct ApiResult
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; ///< lower-case names
    ApiError error;

    bool ok() const { return !error.isError(); }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

} // namespace clipshelf
