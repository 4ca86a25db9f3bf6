# shellcheck shell=bash
# Sourced (bash) by the scripts that run things in a debootstrapped Debian:
# tests/packaging/deb-clean-system.sh and tests/distro/debian13.sh.
#
#   debian_mirrors              sets $mirror and $security from /etc/apt
#                               (CLIPSHELF_DEBIAN_MIRROR and
#                               CLIPSHELF_DEBIAN_SECURITY_MIRROR override)
#   debian_pristine SUITE BASE DEBS LOG
#                               a minbase SUITE in BASE, made once and kept
#                               (.deb downloads cached in DEBS)
#   root_mounts_begin ROOT      undoes mounts a killed run left under ROOT
#                               and installs the traps that always unmount
#   mount_in_root ARGS... TARGET  mount, remembered for unmount_all
#   unmount_all                 undoes every mount_in_root, newest first
#   remove_tree DIR             rm -rf that refuses while DIR has mounts
#   in_root_of ROOT CMD...      CMD in ROOT with a clean environment
# The caller sets errexit; messages name $debian_root_who.

debian_root_who=${debian_root_who:-debian-root}

# The first http(s) URI in the apt sources (one-line or deb822 format) whose
# path ends in the given component, e.g. .../debian or .../debian-security.
apt_source_uri() { # path-suffix
    cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
        | grep -vE '^\s*#' | grep -oE "https?://[^ ]+/$1/?( |$)" | head -n1 | tr -d ' ' | sed 's:/$::' || true
}

debian_mirrors() {
    mirror=${CLIPSHELF_DEBIAN_MIRROR:-$(apt_source_uri debian)}
    mirror=${mirror:-http://deb.debian.org/debian}
    security=${CLIPSHELF_DEBIAN_SECURITY_MIRROR:-$(apt_source_uri debian-security)}
    security=${security:-${mirror%/debian}/debian-security}
}

# --- mounts, always undone --------------------------------------------------
mounted=()
unmount_all() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" 2>/dev/null || true
    done
    mounted=()
}

root_mounts_begin() { # root
    local stale
    trap unmount_all EXIT
    # ctest's timeout and ^C: still unmount (the EXIT trap runs on exit).
    trap 'exit 143' TERM
    trap 'exit 130' INT
    # A run that was killed outright (SIGKILL) cannot clean up: undo its mounts now.
    while read -r stale; do
        umount "$stale" 2>/dev/null || umount -l "$stale"
    done < <(awk '{print $2}' /proc/mounts | grep "^$1/" | sort -r)
}

mount_in_root() { # mount arguments..., target last
    mount "$@"
    mounted+=("${!#}")
}

# Never delete a tree that still has something mounted inside it.
remove_tree() { # dir
    if grep -qF " $1/" /proc/mounts; then
        echo "$debian_root_who: $1 still has mounts; not deleting it" >&2
        return 1
    fi
    rm -rf --one-file-system "$1"
}

# --- the pristine system ----------------------------------------------------
debian_pristine() { # suite base-dir debs-cache log
    local suite=$1 base=$2 debs=$3 log=$4
    mkdir -p "$debs"
    if [ -f "$base/.clipshelf-base-ok" ] && [ "$(cat "$base/.clipshelf-base-ok")" = "$suite $mirror" ]; then
        return 0
    fi
    remove_tree "$base"
    remove_tree "$base.tmp"
    debootstrap --variant=minbase --cache-dir="$debs" "$suite" "$base.tmp" "$mirror" \
        > "$log" 2>&1 || { tail -n 30 "$log" >&2; return 1; }
    cat > "$base.tmp/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security $suite-security main
EOF
    # No service may start inside the chroot (dbus and friends have postinsts).
    printf '#!/bin/sh\nexit 101\n' > "$base.tmp/usr/sbin/policy-rc.d"
    chmod 755 "$base.tmp/usr/sbin/policy-rc.d"
    echo "$suite $mirror" > "$base.tmp/.clipshelf-base-ok"
    mv "$base.tmp" "$base"
}

in_root_of() { # root command... (clean environment, offscreen Qt, no display)
    local root=$1
    shift
    chroot "$root" /usr/bin/env -i \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
        QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/run/user/0 \
        "$@"
}
