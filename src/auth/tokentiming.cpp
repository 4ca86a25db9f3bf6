#include "auth/tokentiming.h"

#include <algorithm>

namespace clipshelf::tokentiming {

namespace {
constexpr qint64 kExpiryMarginMs = 2000;
constexpr qint64 kUnknownLifetimeSeconds = 600;
} // namespace

qint64 refreshLeadSeconds(qint64 lifetimeSeconds)
{
    return std::min<qint64>(60, std::max<qint64>(0, lifetimeSeconds / 10));
}

qint64 expiryMarginMs(qint64 lifetimeSeconds)
{
    // The token's `exp` is whole seconds, so it may lie up to 1 s before our
    // computed expiry; the rest is for the request to reach the API.
    return std::min<qint64>(kExpiryMarginMs, std::max<qint64>(0, lifetimeSeconds * 1000 / 2));
}

qint64 lifetimeSeconds(const Session &session)
{
    return session.accessTokenReceivedAt.isValid()
               ? session.accessTokenReceivedAt.secsTo(session.accessTokenExpiry)
               : kUnknownLifetimeSeconds;
}

bool needsRefresh(const Session &session, const QDateTime &now)
{
    if (!session.accessTokenExpiry.isValid())
        return false; // no expires_in: rely on the API's 401
    return msUntilRefreshDue(session, now) <= 0;
}

bool beforeExpiryMargin(const Session &session, const QDateTime &now)
{
    if (!session.accessTokenExpiry.isValid())
        return true;
    return now.msecsTo(session.accessTokenExpiry) > expiryMarginMs(lifetimeSeconds(session));
}

qint64 msUntilRefreshDue(const Session &session, const QDateTime &now)
{
    const qint64 lifetime = lifetimeSeconds(session);
    return now.msecsTo(session.accessTokenExpiry) - refreshLeadSeconds(lifetime) * 1000 -
           expiryMarginMs(lifetime);
}

} // namespace clipshelf::tokentiming
