# shellcheck shell=bash
# The regions' outlines under --layout geo (issue 14): the built-in table in
# src/present/map/outline.c is graphs/regions-fr-outline.csv point for point;
# the shipped polygons put each actor with lat/lon in its own region (point in
# polygon computed here from the CSV, not from coopmap's drawing); the geo map
# draws one grey line per ring shown (the 13 metropolitan regions, and the
# overseas regions whose inset is on the map), each named in its tooltip, and
# an actor alone at its lat/lon lies inside its region's drawn ring.
PY=/usr/bin/python3
if [ -x "$PY" ]; then
	"$PY" - graphs/regions-fr-outline.csv src/present/map/outline.c >"$TMP/ol-check" 2>&1 <<'PYEOF'
import csv, re, sys
want = [(r['region'], int(r['ring']), float(r['lon']), float(r['lat'])) for r in csv.DictReader(open(sys.argv[1], encoding='utf-8'))]
src = open(sys.argv[2], encoding='utf-8').read()
names = re.findall(r'^\t"((?:[^"\\]|\\.)*)",$', src, re.M)
got = [(names[int(a)], int(b), float(c), float(d)) for a, b, c, d in
       re.findall(r'\{ (\d+), (\d+), (-?[\d.]+), (-?[\d.]+) \}', src)]
regions = sorted(set(w[0] for w in want))
bad = []
if want != got or len(want) < 500:
    bad.append('table differs: %d points, csv %d' % (len(got), len(want)))
if len(regions) != 18:
    bad.append('%d regions, want 18: %s' % (len(regions), regions))
print('\n'.join(bad) if bad else 'ok')
PYEOF
	[ "$(cat "$TMP/ol-check")" = ok ]; check "outline: built-in table = graphs/regions-fr-outline.csv, 18 regions" $? "$(cat "$TMP/ol-check")"

	# every actor with lat/lon and a region: inside its own region's polygon and no other's, or (simplified
	# coast: Marseille's Vieux-Port is water in IGN's outline) within 3 km of its region's border
	"$PY" - graphs/regions-fr-outline.csv graphs/cites-educatives/nodes.csv >"$TMP/ol-pip" 2>&1 <<'PYEOF'
import csv, math, sys
rings = {}
for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')):
    rings.setdefault((r['region'], int(r['ring'])), []).append((float(r['lon']), float(r['lat'])))
def inside(pts, x, y):
    c = False
    for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            c = not c
    return c
def km_to(pts, x, y):
    # distance to the ring's segments, equirectangular around the point
    k = math.cos(math.radians(y))
    best = 1e9
    for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1]):
        ax, ay, bx, by = (x1 - x) * k, y1 - y, (x2 - x) * k, y2 - y
        dx, dy = bx - ax, by - ay
        t = 0 if dx == dy == 0 else max(0, min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)))
        best = min(best, math.hypot(ax + t * dx, ay + t * dy) * 111.2)
    return best
bad, n_in, n_near = [], 0, 0
for r in csv.DictReader(open(sys.argv[2], encoding='utf-8')):
    if not (r['lat'] and r['lon'] and r['region']):
        continue
    x, y = float(r['lon']), float(r['lat'])
    hit = sorted(set(reg for (reg, _), p in rings.items() if inside(p, x, y)))
    if hit == [r['region']]:
        n_in += 1
    elif not hit and min(km_to(p, x, y) for (reg, _), p in rings.items() if reg == r['region']) < 3:
        n_near += 1
    else:
        bad.append('%s (%s, %s) of %s: in %s' % (r['id'], y, x, r['region'], hit))
if n_in < 15:
    bad.append('only %d actors inside their region' % n_in)
print('\n'.join(bad) if bad else 'ok %d inside, %d on the coast' % (n_in, n_near))
PYEOF
	grep -q '^ok' "$TMP/ol-pip"; check "outline: actors with lat/lon inside their own region's polygon" $? "$(head -c 600 "$TMP/ol-pip")"

	run render graphs/cites-educatives --layout geo -o "$TMP/geo.svg"
	expect_status "render geo with outline" 0
	# rings drawn: class "edge outline", the region in the tooltip; Martinique's inset is in use on the sample,
	# La Réunion's is not; an actor alone at its lat/lon inside its own region's drawn ring
	"$PY" - "$TMP/geo.svg" graphs/cites-educatives/nodes.csv graphs/regions-fr-outline.csv >"$TMP/ol-svg" 2>&1 <<'PYEOF'
import csv, html, re, sys
svg = open(sys.argv[1], encoding='utf-8').read()
rings = re.findall(r'<g id="edge\d+" class="edge outline">\s*<title>outline(\d+)a&#45;&#45;outline\d+z</title>\s*'
                   r'<g id="a_edge\d+"><a xlink:title="([^"]*)">\s*<path fill="none" stroke="#b8b8b8"[^>]* d="M([^"]*)"', svg, re.S)
shipped = {}
for r in csv.DictReader(open(sys.argv[3], encoding='utf-8')):
    shipped[int(r['ring'])] = r['region']
drawn = {}
bad = []
for ring, title, d in rings:
    region = html.unescape(title).split(' (IGN')[0]
    if shipped.get(int(ring)) != region:
        bad.append('ring %s named %s, shipped as %s' % (ring, region, shipped.get(int(ring))))
    drawn.setdefault(region, []).append([tuple(map(float, xy.split(','))) for xy in re.findall(r'-?[\d.]+,-?[\d.]+', d)])
metro = ['Auvergne-Rhône-Alpes', 'Bourgogne-Franche-Comté', 'Bretagne', 'Centre-Val de Loire', 'Corse', 'Grand Est',
         'Hauts-de-France', 'Normandie', 'Nouvelle-Aquitaine', 'Occitanie', 'Pays de la Loire',
         "Provence-Alpes-Côte d'Azur", 'Île-de-France']
missing = [m for m in metro + ['Martinique'] if m not in drawn]
if missing:
    bad.append('regions not drawn: %s' % missing)
if 'La Réunion' in drawn:
    bad.append('La Réunion drawn without its inset')
want = len([k for k, v in shipped.items() if v in metro + ['Martinique']])
if len(rings) != want:
    bad.append('%d rings drawn, want %d (the metropole and Martinique)' % (len(rings), want))
def inside(pts, x, y):
    c = False
    for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            c = not c
    return c
# actors alone at their lat/lon in the metropole (those sharing a point are spread around it)
rows = list(csv.DictReader(open(sys.argv[2], encoding='utf-8')))
at = {}
for r in rows:
    at[(r['lat'], r['lon'])] = at.get((r['lat'], r['lon']), 0) + 1
label = {}
for r in rows:
    if r['lat'] and r['lon'] and r['region'] in metro and at[(r['lat'], r['lon'])] == 1:
        label[r['label']] = r
n = 0
for m in re.finditer(r'<g id="node\d+" class="node">\s*<title>n\d+</title>\s*<g id="a_node\d+"><a xlink:title="([^"]*)">\s*<(?:ellipse|polygon)[^>]*?(?:cx="([-\d.]+)" cy="([-\d.]+)"|points="([^"]*)")', svg):
    name = html.unescape(m.group(1))
    if name in label:
        if m.group(2):
            x, y = float(m.group(2)), float(m.group(3))
        else:  # a polygon's centre: the mean of its corners (the last repeats the first)
            corners = [tuple(map(float, xy.split(','))) for xy in m.group(4).split()][:-1]
            x, y = sum(c[0] for c in corners) / len(corners), sum(c[1] for c in corners) / len(corners)
        r = label[name]
        n += 1
        if not any(inside(ring, x, y) for ring in drawn.get(r['region'], [])):
            bad.append('%s (%s, %s) outside %s as drawn' % (name, r['lat'], r['lon'], r['region']))
if n < 10:
    bad.append('%d actors with lat/lon found, want 10 or more' % n)
print('\n'.join(bad) if bad else 'ok %d' % n)
PYEOF
	grep -q '^ok' "$TMP/ol-svg"; check "render geo: region rings, actors with lat/lon inside their region" $? "$(head -c 600 "$TMP/ol-svg")"
fi
