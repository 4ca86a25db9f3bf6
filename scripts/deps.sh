#!/usr/bin/env bash
# Prints the Debian packages Clipshelf needs on one Debian release: the
# groups of scripts/deps.txt, changed by scripts/deps-releases.txt.
#
#   deps.sh [--suite CODENAME] [--groups g1,g2,...] [--deb-depends]
#
# --suite        the release (default: this system's VERSION_CODENAME; none:
#                deps.txt unchanged)
# --groups       only these groups of deps.txt (build, runtime, deb, test,
#                fuzz, style, bench, deb-build, packaging; default: all)
# --deb-depends  the hand-kept part of the .deb's Depends (group "deb"),
#                comma-separated on one line
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

suite=""
groups=""
deb_depends=0
while [ $# -gt 0 ]; do
    case "$1" in
        --suite) suite=$2; shift 2 ;;
        --groups) groups=$2; shift 2 ;;
        --deb-depends) deb_depends=1; groups=deb; shift ;;
        *) echo "deps.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
if [ -z "$suite" ]; then
    # shellcheck source=/dev/null
    suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
fi
# Not Debian (no codename): deps.txt as it is.
suite=${suite:-none}

wanted() { # group-words... → true when one of them is asked for
    [ -z "$groups" ] && return 0
    local g
    for g in "$@"; do
        case ",$groups," in *",$g,"*) return 0 ;; esac
    done
    return 1
}

declare -A drop=() rename=()
adds=()
while read -r release change pkg extra _; do
    case "$release" in "" | \#*) continue ;; esac
    [ "$release" = "$suite" ] || continue
    case "$change" in
        add) if wanted "$extra"; then adds+=("$pkg"); fi ;;
        drop) drop[$pkg]=1 ;;
        rename) rename[$pkg]=$extra ;;
        *) echo "deps.sh: deps-releases.txt: unknown change '$change'" >&2; exit 2 ;;
    esac
done < "$here/deps-releases.txt"

out=()
section=()
while read -r line; do
    case "$line" in
        "#@ "*) read -ra section <<< "${line#\#@ }"; continue ;;
        "" | \#*) continue ;;
    esac
    wanted "${section[@]}" || continue
    [ -z "${drop[$line]:-}" ] || continue
    out+=("${rename[$line]:-$line}")
done < "$here/deps.txt"
out+=("${adds[@]}")

if [ $deb_depends -eq 1 ]; then
    (IFS=,; echo "${out[*]}") | sed 's/,/, /g'
else
    printf '%s\n' "${out[@]}"
fi
