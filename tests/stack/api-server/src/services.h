// What the resource handlers share, and the functions that register them.
#pragma once

#include "timeutil.h"

#include <functional>
#include <QtCore/QString>

namespace apiserver {

class ActivityLog;
class ApiKeyRepository;
class Database;
class Router;
class SettingsRepository;
class UserRepository;
class VideoRepository;
struct User;

struct Services
{
    const Database &db;
    ActivityLog &activity;
    UserRepository &users;
    VideoRepository &videos;
    SettingsRepository &settings;
    ApiKeyRepository &apiKeys;
    Clock clock;
    std::function<QString()> baseUrl; // e.g. http://127.0.0.1:8000/api/v1
};

// Absolute URL of GET /me/avatar (with a version query so caches refresh), or
// empty when the user has no avatar.
QString avatarUrl(const Services &services, const User &user);

void registerSystemRoutes(Router &router, Services &services);   // /health, /timer
void registerMeRoutes(Router &router, Services &services);       // /me, /me/avatar
void registerVideoRoutes(Router &router, Services &services);    // /videos, /videos/{id}, /tags
void registerSettingsRoutes(Router &router, Services &services); // /settings
void registerAccountRoutes(Router &router, Services &services);  // /api-keys, /activity

} // namespace apiserver
