// A user's saved videos and their tags. Listing is newest first with stable
// keyset paging on (created_ms, id); the cursor is opaque to clients.
#pragma once

#include "models.h"

#include <optional>
#include <QtCore/QList>
#include <QtCore/QPair>

namespace apiserver {

class Database;

struct VideoCursor
{
    qint64 createdMs = 0;
    qint64 id = 0;
    QString encode() const;
    static std::optional<VideoCursor> decode(const QString &text);
};

struct VideoFilter
{
    QStringList tags; // normalised; a video must carry all of them
    QString query;    // case-insensitive substring of title, url or notes
};

struct VideoPage
{
    QList<Video> videos;
    qint64 count = 0; // over all pages
    std::optional<VideoCursor> next;
};

struct VideoPatch
{
    std::optional<QString> title; // a null QString inside sets SQL NULL
    std::optional<QString> notes;
    std::optional<QStringList> tags;
};

class VideoRepository
{
public:
    explicit VideoRepository(const Database &db);

    std::optional<Video> find(qint64 userId, qint64 id) const;
    std::optional<Video> findByYoutubeId(qint64 userId, const QString &youtubeId) const;
    Video create(qint64 userId, const QString &youtubeId, const QString &title,
                 const QString &notes, const QStringList &tags, qint64 nowMs);
    std::optional<Video> update(qint64 userId, qint64 id, const VideoPatch &patch, qint64 nowMs);
    // Returns the deleted video.
    std::optional<Video> remove(qint64 userId, qint64 id);
    // limit 0: everything in one page.
    VideoPage list(qint64 userId, const VideoFilter &filter, int limit,
                   const std::optional<VideoCursor> &after) const;
    // Most used first, then by name.
    QList<QPair<QString, qint64>> tagCounts(qint64 userId) const;

private:
    QList<Video> load(const QString &where, const QVariantList &binds,
                      const QString &tail = {}) const;
    void loadTags(QList<Video> &videos) const;
    void writeTags(qint64 videoId, const QStringList &tags);
    static QString searchText(const QString &youtubeId, const QString &title, const QString &notes);

    const Database &m_db;
};

} // namespace apiserver
