#!/usr/bin/env bash
# Builds Clipshelf and launches it against the local stack: the test provider
# (sign in as alice / alice-password or bob / bob-password) and the reference
# API server, both on 127.0.0.1 and stopped when the app exits.
# Installs what is missing first. Extra arguments go to the app.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

"$root/scripts/install-deps.sh"
cmake --preset dev
cmake --build --preset dev -j "$(nproc 2>/dev/null || echo 2)"

state="${XDG_STATE_HOME:-$HOME/.local/state}/clipshelf-demo"
mkdir -p "$state"
provider_port=${CLIPSHELF_DEMO_PROVIDER_PORT:-47801}
api_port=${CLIPSHELF_DEMO_API_PORT:-47802}
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

wait_ready() { # file
    for _ in $(seq 1 100); do [ -s "$1" ] && return 0; sleep 0.1; done
    echo "demo: $1 never became ready" >&2; return 1
}

rm -f "$state/provider.url" "$state/api.url"
PROVIDER_STATE_DIR="$state/provider" PROVIDER_LOG=quiet \
    node tests/stack/provider/server.mjs --port "$provider_port" --port-file "$state/provider.url" >/dev/null &
pids+=($!)
wait_ready "$state/provider.url"
issuer=$(head -n1 "$state/provider.url")

api_args=()
api_bin="$root/build/dev/tests/stack/api-server/clipshelf-api-server"
if [ -x "$api_bin" ]; then
    "$api_bin" --port "$api_port" --issuer "$issuer" --audience urn:clipshelf:api \
        --db "$state/api.sqlite" --port-file "$state/api.url" >/dev/null &
    pids+=($!)
    wait_ready "$state/api.url"
    api_args=(--api-url "$(head -n1 "$state/api.url")")
fi

echo "demo: provider $issuer — sign in as alice / alice-password (or bob / bob-password)"
# In the background and waited for, so that a TERM to this script stops the app and the stack too.
"$root/build/dev/app/clipshelf" --issuer "$issuer" --client-id clipshelf-desktop \
    --resource urn:clipshelf:api --profile demo "${api_args[@]}" "$@" &
pids+=($!)
wait "$!"
