#include "cacheseeder.h"

#include "library/videojson.h"
#include "storage/librarycache.h"
#include "storage/thumbnailstore.h"

#include <QDir>
#include <QFile>
#include <QSet>

namespace clipshelf::bench {

namespace {

/// The tag counts of the library, as GET /tags would answer (most used first).
QList<TagCount> countTags(const std::vector<VideoRow> &rows)
{
    QHash<QString, int> counts;
    for (const VideoRow &row : rows) {
        for (const QString &tag : row.tags)
            ++counts[tag];
    }
    QList<TagCount> tags;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        tags.append({it.key(), it.value()});
    std::sort(tags.begin(), tags.end(), [](const TagCount &a, const TagCount &b) {
        return a.count != b.count ? a.count > b.count : a.name < b.name;
    });
    return tags;
}

} // namespace

int seedProfileCache(const QString &profile, const QString &ownerSub, const QString &jsonFile,
                     const QString &thumbnailFile, int thumbnails, QString *error)
{
    QFile file(jsonFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(jsonFile, file.errorString());
        return -1;
    }
    const QByteArray json = file.readAll();
    videojson::Page page;
    if (!videojson::parsePage(json, &page, error))
        return -1;

    LibraryCache cache(LibraryCache::defaultDirectory(profile));
    cache.clear();
    cache.setOwnerSub(ownerSub);
    cache.setLibraryState({page.nextCursor, page.nextCursor.isEmpty(), page.count});
    cache.setTags(countTags(page.rows));
    cache.writeLibraryAsync([json] { return json; });
    cache.waitForWrites();

    const QString thumbnailDir = ThumbnailStore::defaultDirectory(profile);
    QDir(thumbnailDir).removeRecursively();
    if (!thumbnailFile.isEmpty() && thumbnails > 0) {
        QDir().mkpath(thumbnailDir);
        for (int i = 0; i < thumbnails && i < int(page.rows.size()); ++i) {
            const QString target = thumbnailDir + QLatin1Char('/') +
                                   page.rows[size_t(i)].youtubeId + QStringLiteral(".jpg");
            if (!QFile::copy(thumbnailFile, target)) {
                *error = QStringLiteral("cannot write %1").arg(target);
                return -1;
            }
        }
    }
    return int(page.rows.size());
}

} // namespace clipshelf::bench
