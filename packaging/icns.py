#!/usr/bin/env python3
"""The macOS app icon container (.icns), written and checked without Apple's tools.

  icns.py write OUT.icns DIR   DIR holds icon_<N>.png for N in 16 32 64 128 256 512 1024
  icns.py check FILE.icns      fails unless every size macOS asks for is there, as PNG

An .icns file is the magic 'icns' and the file length (big-endian), then
entries of a 4-byte type, a 4-byte length (header included) and the data.
Every entry here is a PNG, which macOS 10.7 and later read for all these types.
The output depends only on the PNGs, so it is reproducible.
"""
import struct
import sys

# type -> (pixels, what Finder/Dock use it for). The @2x types are the Retina
# variants of the point size: same pixels as the next size up, their own slot.
ENTRIES = [
    (b"icp4", 16, "16 pt"),
    (b"ic11", 32, "16 pt @2x"),
    (b"icp5", 32, "32 pt"),
    (b"ic12", 64, "32 pt @2x"),
    (b"icp6", 64, "64 pt"),
    (b"ic07", 128, "128 pt"),
    (b"ic13", 256, "128 pt @2x"),
    (b"ic08", 256, "256 pt"),
    (b"ic14", 512, "256 pt @2x"),
    (b"ic09", 512, "512 pt"),
    (b"ic10", 1024, "512 pt @2x"),
]
SIZES = sorted({pixels for _, pixels, _ in ENTRIES})
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data):
    if not data.startswith(PNG_MAGIC) or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24])


def write(out, folder):
    body = b""
    for kind, pixels, _ in ENTRIES:
        with open("%s/icon_%d.png" % (folder, pixels), "rb") as f:
            data = f.read()
        if png_size(data) != (pixels, pixels):
            raise ValueError("icon_%d.png is %dx%d" % ((pixels,) + png_size(data)))
        body += kind + struct.pack(">I", 8 + len(data)) + data
    with open(out, "wb") as f:
        f.write(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def check(path):
    with open(path, "rb") as f:
        data = f.read()
    problems = []
    if data[:4] != b"icns" or struct.unpack(">I", data[4:8])[0] != len(data):
        return ["%s: not an icns file, or its length field is wrong" % path]
    found = {}
    offset = 8
    while offset + 8 <= len(data):
        kind = data[offset:offset + 4]
        length = struct.unpack(">I", data[offset + 4:offset + 8])[0]
        if length < 8 or offset + length > len(data):
            return ["%s: entry %r at %d has a bad length" % (path, kind, offset)]
        found[kind] = data[offset + 8:offset + length]
        offset += length
    for kind, pixels, use in ENTRIES:
        entry = found.get(kind)
        if entry is None:
            problems.append("%s: no %s entry (%dx%d, %s)" % (path, kind.decode(), pixels, pixels, use))
            continue
        try:
            size = png_size(entry)
        except ValueError:
            problems.append("%s: %s is not a PNG" % (path, kind.decode()))
            continue
        if size != (pixels, pixels):
            problems.append("%s: %s is %dx%d, not %dx%d" % ((path, kind.decode()) + size + (pixels, pixels)))
    return problems


def main(argv):
    if len(argv) == 4 and argv[1] == "write":
        write(argv[2], argv[3])
        return 0
    if len(argv) == 3 and argv[1] == "check":
        problems = check(argv[2])
        for problem in problems:
            print(problem, file=sys.stderr)
        if not problems:
            print("icns: %s has every size from 16 to 1024 px, Retina included" % argv[2])
        return 1 if problems else 0
    print(__doc__.strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
