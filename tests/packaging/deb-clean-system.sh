#!/usr/bin/env bash
# Proves the .deb on a clean Debian system:
#   1. debootstrap a minimal Debian (this machine's release or the one given,
#      from this machine's Debian mirror) into a folder under the build tree;
#   2. install the .deb there with apt and no recommends, so apt alone must
#      find every runtime dependency from the package's Depends;
#   3. run clipshelf --version, clipshelf-cli --version,
#      clipshelf-cli doctor --json and clipshelf --smoke-test inside it;
#   4. purge the package and check that none of its files is left.
#
#   deb-clean-system.sh <package.deb | folder with one .deb> <work-dir> [suite]
#
# suite: the Debian release's codename (bookworm, trixie); default: this
# machine's. tests/distro/distro-lane.sh runs it for Debian 13.
#
# Needs root (debootstrap, chroot, mount). Exit 77 (ctest: skipped) when not
# root. The pristine system and every downloaded .deb are cached in
# <work-dir>, so only the first run downloads (~3 minutes); each run still
# starts from a fresh copy of the pristine system.
# Environment: CLIPSHELF_DEBIAN_MIRROR, CLIPSHELF_DEBIAN_SECURITY_MIRROR
# override the mirrors read from /etc/apt.
set -euo pipefail
# A command that fails outside the checks below must not end the test silently.
trap 'echo "deb-clean-system: unexpected failure (exit $?) at line $LINENO" >&2' ERR

deb=$(realpath "$1")
if [ -d "$deb" ]; then
    found=("$deb"/clipshelf_*.deb)
    if [ ${#found[@]} -ne 1 ] || [ ! -f "${found[0]}" ]; then
        echo "deb-clean-system: want one clipshelf_*.deb in $deb" >&2
        exit 1
    fi
    deb=${found[0]}
fi
work=$(realpath -m "$2")
suite=${3:-}

if [ "$(id -u)" -ne 0 ]; then
    echo "deb-clean-system: needs root for debootstrap and chroot; skipped"
    exit 77
fi
for tool in debootstrap chroot mount jq; do
    command -v "$tool" >/dev/null || { echo "deb-clean-system: $tool is missing (scripts/deps.txt)" >&2; exit 1; }
done

started=$SECONDS
say() { printf '[%4ds] %s\n' $((SECONDS - started)) "$*"; }

# --- which Debian, from where ----------------------------------------------
if [ -z "$suite" ]; then
    # shellcheck source=/dev/null
    suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
fi
[ -n "$suite" ] || { echo "deb-clean-system: no suite given and no VERSION_CODENAME in /etc/os-release" >&2; exit 1; }

debian_root_who='deb-clean-system'
# shellcheck source-path=SCRIPTDIR source=../support/debian-root.sh
. "$(dirname "${BASH_SOURCE[0]}")/../support/debian-root.sh"
debian_mirrors

base=$work/base-$suite           # pristine system, kept between runs
root=$work/root-$suite           # this run's copy
debs=$work/debootstrap-cache     # .debs debootstrap downloaded
archives=$work/apt-archives      # .debs apt downloaded inside the chroot
mkdir -p "$work" "$debs" "$archives/partial"
# Traps that always unmount; mounts a killed run left behind are undone now.
root_mounts_begin "$root"

# --- 1. the pristine system -------------------------------------------------
if [ -f "$base/.clipshelf-base-ok" ] && [ "$(cat "$base/.clipshelf-base-ok")" = "$suite $mirror" ]; then
    say "reusing the pristine $suite system in $base"
else
    say "debootstrap $suite from $mirror (minbase) into $base"
fi
debian_pristine "$suite" "$base" "$debs" "$work/debootstrap.log"

say "fresh copy of it in $root"
remove_tree "$root"
cp -a "$base" "$root"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount_in_root -t proc proc "$root/proc"
mount_in_root -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
mount_in_root --bind "$archives" "$root/var/cache/apt/archives"

in_root() { in_root_of "$root" "$@"; }
mkdir -p "$root/run/user/0"
chmod 700 "$root/run/user/0"

# --- 2. install with apt ----------------------------------------------------
say "apt-get update"
in_root apt-get update -q > "$work/apt-update.log" 2>&1 || { tail -n 30 "$work/apt-update.log" >&2; exit 1; }
cp "$deb" "$root/tmp/clipshelf.deb"
say "apt-get install --no-install-recommends $(basename "$deb")"
if ! in_root apt-get install -y -q --no-install-recommends /tmp/clipshelf.deb > "$work/apt-install.log" 2>&1; then
    tail -n 40 "$work/apt-install.log" >&2
    exit 1
fi
say "$(grep -cE '^(Unpacking|Setting up) ' "$work/apt-install.log" || true) unpack/setup steps; see $work/apt-install.log"
in_root dpkg-query -L clipshelf > "$work/installed-files.txt"

# --- 3. the commands --------------------------------------------------------
failures=()
fail() { failures+=("$*"); echo "FAIL: $*"; }
run_in_root() { # name command... → $work/<name>.out/.err, sets rc
    set +e
    in_root timeout 120 "$@" > "$work/$1.out" 2> "$work/$1.err"
    rc=$?
    set -e
}
show() { # name (the first 40 lines; head closing the pipe early is not a failure)
    sed 's/^/    /' "$work/$1.out" "$work/$1.err" | head -n 40 || true
}

say "clipshelf --version"
run_in_root clipshelf --version
show clipshelf
[ "$rc" -eq 0 ] || fail "clipshelf --version exited $rc"
grep -qE '^Clipshelf [0-9][0-9.]* \(Qt 6\.[0-9.]+, qtkeychain [0-9.]+\)$' "$work/clipshelf.out" \
    || fail "clipshelf --version printed no 'Clipshelf X (Qt Y, qtkeychain Z)' line"

say "clipshelf-cli --version"
run_in_root clipshelf-cli --version
show clipshelf-cli
[ "$rc" -eq 0 ] || fail "clipshelf-cli --version exited $rc"
grep -qE '^clipshelf-cli [0-9][0-9.]* \(Qt 6\.[0-9.]+, qtkeychain [0-9.]+\)$' "$work/clipshelf-cli.out" \
    || fail "clipshelf-cli --version printed no version line"

# No D-Bus and no keychain in here: doctor reports that as warn/fail, so
# 0 or 1 are both fine, but its output must be valid JSON.
say "clipshelf-cli doctor --json"
run_in_root clipshelf-cli doctor --json
cp "$work/clipshelf-cli.out" "$work/doctor.json"; cp "$work/clipshelf-cli.err" "$work/doctor.err"
show clipshelf-cli
if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
    fail "clipshelf-cli doctor --json exited $rc (expected 0 or 1)"
fi
# (jq -e exits 0 on empty input, hence the -s test.)
if ! [ -s "$work/doctor.json" ] || ! jq -e 'type == "object" or type == "array"' "$work/doctor.json" > /dev/null 2>&1; then
    fail "clipshelf-cli doctor --json printed no JSON object"
fi

say "clipshelf --smoke-test"
run_in_root clipshelf --smoke-test
show clipshelf
[ "$rc" -eq 0 ] || fail "clipshelf --smoke-test exited $rc"
# A missing image plugin or QML module shows as a QML warning even when the
# frame still renders (a blank icon): none is acceptable.
if grep -q 'clipshelf: QML:' "$work/clipshelf.err"; then
    fail "clipshelf --smoke-test printed QML warnings (a runtime dependency missing?)"
fi

# The smoke test must name what is missing: take one QML module away behind
# dpkg's back, expect a failure that names it, then put it back.
say "clipshelf --smoke-test without QtQuick.Layouts (must fail and name it)"
in_root dpkg --force-depends -r qml6-module-qtquick-layouts > "$work/dpkg-remove.log" 2>&1 \
    || fail "could not remove qml6-module-qtquick-layouts for the negative smoke test"
run_in_root clipshelf --smoke-test
show clipshelf
[ "$rc" -ne 0 ] || fail "clipshelf --smoke-test exited 0 with QtQuick.Layouts missing"
grep -q 'QtQuick.Layouts' "$work/clipshelf.err" \
    || fail "clipshelf --smoke-test did not name the missing module QtQuick.Layouts"
in_root apt-get install -y -q qml6-module-qtquick-layouts > "$work/apt-restore.log" 2>&1 \
    || fail "could not reinstall qml6-module-qtquick-layouts"

# --- 4. purge ---------------------------------------------------------------
say "apt-get purge clipshelf"
in_root apt-get purge -y -q clipshelf > "$work/apt-purge.log" 2>&1 || fail "apt-get purge failed"
# shellcheck disable=SC2016 # ${Status} is dpkg-query's format, not ours
status=$(in_root dpkg-query -W -f='${Status}' clipshelf 2>/dev/null || true)
case "$status" in
    "" | *not-installed) ;;
    *) fail "clipshelf is not purged: dpkg status '$status'" ;;
esac
# What remains of the package's paths must be a directory that another
# package owns too (/usr/share/icons/...).
leftovers=()
while IFS= read -r path; do
    if [ -z "$path" ] || [ "$path" = "/." ]; then continue; fi
    if [ -e "$root$path" ] || [ -L "$root$path" ]; then
        if [ -d "$root$path" ] && [ ! -L "$root$path" ] && in_root dpkg-query -S "$path" > /dev/null 2>&1; then
            continue
        fi
        leftovers+=("$path")
    fi
done < "$work/installed-files.txt"
if [ ${#leftovers[@]} -gt 0 ]; then
    fail "left behind after purge: ${leftovers[*]}"
fi

unmount_all
if [ ${#failures[@]} -gt 0 ]; then
    say "${#failures[@]} check(s) failed; the system is kept in $root"
    printf '  - %s\n' "${failures[@]}"
    exit 1
fi
remove_tree "$root"
say "clean-system install, run and purge passed"
