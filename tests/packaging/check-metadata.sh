#!/usr/bin/env bash
# Lints the .deb the way a distribution would: lintian must report no error
# (warnings and infos are printed, not fatal), and the desktop entry and the
# AppStream metainfo inside it must pass desktop-file-validate and
# appstreamcli validate.
#   check-metadata.sh <out-dir>
set -euo pipefail
out=$(realpath "$1")
debs=("$out"/clipshelf_*.deb)
[ -f "${debs[0]}" ] || { echo "check-metadata: no .deb in $out" >&2; exit 1; }
deb=${debs[0]}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
cp "$deb" "$tmp/"
chmod 644 "$tmp/$(basename "$deb")"

status=0
# lintian should not run as root (it says so, and unpacks untrusted
# archives): run it as nobody when we are root.
echo "== lintian $(basename "$deb")"
lintian_cmd=(lintian --fail-on error --display-info --tag-display-limit 0 "$tmp/$(basename "$deb")")
if [ "$(id -u)" -eq 0 ]; then
    lintian_cmd=(runuser -u nobody -- env HOME="$tmp" "${lintian_cmd[@]}")
fi
if ! (cd "$tmp" && "${lintian_cmd[@]}"); then
    echo "FAIL: lintian reports errors"
    status=1
fi

dpkg-deb -x "$deb" "$tmp/root"
for desktop in "$tmp"/root/usr/share/applications/*.desktop; do
    echo "== desktop-file-validate $(basename "$desktop")"
    desktop-file-validate "$desktop" || { echo "FAIL: desktop-file-validate"; status=1; }
done
for metainfo in "$tmp"/root/usr/share/metainfo/*.metainfo.xml; do
    echo "== appstreamcli validate $(basename "$metainfo")"
    appstreamcli validate --no-net "$metainfo" || { echo "FAIL: appstreamcli validate"; status=1; }
done
exit $status
