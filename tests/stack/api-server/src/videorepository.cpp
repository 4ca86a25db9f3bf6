#include "videorepository.h"

#include "core/youtubeurl.h"
#include "database.h"
#include "jwt.h"

#include <QtCore/QHash>

namespace apiserver {

namespace {
const QString kColumns =
    QStringLiteral("v.id, v.youtube_id, v.title, v.notes, v.created_ms, v.updated_ms");
}

QString VideoCursor::encode() const
{
    return QString::fromLatin1(
        base64UrlEncode(QByteArray::number(createdMs) + ':' + QByteArray::number(id)));
}

std::optional<VideoCursor> VideoCursor::decode(const QString &text)
{
    bool ok = true;
    const QByteArray raw = base64UrlDecode(text.toLatin1(), &ok);
    const QList<QByteArray> parts = raw.split(':');
    if (!ok || text.isEmpty() || parts.size() != 2)
        return std::nullopt;
    VideoCursor c;
    bool okCreated = false, okId = false;
    c.createdMs = parts.at(0).toLongLong(&okCreated);
    c.id = parts.at(1).toLongLong(&okId);
    if (!okCreated || !okId || c.createdMs < 0 || c.id <= 0 || c.encode() != text)
        return std::nullopt;
    return c;
}

VideoRepository::VideoRepository(const Database &db) : m_db(db) {}

QString VideoRepository::searchText(const QString &youtubeId, const QString &title,
                                    const QString &notes)
{
    const QChar sep(0x1f);
    return title.toLower() + sep + clipshelf::YoutubeUrl::canonicalUrlForId(youtubeId).toLower() +
           sep + notes.toLower();
}

QList<Video> VideoRepository::load(const QString &where, const QVariantList &binds,
                                   const QString &tail) const
{
    QSqlQuery q = m_db.exec(
        QStringLiteral("SELECT %1 FROM videos v WHERE %2 %3").arg(kColumns, where, tail), binds);
    QList<Video> out;
    while (q.next()) {
        Video v;
        v.id = q.value(0).toLongLong();
        v.youtubeId = q.value(1).toString();
        v.title = q.value(2).isNull() ? QString() : q.value(2).toString();
        v.notes = q.value(3).isNull() ? QString() : q.value(3).toString();
        v.createdMs = q.value(4).toLongLong();
        v.updatedMs = q.value(5).toLongLong();
        out.append(v);
    }
    loadTags(out);
    return out;
}

void VideoRepository::loadTags(QList<Video> &videos) const
{
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < videos.size(); ++i)
        index.insert(videos.at(i).id, i);
    constexpr qsizetype batch = 500; // stay well below SQLite's bound-parameter limit
    for (qsizetype start = 0; start < videos.size(); start += batch) {
        QStringList marks;
        QVariantList ids;
        for (qsizetype i = start; i < qMin(start + batch, videos.size()); ++i) {
            marks.append(QStringLiteral("?"));
            ids.append(videos.at(i).id);
        }
        QSqlQuery q =
            m_db.exec(QStringLiteral("SELECT video_id, tag FROM video_tags WHERE video_id IN (%1)"
                                     " ORDER BY video_id, position")
                          .arg(marks.join(u',')),
                      ids);
        while (q.next())
            videos[index.value(q.value(0).toLongLong())].tags.append(q.value(1).toString());
    }
}

void VideoRepository::writeTags(qint64 videoId, const QStringList &tags)
{
    m_db.exec(QStringLiteral("DELETE FROM video_tags WHERE video_id = ?"), {videoId});
    for (qsizetype i = 0; i < tags.size(); ++i)
        m_db.exec(
            QStringLiteral("INSERT INTO video_tags (video_id, tag, position) VALUES (?, ?, ?)"),
            {videoId, tags.at(i), qint64(i)});
}

std::optional<Video> VideoRepository::find(qint64 userId, qint64 id) const
{
    const auto list = load(QStringLiteral("v.user_id = ? AND v.id = ?"), {userId, id});
    return list.isEmpty() ? std::nullopt : std::optional<Video>(list.first());
}

std::optional<Video> VideoRepository::findByYoutubeId(qint64 userId, const QString &youtubeId) const
{
    const auto list =
        load(QStringLiteral("v.user_id = ? AND v.youtube_id = ?"), {userId, youtubeId});
    return list.isEmpty() ? std::nullopt : std::optional<Video>(list.first());
}

Video VideoRepository::create(qint64 userId, const QString &youtubeId, const QString &title,
                              const QString &notes, const QStringList &tags, qint64 nowMs)
{
    QSqlQuery q = m_db.exec(
        QStringLiteral("INSERT INTO videos (user_id, youtube_id, title, notes, search_text,"
                       " created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {userId, youtubeId, sqlString(title), sqlString(notes), searchText(youtubeId, title, notes),
         nowMs, nowMs});
    const qint64 id = q.lastInsertId().toLongLong();
    writeTags(id, tags);
    return *find(userId, id);
}

std::optional<Video> VideoRepository::update(qint64 userId, qint64 id, const VideoPatch &patch,
                                             qint64 nowMs)
{
    auto video = find(userId, id);
    if (!video)
        return std::nullopt;
    const QString title = patch.title ? *patch.title : video->title;
    const QString notes = patch.notes ? *patch.notes : video->notes;
    m_db.exec(
        QStringLiteral("UPDATE videos SET title = ?, notes = ?, search_text = ?, updated_ms = ?"
                       " WHERE id = ? AND user_id = ?"),
        {sqlString(title), sqlString(notes), searchText(video->youtubeId, title, notes), nowMs, id,
         userId});
    if (patch.tags)
        writeTags(id, *patch.tags);
    return find(userId, id);
}

std::optional<Video> VideoRepository::remove(qint64 userId, qint64 id)
{
    auto video = find(userId, id);
    if (video)
        m_db.exec(QStringLiteral("DELETE FROM videos WHERE id = ? AND user_id = ?"), {id, userId});
    return video;
}

VideoPage VideoRepository::list(qint64 userId, const VideoFilter &filter, int limit,
                                const std::optional<VideoCursor> &after) const
{
    QString where = QStringLiteral("v.user_id = ?");
    QVariantList binds{userId};
    if (!filter.tags.isEmpty()) {
        QStringList marks;
        for (const QString &t : filter.tags) {
            marks.append(QStringLiteral("?"));
            binds.append(t);
        }
        where += QStringLiteral(" AND v.id IN (SELECT video_id FROM video_tags WHERE tag IN (%1)"
                                " GROUP BY video_id HAVING COUNT(DISTINCT tag) = %2)")
                     .arg(marks.join(u','))
                     .arg(filter.tags.size());
    }
    if (!filter.query.isEmpty()) {
        where += QStringLiteral(" AND instr(v.search_text, ?) > 0");
        binds.append(filter.query.toLower());
    }
    VideoPage page;
    page.count = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM videos v WHERE ") + where, binds)
                     .toLongLong();
    if (after) {
        where += QStringLiteral(" AND (v.created_ms < ? OR (v.created_ms = ? AND v.id < ?))");
        binds << after->createdMs << after->createdMs << after->id;
    }
    QString tail = QStringLiteral("ORDER BY v.created_ms DESC, v.id DESC");
    if (limit > 0)
        tail += QStringLiteral(" LIMIT %1").arg(limit + 1);
    page.videos = load(where, binds, tail);
    if (limit > 0 && page.videos.size() > limit) {
        page.videos.resize(limit);
        page.next = VideoCursor{page.videos.last().createdMs, page.videos.last().id};
    }
    return page;
}

QList<QPair<QString, qint64>> VideoRepository::tagCounts(qint64 userId) const
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT t.tag, COUNT(*) AS n FROM video_tags t"
                                           " JOIN videos v ON v.id = t.video_id WHERE v.user_id = ?"
                                           " GROUP BY t.tag ORDER BY n DESC, t.tag ASC"),
                            {userId});
    QList<QPair<QString, qint64>> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toLongLong()});
    return out;
}

} // namespace apiserver
