#!/usr/bin/env bash
# The portability checks must catch planted violations (testdata/planted) and
# name each by file:line, and pass guarded code; otherwise they prove nothing.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fixture="$here/testdata/planted"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "portability selftest: $*" >&2; exit 1; }

# 1. Guard check: exactly the lines marked EXPECT, nothing that is guarded.
set +e
python3 "$here/posix_check.py" guards "$fixture" >"$work/guards.out" 2>&1
rc=$?
set -e
cat "$work/guards.out"
[ $rc -eq 1 ] || fail "the guard check exited $rc on planted violations (expected 1)"
expected=$(cd "$fixture" && grep -rn 'EXPECT' --include='*.cpp' src bench | cut -d: -f1,2 | sort)
reported=$(grep -E '^[a-z].*:[0-9]+: ' "$work/guards.out" | cut -d: -f1,2 | sort -u)
[ "$expected" = "$reported" ] || fail "reported lines differ from the planted ones:
expected:
$expected
reported:
$reported"

# 2. Compiled-sources check: a compiled benchmark source and a compiled
# unix-only file are each reported.
cat >"$work/compile_commands.json" <<JSON
[
  {"directory": "$fixture", "file": "$fixture/bench/clock.cpp", "command": "c++ -c bench/clock.cpp"},
  {"directory": "$fixture", "file": "$fixture/tests/unit/core/tst_terminationsignals.cpp", "command": "c++ -c x"}
]
JSON
set +e
python3 "$here/posix_check.py" compiled "$fixture" "$work/compile_commands.json" >"$work/compiled.out" 2>&1
rc=$?
set -e
cat "$work/compiled.out"
[ $rc -eq 1 ] || fail "the compiled-sources check exited $rc on a compiled benchmark (expected 1)"
grep -q '^bench/clock.cpp:1: a test or benchmark source is compiled' "$work/compiled.out" \
    || fail "the compiled benchmark source was not reported"
grep -q '^tests/unit/core/tst_terminationsignals.cpp:1: ' "$work/compiled.out" \
    || fail "the compiled test source was not reported"
echo "portability selftest: both checks catch the planted violations"
