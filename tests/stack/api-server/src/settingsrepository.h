// Per-user settings (defaults until first changed) and their ETag.
#pragma once

#include "models.h"

namespace apiserver {

class Database;

class SettingsRepository
{
public:
    explicit SettingsRepository(const Database &db);

    Settings get(qint64 userId) const;
    void save(qint64 userId, const Settings &settings);

    // Strong validator derived from the settings' content: "\"<16 hex>\"".
    static QByteArray etag(const Settings &settings);

private:
    const Database &m_db;
};

} // namespace apiserver
