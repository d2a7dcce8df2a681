#!/usr/bin/env python3
"""Derive the Rendering target's committed world map from Natural Earth.

Run it only to refresh the data; building the Swift package needs no Python.

    python3 scripts/build-map.py [--wheel geopandas-0.14.4-py3-none-any.whl]

Inputs
  * Natural Earth 1:110m Admin 0 countries (public domain, https://www.naturalearthdata.com/),
    as shipped in the PyPI package geopandas 0.14.4 (geopandas/datasets/naturalearth_lowres:
    the .shp polygons and the .dbf table with each country's ISO 3166-1 alpha-3 code).
    Downloaded with `pip download --no-deps` unless --wheel is given.
  * Debian iso-codes: /usr/share/iso-codes/json/iso_3166-1.json, to key the outlines by the
    alpha-2 codes the graph uses (Natural Earth writes -99 for a few; those keep the code '--').

Output in Sources/Rendering/Resources/
  countries.tsv  a header of '#' lines (source, licence, format), then one outline ring per line:
                 alpha-2 code, TAB, points "lon,lat lon,lat …" in degrees with one decimal,
                 simplified (Douglas–Peucker, 0.1°), rings of fewer than 4 points dropped,
                 sorted by code then by the ring's first point.
"""
import argparse
import json
import os
import struct
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "Rendering", "Resources", "countries.tsv")
WHEEL = "geopandas==0.14.4"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
TOLERANCE = 0.1  # degrees: below a pixel on an A4 world map, enough to keep the coasts' shape


def read_wheel(path):
    with zipfile.ZipFile(path) as z:
        return z.read(MEMBER + ".shp"), z.read(MEMBER + ".dbf")


def shapes(shp):
    """The polygons of an ESRI shapefile: per record, a list of rings of (lon, lat)."""
    offset = 100
    records = []
    while offset < len(shp):
        _, length = struct.unpack(">ii", shp[offset:offset + 8])
        content = shp[offset + 8:offset + 8 + 2 * length]
        offset += 8 + 2 * length
        (shape_type,) = struct.unpack("<i", content[:4])
        if shape_type == 0:
            records.append([])
            continue
        if shape_type not in (5, 15, 25):
            sys.exit(f"build-map: record of shape type {shape_type}, expected polygons")
        num_parts, num_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{num_parts}i", content[44:44 + 4 * num_parts]))
        base = 44 + 4 * num_parts
        points = [struct.unpack("<dd", content[base + 16 * i:base + 16 * i + 16]) for i in range(num_points)]
        parts.append(num_points)
        records.append([points[parts[k]:parts[k + 1]] for k in range(num_parts)])
    return records


def table(dbf):
    """The rows of a dBASE table as dicts of stripped strings."""
    num_records, header_len, record_len = struct.unpack("<IHH", dbf[4:12])
    fields = []
    pos = 32
    while dbf[pos] != 0x0D:
        name = dbf[pos:pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, dbf[pos + 16]))
        pos += 32
    rows = []
    for r in range(num_records):
        start = header_len + r * record_len + 1  # skip the deletion flag
        row, at = {}, start
        for name, size in fields:
            row[name] = dbf[at:at + size].decode("utf-8", "replace").strip()
            at += size
        rows.append(row)
    return rows


def simplify(ring, tolerance):
    """Douglas–Peucker on a closed ring (first point = last point), iteratively."""
    if len(ring) < 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = ring[a], ring[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, best_d = None, tolerance
        for i in range(a + 1, b):
            px, py = ring[i]
            if norm == 0:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / norm
            if d > best_d:
                best, best_d = i, d
        if best is not None:
            keep[best] = True
            stack += [(a, best), (best, b)]
    if len(ring) > 2 and ring[0] == ring[-1] and sum(keep) < 4:
        # A closed ring whose end points coincide: keep the farthest point so it stays an area.
        far = max(range(1, len(ring) - 1), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)
        keep[far] = True
    return [p for p, k in zip(ring, keep) if k]


def alpha2_by_alpha3():
    with open("/usr/share/iso-codes/json/iso_3166-1.json", encoding="utf-8") as f:
        return {c["alpha_3"]: c["alpha_2"] for c in json.load(f)["3166-1"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wheel", help="a downloaded geopandas 0.14.4 wheel")
    args = parser.parse_args()
    wheel = args.wheel
    if not wheel:
        tmp = tempfile.mkdtemp()
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", WHEEL, "-d", tmp], check=True)
        wheel = os.path.join(tmp, [f for f in os.listdir(tmp) if f.endswith(".whl")][0])
    shp, dbf = read_wheel(wheel)
    polygons, rows = shapes(shp), table(dbf)
    if len(polygons) != len(rows):
        sys.exit(f"build-map: {len(polygons)} shapes but {len(rows)} table rows")
    alpha2 = alpha2_by_alpha3()
    lines = []
    for rings, row in zip(polygons, rows):
        code = alpha2.get(row.get("iso_a3", ""), "--")
        for ring in rings:
            rounded = []
            for lon, lat in simplify(ring, TOLERANCE):
                p = (round(lon, 1), round(lat, 1))
                if not rounded or rounded[-1] != p:
                    rounded.append(p)
            if len(rounded) < 4:
                continue
            lines.append((code, rounded))
    lines.sort(key=lambda item: (item[0], item[1][0]))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# World country outlines for TwinGraph's map diagram, made by scripts/build-map.py.\n")
        f.write("# Source: Natural Earth 1:110m Admin 0 countries (public domain, https://www.naturalearthdata.com/),\n")
        f.write("# as shipped in PyPI geopandas 0.14.4; simplified to 0.1 degree, keyed by ISO 3166-1 alpha-2\n")
        f.write("# (Debian iso-codes), '--' where Natural Earth gives no code.\n")
        f.write("# Format: code TAB lon,lat lon,lat ... (one closed ring per line, degrees)\n")
        for code, ring in lines:
            f.write(code + "\t" + " ".join(f"{lon:g},{lat:g}" for lon, lat in ring) + "\n")
    points = sum(len(r) for _, r in lines)
    print(f"build-map: {len(lines)} rings, {points} points, {len({c for c, _ in lines})} codes -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
