#!/usr/bin/env bash
# Runs one fuzz target the way the fuzz lane does: first every committed input
# (corpus and regressions, whole, whatever their size), then fuzzing for a while.
#   run-fuzzer.sh BINARY NAME SECONDS MAX_LEN WORKDIR
# New inputs go to WORKDIR/corpus, a crash to WORKDIR/crash-* (the log names it).
set -euo pipefail
bin=$1 name=$2 seconds=$3 max_len=$4 work=$5
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
corpus=$here/corpus/$name
regressions=$here/regressions/$name
dict=$here/$name.dict

# A sanitizer report is a failure, at its first occurrence.
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export QT_QPA_PLATFORM=offscreen

common=(-timeout=10 -rss_limit_mb=2560 -max_len="$max_len")
[ -f "$dict" ] && common+=(-dict="$dict")

mkdir -p "$work/corpus"
shopt -s nullglob
inputs=("$corpus"/* "$regressions"/*)
if [ ${#inputs[@]} -gt 0 ]; then
    echo "== $name: ${#inputs[@]} committed inputs"
    "$bin" -timeout=10 -rss_limit_mb=2560 "${inputs[@]}" > "$work/inputs.log" 2>&1 \
        || { cat "$work/inputs.log"; exit 1; }
fi

dirs=("$work/corpus")
for d in "$corpus" "$regressions"; do
    [ -d "$d" ] && dirs+=("$d")
done
echo "== $name: fuzzing for ${seconds}s"
exec "$bin" "${common[@]}" -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$work/" "${dirs[@]}"
