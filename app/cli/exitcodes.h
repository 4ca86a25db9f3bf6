#pragma once

#include "core/problem.h"

#include <array>
#include <utility>

namespace clipshelf::cli {

/// clipshelf-cli's exit codes (documented in --help and the README).
enum ExitCode : int {
    Ok = 0,
    OtherError = 1,
    Usage = 2,
    NotSignedIn = 3, ///< not signed in, or the session has ended
    Unreachable = 4, ///< network error, or the provider/service is unreachable
    ServerError = 5,
    NotFound = 6,
    Conflict = 7,
};

/// The one table from a Problem's kind to the exit code: every kind has exactly
/// one row (tst_cliexitcodes walks Problem::Kind and fails on a kind without one).
inline constexpr std::array<std::pair<Problem::Kind, ExitCode>, 19> kExitCodeOfProblem{{
    {Problem::Kind::None, Ok},
    {Problem::Kind::NetworkUnreachable, Unreachable},
    {Problem::Kind::Timeout, Unreachable},
    {Problem::Kind::TlsFailure, Unreachable},
    {Problem::Kind::Redirected, Unreachable},
    {Problem::Kind::ProviderRefused, OtherError},
    {Problem::Kind::ProviderError, ServerError},
    {Problem::Kind::SessionExpired, NotSignedIn},
    {Problem::Kind::SignedOut, NotSignedIn},
    {Problem::Kind::KeychainUnavailable, OtherError},
    {Problem::Kind::KeychainError, OtherError},
    {Problem::Kind::InvalidInput, OtherError},
    {Problem::Kind::NotFound, NotFound},
    {Problem::Kind::Conflict, Conflict},
    {Problem::Kind::Forbidden, OtherError},
    {Problem::Kind::RateLimited, ServerError},
    {Problem::Kind::ServerError, ServerError},
    {Problem::Kind::StorageFailure, OtherError},
    {Problem::Kind::UnexpectedAnswer, ServerError},
}};

/// The exit code for a problem of \a kind (OtherError for a kind missing from the table).
constexpr int exitCodeFor(Problem::Kind kind)
{
    for (const auto &[k, code] : kExitCodeOfProblem) {
        if (k == kind)
            return code;
    }
    return OtherError;
}

} // namespace clipshelf::cli
