#pragma once

#include "library/videorow.h"
#include "storage/outbox.h"

#include <functional>
#include <optional>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <vector>

namespace clipshelf {

/// Queued local changes laid over the rows the list holds (what the user sees before they reach the
/// server).
namespace changeoverlay {

/// Applies an edit's "patch" member (title, notes, tags) to \a row.
void applyPatch(VideoRow &row, const QJsonObject &patch);

/**
 * The rows \a entries (one owner's queued changes, in outbox order) change,
 * as they are to be shown: queued adds as new pending rows (unless \a find
 * knows them), edits applied and marked pending, deletes marked pendingDelete.
 * The server's version of a row an edit changes first goes into \a serverRows
 * (to roll back to if the server refuses the edit).
 */
std::vector<VideoRow> overlay(const QList<OutboxEntry> &entries,
                              const std::function<std::optional<VideoRow>(qint64)> &find,
                              QHash<qint64, VideoRow> *serverRows);

} // namespace changeoverlay

} // namespace clipshelf
