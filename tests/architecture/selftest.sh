#!/usr/bin/env bash
# The layer check must report exactly the planted violations (testdata/planted,
# each marked EXPECT), by file:line, and pass what is allowed; otherwise it
# proves nothing.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fixture="$here/testdata/planted"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "architecture selftest: $*" >&2; exit 1; }

set +e
python3 "$here/layer-check.py" "$fixture" >"$work/out" 2>&1
rc=$?
set -e
cat "$work/out"
[ $rc -eq 1 ] || fail "the layer check exited $rc on planted violations (expected 1)"
expected=$(cd "$fixture" && grep -rn 'EXPECT' src | cut -d: -f1,2 | sort)
reported=$(grep -E '^src/.*:[0-9]+: ' "$work/out" | cut -d: -f1,2 | sort)
[ "$expected" = "$reported" ] || fail "reported lines differ from the planted ones:
expected:
$expected
reported:
$reported"

# Without the violations the same tree passes.
cp -r "$fixture" "$work/clean"
grep -rl 'EXPECT' "$work/clean/src" | while read -r f; do
    sed -i '/EXPECT/d' "$f"
done
rm -r "$work/clean/src/gadgets"
python3 "$here/layer-check.py" "$work/clean" || fail "the layer check fails a tree without violations"
echo "architecture selftest: all $(echo "$expected" | wc -l) planted violations reported, the clean tree passes"
