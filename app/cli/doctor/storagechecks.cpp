#include "storagechecks.h"

#include "auth/authcontroller.h"
#include "auth/sessionvault.h"
#include "storage/keychainsecretstore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>

namespace clipshelf::cli::doctor {

namespace {

const QString kKeychain = QStringLiteral("keychain");
const QString kSession = QStringLiteral("session");
const QString kProbeKey = QStringLiteral("probe");

QString keychainFix(SecretResult::Status status)
{
    switch (status) {
    case SecretResult::Status::NoBackend:
        return QStringLiteral("Install and start a Secret Service (gnome-keyring or KWallet) in "
                              "your desktop session; "
                              "until then a sign-in lasts only while Clipshelf runs.");
    case SecretResult::Status::Locked:
        return QStringLiteral("Unlock the keychain (log in to the desktop session, or unlock it in "
                              "Passwords and Keys).");
    default:
        return QStringLiteral("Check the keychain in your desktop's password manager; run with "
                              "--verbose for details.");
    }
}

} // namespace

KeychainCheck::KeychainCheck(const DoctorEnv &env, QObject *parent) : DoctorCheck(env, parent) {}

KeychainCheck::~KeychainCheck() = default;

QString KeychainCheck::probeServiceName(const QString &profile)
{
    return SessionVault::serviceName(profile) + QStringLiteral("/doctor-probe");
}

QList<CheckResult> KeychainCheck::timedOut() const
{
    return {CheckResult::fail(
        kKeychain, QStringLiteral("The keychain did not answer within 5 seconds."),
        QStringLiteral(
            "Unlock the keychain (a password prompt may be waiting), then run doctor again."))};
}

void KeychainCheck::failWith(const QString &step, const SecretResult &result)
{
    report({CheckResult::fail(kKeychain,
                              result.message.isEmpty()
                                  ? QStringLiteral("The keychain refused to %1 an entry.").arg(step)
                                  : result.message,
                              keychainFix(result.status))});
}

void KeychainCheck::start()
{
    m_store = std::make_unique<KeychainSecretStore>(probeServiceName(env().config.profile()));
    const QByteArray probe = QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    SecretStore *store = m_store.get();
    store->write(kProbeKey, probe, [this, store, probe, timer](const SecretResult &written) {
        if (!written.ok()) {
            failWith(QStringLiteral("write"), written);
            return;
        }
        store->read(kProbeKey, [this, store, probe, timer](const SecretResult &read,
                                                           const QByteArray &value) {
            if (!read.ok() || value != probe) {
                store->remove(kProbeKey, [](const SecretResult &) {});
                if (!read.ok())
                    failWith(QStringLiteral("read"), read);
                else
                    report({CheckResult::fail(
                        kKeychain,
                        QStringLiteral("The keychain returned something else than was stored."),
                        keychainFix(SecretResult::Status::Error))});
                return;
            }
            store->remove(kProbeKey, [this, store, timer](const SecretResult &removed) {
                if (!removed.ok()) {
                    failWith(QStringLiteral("delete"), removed);
                    return;
                }
                report({CheckResult::ok(
                    kKeychain,
                    QStringLiteral("%1 works: wrote, read and deleted a probe entry (%2 ms).")
                        .arg(store->backendName())
                        .arg(timer->elapsed()))});
            });
        });
    });
}

QList<CheckResult> SessionCheck::timedOut() const
{
    return {CheckResult::warn(
        kSession, QStringLiteral("The stored session could not be read within 5 seconds."),
        QStringLiteral("See the keychain check."))};
}

void SessionCheck::start()
{
    AuthController *auth = env().auth;
    connect(auth, &AuthController::restoreFinished, this, &SessionCheck::evaluate,
            Qt::SingleShotConnection);
    auth->restore();
}

void SessionCheck::evaluate()
{
    const AuthController &auth = *env().auth;
    const QString profile = env().config.profile();
    if (!auth.isSignedIn()) {
        const QString why =
            auth.isSessionInMemoryOnly()
                ? QStringLiteral(" (no session can be stored: see the keychain check)")
                : QString();
        report({CheckResult::warn(
            kSession, QStringLiteral("Not signed in with profile \"%1\"%2.").arg(profile, why),
            QStringLiteral("Run `clipshelf-cli login`."))});
        return;
    }
    const Session &s = auth.session();
    const QString who = s.profile.email.isEmpty() || s.profile.email == s.profile.name
                            ? s.profile.name
                            : QStringLiteral("%1 <%2>").arg(s.profile.name, s.profile.email);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString expiry = QStringLiteral("access token expiry unknown");
    if (s.accessTokenExpiry.isValid()) {
        const qint64 left = now.secsTo(s.accessTokenExpiry);
        expiry =
            left > 0
                ? QStringLiteral("access token valid until %1 (%2 min left)")
                      .arg(s.accessTokenExpiry.toString(Qt::ISODate))
                      .arg((left + 59) / 60)
                : QStringLiteral("access token expired at %1 (it is renewed on the next request)")
                      .arg(s.accessTokenExpiry.toString(Qt::ISODate));
    }
    const QString summary =
        QStringLiteral("Signed in as %1 (profile \"%2\"); %3; refresh token %4.")
            .arg(who, profile, expiry,
                 s.hasRefreshToken() ? QStringLiteral("present") : QStringLiteral("absent"));
    if (!s.hasRefreshToken()) {
        // What makes the known providers grant one (docs/providers.md).
        const QString issuer = env().config.issuer();
        QString fix;
        if (issuer.contains(QLatin1String("accounts.google.com")))
            fix = QStringLiteral(
                "Google grants refresh tokens only with auth-param access_type=offline and "
                "prompt=consent: add both, then sign in again (docs/providers.md).");
        else if (issuer.contains(QLatin1String("clerk")))
            fix = QStringLiteral("Enable the offline_access scope in Clerk's OAuth application and "
                                 "add it to scopes, "
                                 "then sign in again (docs/providers.md).");
        else
            fix = QStringLiteral(
                "Add offline_access to scopes; providers built on oidc-provider or Better Auth "
                "also "
                "need auth-param prompt=consent. Then sign in again (docs/providers.md).");
        report({CheckResult::warn(
            kSession,
            summary +
                QStringLiteral(" You will need to sign in again when the access token expires: the "
                               "provider did not allow staying signed in."),
            fix)});
    } else
        report({CheckResult::ok(kSession, summary)});
}

} // namespace clipshelf::cli::doctor
