#!/usr/bin/env python3
"""Writes icon.png, the extension's 128x128 icon: a page with lines of text and a check
mark, drawn pixel by pixel and encoded with zlib (no image library needed).

Run from editors/vscode: python3 scripts/icon.py [OUT] (default icon.png). The icon is
not committed: `npm run icon` (part of `vscode:prepublish`, so `vsce package`) makes it.
"""

import struct
import sys
import zlib

SIZE = 128
BLUE = (31, 78, 140, 255)
PAGE = (250, 250, 247, 255)
INK = (150, 160, 175, 255)
GREEN = (34, 150, 90, 255)
CLEAR = (0, 0, 0, 0)


def inside_rounded(x, y, left, top, right, bottom, radius):
    """Whether pixel (x, y) lies in the rectangle with rounded corners."""
    if not (left <= x < right and top <= y < bottom):
        return False
    cx = min(max(x, left + radius), right - 1 - radius)
    cy = min(max(y, top + radius), bottom - 1 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2


def near_segment(x, y, a, b, width):
    """Whether pixel (x, y) lies within width/2 of the segment from a to b."""
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    px, py = ax + t * dx, ay + t * dy
    return (x - px) ** 2 + (y - py) ** 2 <= (width / 2) ** 2


def pixel(x, y):
    if near_segment(x, y, (62, 88), (78, 104), 11) or near_segment(x, y, (78, 104), (110, 62), 11):
        return GREEN
    if inside_rounded(x, y, 30, 18, 98, 112, 6):
        for top in (34, 48, 62, 76):
            if 42 <= x < 86 and top <= y < top + 6:
                return INK
        return PAGE
    if inside_rounded(x, y, 0, 0, SIZE, SIZE, 20):
        return BLUE
    return CLEAR


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def main():
    rows = b"".join(
        b"\x00" + bytes(c for x in range(SIZE) for c in pixel(x, y)) for y in range(SIZE)
    )
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )
    with open(sys.argv[1] if len(sys.argv) > 1 else "icon.png", "wb") as out:
        out.write(png)


if __name__ == "__main__":
    main()
