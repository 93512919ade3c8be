# shellcheck shell=bash
# Colours fixed by value (issue 14): the same type has the same fill on
# render --to 2019, --to 2022 and the full map, each known type has the
# ColorBrewer paired12 colour docs/maps.md gives it (hex written out here,
# from colorbrewer2.org), rings differ from every fill in use, and the
# legend draws one distinct glyph per value in that value's colour.
# The SVG is parsed with Debian's python3 (xml.etree).
PY=/usr/bin/python3
S=graphs/cites-educatives
if [ -x "$PY" ]; then
	for m in 2019 2022 full; do
		if [ "$m" = full ]; then run render "$S" -o "$TMP/col-$m.svg"; else run render "$S" --to "$m" -o "$TMP/col-$m.svg"; fi
		expect_status "render colours $m" 0
	done
	"$PY" - "$S/nodes.csv" "$TMP"/col-2019.svg "$TMP"/col-2022.svg "$TMP"/col-full.svg >"$TMP/colcheck" 2>&1 <<'PYEOF'
import csv, sys, re, xml.etree.ElementTree as ET
NS = {'s': 'http://www.w3.org/2000/svg', 'x': 'http://www.w3.org/1999/xlink'}
# ColorBrewer "Paired" (12 classes) from colorbrewer2.org, the entries docs/maps.md fixes per type
want = {'cite': '#1f78b4', 'crpv': '#ff7f00', 'reseau': '#6a3d9a', 'etat': '#b15928',
        'collectivite': '#33a02c', 'association': '#e31a1c', 'ecole': '#fdbf6f', 'parents': '#fb9a99',
        'universite': '#cab2d6', 'consultant': '#b2df8a'}
glyph = {'cite': '\u25cf', 'crpv': '\u25a0', 'reseau': '\u25c6', 'etat': '\u25b2'}
type_of = {}
for row in csv.DictReader(open(sys.argv[1], encoding='utf-8')):
    type_of[row['label'] or row['id']] = row['type']
bad = []
seen = {}
for path in sys.argv[2:]:
    root = ET.parse(path).getroot()
    fills, strokes = set(), set()
    for g in root.iter('{http://www.w3.org/2000/svg}g'):
        if g.get('class') != 'node':
            continue
        a = g.find('.//s:a', NS)
        shape = [e for e in g.iter() if e.tag.split('}')[1] in ('polygon', 'ellipse')]
        label = a.get('{http://www.w3.org/1999/xlink}title')
        t = type_of.get(label)
        fill = shape[0].get('fill')
        fills.add(fill)
        for e in shape:
            if e.get('stroke') not in ('#333333', None):
                strokes.add(e.get('stroke'))
        if t is None:
            continue
        seen.setdefault(t, set()).add(fill)
        if t in want and fill != want[t]:
            bad.append('%s: %s is %s, want %s' % (path, t, fill, want[t]))
    if not strokes:
        bad.append('%s: no ring drawn' % path)
    for s in strokes & fills:
        bad.append('%s: ring %s is also a fill' % (path, s))
    # legend: one glyph per value in its colour, all distinct
    legend = [(t.get('fill'), t.text) for t in root.iter('{http://www.w3.org/2000/svg}text')
              if t.text and len(t.text) == 1 and ord(t.text) > 0x2000]
    glyphs = [x[1] for x in legend if x[0] in want.values()]
    if len(glyphs) != len(set(glyphs)):
        bad.append('%s: legend glyphs repeat: %s' % (path, glyphs))
    for t, gl in glyph.items():
        if (want[t], gl) not in legend:
            bad.append('%s: legend lacks %s in %s for %s' % (path, gl, want[t], t))
for t, f in seen.items():
    if len(f) != 1:
        bad.append('type %s has fills %s across the maps' % (t, sorted(f)))
print('\n'.join(bad) if bad else 'ok')
PYEOF
	[ "$(cat "$TMP/colcheck")" = ok ]; check "render colours fixed by type, rings apart, one legend glyph each" $? "$(head -c 600 "$TMP/colcheck")"
fi
