#!/usr/bin/env bash
# The second Qt lane: builds and tests Clipshelf on another Debian release
# (default Debian 13 "trixie", Qt 6.8) in a debootstrapped root, packages it
# there and proves the .deb on a clean system of that release:
#   1. a pristine minbase root (cached), and a copy of it with the build and
#      test dependencies of scripts/deps.sh --suite SUITE (cached, made again
#      when that list changes);
#   2. a copy of this working tree (what git tracks plus untracked, not
#      ignored files; the local provider's node_modules from this tree,
#      read-only) built with the dev preset (-Werror; Qt's deprecation
#      warnings on) and without the benchmarks, ccache kept in WORK/ccache;
#   3. the unit, QML, integration (keychain, session, cli, library), e2e
#      (chromium) and API server tests, each under its own D-Bus session and
#      gnome-keyring (tests/support/with-secret-service.sh);
#   4. cpack DEB in there, then tests/packaging/deb-clean-system.sh SUITE.
#
#   distro-lane.sh [--suite SUITE] [--work DIR] [--jobs N] [--no-package]
#                  [-- extra ctest arguments]
#
# WORK defaults to build/distro of this tree; logs are there too. Needs root
# (debootstrap, chroot, mount); exits 77 when not root. Every mount is undone
# on exit, on failure and on Ctrl+C.
set -euo pipefail
trap 'echo "distro-lane: unexpected failure (exit $?) at line $LINENO" >&2' ERR

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
suite=trixie
work=$src/build/distro
jobs=2
package=1
while [ $# -gt 0 ]; do
    case "$1" in
        --suite) suite=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --jobs) jobs=$2; shift 2 ;;
        --no-package) package=0; shift ;;
        --) shift; break ;;
        *) echo "distro-lane: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
work=$(realpath -m "$work")

if [ "$(id -u)" -ne 0 ]; then
    echo "distro-lane: needs root for debootstrap and chroot; skipped"
    exit 77
fi
for tool in debootstrap chroot mount git tar; do
    command -v "$tool" >/dev/null || { echo "distro-lane: $tool is missing (scripts/deps.txt)" >&2; exit 1; }
done
provider_modules=$src/tests/stack/provider/node_modules
[ -d "$provider_modules" ] || { echo "distro-lane: $provider_modules is missing (scripts/install-deps.sh)" >&2; exit 1; }

debian_root_who='distro-lane'
# shellcheck source-path=SCRIPTDIR source=../support/debian-root.sh
. "$src/tests/support/debian-root.sh"

started=$SECONDS
say() { printf '[%4ds] %s\n' $((SECONDS - started)) "$*"; }
step_log() { # name command... → WORK/name.log; its tail on failure
    local name=$1
    shift
    if ! "$@" > "$work/$name.log" 2>&1; then
        tail -n 60 "$work/$name.log" >&2
        echo "distro-lane: $name failed; the whole log is $work/$name.log" >&2
        return 1
    fi
}

base=$work/base-$suite             # pristine minbase (shared with the clean-system test)
root=$work/build-root-$suite       # with the build and test dependencies
build_dir=$work/build-$suite       # the build folder, /build in the root (kept)
archives=$work/apt-archives        # .debs apt downloaded, shared by both roots
mkdir -p "$work" "$archives/partial" "$work/ccache" "$build_dir"
debian_mirrors
root_mounts_begin "$root"

# --- 1. the roots -----------------------------------------------------------
say "pristine $suite (minbase) in $base"
debian_pristine "$suite" "$base" "$work/debootstrap-cache" "$work/debootstrap.log"

# Build and test groups only: no lintian, rpm or benchmark X server in here.
mapfile -t packages < <("$src/scripts/deps.sh" --suite "$suite" --groups build,runtime,test,deb-build)
packages+=(ccache)
want_stamp="$suite $mirror ${packages[*]}"
if [ ! -f "$root/.clipshelf-deps-ok" ]; then
    say "new build root: ${#packages[@]} packages from $suite into $root"
    remove_tree "$root"
    cp -a "$base" "$root"
    fresh=1
elif [ "$(cat "$root/.clipshelf-deps-ok")" != "$want_stamp" ]; then
    # Packages dropped from the list stay; a new root (rm -r it) has none.
    say "the package list changed: adding what is missing to $root"
    fresh=1
else
    say "reusing the build root $root"
    fresh=0
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount_in_root -t proc proc "$root/proc"
mount_in_root -t sysfs sysfs "$root/sys"
mount_in_root --bind /dev/pts "$root/dev/pts"
mount_in_root -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
mount_in_root --bind "$archives" "$root/var/cache/apt/archives"
mkdir -p "$root/ccache" "$root/build"
mount_in_root --bind "$work/ccache" "$root/ccache"
mount_in_root --bind "$build_dir" "$root/build"
mkdir -p "$root/run/user/0"
chmod 700 "$root/run/user/0"
if [ $fresh -eq 1 ]; then
    step_log apt-update in_root_of "$root" apt-get update -q
    say "apt-get install --no-install-recommends (see $work/apt-install.log)"
    step_log apt-install in_root_of "$root" apt-get install -y -q --no-install-recommends "${packages[@]}"
    echo "$want_stamp" > "$root/.clipshelf-deps-ok"
fi
# shellcheck disable=SC2016 # ${Version} is dpkg-query's format, not ours
qt_version=$(in_root_of "$root" dpkg-query -W -f='${Version}' qt6-base-dev)
say "Qt in $suite: qt6-base-dev $qt_version"

# --- 2. the tree and the build ----------------------------------------------
# A fresh copy every run; tar keeps the files' times, so the kept build
# folder (/build = WORK/build-SUITE) only rebuilds what changed.
say "copy of the working tree into $root/src"
remove_tree "$root/src"
mkdir -p "$root/src"
# (--ignore-failed-read: a tracked file deleted in the working tree.)
(cd "$src" && git ls-files -z --cached --others --exclude-standard \
    | tar -c --null --ignore-failed-read -T - -f - 2>/dev/null) | tar -x -C "$root/src" -f -
mkdir -p "$root/src/tests/stack/provider/node_modules"
mount_in_root --bind -o ro "$provider_modules" "$root/src/tests/stack/provider/node_modules"

build() {
    in_root_of "$root" env CCACHE_DIR=/ccache CCACHE_BASEDIR=/src \
        cmake -S /src --preset dev -B /build \
        -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache \
        -DCLIPSHELF_BUILD_BENCH=OFF
    in_root_of "$root" env CCACHE_DIR=/ccache CCACHE_BASEDIR=/src \
        cmake --build /build -j "$jobs" -- -k 0   # every error of a Qt change at once
}
say "build with Qt $qt_version, -j$jobs (see $work/build.log)"
step_log build build
say "build done: $(grep -c 'warning:' "$work/build.log" || true) compiler warnings"

# --- 3. the tests -----------------------------------------------------------
say "ctest -L 'unit|qml|integration|e2e|apiserver' (see $work/ctest.log)"
tests_rc=0
in_root_of "$root" ctest --test-dir /build -j "$jobs" -L 'unit|qml|integration|e2e|apiserver' \
    --output-on-failure "$@" > "$work/ctest.log" 2>&1 || tests_rc=$?
sed -n '/tests passed/,$p' "$work/ctest.log"
if [ $tests_rc -ne 0 ]; then
    grep -E '^\s*[0-9]+/[0-9]+ Test.*(Failed|Timeout|Exception)' "$work/ctest.log" >&2 || true
    echo "distro-lane: tests failed on $suite; the whole log is $work/ctest.log" >&2
fi

# --- 4. the package, on a clean system --------------------------------------
package_rc=0
if [ $package -eq 1 ]; then
    say "cpack -G DEB (see $work/cpack.log)"
    rm -rf "$root/build/distro-packages" "$work/packages-$suite"
    step_log cpack in_root_of "$root" sh -c 'cd /build && cpack -G DEB -B /build/distro-packages'
    mkdir -p "$work/packages-$suite"
    cp "$root"/build/distro-packages/clipshelf_*.deb "$work/packages-$suite/"
    say "$(basename "$work"/packages-"$suite"/clipshelf_*.deb): Depends: $(dpkg-deb -f "$work"/packages-"$suite"/clipshelf_*.deb Depends)"
    unmount_all
    say "clean-system install on $suite"
    "$src/tests/packaging/deb-clean-system.sh" "$work/packages-$suite" "$work" "$suite" || package_rc=$?
fi

unmount_all
if [ $tests_rc -ne 0 ] || [ $package_rc -ne 0 ]; then
    say "lane failed (tests exit $tests_rc, package exit $package_rc)"
    exit 1
fi
say "$suite lane passed (Qt $qt_version)"
