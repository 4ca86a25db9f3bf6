#include "signinbench.h"

#include "auth/authcontroller.h"
#include "benchclock.h"
#include "benchcontext.h"
#include "samples.h"

#include <algorithm>
#include <QJsonArray>
#include <QProcess>

namespace clipshelf::bench {

namespace {
constexpr int kSignInTimeoutMs = 90'000;
}

QJsonObject runSignInBench(BenchContext &context, int repetitions)
{
    Samples total, token, userinfo, keychainWrite, completion;
    QString subject;
    for (int rep = 0; rep < repetitions; ++rep) {
        AuthController auth(context.config(), context.timedKeychain(), context.network());
        qint64 callbackNs = -1;
        qint64 signedInNs = -1;
        QObject::connect(&auth, &AuthController::stateChanged, &auth, [&] {
            if (auth.state() == AuthController::CompletingSignIn)
                callbackNs = monotonicNs();
            else if (auth.state() == AuthController::SignedIn)
                signedInNs = monotonicNs();
        });
        auth.signIn();
        const bool ok = BenchContext::waitUntil(
            [&] {
                return auth.state() == AuthController::SignedIn ||
                       (auth.state() == AuthController::SignedOut &&
                        !auth.errorMessage().isEmpty());
            },
            kSignInTimeoutMs);
        if (!ok || signedInNs < 0 || callbackNs < 0)
            return {{"error", QStringLiteral("sign-in %1 did not complete: %2")
                                  .arg(rep + 1)
                                  .arg(auth.errorMessage().isEmpty() ? QStringLiteral("timed out")
                                                                     : auth.errorMessage())}};
        // Let the test browser close by itself (it is the controller's child process).
        BenchContext::waitUntil(
            [&] {
                const auto browsers = auth.findChildren<QProcess *>();
                return std::none_of(browsers.begin(), browsers.end(),
                                    [](QProcess *p) { return p->state() != QProcess::NotRunning; });
            },
            30'000);
        subject = auth.session().profile.subject;
        const double totalMs = msBetween(callbackNs, signedInNs);
        const double tokenMs = context.network()->totalMs(QStringLiteral("/token"), callbackNs);
        total.add(totalMs);
        token.add(tokenMs);
        userinfo.add(context.network()->totalMs(QStringLiteral("/me"), callbackNs));
        keychainWrite.add(context.timedKeychain()->writeMsSince(callbackNs));
        completion.add(totalMs - tokenMs);
    }
    return {
        {"repetitions", repetitions},
        {"subject", subject},
        {"callback_to_signed_in_ms", total.median()},
        {"token_endpoint_ms", token.median()},
        {"userinfo_ms", userinfo.median()},
        {"keychain_write_ms", keychainWrite.median()},
        {"completion_ms", completion.median()},
        {"completion_samples_ms", completion.toJson()},
    };
}

} // namespace clipshelf::bench
