#!/usr/bin/env bash
# The format check finds a planted badly formatted file and passes its fix.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "format selftest: $*" >&2; exit 1; }

cp "$here/../../.clang-format" "$work/"
mkdir -p "$work/src/core" "$work/app" "$work/qml" "$work/bench" "$work/tests"
printf 'int  answer( ) {return 42;}\n' > "$work/src/core/planted.cpp"
set +e
"$here/format-check.sh" "$work" > "$work/out" 2>&1
rc=$?
set -e
cat "$work/out"
[ $rc -ne 77 ] || exit 77
[ $rc -eq 1 ] || fail "exited $rc on a badly formatted file (expected 1)"
grep -q '^src/core/planted.cpp: not formatted' "$work/out" || fail "the planted file was not named"

clang-format-14 -i --style=file "$work/src/core/planted.cpp"
"$here/format-check.sh" "$work" > "$work/out" 2>&1 || { cat "$work/out"; fail "still fails once formatted"; }
echo "format selftest: the planted file is caught, and passes once formatted"
