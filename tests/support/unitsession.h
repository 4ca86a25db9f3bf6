#pragma once
// Configuration and sessions for the unit tests of the session layer and what
// sits on it (SessionManager, ApiClient, the library and settings
// controllers), each against its own scripted provider or API.

#include "auth/session.h"
#include "auth/sessionmanager.h"
#include "core/config.h"

#include <optional>
#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>

namespace clipshelf::test {

/// The configuration of a unit test against \a issuer: the desktop client and
/// a profile of its own, so that the cross-process lock files of two tests
/// never meet.
inline Config unitConfig(const QString &issuer)
{
    Config c;
    c.set(Config::Key::Issuer, issuer, "test");
    c.set(Config::Key::ClientId, "clipshelf-desktop", "test");
    c.set(Config::Key::Profile,
          QStringLiteral("unit-%1").arg(QRandomGenerator::global()->generate()), "test");
    return c;
}

/// A signed-in session of \a subject at \a issuer whose access token arrived
/// just now and expires in \a expiresInSeconds (negative: already expired).
inline Session unitSession(const QString &issuer, const QString &accessToken,
                           const QString &refreshToken, int expiresInSeconds,
                           const QString &subject = QStringLiteral("user_alice"))
{
    Session s;
    s.accessToken = accessToken;
    s.refreshToken = refreshToken;
    s.accessTokenReceivedAt = QDateTime::currentDateTimeUtc();
    s.accessTokenExpiry = s.accessTokenReceivedAt.addSecs(expiresInSeconds);
    s.profile.subject = subject;
    s.profile.issuer = issuer;
    return s;
}

/// What SessionManager::withAccessToken() answered.
struct TokenAnswer
{
    QString token;
    std::optional<SessionManager::TokenProblem> problem;
};

/// Asks \a sessions for an access token and waits (at most 10 s) for the answer.
inline TokenAnswer waitForAccessToken(SessionManager &sessions)
{
    TokenAnswer answer;
    bool done = false;
    sessions.withAccessToken([&](const QString &t, std::optional<SessionManager::TokenProblem> p) {
        answer.token = t;
        answer.problem = p;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10'000))
        qWarning("no access token (nor a problem) within 10 s");
    return answer;
}

} // namespace clipshelf::test
