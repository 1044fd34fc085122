#!/usr/bin/env python3
"""Draws the TeamsPlans app icons (no dependencies beyond the standard library).

  color.png   192x192, full colour: white clipboard with three ticked lines on a blue square.
  outline.png  32x32, white on transparent (Teams outline icon rule: only white + transparency).

Run from anywhere: python3 appPackage/icons-src/make_icons.py  (writes into appPackage/).
Shapes are signed tests on continuous coordinates; each pixel is supersampled 8x8 for smooth edges.
"""
import math
import os
import struct
import zlib

SS = 8  # supersampling per axis


def rrect(x0, y0, x1, y1, r):
    def inside(x, y):
        if x < x0 or x > x1 or y < y0 or y > y1:
            return False
        cx = min(max(x, x0 + r), x1 - r)
        cy = min(max(y, y0 + r), y1 - r)
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
    return inside


def ring(outer, inner):
    return lambda x, y: outer(x, y) and not inner(x, y)


def segment(ax, ay, bx, by, w):
    def inside(x, y):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        px, py = ax + t * dx, ay + t * dy
        return (x - px) ** 2 + (y - py) ** 2 <= (w / 2) ** 2
    return inside


def union(*shapes):
    return lambda x, y: any(s(x, y) for s in shapes)


def render(size, layers):
    """layers: [(shape, (r, g, b, a))], painted in order (source-over)."""
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]  # premultiplied
            for sy in range(SS):
                for sx in range(SS):
                    x = px + (sx + 0.5) / SS
                    y = py + (sy + 0.5) / SS
                    r = g = b = a = 0.0
                    for shape, (cr, cg, cb, ca) in layers:
                        if shape(x, y):
                            sa = ca / 255.0
                            r = cr * sa + r * (1 - sa)
                            g = cg * sa + g * (1 - sa)
                            b = cb * sa + b * (1 - sa)
                            a = sa + a * (1 - sa)
                    acc[0] += r; acc[1] += g; acc[2] += b; acc[3] += a
            n = SS * SS
            alpha = acc[3] / n
            if alpha > 0:
                rgb = [round(c / n / alpha) for c in acc[:3]]
            else:
                rgb = [0, 0, 0]
            row += bytes([min(255, v) for v in rgb] + [round(alpha * 255)])
        rows.append(bytes(row))
    return rows


def write_png(path, size, rows):
    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + r for r in rows)
    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))  # 8-bit RGBA
    png += chunk(b"IDAT", zlib.compress(raw, 9))
    png += chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def color_icon():
    blue = (0x0F, 0x5C, 0xA8, 255)
    white = (255, 255, 255, 255)
    clip = (0x0A, 0x3D, 0x70, 255)
    tick = (0x1E, 0x9E, 0x4A, 255)
    line = (0x9B, 0xB4, 0xCF, 255)
    red = (0xDA, 0x25, 0x1D, 255)
    layers = [
        (rrect(0, 0, 192, 192, 0), blue),
        (rrect(50, 38, 142, 160, 12), white),
        (rrect(74, 28, 118, 52, 8), clip),
        (rrect(86, 22, 106, 34, 6), clip),
    ]
    for i, y in enumerate((74, 104, 134)):
        mark = tick if i < 2 else red
        if i < 2:
            layers.append((union(segment(64, y, 71, y + 7, 6), segment(71, y + 7, 84, y - 7, 6)), mark))
        else:  # an open item: a small red dot, the deadline still ahead
            layers.append((rrect(67, y - 6, 79, y + 6, 6), mark))
        layers.append((segment(94, y, 128, y, 7), line))
    return layers


def outline_icon():
    white = (255, 255, 255, 255)
    board = ring(rrect(6, 5, 26, 30, 3), rrect(8, 7, 24, 28, 1.5))
    clip = rrect(11, 3, 21, 8, 1.5)
    check = union(segment(11, 16.5, 14, 19.5, 2), segment(14, 19.5, 20.5, 12.5, 2))
    bar = segment(11, 24, 21, 24, 2)
    return [(union(board, clip, check, bar), white)]


def main():
    out = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    write_png(os.path.join(out, "color.png"), 192, render(192, color_icon()))
    write_png(os.path.join(out, "outline.png"), 32, render(32, outline_icon()))
    print("wrote", os.path.join(out, "color.png"), "and", os.path.join(out, "outline.png"))


if __name__ == "__main__":
    main()
