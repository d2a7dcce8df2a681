#!/usr/bin/env python3
"""Count the edges drawn through nodes they do not join, in a laid-out diagram.

    twingraph draw network --graph Graphs/graph.json --format dot | python3 scripts/count-crossings.py

Reads Graphviz's laid-out DOT (`--format dot`: every node has pos/width/height, every edge
its spline in pos) and prints, for the visible nodes and edges, how many (edge, node) pairs
cross: the edge's curve passes through the node's shape (ellipse, else its box, less 2 points
all round) and the node is neither of its ends.
Invisible helpers (style=invis) and label-only nodes (plaintext) are skipped as obstacles.
With -v, lists the pairs.
"""
import re
import sys


def statements(text):
    """Top-level DOT statements as (head, attributes) pairs; attributes as a dict."""
    out = []
    for match in re.finditer(r'^\s*("?[^\s\[\]{}"]+"?(?:\s*->\s*"?[^\s\[\]{}"]+"?)?)\s*\[(.*?)\];', text, re.S | re.M):
        head = match.group(1).replace('"', "")
        attrs = {}
        for a in re.finditer(r'([A-Za-z_]+)=("(?:[^"\\]|\\.)*"|<.*?>(?=,|\s*$)|[^,\s\]]+)', match.group(2), re.S):
            value = a.group(2)
            if value.startswith('"'):
                value = value[1:-1].replace("\\\n", "")
            attrs[a.group(1)] = value
        out.append((head, attrs))
    return out


def bezier_points(pos):
    """Points along an edge's spline: Graphviz writes 'e,x,y s,x,y p0 p1 ... p3n' (cubic Béziers)."""
    pts = []
    for token in pos.replace("\\", " ").split():
        if token.startswith(("e,", "s,")):
            continue
        xy = token.split(",")
        if len(xy) == 2:
            pts.append((float(xy[0]), float(xy[1])))
    samples = []
    for k in range(0, len(pts) - 3, 3):
        p0, p1, p2, p3 = pts[k:k + 4]
        for i in range(21):
            t = i / 20
            u = 1 - t
            samples.append((u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                            u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1]))
    return samples or pts


def main():
    verbose = "-v" in sys.argv
    text = sys.stdin.read()
    nodes, edges = {}, []
    for head, attrs in statements(text):
        if head in ("graph", "node", "edge"):
            continue
        if "->" in head or "--" in head:
            a, b = re.split(r"\s*-[->]\s*", head)
            if "invis" in attrs.get("style", "") or "pos" not in attrs:
                continue
            edges.append((a, b, bezier_points(attrs["pos"])))
        elif "pos" in attrs and "width" in attrs:
            if "invis" in attrs.get("style", "") or attrs.get("shape") in ("plaintext", "point", "none"):
                continue
            x, y = (float(v) for v in attrs["pos"].split(",")[:2])
            w, h = float(attrs["width"]) * 72, float(attrs["height"]) * 72
            nodes[head] = (x, y, w / 2 - 2, h / 2 - 2, attrs.get("shape", "ellipse") in ("ellipse", "oval", "circle"))
    crossings = []
    for a, b, samples in edges:
        for name, (cx, cy, rx, ry, round_shape) in nodes.items():
            if name in (a, b) or rx <= 0 or ry <= 0:
                continue
            # The shape shrunk by 2 points: a curve grazing its outline is no crossing.
            if round_shape:
                inside = any(((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 < 1 for x, y in samples)
            else:
                inside = any(abs(x - cx) < rx and abs(y - cy) < ry for x, y in samples)
            if inside:
                crossings.append((a, b, name))
    print(f"{len(crossings)} edge-node crossings ({len(edges)} edges, {len(nodes)} nodes)")
    if verbose:
        for a, b, name in crossings:
            print(f"  {a} -> {b} passes through {name}")


if __name__ == "__main__":
    main()
