#!/usr/bin/env bash
# tests/portability/check-release-sources.sh SOURCE_DIR
# What packagers configure must build on Windows and macOS too: configures
#  1. the release preset, as it is (packagers' builds), and
#  2. a plain configure with only -DBUILD_TESTING=OFF (what distributions do),
# each into a temporary folder, and checks from compile_commands.json that
# neither compiles a test, a benchmark or a unix-only source, and that every
# source it compiles keeps POSIX-only code inside Q_OS_UNIX guards
# (posix_check.py). Configures only; builds nothing (a few seconds each).
set -euo pipefail
root=$(cd "${1:?usage: check-release-sources.sh SOURCE_DIR}" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"

status=0
check() { # name, configure arguments...
    local name=$1
    shift
    local dir="$work/$name"
    if ! cmake "$@" -B "$dir" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >"$work/$name.log" 2>&1; then
        cat "$work/$name.log" >&2
        echo "check-release-sources: $name: configure failed" >&2
        status=1
        return
    fi
    for option in BUILD_TESTING CLIPSHELF_BUILD_BENCH; do
        if ! grep -qx "$option:BOOL=OFF" "$dir/CMakeCache.txt"; then
            echo "check-release-sources: $name: $option is not OFF ($(grep "^$option:" "$dir/CMakeCache.txt" || echo unset))"
            status=1
        fi
    done
    echo "== $name"
    python3 "$here/posix_check.py" compiled "$root" "$dir/compile_commands.json" || status=1
}

check release-preset --preset release
check plain-no-testing -S "$root" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
exit $status
