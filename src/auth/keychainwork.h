#pragma once

#include "auth/authcontroller.h"
#include "auth/sessionmanager.h"

namespace clipshelf {

/// How long a quitting process waits for a refresh under way to store its rotated refresh token.
inline constexpr int kFinishKeychainWorkMs = 5000;

/**
 * The one place a quitting process (the app, clipshelf-cli) finishes its
 * keychain work, within \a timeoutMs: a refresh under way stores its rotated
 * refresh token (or fails), so the next start never presents a used one, and
 * every pending keychain write or delete (an ended session's removal) lands.
 * False when it did not finish in time (SessionManager::unfinishedWorkMessage()).
 */
inline bool finishKeychainWork(AuthController &auth, int timeoutMs = kFinishKeychainWorkMs)
{
    return auth.sessions()->finishPendingWork(QDeadlineTimer(timeoutMs));
}

} // namespace clipshelf
