#include "authcommands.h"

#include "clicontext.h"

#include <QJsonObject>

namespace clipshelf::cli {

namespace {

QJsonObject userJson(const AuthController &auth)
{
    const UserProfile &p = auth.session().profile;
    return {{QStringLiteral("sub"), p.subject}, {QStringLiteral("name"), p.name},
            {QStringLiteral("email"), p.email}, {QStringLiteral("issuer"), p.issuer}};
}

QString signedInLine(const AuthController &auth)
{
    const UserProfile &p = auth.session().profile;
    return p.email.isEmpty() || p.email == p.name ? QStringLiteral("Signed in as %1").arg(p.name)
                                                  : QStringLiteral("Signed in as %1 <%2>").arg(p.name, p.email);
}

} // namespace

void runLogin(CliContext &ctx, bool noBrowser)
{
    ctx.restoreSession([&ctx, noBrowser] {
        AuthController *auth = ctx.auth.get();
        if (auth->isSignedIn()) {
            ctx.out(signedInLine(*auth) + QStringLiteral(" (already)"));
            ctx.finish(Ok);
            return;
        }
        const QString missing = ctx.config.missingForSignIn();
        if (!missing.isEmpty()) {
            ctx.error(missing);
            ctx.finish(OtherError);
            return;
        }
        auth->setOpensBrowser(!noBrowser);
        QObject::connect(auth, &AuthController::authorizationUrlChanged, auth, [&ctx, auth, noBrowser] {
            if (auth->authorizationUrl().isEmpty())
                return;
            if (noBrowser)
                ctx.out(QStringLiteral("Open this link in a browser to sign in:\n%1")
                            .arg(auth->authorizationUrl().toString(QUrl::FullyEncoded)));
            else
                ctx.error(QStringLiteral("Finish signing in in your browser (waiting up to 5 minutes)."));
        });
        QObject::connect(auth, &AuthController::stateChanged, auth, [&ctx, auth] {
            if (auth->state() == AuthController::SignedIn) {
                if (!auth->keychainWarning().isEmpty())
                    ctx.error(auth->keychainWarning());
                if (ctx.json)
                    ctx.printJson(userJson(*auth));
                else
                    ctx.out(signedInLine(*auth));
                ctx.finish(Ok);
            } else if (auth->state() == AuthController::SignedOut) {
                const QString why = auth->errorMessage();
                ctx.error(why.isEmpty() ? QStringLiteral("Sign-in was cancelled.") : why);
                ctx.finish(why.contains(QLatin1String("could not reach")) ? Unreachable : OtherError);
            }
        });
        auth->signIn();
    });
}

void runLogout(CliContext &ctx)
{
    ctx.restoreSession([&ctx] {
        AuthController *auth = ctx.auth.get();
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
            ctx.finish(Ok);
        });
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
                          {QStringLiteral("session_storage"),
                           auth.isSessionInMemoryOnly() ? QStringLiteral("memory") : QStringLiteral("keychain")}};
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
                        .arg(s.accessTokenExpiry.isValid() ? s.accessTokenExpiry.toUTC().toString(Qt::ISODate)
                                                           : QStringLiteral("unknown")));
            ctx.out(QStringLiteral("Refresh token: %1").arg(s.hasRefreshToken() ? "present" : "absent"));
        } else {
            ctx.out(QStringLiteral("Not signed in (profile %1). Run `clipshelf-cli login`.").arg(ctx.config.profile()));
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
         QStringLiteral("Opens the system browser, or runs the command given with --browser (the sign-in link is "
                        "its last argument), and waits up to 5 minutes for the sign-in to finish. With --no-browser "
                        "the link is printed instead, to open on any browser on this computer.\n"
                        "\nExample:\n  clipshelf-cli login --no-browser"),
         {},
         {QCommandLineOption(QStringLiteral("no-browser"),
                             QStringLiteral("Print the sign-in link instead of opening a browser, then wait."))},
         0, 0, [](CliContext &ctx) { runLogin(ctx, ctx.isSet(QStringLiteral("no-browser"))); }},
        {{QStringLiteral("logout")},
         QStringLiteral("Forget this computer's session and revoke it at the provider."), {}, {}, {}, 0, 0, runLogout},
        {{QStringLiteral("status")},
         QStringLiteral("Whether you are signed in, and until when (exit code 3 when not)."), {}, {}, {}, 0, 0, runStatus},
        {{QStringLiteral("whoami")}, QStringLiteral("Who is signed in."), {}, {}, {}, 0, 0, runWhoami},
    };
}

} // namespace clipshelf::cli
