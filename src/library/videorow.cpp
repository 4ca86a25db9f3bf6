#include "library/videorow.h"

#include "core/youtubeurl.h"

namespace clipshelf {

QString VideoRow::effectiveUrl() const
{
    return url.isEmpty() ? YoutubeUrl::canonicalUrlForId(youtubeId) : url;
}

} // namespace clipshelf
