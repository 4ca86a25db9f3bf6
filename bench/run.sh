#!/usr/bin/env bash
# bench/run.sh [--quick] [--build-dir DIR] [--no-build] [--out-dir DIR] [--report-only] [--only STEPS --reps N]
#
# Builds what the benchmarks need (RelWithDebInfo, in build/bench-rel by
# default), runs every benchmark side by side with its baseline, and writes
# BENCHMARKS.md and bench/results.json (with --out-dir: DIR/BENCHMARKS.md and
# DIR/results.json). --quick: small sizes and one repetition, written to
# build/bench-quick/ unless --out-dir says otherwise; it proves the harness
# runs and asserts nothing about speed (the ctest "bench_quick" runs it).
# --report-only rewrites the Markdown from the JSON already written (e.g.
# after editing bench/findings.md, which the report includes), measuring nothing.
# --only model,cold_offscreen,warm_offscreen,… (optionally --reps N): only those
# steps, for A/B iterations; prints the raw results as JSON, writes no report.
#
# Starts its own local stack (provider, API servers), Xvfb and a private
# gnome-keyring (tests/support/with-secret-service.sh); needs nothing running.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

quick=0
build=1
report_only=0
build_dir="$root/build/bench-rel"
out_dir=""
only=""
reps=""
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=1 ;;
        --no-build) build=0 ;;
        --report-only) report_only=1 ;;
        --only) only="$2"; shift ;;
        --reps) reps="$2"; shift ;;
        --build-dir) build_dir=$(realpath -m "$2"); shift ;;
        --out-dir) out_dir=$(realpath -m "$2"); shift ;;
        -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

if [ -n "$out_dir" ]; then
    md="$out_dir/BENCHMARKS.md"
    json="$out_dir/results.json"
elif [ $quick = 1 ]; then
    md="$root/build/bench-quick/BENCHMARKS.md"
    json="$root/build/bench-quick/results.json"
else
    md="$root/BENCHMARKS.md"
    json="$root/bench/results.json"
fi

if [ $report_only = 1 ]; then
    exec node "$root/bench/harness/main.mjs" --source-dir "$root" --build-dir "$build_dir" \
        --md "$md" --json "$json" --report-only
fi

for tool in node Xvfb /usr/bin/chromium gnome-keyring-daemon dbus-run-session; do
    command -v "$tool" >/dev/null || { echo "bench/run.sh: $tool is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }
done
if [ ! -d "$root/tests/stack/provider/node_modules/oidc-provider" ]; then
    echo "bench/run.sh: npm ci in tests/stack/provider" >&2
    (cd "$root/tests/stack/provider" && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ $build = 1 ]; then
    if [ ! -f "$build_dir/CMakeCache.txt" ]; then
        cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DBUILD_TESTING=OFF -DCLIPSHELF_BUILD_STACK=ON -DCLIPSHELF_BUILD_BENCH=ON
    fi
    cmake --build "$build_dir" --target clipshelf-bench-empty clipshelf-bench-app \
        clipshelf-bench-net clipshelf-bench-model clipshelf-api-server
fi
for exe in bench/clipshelf-bench-empty bench/clipshelf-bench-app bench/clipshelf-bench-net \
           bench/clipshelf-bench-model tests/stack/api-server/clipshelf-api-server; do
    [ -x "$build_dir/$exe" ] || { echo "bench/run.sh: $build_dir/$exe is not built" >&2; exit 1; }
done

args=(--source-dir "$root" --build-dir "$build_dir" --md "$md" --json "$json")
[ $quick = 1 ] && args+=(--quick)
[ -n "$only" ] && args+=(--only "$only")
[ -n "$reps" ] && args+=(--reps "$reps")
# Everything runs in a private D-Bus session with a throwaway gnome-keyring and
# private HOME/XDG directories: the benchmarks never touch the real keychain.
exec "$root/tests/support/with-secret-service.sh" node "$root/bench/harness/main.mjs" "${args[@]}"
