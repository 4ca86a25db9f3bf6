#include "authcommands.h"

#include "clicontext.h"

#include <QJsonObject>
#include <QProcess>

namespace clipshelf::cli {

namespace {

QJsonObject userJson(const AuthController &auth)
{
    const UserProfile &p = auth.session().profile;
    return {{QStringLiteral("sub"), p.subject},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("email"), p.email},
            {QStringLiteral("issuer"), p.issuer}};
}

QString signedInLine(const AuthController &auth)
{
    const UserProfile &p = auth.session().profile;
    return p.email.isEmpty() || p.email == p.name
               ? QStringLiteral("Signed in as %1").arg(p.name)
               : QStringLiteral("Signed in as %1 <%2>").arg(p.name, p.email);
}

} // namespace

/// The exit code of a failed sign-in (docs/cli.md: 4 unreachable, 5 the provider's trouble),
/// through the Problem table of exitcodes.h.
int exitCodeFor(SignInFlow::Failure failure)
{
    switch (failure) {
    case SignInFlow::Failure::Unreachable:
        return exitCodeFor(Problem::Kind::NetworkUnreachable);
    case SignInFlow::Failure::ServerError:
        return exitCodeFor(Problem::Kind::ProviderError);
    case SignInFlow::Failure::Other:
        break;
    }
    return exitCodeFor(Problem::Kind::ProviderRefused);
}

void runLogin(CliContext &ctx, bool noBrowser)
{
    ctx.restoreSession([&ctx, noBrowser] {
        AuthController *auth = ctx.auth;
        if (auth->isSignedIn()) {
            ctx.out(signedInLine(*auth) + QStringLiteral(" (already)"));
            ctx.finish(Ok);
            return;
        }
        const QString missing = ctx.config.missingForSignIn();
        if (!missing.isEmpty()) {
            ctx.fail(Usage, missing);
            return;
        }
        auth->setOpensBrowser(!noBrowser);
        auto printLink = [&ctx, auth] {
            ctx.out(QStringLiteral("Open this link in a browser to sign in:\n%1")
                        .arg(auth->authorizationUrl().toString(QUrl::FullyEncoded)));
        };
        // The browser could not be opened: say so at once and go on waiting for the link opened by
        // hand.
        QObject::connect(
            auth, &AuthController::browserLaunchFailed, auth, [&ctx, printLink](const QString &) {
                const QString browser =
                    ctx.config.browserCommand().isEmpty()
                        ? QStringLiteral("the system browser")
                        : QStringLiteral("\"%1\"").arg(
                              QProcess::splitCommand(ctx.config.browserCommand()).value(0));
                ctx.error(QStringLiteral("The browser (%1) could not be opened; open the link "
                                         "below by hand (waiting up "
                                         "to 5 minutes).")
                              .arg(browser));
                printLink();
            });
        QObject::connect(
            auth, &AuthController::authorizationUrlChanged, auth,
            [&ctx, auth, noBrowser, printLink] {
                if (auth->authorizationUrl().isEmpty() || auth->browserFailed())
                    return;
                if (noBrowser)
                    printLink();
                else
                    ctx.error(QStringLiteral(
                        "Finish signing in in your browser (waiting up to 5 minutes)."));
            });
        QObject::connect(auth, &AuthController::stateChanged, auth, [&ctx, auth] {
            if (auth->state() == AuthController::SignedIn) {
                ctx.warnAboutKeychain();
                if (const QString notice = AuthController::noRefreshTokenNotice(auth->session());
                    !notice.isEmpty())
                    ctx.error(notice);
                if (ctx.json)
                    ctx.printJson(userJson(*auth));
                else
                    ctx.out(signedInLine(*auth));
                ctx.finish(Ok);
            } else if (auth->state() == AuthController::SignedOut) {
                const QString why = auth->errorMessage();
                ctx.error(why.isEmpty() ? QStringLiteral("Sign-in was cancelled.") : why);
                ctx.finish(why.isEmpty() ? OtherError : exitCodeFor(auth->signInFailure()));
            }
        });
        auth->signIn();
    });
}

void runLogout(CliContext &ctx, bool forget)
{
    ctx.restoreSession([&ctx, forget] {
        AuthController *auth = ctx.auth;
        if (!auth->isSignedIn()) {
            ctx.out(QStringLiteral("Not signed in."));
            ctx.finish(Ok);
            return;
        }
        QObject::connect(auth, &AuthController::signOutFinished, auth, [&ctx, auth] {
            if (!auth->errorMessage().isEmpty()) {
                ctx.error(auth->errorMessage());
                ctx.finish(OtherError);
                return;
            }
            ctx.out(QStringLiteral("Signed out."));
            if (!auth->signOutNotice().isEmpty())
                ctx.out(auth->signOutNotice());
            if (!auth->isSigningOutAtProvider()) {
                ctx.finish(Ok);
                return;
            }
            // The local page the provider's sign-out returns to lives as long as this process.
            QObject::connect(auth, &AuthController::providerSignOutFinished, auth,
                             [&ctx, auth](bool) {
                                 ctx.out(auth->signOutNotice());
                                 ctx.finish(Ok);
                             });
        });
        if (forget)
            auth->signOutAndForget();
        else
            auth->signOut();
    });
}

void runStatus(CliContext &ctx)
{
    ctx.restoreSession([&ctx] {
        const AuthController &auth = *ctx.auth;
        const Session &s = auth.session();
        if (ctx.json) {
            QJsonObject o{{QStringLiteral("signed_in"), auth.isSignedIn()},
                          {QStringLiteral("profile"), ctx.config.profile()},
                          {QStringLiteral("session_storage"), auth.isSessionInMemoryOnly()
                                                                  ? QStringLiteral("memory")
                                                                  : QStringLiteral("keychain")}};
            if (auth.isSignedIn()) {
                o.insert(QStringLiteral("user"), userJson(auth));
                o.insert(QStringLiteral("access_token_expires_at"),
                         s.accessTokenExpiry.toUTC().toString(Qt::ISODate));
                o.insert(QStringLiteral("refresh_token_present"), s.hasRefreshToken());
            }
            ctx.printJson(o);
        } else if (auth.isSignedIn()) {
            ctx.out(signedInLine(auth));
            ctx.out(QStringLiteral("Profile: %1").arg(ctx.config.profile()));
            ctx.out(QStringLiteral("Access token expires: %1")
                        .arg(s.accessTokenExpiry.isValid()
                                 ? s.accessTokenExpiry.toUTC().toString(Qt::ISODate)
                                 : QStringLiteral("unknown")));
            ctx.out(QStringLiteral("Refresh token: %1")
                        .arg(s.hasRefreshToken() ? "present" : "absent"));
        } else {
            ctx.out(QStringLiteral("Not signed in (profile %1). Run `clipshelf-cli login`.")
                        .arg(ctx.config.profile()));
        }
        ctx.finish(auth.isSignedIn() ? Ok : NotSignedIn);
    });
}

void runWhoami(CliContext &ctx)
{
    ctx.restoreSession([&ctx] {
        const AuthController &auth = *ctx.auth;
        if (!auth.isSignedIn()) {
            ctx.error(QStringLiteral("Not signed in. Run `clipshelf-cli login` first."));
            ctx.finish(NotSignedIn);
            return;
        }
        if (ctx.json) {
            ctx.printJson(userJson(auth));
        } else {
            const UserProfile &p = auth.session().profile;
            ctx.printTable({{QStringLiteral("Name"), p.name},
                            {QStringLiteral("Email"), p.email},
                            {QStringLiteral("Subject"), p.subject},
                            {QStringLiteral("Issuer"), p.issuer}});
        }
        ctx.finish(Ok);
    });
}

QList<CommandSpec> authCommands()
{
    return {
        {{QStringLiteral("login")},
         QStringLiteral("Sign in through the browser."),
         QStringLiteral("Opens the system browser, or runs the command given with --browser (the "
                        "sign-in link is "
                        "its last argument), and waits up to 5 minutes for the sign-in to finish. "
                        "With --no-browser "
                        "the link is printed instead, to open on any browser on this computer.\n"
                        "\nExample:\n  clipshelf-cli login --no-browser"),
         {},
         {QCommandLineOption(
             QStringLiteral("no-browser"),
             QStringLiteral("Print the sign-in link instead of opening a browser, then wait."))},
         0,
         0,
         [](CliContext &ctx) { runLogin(ctx, ctx.isSet(QStringLiteral("no-browser"))); }},
        {{QStringLiteral("logout")},
         QStringLiteral("Forget this computer's session and revoke it at the provider."),
         QStringLiteral("With --forget, also opens the provider's sign-out page in the browser "
                        "(where the provider "
                        "offers one), so that the browser is signed out there too and the next "
                        "sign-in asks for the "
                        "password again; waits up to 2 minutes for the browser to come back."),
         {},
         {QCommandLineOption(QStringLiteral("forget"),
                             QStringLiteral("Also sign out at the provider in the browser."))},
         0,
         0,
         [](CliContext &ctx) { runLogout(ctx, ctx.isSet(QStringLiteral("forget"))); }},
        {{QStringLiteral("status")},
         QStringLiteral("Whether you are signed in, and until when (exit code 3 when not)."),
         {},
         {},
         {},
         0,
         0,
         runStatus},
        {{QStringLiteral("whoami")},
         QStringLiteral("Who is signed in."),
         {},
         {},
         {},
         0,
         0,
         runWhoami},
    };
}

} // namespace clipshelf::cli
