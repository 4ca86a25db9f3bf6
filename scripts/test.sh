#!/usr/bin/env bash
# Builds Clipshelf and runs every test (unit, integration, e2e, qml, the
# reference API server's own). Installs what is missing first. Exit code: ctest's.
#   scripts/test.sh [extra ctest arguments, e.g. -L unit]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

"$root/scripts/install-deps.sh"

jobs=$(nproc 2>/dev/null || echo 2)
cmake --preset dev
cmake --build --preset dev -j "$jobs"
# Tests run offscreen; none needs a display.
export QT_QPA_PLATFORM=offscreen
ctest --preset dev -j "$jobs" "$@"
