#pragma once
// Test helper for the library and settings integration tests: one profile,
// signed in through the real provider and browser, with its own Workspace
// (cache, outbox, thumbnails in a temporary directory) against the real API.

#include "api/apiclient.h"
#include "api/endpoints.h"
#include "auth/authcontroller.h"
#include "auth/sessionvault.h"
#include "composition/workspace.h"
#include "library/librarycontroller.h"
#include "localstack.h"
#include "settings/settingscontroller.h"
#include "storage/keychainsecretstore.h"
#include "storage/librarycache.h"
#include "storage/outbox.h"

#include <memory>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

namespace clipshelf::test {

constexpr int kSignInTimeoutMs = 90'000;

/// A profile with a keychain session and a Workspace.
struct SignedInProfile
{
    /// \a dataRoot: where the profile's cache and outbox live (default: a fresh
    /// temporary directory); pass another instance's to play a restart of the app.
    SignedInProfile(const QString &issuer, const QString &apiUrl, const QString &user,
                    QNetworkAccessManager *nam, const QString &profileName = freshProfile("lib"),
                    const QString &dataRoot = {})
        : profile(profileName), root(dataRoot.isEmpty() ? dir.path() : dataRoot),
          config(stackConfig(issuer, apiUrl, profileName, user)),
          store(SessionVault::serviceName(profileName)), auth(config, &store, nam),
          workspace(config, &auth, nam, {root + "/data", root + "/thumbs"})
    {}

    /// Signs in through the browser as the configured user; false on timeout.
    bool signIn()
    {
        auth.signIn();
        return QTest::qWaitFor([this] { return auth.state() == AuthController::SignedIn; },
                               kSignInTimeoutMs);
    }

    LibraryController &library() { return *workspace.library(); }
    SettingsController &settings() { return *workspace.settings(); }

    /// Sends \a request with this profile's session and waits for the answer.
    ApiResult call(const ApiRequest &request)
    {
        ApiResult result;
        bool done = false;
        workspace.api()->send(request, nullptr, [&](const ApiResult &r) {
            result = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 30'000))
            result.error.message = QStringLiteral("no answer within 30 s");
        return result;
    }

    QList<Video> serverVideos(const VideoQuery &query = {})
    {
        return VideoPage::fromJson(call(endpoints::listVideos(query)).json()).videos;
    }

    QString profile;
    QTemporaryDir dir;
    QString root;
    Config config;
    KeychainSecretStore store;
    AuthController auth;
    Workspace workspace;
};

/**
 * The local stack with Alice signed in on it, once per test file: what the
 * library and settings integration tests start from. A test class derives
 * from it next to QObject, calls startWithAliceSignedIn() from initTestCase()
 * and stopStack() from cleanupTestCase().
 */
class AliceOnTheStack
{
protected:
    /// Starts the provider and the API server and signs Alice in through the
    /// browser; false, with a warning saying which step failed, otherwise.
    bool startWithAliceSignedIn()
    {
        if (!m_provider.start() || !m_api.start(m_provider.issuer())) {
            qWarning("the provider or the API server did not start");
            return false;
        }
        m_alice =
            std::make_unique<SignedInProfile>(m_provider.issuer(), m_api.url(), "alice", &m_nam);
        if (!m_alice->signIn()) {
            qWarning("Alice could not sign in");
            return false;
        }
        return true;
    }

    /// Alice's profile first (its workspace talks to the API), then the stack.
    void stopStack()
    {
        m_alice.reset();
        m_api.stop();
        m_provider.stop();
    }

    TestProvider m_provider;
    TestApiServer m_api;
    QNetworkAccessManager m_nam;
    std::unique_ptr<SignedInProfile> m_alice;
};

} // namespace clipshelf::test
