#!/usr/bin/python3
"""Convert the regions of gregoiredavid/france-geojson to coopmap's outline table.

Run once, by hand, when the source changes (coopmap itself never runs python):

    /usr/bin/python3 graphs/regions-outline.py regions-avec-outre-mer.geojson

writes graphs/regions-fr-outline.csv (region,ring,lon,lat) and the same table
built in as src/present/map/outline.c.  Source, licence and choices in
graphs/README.md ("regions-fr-outline.csv").
"""
import json
import math
import sys

TOLERANCE = 0.03   # Douglas-Peucker, degrees (about 3 km)
MIN_KM2 = 40.0     # islands smaller than this are left out (each region keeps its largest ring)


def perp(p, a, b):
    """Distance from p to the segment a-b, in degrees (longitude scaled by cos(latitude))."""
    k = math.cos(math.radians(a[1]))
    px, py, ax, ay, bx, by = p[0] * k, p[1], a[0] * k, a[1], b[0] * k, b[1]
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def simplify(pts, tol):
    """Douglas-Peucker on an open polyline (iterative)."""
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        best, at = 0.0, -1
        for k in range(i + 1, j):
            d = perp(pts[k], pts[i], pts[j])
            if d > best:
                best, at = d, k
        if at >= 0 and best > tol:
            keep[at] = True
            stack += [(i, at), (at, j)]
    return [p for p, kp in zip(pts, keep) if kp]


def area_km2(ring):
    """Area of a ring (shoelace on an equirectangular projection), km²."""
    lat0 = sum(p[1] for p in ring) / len(ring)
    k = 111.32 * math.cos(math.radians(lat0))
    s = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        s += (x1 * k) * (y2 * 110.57) - (x2 * k) * (y1 * 110.57)
    return abs(s) / 2


def simplify_ring(ring, tol):
    """A closed ring simplified: split at the point farthest from the first, so both halves keep their ends."""
    if ring[0] == ring[-1]:
        ring = ring[:-1]
    far = max(range(len(ring)), key=lambda k: (ring[k][0] - ring[0][0]) ** 2 + (ring[k][1] - ring[0][1]) ** 2)
    a = simplify(ring[:far + 1], tol)
    b = simplify(ring[far:] + [ring[0]], tol)
    out = a[:-1] + b[:-1]
    return out if len(out) >= 4 else ring


def main():
    src = json.load(open(sys.argv[1], encoding='utf-8'))
    rows = []
    ring_no = 0
    for f in sorted(src['features'], key=lambda f: f['properties']['nom']):
        name = f['properties']['nom']
        g = f['geometry']
        polys = g['coordinates'] if g['type'] == 'MultiPolygon' else [g['coordinates']]
        outers = [[tuple(p) for p in poly[0]] for poly in polys]  # outer rings only: no region has a hole worth drawing
        largest = max(outers, key=area_km2)
        for ring in outers:
            if ring is not largest and area_km2(ring) < MIN_KM2:
                continue
            ring_no += 1
            for lon, lat in simplify_ring(ring, TOLERANCE):
                rows.append((name, ring_no, round(lon, 4), round(lat, 4)))
    with open('graphs/regions-fr-outline.csv', 'w', encoding='utf-8', newline='\n') as out:
        out.write('region,ring,lon,lat\n')
        for name, r, lon, lat in rows:
            q = '"%s"' % name if ',' in name or '"' in name else name
            out.write('%s,%d,%.4f,%.4f\n' % (q, r, lon, lat))
    names = sorted(set(r[0] for r in rows))
    with open('src/present/map/outline.c', 'w', encoding='utf-8', newline='\n') as out:
        out.write('/*\n'
                  ' * The outlines of France\'s 18 regions drawn under --layout geo: the built-in\n'
                  ' * copy of graphs/regions-fr-outline.csv, written by graphs/regions-outline.py\n'
                  ' * (IGN ADMIN EXPRESS through gregoiredavid/france-geojson, Licence Ouverte;\n'
                  ' * source, simplification and licence in graphs/README.md).\n'
                  ' * tests/cli/cases/36_map_outline.sh checks that the two agree.\n'
                  ' */\n'
                  '#include "present/map/outline.h"\n\n')
        out.write('/* The regions, as named in graphs/cites-educatives/nodes.csv; cm_outline_point.region indexes it. */\n')
        out.write('const char *const cm_outline_regions[] = {\n')
        for n in names:
            out.write('\t"%s",\n' % n.replace('\\', '\\\\').replace('"', '\\"'))
        out.write('};\n\nconst size_t cm_outline_regions_n = sizeof(cm_outline_regions) / sizeof(cm_outline_regions[0]);\n\n')
        out.write('/* region, ring, longitude, latitude: each ring\'s points in order, the ring closed by its last point back to its first. */\n')
        out.write('const cm_outline_point cm_france_outline[] = {\n')
        for name, r, lon, lat in rows:
            out.write('\t{ %d, %d, %.4f, %.4f },\n' % (names.index(name), r, lon, lat))
        out.write('};\n\nconst size_t cm_france_outline_n = sizeof(cm_france_outline) / sizeof(cm_france_outline[0]);\n')
    print('%d regions, %d rings, %d points' % (len(names), ring_no, len(rows)), file=sys.stderr)


if __name__ == '__main__':
    main()
