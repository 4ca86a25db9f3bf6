#!/usr/bin/env bash
# Renders the app icon resources/icons/clipshelf.svg into the raster files the
# installers need, and writes them next to it so that builds need no SVG
# renderer:
#   resources/icons/hicolor/<N>x<N>/apps/clipshelf.png   Linux icon theme sizes
#   resources/icons/clipshelf.ico                         Windows (exe + installer)
#   resources/icons/clipshelf.icns                        macOS bundle icon
# Run it again whenever clipshelf.svg changes and commit the results.
# Needs (Debian): librsvg2-bin imagemagick python3
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
icons="$root/resources/icons"
svg="$icons/clipshelf.svg"
for tool in rsvg-convert convert python3; do
    command -v "$tool" >/dev/null || { echo "render-icons: $tool is missing" >&2; exit 1; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

render() { # size output
    rsvg-convert --width "$1" --height "$1" --keep-aspect-ratio "$svg" --output "$2"
}

# The sizes desktops look up in hicolor (the freedesktop icon theme spec's
# common ones) plus 512 for AppStream/software centres.
for size in 16 22 24 32 48 64 128 256 512; do
    dir="$icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    render "$size" "$dir/clipshelf.png"
done

# Windows: one .ico with the sizes Explorer and the taskbar pick from.
ico_parts=()
for size in 16 24 32 48 64 256; do
    render "$size" "$tmp/ico-$size.png"
    ico_parts+=("$tmp/ico-$size.png")
done
convert "${ico_parts[@]}" "$icons/clipshelf.ico"

# macOS: every size Finder and the Dock pick from, 16 to 1024 px, with the
# Retina (@2x) slots, all PNG (packaging/icns.py writes and checks the file).
for size in 16 32 64 128 256 512 1024; do
    render "$size" "$tmp/icon_$size.png"
done
python3 "$root/packaging/icns.py" write "$icons/clipshelf.icns" "$tmp"
python3 "$root/packaging/icns.py" check "$icons/clipshelf.icns" >/dev/null

echo "render-icons: wrote hicolor PNGs, clipshelf.ico and clipshelf.icns under $icons"
