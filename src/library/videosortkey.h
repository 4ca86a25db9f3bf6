#pragma once

#include <QtGlobal>

namespace clipshelf {

/// The order of the library: newest first, then the newer id: a queued add (a local,
/// negative id, -outbox sequence) before the server's, a later add before an earlier
/// one, and among the server's the higher id (as the API sorts).
struct VideoSortKey
{
    qint64 createdMs = 0;
    qint64 id = 0;
    /// True when *this comes before \a o in the list.
    bool before(const VideoSortKey &o) const
    {
        if (createdMs != o.createdMs)
            return createdMs > o.createdMs;
        if ((id < 0) != (o.id < 0))
            return id < 0;
        return id < 0 ? id < o.id : id > o.id;
    }
    bool operator==(const VideoSortKey &o) const = default;
};

} // namespace clipshelf
