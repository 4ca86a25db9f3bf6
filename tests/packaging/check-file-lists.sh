#!/usr/bin/env bash
# Checks what the DEB, the RPM and the TGZ contain against
# expected-files.txt: every expected file present, nothing unexpected. For the
# RPM also: it owns no directory the system owns (only its own), marks the
# licence as %license and requires what rpmbuild cannot see (libsecret...).
#   check-file-lists.sh <out-dir> <app-id>
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$(realpath "$1")
app_id=$2
status=0
fail() { echo "FAIL: $*"; status=1; }

# expected <format>: the expected lines for that format, "?" kept as a marker.
expected() {
    sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' -e "s/@APP_ID@/$app_id/g" "$here/expected-files.txt" \
        | while IFS= read -r line; do
            case "$line" in
                deb:* | rpm:* | tgz:*) [ "${line%%:*}" = "$1" ] && echo "${line#*:}" ;;
                *) echo "$line" ;;
            esac
        done
}

compare() { # format file-with-actual-paths
    local format=$1 actual=$2 path pattern matched
    mapfile -t want < <(expected "$format")
    while IFS= read -r path; do
        matched=no
        for pattern in "${want[@]}"; do
            # shellcheck disable=SC2053 # glob match on purpose for "?" lines
            if [ "$path" = "$pattern" ] || { [ "${pattern:0:1}" = "?" ] && [[ $path == ${pattern:1} ]]; }; then
                matched=yes
                break
            fi
        done
        [ $matched = yes ] || fail "$format: unexpected file $path"
    done < "$actual"
    for pattern in "${want[@]}"; do
        [ "${pattern:0:1}" = "?" ] && continue
        grep -qxF "$pattern" "$actual" || fail "$format: missing $pattern"
    done
    echo "$format: $(wc -l < "$actual") files checked"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

deb=$(ls "$out"/clipshelf_*.deb)
rpm=$(ls "$out"/clipshelf-*.rpm)
tgz=$(ls "$out"/clipshelf-*.tar.gz)

# Regular files and symlinks only; directories are checked for the RPM below.
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $6}' | sed 's|^\./usr/||' | sort > "$tmp/deb"
compare deb "$tmp/deb"
tar -tvzf "$tgz" | awk '$1 !~ /^d/ {print $6}' | sed 's|^[^/]*/||' | sort > "$tmp/tgz"
compare tgz "$tmp/tgz"
rpm -qp --qf '[%{FILEMODES:perms} %{FILENAMES}\n]' "$rpm" > "$tmp/rpm-all"
awk '$1 !~ /^d/ {print $2}' "$tmp/rpm-all" | sed 's|^/usr/||' | sort > "$tmp/rpm"
compare rpm "$tmp/rpm"

# Directories the RPM claims: only its own, never /usr/share/icons & co.
while read -r dir; do
    case "$dir" in
        /usr/share/doc/clipshelf | /usr/share/clipshelf | /usr/share/clipshelf/translations) ;;
        *) fail "rpm: owns the system directory $dir" ;;
    esac
done < <(awk '$1 ~ /^d/ {print $2}' "$tmp/rpm-all")

rpm -qp --qf '[%{FILEFLAGS:fflags} %{FILENAMES}\n]' "$rpm" | grep -qE '^[a-z]*l[a-z]* /usr/share/doc/clipshelf/LICENSE$' \
    || fail "rpm: LICENSE is not marked %license"
requires=$(rpm -qp --requires "$rpm")
for need in libsecret 'libQt6Quick.so.6' 'libqt6keychain.so.1'; do
    grep -q "^$need" <<< "$requires" || fail "rpm: does not require $need"
done

exit $status
