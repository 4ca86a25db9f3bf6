#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace clipshelf {

/**
 * One problem the app met, typed so that every layer — network, keychain,
 * provider, API, disk — can hand it up to the UI and the CLI without losing
 * what it was. A Problem keeps its kind and arguments, not a sentence: the
 * user text is built when it is read, so it follows the interface language.
 *
 * The technical detail is for logs and "details" views only and is always
 * redacted (no token, code, verifier or secret ever survives setDetail()).
 */
class Problem
{
    Q_GADGET

public:
    /// What went wrong, in the terms that decide what the person can do about it.
    enum class Kind {
        None,               ///< no problem
        NetworkUnreachable, ///< no connection, DNS, connection refused or reset
        Timeout,            ///< no answer in time
        TlsFailure,         ///< a certificate or transport-security refusal; never bypassed
        Redirected,         ///< sent to another origin; not followed (the token stays home)
        ProviderRefused, ///< the sign-in service refused the app (invalid_client, …): configuration
        ProviderError,   ///< the sign-in service's own trouble (5xx, an answer that makes no sense)
        SessionExpired,      ///< the sign-in service or the API ended the session
        SignedOut,           ///< nobody is signed in (or the person signed out)
        KeychainUnavailable, ///< no usable keychain: the session lives in memory only
        KeychainError,       ///< the keychain refused one read, write or delete
        InvalidInput,     ///< the service refused what was entered (field errors, too large, …)
        NotFound,         ///< it no longer exists
        Conflict,         ///< it conflicts with what is saved, or was changed elsewhere
        Forbidden,        ///< not allowed; signing in again does not help
        RateLimited,      ///< too many requests (see retryAfterSeconds())
        ServerError,      ///< the Clipshelf service's own trouble (5xx)
        StorageFailure,   ///< this computer could not store or read data (disk, database)
        UnexpectedAnswer, ///< an answer that is not what the contract says
    };
    Q_ENUM(Kind)

    /// How much it matters.
    enum class Severity { Info, Warning, Error };
    Q_ENUM(Severity)

    /// What the person can do about it.
    enum class Action {
        None,
        Retry,           ///< try again (now or after the wait)
        CheckConnection, ///< check the network connection
        SignIn,          ///< sign in again
        FixInput,        ///< correct what was entered
        Reload,          ///< reload to see the current state
        ContactAdmin,    ///< someone who runs the service has to fix it
        CheckStorage,    ///< free disk space or fix the data folder's permissions
    };
    Q_ENUM(Action)

    /// Which side it came from: names the party in the user text.
    enum class Source { Service, Provider, Keychain, Disk };
    Q_ENUM(Source)

    Problem() = default;
    explicit Problem(Kind kind, Source source = Source::Service);

    Kind kind() const { return m_kind; }
    Source source() const { return m_source; }
    bool isError() const { return m_kind != Kind::None; }

    /// One sentence for the person, in the current language (built on each call).
    QString userText() const;
    /// What to do, as a short imperative in the current language ("" for Action::None).
    QString actionText() const;
    Action action() const;
    Severity severity() const;
    /// True for kinds that stay until their cause is gone (offline, keychain, storage).
    bool isPersistent() const;

    /// Redacted technical detail (logs, a details view); never shown instead of userText().
    QString detail() const { return m_detail; }
    /// Stores \a detail with every secret-looking part redacted.
    Problem &setDetail(const QString &detail);
    /// The input field the problem is about ("" for none): an inline field error.
    QString field() const { return m_field; }
    Problem &setField(const QString &field);
    /// The other side's own words for the field or the refusal (shown as sent; may be "").
    QString serverMessage() const { return m_serverMessage; }
    Problem &setServerMessage(const QString &message);
    /// Seconds to wait before trying again (-1: not said).
    int retryAfterSeconds() const { return m_retryAfterSeconds; }
    Problem &setRetryAfterSeconds(int seconds);
    /// The HTTP status behind it (0: none).
    int httpStatus() const { return m_httpStatus; }
    Problem &setHttpStatus(int status);

    /// The kind's stable name ("TlsFailure"), for logs, QML and the CLI's --json.
    static QString kindName(Kind kind);
    /// Every kind, None included, in declaration order (tests walk it).
    static QList<Kind> allKinds();

    friend bool operator==(const Problem &, const Problem &) = default;

private:
    Kind m_kind = Kind::None;
    Source m_source = Source::Service;
    QString m_detail;
    QString m_field;
    QString m_serverMessage;
    int m_retryAfterSeconds = -1;
    int m_httpStatus = 0;
};

} // namespace clipshelf

Q_DECLARE_METATYPE(clipshelf::Problem)
