#pragma once
// Shared by the session integration tests (tst_session_*.cpp): the local stack
// with short-lived access tokens, one real browser sign-in per profile (the
// SignedInSessionStack fixture), and the app's session objects restored from
// the keychain.

#include "api/apiclient.h"
#include "api/connectivity.h"
#include "auth/authcontroller.h"
#include "auth/sessionvault.h"
#include "localstack.h"
#include "sessionprobe.h"
#include "storage/keychainsecretstore.h"

#include <memory>
#include <QPointer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace clipshelf::test {

/// The provider's access-token lifetime in these tests (PROVIDER_ACCESS_TTL).
constexpr int kAccessTtlSeconds = 4;
constexpr int kSignInTimeoutMs = 90'000;
/// The message a provider-ended session shows (TokenClient's words for invalid_grant).
inline const QString kSessionEndedMessage =
    QStringLiteral("Your session has ended — please sign in again.");

/// Provider environment: short access tokens, grants kept in \a stateDir across restarts.
inline QProcessEnvironment shortLivedTokens(const QString &stateDir)
{
    QProcessEnvironment env;
    env.insert("PROVIDER_ACCESS_TTL", QString::number(kAccessTtlSeconds));
    env.insert("PROVIDER_STATE_DIR", stateDir);
    return env;
}

/// API server options: one second of clock leeway instead of 30, so that an
/// access token used after its expiry really is refused.
inline QStringList strictApiArgs()
{
    return {"--leeway", "1"};
}

/// Signs in through the real browser (chromium); the session lands in \a store.
inline bool signInThroughBrowser(const Config &config, SecretStore *store)
{
    QNetworkAccessManager nam;
    AuthController auth(config, store, &nam);
    auth.signIn();
    if (!QTest::qWaitFor([&] { return auth.isSignedIn() || !auth.errorMessage().isEmpty(); },
                         kSignInTimeoutMs))
        qWarning() << "no sign-in within" << kSignInTimeoutMs / 1000 << "s";
    if (!auth.isSignedIn()) {
        qWarning() << "sign-in failed:" << auth.state() << auth.errorMessage();
        return false;
    }
    // The browser still loads the callback page from this controller's listener: let it finish.
    QList<QPointer<QProcess>> browsers; // each deletes itself when it exits
    for (QProcess *p : auth.findChildren<QProcess *>())
        browsers << p;
    if (!QTest::qWaitFor(
            [&] {
                return std::all_of(browsers.begin(), browsers.end(),
                                   [](const QPointer<QProcess> &p) {
                                       return !p || p->state() == QProcess::NotRunning;
                                   });
            },
            30'000))
        qWarning("the browser did not finish within 30 s");
    return true;
}

/// The session stored in \a store (invalid when none).
inline Session storedSession(SecretStore *store, SecretResult *status = nullptr)
{
    Session out;
    bool done = false;
    SessionVault(store).load([&](const SecretResult &r, const Session &s) {
        out = s;
        if (status)
            *status = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 15'000))
        qWarning("the keychain did not answer within 15 s");
    return out;
}

inline bool storeSession(SecretStore *store, const Session &session)
{
    bool ok = false;
    bool done = false;
    SessionVault(store).save(session, [&](const SecretResult &r) {
        ok = r.ok();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 15'000))
        qWarning("the keychain did not answer within 15 s");
    return ok;
}

/// Waits until the API refuses \a session's access token by the clock: its
/// expiry plus the API's leeway (1 s) plus the whole-second rounding of `exp`.
inline bool waitUntilExpiredAtTheApi(const Session &session, int timeoutMs = 30'000)
{
    const QDateTime refusedFrom = session.accessTokenExpiry.addMSecs(1500);
    return QTest::qWaitFor([&] { return QDateTime::currentDateTimeUtc() > refusedFrom; },
                           timeoutMs);
}

/**
 * What the session tests (tst_session_refresh, tst_session_processes) run
 * against, once per test file: the provider with short-lived tokens (its grants
 * kept in m_providerState across restarts), the strict API server, and one
 * browser sign-in whose session lands in m_store. A test class derives from
 * it next to QObject and calls startSignedIn() / stopStack() from
 * initTestCase() / cleanupTestCase().
 */
class SignedInSessionStack
{
protected:
    /// Starts the stack and signs in on a fresh profile named \a profilePrefix-…;
    /// fails the calling test (initTestCase()) when any of it does not work.
    void startSignedIn(const QString &profilePrefix)
    {
        QVERIFY(m_providerState.isValid());
        QVERIFY(m_provider.start(shortLivedTokens(m_providerState.path())));
        QVERIFY(m_api.start(m_provider.issuer(), QStringLiteral("/api/v1"), strictApiArgs()));
        const QString profile = freshProfile(profilePrefix);
        m_config = stackConfig(m_provider.issuer(), m_api.url(), profile);
        m_store = std::make_unique<KeychainSecretStore>(SessionVault::serviceName(profile));
        QVERIFY(signInThroughBrowser(m_config, m_store.get()));
    }

    void stopStack()
    {
        m_api.stop();
        m_provider.stop();
    }

    /// One of the provider's counters (GET /__test/stats).
    int stat(const char *name) { return m_provider.stat(name); }

    QTemporaryDir m_providerState;
    TestProvider m_provider;
    TestApiServer m_api;
    Config m_config;
    std::unique_ptr<KeychainSecretStore> m_store;
};

/// The app's session objects (AuthController, SessionManager, ApiClient) as the
/// app builds them, restored from the keychain, talking through a RecordingNam.
struct RestoredApp
{
    RestoredApp(const Config &config, SecretStore *store)
        : auth(config, store, &nam), api(config.apiUrl(), auth.sessions(), &nam)
    {
        connectivity.follow(&api);
        auth.sessions()->followConnectivity(&connectivity);
    }
    /// As the app does on exit: a refresh under way stores its rotated token first.
    ~RestoredApp() { auth.sessions()->finishPendingWork(); }

    bool restore()
    {
        QSignalSpy done(&auth, &AuthController::restoreFinished);
        auth.restore();
        if (done.isEmpty() && !done.wait(15'000))
            return false;
        return auth.isSignedIn();
    }
    SessionManager *sessions() const { return auth.sessions(); }

    /// Token-endpoint requests made so far.
    QList<Exchange> tokenRequests(qint64 sinceMs = 0) const
    {
        QList<Exchange> out;
        for (const Exchange &e : nam.exchanges()) {
            if (e.sentMs >= sinceMs && e.method == "POST" &&
                e.url.path().endsWith(QLatin1String("/token")))
                out << e;
        }
        return out;
    }

    RecordingNam nam;
    AuthController auth;
    ApiClient api;
    Connectivity connectivity;
};

} // namespace clipshelf::test
