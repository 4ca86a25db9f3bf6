#include "library/changeoverlay.h"

#include "core/youtubeurl.h"

#include <QJsonArray>

namespace clipshelf::changeoverlay {

void applyPatch(VideoRow &row, const QJsonObject &patch)
{
    if (patch.contains(QLatin1String("title")))
        row.title = patch.value(QLatin1String("title")).toString();
    if (patch.contains(QLatin1String("notes")))
        row.notes = patch.value(QLatin1String("notes")).toString();
    if (patch.contains(QLatin1String("tags"))) {
        row.tags.clear();
        for (const QJsonValue &t : patch.value(QLatin1String("tags")).toArray())
            row.tags.append(t.toString());
    }
}

std::vector<VideoRow> overlay(const QList<OutboxEntry> &entries,
                              const std::function<std::optional<VideoRow>(qint64)> &find,
                              QHash<qint64, VideoRow> *serverRows)
{
    QHash<qint64, VideoRow> changed;
    auto current = [&](qint64 id) -> VideoRow * {
        auto it = changed.find(id);
        if (it != changed.end())
            return &it.value();
        const std::optional<VideoRow> row = find(id);
        return row ? &changed.insert(id, *row).value() : nullptr;
    };
    for (const OutboxEntry &e : entries) {
        switch (e.kind) {
        case OutboxEntry::AddVideo:
            if (!find(e.videoId)) {
                VideoRow row;
                row.id = e.videoId;
                row.createdMs = row.updatedMs = e.createdAt.toMSecsSinceEpoch();
                row.youtubeId =
                    YoutubeUrl::parse(e.payload.value(QLatin1String("url")).toString()).videoId();
                row.title = e.payload.value(QLatin1String("title")).toString();
                row.notes = e.payload.value(QLatin1String("notes")).toString();
                for (const QJsonValue &t : e.payload.value(QLatin1String("tags")).toArray())
                    row.tags.append(t.toString());
                row.pending = true;
                changed.insert(row.id, row);
            }
            break;
        case OutboxEntry::EditVideo:
            if (VideoRow *row = current(e.videoId)) {
                if (!row->pending && e.videoId > 0)
                    serverRows->insert(e.videoId, *row);
                applyPatch(*row, e.payload.value(QLatin1String("patch")).toObject());
                row->pending = true;
            }
            break;
        case OutboxEntry::DeleteVideo:
            if (VideoRow *row = current(e.videoId)) {
                row->pendingDelete = true;
                row->pending = true;
            }
            break;
        default:
            break;
        }
    }
    std::vector<VideoRow> rows;
    rows.reserve(size_t(changed.size()));
    for (auto it = changed.begin(); it != changed.end(); ++it)
        rows.push_back(std::move(it.value()));
    return rows;
}

} // namespace clipshelf::changeoverlay
