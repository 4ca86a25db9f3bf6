#!/usr/bin/env bash
# Makes the Linux packages (DEB, RPM, TGZ) from a configured build tree with
# CPack, into <out-dir>, replacing what an earlier run left there.
#   build-packages.sh <build-dir> <out-dir>
# It brings the build tree up to date first (cpack alone would happily pack
# stale binaries when the build fails), then CPack runs the install rules into
# a staging folder and packs that.
set -euo pipefail
build=$(realpath "$1")
out=$(realpath -m "$2")

generators="DEB;TGZ"
if command -v rpmbuild >/dev/null; then
    generators="$generators;RPM"
else
    echo "build-packages: rpmbuild is missing (package rpm in scripts/deps.txt)" >&2
    exit 1
fi

rm -rf "$out"
mkdir -p "$out"
started=$SECONDS
if ! cmake --build "$build" > "$out/build.log" 2>&1; then
    grep -E 'error|FAILED' "$out/build.log" | head -n 20 >&2
    echo "build-packages: the build tree does not build; no packages" >&2
    exit 1
fi
if ! cpack --config "$build/CPackConfig.cmake" -G "$generators" -B "$out" > "$out/cpack.log" 2>&1; then
    tail -n 40 "$out/cpack.log" >&2
    exit 1
fi
# The staging folders are only useful when something went wrong.
rm -rf "$out/_CPack_Packages"
echo "build-packages: made in $((SECONDS - started)) s:"
ls -l "$out"/*.deb "$out"/*.rpm "$out"/*.tar.gz
