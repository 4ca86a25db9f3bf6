#pragma once

#include <QByteArray>
#include <QDateTime>

namespace clipshelf {

/// Parses an RFC 9110 HTTP-date ("Sun, 06 Nov 1994 08:49:37 GMT"); invalid when it is not one.
QDateTime parseHttpDate(const QByteArray &value);

/// The longest wait a Retry-After may ask for: one hour.
inline constexpr int kMaxRetryAfterSeconds = 3600;

/// Seconds to wait from a Retry-After value (delay-seconds or HTTP-date), at most
/// kMaxRetryAfterSeconds; -1 when absent or bad.
int retryAfterSeconds(const QByteArray &value,
                      const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace clipshelf
