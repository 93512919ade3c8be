# shellcheck shell=bash
# The legend beside the map, never over it (issue 14): on maps whose positions
# coopmap knows (fr, geo) the legend is a node of its own (SVG class "node
# legend"); from the SVG coordinates, its box (its white ground) lies wholly to
# the right of, or wholly under, the box of everything else drawn (actors,
# labels, ties, region boxes, region outlines), and its text lies inside its box.
# A page much wider than the map puts it to the right; A4 (portrait) under.
PY=/usr/bin/python3
check_legend() { # check_legend NAME FILE.svg WHERE(right|under|any)
	"$PY" - "$2" "$3" >"$TMP/leg-check" 2>&1 <<'PYEOF'
import re, sys
svg = open(sys.argv[1], encoding='utf-8').read()
where = sys.argv[2]
nums = lambda s: [float(t) for t in re.findall(r'-?\d+(?:\.\d+)?(?:e-?\d+)?', s)]
groups = re.findall(r'<g id="(?:node|edge|clust)\d+" class="([^"]*)">(.*?)</g>\s*(?=<!--|<g id=|</g>\s*</svg>)', svg, re.S)
legend, rest = None, [1e9, 1e9, -1e9, -1e9]
def grow(bb, x, y):
    bb[0], bb[1], bb[2], bb[3] = min(bb[0], x), min(bb[1], y), max(bb[2], x), max(bb[3], y)
bad = []
for cls, body in groups:
    if cls == 'node legend':
        legend = body
        continue
    for m in re.finditer(r'points="([^"]*)"', body):
        v = nums(m.group(1))
        for x, y in zip(v[0::2], v[1::2]):
            grow(rest, x, y)
    for m in re.finditer(r'<ellipse[^>]*cx="([-\d.]+)" cy="([-\d.]+)" rx="([-\d.]+)" ry="([-\d.]+)"', body):
        cx, cy, rx, ry = map(float, m.groups())
        grow(rest, cx - rx, cy - ry)
        grow(rest, cx + rx, cy + ry)
    for m in re.finditer(r' d="M([^"]*)"', body):
        v = nums(m.group(1))
        for x, y in zip(v[0::2], v[1::2]):
            grow(rest, x, y)
if legend is None:
    print('no legend node')
    sys.exit()
pg = nums(re.search(r'<polygon[^>]*points="([^"]*)"', legend).group(1))
lx0, lx1, ly0, ly1 = min(pg[0::2]), max(pg[0::2]), min(pg[1::2]), max(pg[1::2])
texts = re.findall(r'<text text-anchor="start" x="([-\d.]+)" y="([-\d.]+)"[^>]*font-size="([\d.]+)"[^>]*>([^<]*)</text>', legend)
if len(texts) < 4:
    bad.append('legend has %d texts' % len(texts))
for x, y, fs, t in texts:
    # the text's start and baseline inside the ground (Graphviz sized the ground from the text)
    x, y, fs = float(x), float(y), float(fs)
    if not (lx0 - 0.5 <= x <= lx1 and ly0 <= y <= ly1 + 0.5):
        bad.append('legend text "%s" at %g,%g outside its box %g..%g, %g..%g' % (t, x, y, lx0, lx1, ly0, ly1))
right, under = lx0 >= rest[2], ly0 >= rest[3]
if not (right or under):
    bad.append('legend box %g..%g x %g..%g meets the map box %g..%g x %g..%g' % (lx0, lx1, ly0, ly1, rest[0], rest[2], rest[1], rest[3]))
if where == 'right' and not right:
    bad.append('legend not right of the map')
if where == 'under' and not under:
    bad.append('legend not under the map')
print('\n'.join(bad) if bad else 'ok %s' % ('right' if right else 'under'))
PYEOF
	grep -q '^ok' "$TMP/leg-check"; check "legend beside the map: $1" $? "$(head -c 600 "$TMP/leg-check")"
}
if [ -x "$PY" ]; then
	run render graphs/cites-educatives -o "$TMP/leg-fr.svg"
	expect_status "render fr with legend node" 0
	check_legend "sample, fr, A4" "$TMP/leg-fr.svg" under
	grep -q 'cite (60)' "$TMP/leg-fr.svg"; check "legend: cite (60) in the legend" $? ""
	run render graphs/cites-educatives --layout geo -o "$TMP/leg-geo.svg"
	expect_status "render geo with legend node" 0
	check_legend "sample, geo, A4" "$TMP/leg-geo.svg" any
	run render graphs/cites-educatives --layout geo --size 600x150mm -o "$TMP/leg-wide.svg"
	expect_status "render geo on a wide page" 0
	check_legend "sample, geo, wide page" "$TMP/leg-wide.svg" right
	run render graphs/cites-educatives --layout geo --highlight brokers:5,isolated --color-by region -o "$TMP/leg-reg.svg"
	expect_status "render geo by region colour" 0
	check_legend "sample, geo, colour by region, brokers" "$TMP/leg-reg.svg" any
	if [ -x build/tests/gen_network ]; then
		build/tests/gen_network --actors 40 --ties 80 --seed 3 --out "$TMP/leg40" >/dev/null
		run render "$TMP/leg40" -o "$TMP/leg40.svg"
		expect_status "render 40 actors" 0
		check_legend "40 generated actors, fr" "$TMP/leg40.svg" any
		run render "$TMP/leg40" --layout geo -o "$TMP/leg40geo.svg"
		expect_status "render 40 actors geo" 0
		check_legend "40 generated actors, geo" "$TMP/leg40geo.svg" any
	fi
	# the legend above the map where Graphviz places the actors (sfdp): in the graph label, no legend node
	run render graphs/cites-educatives --layout sfdp -o "$TMP/leg-sfdp.svg"
	! grep -q 'class="node legend"' "$TMP/leg-sfdp.svg" && grep -q 'cite (60)' "$TMP/leg-sfdp.svg"
	check "legend: sfdp keeps it in the graph label" $? ""
fi
