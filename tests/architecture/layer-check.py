#!/usr/bin/env python3
"""Fails on any #include in src/ that runs from a lower layer to a higher one.

Usage: layer-check.py [ROOT]   (ROOT: the source tree, default: this checkout)

Every folder directly under src/ has a layer (LAYERS, bottom to top). A file may
include from its own folder or from a folder of a lower layer, never from a
higher one nor from another folder of its own layer. A folder that is not in the
table is an error too: a new folder gets its place here on purpose. Each finding
is one line, "src/FILE:LINE: ...", and the exit status is 1 when there is one.
"""

import os
import re
import sys

# Bottom to top. Folders in one entry share a layer (and may not include each
# other): library and settings are two features side by side.
LAYERS = [
    ("core",),
    ("jws",),
    ("api",),
    ("storage",),
    ("auth",),
    ("sync",),
    ("library", "settings"),
    ("composition",),
]

SOURCE_SUFFIXES = (".h", ".hpp", ".cpp", ".cc", ".h.in", ".cpp.in")
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')


def rank_of(folder):
    for rank, folders in enumerate(LAYERS):
        if folder in folders:
            return rank
    return None


def check(root):
    src = os.path.join(root, "src")
    if not os.path.isdir(src):
        return ["%s: no src/ folder" % root]
    findings = []
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith(SOURCE_SUFFIXES):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            parts = rel.split("/")
            if len(parts) < 3:
                continue  # directly in src/: not part of a layer
            folder = parts[1]
            own = rank_of(folder)
            if own is None:
                findings.append("%s:1: folder '%s' is not in the layer table "
                                "(tests/architecture/layer-check.py)" % (rel, folder))
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                for number, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m or "/" not in m.group(1):
                        continue
                    target = m.group(1).split("/")[0]
                    if target == folder:
                        continue
                    theirs = rank_of(target)
                    if theirs is None:
                        findings.append("%s:%d: includes \"%s\" from folder '%s', which is not in "
                                        "the layer table" % (rel, number, m.group(1), target))
                    elif theirs > own:
                        findings.append("%s:%d: %s (layer %d) includes \"%s\" from a higher layer: "
                                        "%s (layer %d)" % (rel, number, folder, own, m.group(1),
                                                           target, theirs))
                    elif theirs == own:
                        findings.append("%s:%d: %s includes \"%s\" from %s, a folder of the same "
                                        "layer" % (rel, number, folder, m.group(1), target))
    return findings


def main(argv):
    root = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
    findings = check(os.path.abspath(root))
    for finding in findings:
        print(finding)
    if findings:
        print("layer check: %d include(s) against the layering (bottom to top: %s)"
              % (len(findings), " < ".join(" = ".join(f) for f in LAYERS)), file=sys.stderr)
        return 1
    print("layer check: every include in src/ goes to its own folder or a lower layer")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
