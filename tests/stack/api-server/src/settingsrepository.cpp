#include "settingsrepository.h"

#include "cryptoutil.h"
#include "database.h"

#include <QtCore/QJsonDocument>

namespace apiserver {

SettingsRepository::SettingsRepository(const Database &db) : m_db(db) {}

Settings SettingsRepository::get(qint64 userId) const
{
    QSqlQuery q = m_db.exec(
        QStringLiteral("SELECT display_name, theme, language, email_digest, product_updates,"
                       " security_alerts FROM settings WHERE user_id = ?"),
        {userId});
    Settings s;
    if (q.next()) {
        s.displayName = q.value(0).isNull() ? QString() : q.value(0).toString();
        s.theme = q.value(1).toString();
        s.language = q.value(2).toString();
        s.emailDigest = q.value(3).toBool();
        s.productUpdates = q.value(4).toBool();
        s.securityAlerts = q.value(5).toBool();
    }
    return s;
}

void SettingsRepository::save(qint64 userId, const Settings &s)
{
    m_db.exec(
        QStringLiteral(
            "INSERT INTO settings (user_id, display_name, theme, language, email_digest,"
            " product_updates, security_alerts) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (user_id) DO UPDATE SET display_name = excluded.display_name,"
            " theme = excluded.theme, language = excluded.language,"
            " email_digest = excluded.email_digest, product_updates = excluded.product_updates,"
            " security_alerts = excluded.security_alerts"),
        {userId, sqlString(s.displayName), s.theme, s.language, int(s.emailDigest),
         int(s.productUpdates), int(s.securityAlerts)});
}

QByteArray SettingsRepository::etag(const Settings &settings)
{
    const QByteArray canonical = QJsonDocument(toJson(settings)).toJson(QJsonDocument::Compact);
    return '"' + crypto::sha256(canonical).toHex().left(16) + '"';
}

} // namespace apiserver
