#pragma once

#include "auth/session.h"

#include <QDateTime>

/// When an access token is refreshed and when it may no longer be sent.
namespace clipshelf::tokentiming {

/// Seconds before expiry at which a refresh starts: 60 s or a tenth of the lifetime
/// (plus expiryMarginMs(), which covers whole-second `exp` claims and transit).
qint64 refreshLeadSeconds(qint64 lifetimeSeconds);
/// How long before its expiry an access token is no longer sent: 2 s, at most half the lifetime.
qint64 expiryMarginMs(qint64 lifetimeSeconds);
/// The access token's lifetime as received (600 s when unknown).
qint64 lifetimeSeconds(const Session &session);
/// True when \a session's access token is due for a refresh at \a now.
bool needsRefresh(const Session &session, const QDateTime &now);
/// True while \a session's access token is not within the margin of its expiry at \a now.
bool beforeExpiryMargin(const Session &session, const QDateTime &now);
/// Milliseconds from \a now until the refresh ahead of expiry is due (may be negative).
qint64 msUntilRefreshDue(const Session &session, const QDateTime &now);

} // namespace clipshelf::tokentiming
