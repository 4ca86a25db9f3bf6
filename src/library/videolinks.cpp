#include "library/videolinks.h"

#include "core/youtubeurl.h"
#include "library/videolistmodel.h"

#include <QCoreApplication>

// The messages keep the LibraryController translation context, where they were first.
namespace clipshelf::videolinks {

QVariantMap check(const QString &text, const VideoListModel &videos)
{
    const YoutubeUrl link = YoutubeUrl::parse(text);
    QVariantMap out{{QStringLiteral("valid"), link.isValid()}};
    if (!link.isValid()) {
        out.insert(QStringLiteral("message"),
                   text.trimmed().isEmpty()
                       ? QString()
                       : QCoreApplication::translate("clipshelf::LibraryController",
                                                     "This link is not a YouTube video: it %1.")
                             .arg(link.errorString()));
        out.insert(QStringLiteral("existingId"), 0);
        return out;
    }
    const std::optional<VideoRow> existing = videos.findByYoutubeId(link.videoId());
    out.insert(QStringLiteral("youtubeId"), link.videoId());
    out.insert(QStringLiteral("canonicalUrl"), link.canonicalUrl());
    out.insert(QStringLiteral("thumbnailUrl"), link.thumbnailUrl());
    out.insert(QStringLiteral("thumbnailSource"),
               QStringLiteral("image://thumbnail/") + link.videoId());
    out.insert(QStringLiteral("existingId"), existing ? existing->id : 0);
    out.insert(QStringLiteral("message"),
               existing ? QCoreApplication::translate("clipshelf::LibraryController",
                                                      "Already in your library")
                        : QString());
    return out;
}

QString safeBrowserUrl(const VideoListModel &videos, qint64 id)
{
    const std::optional<VideoRow> row = videos.find(id);
    if (!row || !YoutubeUrl::isValidId(row->youtubeId))
        return {};
    return YoutubeUrl::canonicalUrlForId(row->youtubeId);
}

QVariantMap details(const VideoListModel &videos, qint64 id)
{
    const int row = videos.indexOf(id);
    if (row >= 0)
        return videos.get(row);
    const std::optional<VideoRow> r = videos.find(id);
    if (!r)
        return {};
    return {{QStringLiteral("videoId"), r->id},
            {QStringLiteral("url"), r->effectiveUrl()},
            {QStringLiteral("youtubeId"), r->youtubeId},
            {QStringLiteral("title"), r->title},
            {QStringLiteral("displayTitle"), r->displayTitle()},
            {QStringLiteral("notes"), r->notes},
            {QStringLiteral("tags"), r->tags},
            {QStringLiteral("pending"), r->pending},
            {QStringLiteral("pendingDelete"), r->pendingDelete}};
}

} // namespace clipshelf::videolinks
