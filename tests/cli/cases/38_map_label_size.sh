# shellcheck shell=bash
# Labels legible on the page (issue 14): once Graphviz scales the map down
# to its page (render --size, A4 by default), every actor label coopmap
# places (class "node label") is printed at MIN_LABEL_POINTS (7) points or
# more: its font-size times the SVG's scale.  The scale is read twice from
# the SVG: the transform of the drawing (Graphviz rounds it to two
# decimals) and the width of the viewBox over the width of the white
# background polygon (the whole drawing, unscaled); the smaller counts.
# Every label asked for is drawn or counted in the caption ("N labels left
# out"), and every label keeps its actor's whole name in its tooltip.
# The legend drawn beside or under the map (class "node legend") keeps
# the same least size.
PY=/usr/bin/python3
check_size() { # check_size NAME FILE.svg LABELS-ASKED (0: not checked)
	"$PY" - "$2" "$3" >"$TMP/size-check" 2>&1 <<'PYEOF'
import re, sys, xml.etree.ElementTree as ET
S = '{http://www.w3.org/2000/svg}'
root = ET.parse(sys.argv[1]).getroot()
asked = int(sys.argv[2])
vb = [float(t) for t in root.get('viewBox').split()]
g0 = root.find(S + 'g')
t = float(re.search(r'scale\(([\d.]+)', g0.get('transform')).group(1))
bg = [float(v) for pt in g0.find(S + 'polygon').get('points').split() for v in pt.split(',')]
xs = bg[0::2]
exact = vb[2] / (max(xs) - min(xs))
scale = min(t, exact)
# the labels, and the legend beside or under the map (fr and geo maps): printed sizes
bad, printed = [], {'label': [], 'legend': []}
for g in root.iter(S + 'g'):
    kind = {'node label': 'label', 'node legend': 'legend'}.get(g.get('class'))
    for txt in g.iter(S + 'text') if kind else ():
        pt = float(txt.get('font-size')) * scale
        printed[kind].append(pt)
        if pt < 7 - 0.01:
            bad.append('%s "%s" printed at %.2f pt (scale %.4f)' % (kind, txt.text, pt, scale))
sizes, legend = printed['label'], printed['legend']
if not sizes:
    bad.append('no label drawn')
caption = ' '.join(x.text or '' for x in root.iter(S + 'text'))
m = re.search(r'(\d+) labels? left out', caption)
out = int(m.group(1)) if m else 0
if asked and len(sizes) + out != asked:
    bad.append('%d labels drawn, %d counted as left out, %d asked' % (len(sizes), out, asked))
print('\n'.join(bad[:10]) if bad else 'ok %d labels, smallest %.2f pt, %d left out; legend %d texts, smallest %s pt'
      % (len(sizes), min(sizes), out, len(legend), '%.2f' % min(legend) if legend else '-'))
PYEOF
	grep -q '^ok' "$TMP/size-check"; check "$1" $? "$(head -c 800 "$TMP/size-check")"
}
if [ -x "$PY" ]; then
	S=graphs/cites-educatives
	run render "$S" -o "$TMP/size-a4.svg"
	check_size "render labels >= 7 pt at A4 (sample)" "$TMP/size-a4.svg" 0
	run render "$S" -o "$TMP/size-all.svg" --labels all
	check_size "render --labels all >= 7 pt at A4, 103 drawn or counted" "$TMP/size-all.svg" 103
	run render "$S" -o "$TMP/size-a5.svg" --labels all --size A5
	check_size "render --labels all >= 7 pt at A5" "$TMP/size-a5.svg" 103
	run render "$S" -o "$TMP/size-geo.svg" --layout geo
	check_size "render labels >= 7 pt at A4 (geo)" "$TMP/size-geo.svg" 0
	run render "$S" -o "$TMP/size-by.svg" --by region
	check_size "render labels >= 7 pt at A4 (--by region)" "$TMP/size-by.svg" 0
	GEN=build/tests/gen_network
	if [ -x "$GEN" ]; then
		"$GEN" --actors 40 --ties 80 --out "$TMP/s40" >/dev/null
		run render "$TMP/s40" -o "$TMP/size-40.svg"
		check_size "render labels >= 7 pt at A4 (40 actors), all 40 drawn or counted" "$TMP/size-40.svg" 40
		"$GEN" --actors 2000 --ties 4000 --out "$TMP/s2000" >/dev/null
		run render "$TMP/s2000" -o "$TMP/size-2000.svg" --labels top:30 --highlight none
		check_size "render labels >= 7 pt at A4 (2,000 actors), top 30 drawn or counted" "$TMP/size-2000.svg" 30
	fi
fi
