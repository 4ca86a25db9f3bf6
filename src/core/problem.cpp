#include "core/problem.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QMetaEnum>

namespace clipshelf {

namespace {

/// lupdate files these under the class whose members call them: clipshelf::Problem.
QString tr(const char *text, const char *comment = nullptr, int n = -1)
{
    return QCoreApplication::translate("clipshelf::Problem", text, comment, n);
}

/// The party a transport problem happened with, for the user text.
bool fromProvider(Problem::Source source)
{
    return source == Problem::Source::Provider;
}

} // namespace

Problem::Problem(Kind kind, Source source) : m_kind(kind), m_source(source) {}

Problem &Problem::setDetail(const QString &detail)
{
    m_detail = logging::redactText(detail);
    return *this;
}

Problem &Problem::setField(const QString &field)
{
    m_field = field;
    return *this;
}

Problem &Problem::setServerMessage(const QString &message)
{
    // Another side's words can quote what was sent: redacted like the detail.
    m_serverMessage = logging::redactText(message.trimmed());
    return *this;
}

Problem &Problem::setRetryAfterSeconds(int seconds)
{
    m_retryAfterSeconds = seconds;
    return *this;
}

Problem &Problem::setHttpStatus(int status)
{
    m_httpStatus = status;
    return *this;
}

QString Problem::userText() const
{
    const bool provider = fromProvider(m_source);
    switch (m_kind) {
    case Kind::None:
        return {};
    case Kind::NetworkUnreachable:
        return provider ? tr("The sign-in service could not be reached; you may be offline.")
                        : tr("The Clipshelf service could not be reached; you may be offline.");
    case Kind::Timeout:
        return provider ? tr("The sign-in service did not answer in time.")
                        : tr("The Clipshelf service did not answer in time.");
    case Kind::TlsFailure:
        return provider ? tr("The sign-in service’s certificate could not be verified, so "
                             "Clipshelf did not "
                             "connect to it.")
                        : tr("The Clipshelf service’s certificate could not be verified, so "
                             "Clipshelf did not "
                             "connect to it.");
    case Kind::Redirected:
        return tr(
            "The Clipshelf service sent Clipshelf to another address, which it did not follow.");
    case Kind::ProviderRefused:
        return tr("The sign-in service refused Clipshelf; its setup needs checking.");
    case Kind::ProviderError:
        return tr("The sign-in service is having trouble.");
    case Kind::SessionExpired:
        return tr("Your session has ended — please sign in again.");
    case Kind::SignedOut:
        return tr("You are not signed in.");
    case Kind::KeychainUnavailable:
        return tr("No keychain can be used, so your sign-in is kept only until Clipshelf closes.");
    case Kind::KeychainError:
        return tr("The keychain could not be used just now.");
    case Kind::InvalidInput:
        return m_serverMessage.isEmpty() ? tr("Some of what you entered was not accepted.")
                                         : m_serverMessage;
    case Kind::NotFound:
        return tr("It no longer exists — it may have been deleted elsewhere.");
    case Kind::Conflict:
        return tr("It was changed elsewhere in the meantime.");
    case Kind::Forbidden:
        return tr("You are not allowed to do that.");
    case Kind::RateLimited:
        return m_retryAfterSeconds > 0 ? tr("Too many requests — please try again in %n seconds.",
                                            nullptr, m_retryAfterSeconds)
                                       : tr("Too many requests — please wait a moment.");
    case Kind::ServerError:
        return m_retryAfterSeconds > 0
                   ? tr("The Clipshelf service is busy — please try again in %n seconds.", nullptr,
                        m_retryAfterSeconds)
                   : tr("The Clipshelf service is having trouble.");
    case Kind::StorageFailure:
        return tr("This computer could not store Clipshelf’s data.");
    case Kind::UnexpectedAnswer:
        return provider ? tr("The sign-in service sent an answer Clipshelf does not understand.")
                        : tr("The Clipshelf service sent an answer Clipshelf does not understand.");
    }
    return {};
}

Problem::Action Problem::action() const
{
    switch (m_kind) {
    case Kind::None:
        return Action::None;
    case Kind::NetworkUnreachable:
        return Action::CheckConnection;
    case Kind::Timeout:
    case Kind::RateLimited:
    case Kind::ServerError:
    case Kind::ProviderError:
    case Kind::KeychainError:
        return Action::Retry;
    case Kind::TlsFailure:
    case Kind::Redirected:
    case Kind::ProviderRefused:
    case Kind::UnexpectedAnswer:
    case Kind::Forbidden:
        return Action::ContactAdmin;
    case Kind::SessionExpired:
    case Kind::SignedOut:
        return Action::SignIn;
    case Kind::KeychainUnavailable:
    case Kind::StorageFailure:
        return Action::CheckStorage;
    case Kind::InvalidInput:
        return Action::FixInput;
    case Kind::NotFound:
    case Kind::Conflict:
        return Action::Reload;
    }
    return Action::None;
}

QString Problem::actionText() const
{
    switch (action()) {
    case Action::None:
        return {};
    case Action::Retry:
        return tr("Try again");
    case Action::CheckConnection:
        return tr("Check your connection");
    case Action::SignIn:
        return tr("Sign in");
    case Action::FixInput:
        return tr("Correct the entry");
    case Action::Reload:
        return tr("Reload");
    case Action::ContactAdmin:
        return tr("Ask whoever runs the service");
    case Action::CheckStorage:
        return m_kind == Kind::KeychainUnavailable ? tr("Set up a keychain") : tr("Check the disk");
    }
    return {};
}

Problem::Severity Problem::severity() const
{
    switch (m_kind) {
    case Kind::None:
        return Severity::Info;
    case Kind::NetworkUnreachable:
    case Kind::Timeout:
    case Kind::RateLimited:
    case Kind::KeychainUnavailable:
    case Kind::SignedOut:
    case Kind::Conflict:
    case Kind::NotFound:
        return Severity::Warning;
    default:
        return Severity::Error;
    }
}

bool Problem::isPersistent() const
{
    return m_kind == Kind::NetworkUnreachable || m_kind == Kind::KeychainUnavailable ||
           m_kind == Kind::StorageFailure || m_kind == Kind::TlsFailure ||
           m_kind == Kind::SessionExpired;
}

QString Problem::kindName(Kind kind)
{
    return QString::fromLatin1(QMetaEnum::fromType<Kind>().valueToKey(int(kind)));
}

QList<Problem::Kind> Problem::allKinds()
{
    const QMetaEnum e = QMetaEnum::fromType<Kind>();
    QList<Kind> kinds;
    for (int i = 0; i < e.keyCount(); ++i)
        kinds << Kind(e.value(i));
    return kinds;
}

} // namespace clipshelf
