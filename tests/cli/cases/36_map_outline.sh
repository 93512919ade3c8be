# shellcheck shell=bash
# The outline of France under --layout geo (issue 14): the built-in table in
# src/present/map/outline.c is graphs/france-outline.csv point for point; the
# geo map draws one grey line per ring shown (the metropole, Corsica, Oléron,
# and the overseas regions whose inset is on the map), as pinned, and the
# actors placed by lat/lon lie inside the metropole's ring.
PY=/usr/bin/python3
if [ -x "$PY" ]; then
	"$PY" - graphs/france-outline.csv src/present/map/outline.c >"$TMP/ol-check" 2>&1 <<'PYEOF'
import csv, re, sys
want = [(int(r['ring']), float(r['lon']), float(r['lat'])) for r in csv.DictReader(open(sys.argv[1]))]
got = [(int(a), float(b), float(c)) for a, b, c in
       re.findall(r'\{ (\d+), (-?[\d.]+), (-?[\d.]+) \}', open(sys.argv[2]).read())]
print('ok' if want == got and len(want) > 500 else 'table differs: %d points, csv %d' % (len(got), len(want)))
PYEOF
	[ "$(cat "$TMP/ol-check")" = ok ]; check "outline: built-in table = graphs/france-outline.csv" $? "$(cat "$TMP/ol-check")"
	run render graphs/cites-educatives --layout geo -o "$TMP/geo.svg"
	expect_status "render geo with outline" 0
	# rings drawn: class "edge outline"; Martinique's inset is in use on the sample, La Réunion's is not
	"$PY" - "$TMP/geo.svg" graphs/cites-educatives/nodes.csv >"$TMP/ol-svg" 2>&1 <<'PYEOF'
import csv, re, sys
svg = open(sys.argv[1], encoding='utf-8').read()
rings = re.findall(r'<g id="edge\d+" class="edge outline">\s*<title>outline(\d+)a&#45;&#45;outline\d+z</title>.*?<path fill="none" stroke="#b8b8b8"[^>]* d="M([^"]*)"', svg, re.S)
names = sorted(int(r) for r, _ in rings)
bad = []
if 10 not in names or 8 not in names or 4 not in names:
    bad.append('rings drawn %s: want the metropole 10, Corsica 8 and Martinique 4' % names)
if 1 in names:
    bad.append('La Réunion drawn without its inset')
# the metropole's ring as a polygon (SVG coordinates); actors with lat/lon in the metropole inside it
d = dict((int(r), p) for r, p in rings)[10]
pts = [tuple(map(float, xy.split(','))) for xy in re.findall(r'-?[\d.]+,-?[\d.]+', d)]
def inside(x, y):
    c = False
    for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            c = not c
    return c
# actors alone at their lat/lon in the metropole (those sharing a point are spread around it, maybe into the sea)
rows = list(csv.DictReader(open(sys.argv[2], encoding='utf-8')))
at = {}
for r in rows:
    at[(r['lat'], r['lon'])] = at.get((r['lat'], r['lon']), 0) + 1
label = {}
for r in rows:
    if r['lat'] and r['lon'] and 41 < float(r['lat']) < 52 and -5.5 < float(r['lon']) < 10 and at[(r['lat'], r['lon'])] == 1:
        label[r['label']] = r
n = 0
for m in re.finditer(r'<g id="node\d+" class="node">\s*<title>n\d+</title>\s*<g id="a_node\d+"><a xlink:title="([^"]*)">\s*<(?:ellipse|polygon)[^>]*?(?:cx="([-\d.]+)" cy="([-\d.]+)"|points="([-\d.]+),([-\d.]+))', svg):
    name = m.group(1).replace('&#39;', "'").replace('&amp;', '&')
    if name in label:
        x, y = (float(m.group(2)), float(m.group(3))) if m.group(2) else (float(m.group(4)), float(m.group(5)))
        n += 1
        if not inside(x, y):
            bad.append('%s (%s, %s) outside the outline' % (name, label[name]['lat'], label[name]['lon']))
if n == 0:
    bad.append('no actor with lat/lon found')
print('\n'.join(bad) if bad else 'ok %d' % n)
PYEOF
	grep -q '^ok' "$TMP/ol-svg"; check "render geo: outline rings, actors with lat/lon inside France" $? "$(head -c 600 "$TMP/ol-svg")"
fi
