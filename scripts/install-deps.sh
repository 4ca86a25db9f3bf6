#!/usr/bin/env bash
# Installs what Clipshelf needs on Debian 12 (or 13) to build, test and run its
# local stack: the apt packages of scripts/deps.txt for this release (see
# scripts/deps-releases.txt) and the provider's npm packages.
# Safe to run again: it only installs what is missing.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi

mapfile -t wanted < <("$root/scripts/deps.sh")
missing=()
for pkg in "${wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$pkg")
    fi
done
if ! command -v node >/dev/null 2>&1; then
    missing+=(nodejs npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "install-deps: installing ${#missing[@]} Debian packages: ${missing[*]}"
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
else
    echo "install-deps: all Debian packages present"
fi

# The local provider and the test browser's driver, pinned by the lockfile.
provider="$root/tests/stack/provider"
stamp="$provider/node_modules/.clipshelf-lock-sha"
want_sha=$(sha256sum "$provider/package-lock.json" | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want_sha" ]; then
    echo "install-deps: npm ci in tests/stack/provider"
    (cd "$provider" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want_sha" > "$stamp"
else
    echo "install-deps: npm packages up to date"
fi
