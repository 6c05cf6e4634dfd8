#!/usr/bin/env python3
"""Is a PNG (a headless browser's screenshot) not blank? Decodes the PNG with the standard library
(8-bit RGB or RGBA, not interlaced, as Chromium writes them) and prints the variance of the grey
levels and the number of distinct colours; exits 1 when the variance is below --min-variance or
fewer than --min-colours colours are found, 2 on a file it cannot read.
Usage: png_check.py FILE [--min-variance V] [--min-colours N]"""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    channels = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    min_variance = float(args[args.index("--min-variance") + 1]) if "--min-variance" in args else 100.0
    min_colours = int(args[args.index("--min-colours") + 1]) if "--min-colours" in args else 8
    try:
        width, height, channels, rows = read_png(args[0])
    except (OSError, ValueError, TypeError, zlib.error) as e:
        print(f"{args[0]}: {e}", file=sys.stderr)
        return 2
    total = total_sq = n = 0
    colours = set()
    for row in rows:
        for x in range(0, len(row), channels * 2):  # every other pixel: enough, and twice as fast
            r, g, b = row[x], row[x + 1], row[x + 2]
            grey = (r * 299 + g * 587 + b * 114) // 1000
            total += grey
            total_sq += grey * grey
            n += 1
            colours.add((r, g, b))
    variance = total_sq / n - (total / n) ** 2
    print(f"{args[0]}: {width}x{height}, grey variance {variance:.1f}, {len(colours)} colours")
    return 0 if variance >= min_variance and len(colours) >= min_colours else 1


if __name__ == "__main__":
    sys.exit(main())
