#pragma once

namespace clipshelf::cli {

/// clipshelf-cli's exit codes (documented in --help and the README).
enum ExitCode : int {
    Ok = 0,
    OtherError = 1,
    Usage = 2,
    NotSignedIn = 3,    ///< not signed in, or the session has ended
    Unreachable = 4,    ///< network error, or the provider/service is unreachable
    ServerError = 5,
    NotFound = 6,
    Conflict = 7,
};

} // namespace clipshelf::cli
