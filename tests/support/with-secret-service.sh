#!/usr/bin/env bash
# with-secret-service.sh CMD [ARGS...]
#
# Runs CMD inside a private, throwaway D-Bus session bus with its own HOME,
# XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME and XDG_RUNTIME_DIR (all
# under one mktemp -d directory that is removed afterwards), and with an
# unlocked gnome-keyring Secret Service ("org.freedesktop.secrets") on that
# bus. The keyring is created fresh for every run with a fixed test password,
# so nothing touches the real user's keychain.
#
# CLIPSHELF_NO_SECRET_SERVICE=1: same private bus and directories, but no
# keyring and no service files for it, so org.freedesktop.secrets is absent
# (what a headless machine without a keyring looks like).
#
# Works non-interactively: as root, without DISPLAY, with stdin closed.
# The exit status is CMD's (or 125 when the environment cannot be set up).

set -euo pipefail

readonly KEYRING_TEST_PASSWORD='clipshelf-test-keyring'   # test-only keyring, thrown away
readonly WAIT_TIMEOUT_DS=100                               # deciseconds (10 s)

die() { printf 'with-secret-service.sh: %s\n' "$*" >&2; exit 125; }

if [[ $# -lt 1 ]]; then
    printf 'usage: %s CMD [ARGS...]\n' "${0##*/}" >&2
    exit 2
fi

# ---------------------------------------------------------------------------
# Stage 2: inside the private bus (re-invoked by stage 1 via dbus-run-session).
# ---------------------------------------------------------------------------
if [[ "${_CLIPSHELF_SECRET_STAGE:-}" == inner ]]; then
    unset _CLIPSHELF_SECRET_STAGE

    name_has_owner() {
        dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus \
            /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner \
            string:org.freedesktop.secrets 2>/dev/null | grep -q true
    }

    keyring_pid=""
    # shellcheck disable=SC2317  # invoked by the EXIT trap
    cleanup_keyring() {
        if [[ -n "$keyring_pid" ]] && kill -0 "$keyring_pid" 2>/dev/null; then
            kill "$keyring_pid" 2>/dev/null || true
            wait "$keyring_pid" 2>/dev/null || true
        fi
    }
    trap cleanup_keyring EXIT

    if [[ "${CLIPSHELF_NO_SECRET_SERVICE:-0}" != 1 ]]; then
        command -v gnome-keyring-daemon >/dev/null || die "gnome-keyring-daemon not found (apt install gnome-keyring)"
        # --foreground keeps it our child so we can stop it; the password comes
        # on stdin, which makes it create and unlock the "login" collection.
        printf '%s' "$KEYRING_TEST_PASSWORD" |
            gnome-keyring-daemon --foreground --unlock --components=secrets \
                >"$_CLIPSHELF_SECRET_TMP/keyring.log" 2>&1 &
        keyring_pid=$!

        owned=0
        for ((i = 0; i < WAIT_TIMEOUT_DS; i++)); do
            if name_has_owner; then owned=1; break; fi
            kill -0 "$keyring_pid" 2>/dev/null || break
            sleep 0.1
        done
        if [[ $owned != 1 ]]; then
            cat "$_CLIPSHELF_SECRET_TMP/keyring.log" >&2 || true
            die "gnome-keyring did not provide org.freedesktop.secrets within $((WAIT_TIMEOUT_DS / 10)) s"
        fi
    elif name_has_owner; then
        die "org.freedesktop.secrets is present although CLIPSHELF_NO_SECRET_SERVICE=1"
    fi
    unset _CLIPSHELF_SECRET_TMP

    rc=0
    "$@" </dev/null || rc=$?
    exit "$rc"
fi

# ---------------------------------------------------------------------------
# Stage 1: private directories and a private session bus.
# ---------------------------------------------------------------------------
command -v dbus-run-session >/dev/null || die "dbus-run-session not found (apt install dbus-daemon)"
command -v dbus-send >/dev/null || die "dbus-send not found (apt install dbus-bin)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/clipshelf-secret.XXXXXXXX") || die "mktemp failed"
trap 'rm -rf -- "$tmp"' EXIT
chmod 700 "$tmp"
mkdir -m 700 "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime"

# A session bus without the system's service directories: nothing is
# auto-activated (in particular not the real gnome-keyring or a portal), so the
# only Secret Service is the one stage 2 starts, if any.
cat >"$tmp/session.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:dir=$tmp/runtime</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
  <limit name="max_message_size">100000000</limit>
  <limit name="max_incoming_bytes">1000000000</limit>
  <limit name="max_outgoing_bytes">1000000000</limit>
  <limit name="max_replies_per_connection">50000</limit>
</busconfig>
CONF

rc=0
env -u DBUS_SESSION_BUS_ADDRESS -u GNOME_KEYRING_CONTROL -u SSH_AUTH_SOCK \
    HOME="$tmp/home" \
    XDG_DATA_HOME="$tmp/data" \
    XDG_CONFIG_HOME="$tmp/config" \
    XDG_CACHE_HOME="$tmp/cache" \
    XDG_RUNTIME_DIR="$tmp/runtime" \
    _CLIPSHELF_SECRET_STAGE=inner \
    _CLIPSHELF_SECRET_TMP="$tmp" \
    dbus-run-session --config-file="$tmp/session.conf" -- "$BASH" "${BASH_SOURCE[0]}" "$@" \
    </dev/null || rc=$?
exit "$rc"
