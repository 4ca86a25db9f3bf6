// ApiServer internals, shared by apiserver.cpp and pipeline.cpp.
#pragma once

#include "activitylog.h"
#include "apikeyrepository.h"
#include "apiserver.h"
#include "database.h"
#include "exchange.h"
#include "faultswitch.h"
#include "httpserver.h"
#include "idempotencystore.h"
#include "jsonfetch.h"
#include "jwkscache.h"
#include "jwtverifier.h"
#include "oidcdiscovery.h"
#include "router.h"
#include "services.h"
#include "settingsrepository.h"
#include "userrepository.h"
#include "videorepository.h"

#include <QtNetwork/QNetworkAccessManager>

namespace apiserver {

struct ApiServer::Private
{
    Private(ApiServer *q, ServerConfig config);

    ServerConfig config;
    Database db;
    ActivityLog activity;
    UserRepository users;
    VideoRepository videos;
    SettingsRepository settings;
    ApiKeyRepository apiKeys;
    IdempotencyStore idempotency;
    Services services;
    Router router;
    FaultSwitch faults;

    QNetworkAccessManager *nam = nullptr;
    OidcDiscovery *discovery = nullptr;
    JwksCache *jwks = nullptr;
    JwtVerifier *verifier = nullptr;
    ApiHttpServer *http = nullptr;
    quint16 port = 0;
};

// A request that passed routing, on its way through authentication.
struct ApiServer::Pending
{
    ExchangePtr exchange;
    const Route *route = nullptr;
    QHash<QString, QString> params;
    QByteArray token;
};

} // namespace apiserver
