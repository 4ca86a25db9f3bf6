// GET a JSON document with a timeout (used for discovery, JWKS, userinfo).
#pragma once

#include <functional>
#include <QtCore/QJsonObject>
#include <QtCore/QUrl>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace apiserver {

struct FetchResult
{
    bool ok = false;
    int httpStatus = 0;
    QJsonObject json;
    QString error; // for logs; never contains the bearer token
};

using FetchCallback = std::function<void(const FetchResult &)>;

// bearer is optional (userinfo); the callback always runs exactly once,
// asynchronously, unless nam is destroyed first.
void fetchJson(QNetworkAccessManager *nam, const QUrl &url, int timeoutMs, FetchCallback callback,
               const QByteArray &bearer = {});

// Loopback URLs must never go through a proxy configured in the environment.
bool isLoopbackUrl(const QUrl &url);

} // namespace apiserver
