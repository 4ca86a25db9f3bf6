// Time helpers: an injectable clock (tests move time forward) and RFC 3339.
#pragma once

#include <functional>
#include <QtCore/QString>

namespace apiserver {

// Milliseconds since the Unix epoch, UTC.
using Clock = std::function<qint64()>;

Clock systemClock();

// "2026-01-03T10:15:00Z" (seconds precision, always UTC with a Z).
QString toRfc3339(qint64 epochMs);

} // namespace apiserver
