#pragma once

#include <QByteArray>
#include <QString>

namespace clipshelf::callbackrequest {

/// What the loopback listener expects of the callback of the current sign-in.
struct Expectation
{
    QByteArray state;            ///< the state this attempt sent; empty: every callback is refused
    QString issuer;              ///< RFC 9207: the iss a callback must carry (when it carries one)
    bool issuerRequired = false; ///< iss must be present (the provider advertises it)
    bool consumed = false;       ///< the state has been used once already
};

/// What one request head means for the sign-in waiting on the loopback listener.
struct Decision
{
    enum class Kind {
        BadRequest,       ///< not an HTTP/1.x request line: 400
        MethodNotAllowed, ///< not GET: 405
        NotFound,         ///< not /callback: 404
        UnknownSignIn,    ///< no, wrong, duplicated or used state: 400, the attempt goes on
        // From here on the callback belongs to the attempt (its state matched).
        WrongIssuer,   ///< iss names another provider, or is missing though required
        ProviderError, ///< the provider sent error=…
        NoCode,        ///< neither a code nor an error
        BadCode,       ///< the code has characters that are not allowed in one
        Code,          ///< the authorization code
    };
    Kind kind = Kind::BadRequest;
    QString code;   ///< Code: the authorization code (visible ASCII)
    QString issuer; ///< WrongIssuer: the iss as sent (empty when none)
    QString error;  ///< ProviderError: the error code, plain text of at most 64 characters
    QString errorDescription; ///< ProviderError: the description, plain text (may be empty)

    /// True when the callback carries this attempt's state (which it then uses up).
    bool matchesState() const { return kind >= Kind::WrongIssuer; }
    /// The HTTP status of the answer to a refused request (0 for a callback of the attempt).
    int refusalStatus() const;
};

/// Decides what the request \a head (up to, not including, the blank line) means; pure.
Decision decide(const QByteArray &head, const Expectation &expect);

} // namespace clipshelf::callbackrequest
