// Numbered schema migrations. Append new ones; never edit a released one.
#include "database.h"

namespace apiserver {

const QList<Migration> &Database::migrations()
{
    static const QList<Migration> list = {
        {1,
         QStringLiteral("users, avatars, videos and tags"),
         {QStringLiteral(
              "CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, sub TEXT NOT NULL UNIQUE,"
              " email TEXT NOT NULL, name TEXT, created_ms INTEGER NOT NULL)"),
          QStringLiteral(
              "CREATE TABLE avatars (user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE "
              "CASCADE,"
              " content_type TEXT NOT NULL, data BLOB NOT NULL, updated_ms INTEGER NOT NULL)"),
          QStringLiteral(
              "CREATE TABLE videos (id INTEGER PRIMARY KEY AUTOINCREMENT,"
              " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
              " youtube_id TEXT NOT NULL, title TEXT, notes TEXT, search_text TEXT NOT NULL,"
              " created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,"
              " UNIQUE (user_id, youtube_id))"),
          QStringLiteral(
              "CREATE INDEX videos_by_user_newest ON videos (user_id, created_ms DESC, id DESC)"),
          QStringLiteral(
              "CREATE TABLE video_tags (video_id INTEGER NOT NULL REFERENCES videos(id) ON DELETE "
              "CASCADE,"
              " tag TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (video_id, tag))"),
          QStringLiteral("CREATE INDEX video_tags_by_tag ON video_tags (tag, video_id)")}},
        {2,
         QStringLiteral("settings, API keys and activity"),
         {QStringLiteral("CREATE TABLE settings (user_id INTEGER PRIMARY KEY REFERENCES users(id) "
                         "ON DELETE CASCADE,"
                         " display_name TEXT, theme TEXT NOT NULL, language TEXT NOT NULL,"
                         " email_digest INTEGER NOT NULL, product_updates INTEGER NOT NULL,"
                         " security_alerts INTEGER NOT NULL)"),
          QStringLiteral(
              "CREATE TABLE api_keys (id TEXT PRIMARY KEY,"
              " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
              " name TEXT NOT NULL, prefix TEXT NOT NULL, secret_sha256 TEXT NOT NULL UNIQUE,"
              " created_ms INTEGER NOT NULL, last_used_ms INTEGER)"),
          QStringLiteral("CREATE INDEX api_keys_by_user ON api_keys (user_id, created_ms)"),
          QStringLiteral("CREATE TABLE activity (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                         " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                         " kind TEXT NOT NULL, at_ms INTEGER NOT NULL, detail TEXT NOT NULL)"),
          QStringLiteral("CREATE INDEX activity_by_user ON activity (user_id, id DESC)")}},
        {3,
         QStringLiteral("idempotency keys"),
         // The first response is stored sealed (AES-256-GCM) under a key derived
         // from the client's Idempotency-Key, which itself is stored only hashed:
         // the database alone never reveals an API-key secret.
         {QStringLiteral(
              "CREATE TABLE idempotency (user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE "
              "CASCADE,"
              " key_hash TEXT NOT NULL, fingerprint BLOB NOT NULL, sealed_response BLOB NOT NULL,"
              " created_ms INTEGER NOT NULL, PRIMARY KEY (user_id, key_hash))"),
          QStringLiteral("CREATE INDEX idempotency_by_age ON idempotency (created_ms)")}},
    };
    return list;
}

} // namespace apiserver
