# shellcheck shell=bash
# Labels (issue 14): on the fr and geo layouts no label box overlaps another
# label or a node, with the boxes Graphviz itself measured from the font (the
# width and height of each label node in the DOT output, l<v>, and of each
# actor node, n<v>); labels are shortened by whole words; every actor keeps
# its whole name in its tooltip; the caption counts the labels left out.
PY=/usr/bin/python3
check_labels() { # check_labels NAME FILE.dot
	"$PY" - "$2" >"$TMP/lab-check" 2>&1 <<'PYEOF'
import re, sys
dot = open(sys.argv[1], encoding='utf-8').read()
boxes, names, bad = {}, {}, []
for m in re.finditer(r'\n\t+([nl]\d+)\t\[(.*?)\];', dot, re.S):
    a = dict((k, v.strip('"')) for k, v in re.findall(r'(\w+)=("(?:[^"\\]|\\.)*"|[^,\s\]]+)', m.group(2)))
    if 'pos' not in a:
        continue
    x, y = (float(t) for t in a['pos'].rstrip('!').split(',')[:2])
    boxes[m.group(1)] = (x, y, float(a['width']) * 72 / 2, float(a['height']) * 72 / 2)
    names[m.group(1)] = (a.get('label', ''), a.get('tooltip', ''))
labels = [k for k in boxes if k[0] == 'l']
nodes = [k for k in boxes if k[0] == 'n']
def meet(a, b):
    return abs(a[0] - b[0]) < a[2] + b[2] - 0.5 and abs(a[1] - b[1]) < a[3] + b[3] - 0.5
for i, a in enumerate(labels):
    for b in labels[i + 1:] + nodes:
        if meet(boxes[a], boxes[b]):
            bad.append('%s "%s" overlaps %s "%s"' % (a, names[a][0], b, names[b][0] or names[b][1]))
    shown, whole = names[a]
    words = whole.split()
    for part in shown.split('\u2026'):
        w = part.split()
        ok = not w or any(words[i:i + len(w)] == w for i in range(len(words)))
        if not ok:
            bad.append('%s: "%s" cuts a word of "%s"' % (a, shown, whole))
    actor = names.get('n' + a[1:], ('', ''))[1]
    if actor != whole and not actor.startswith(whole + ': '):  # --by: the counts follow the name
        bad.append('%s: tooltip "%s", actor\'s "%s"' % (a, whole, actor))
if not labels:
    bad.append('no label placed')
print('\n'.join(bad[:10]) if bad else 'ok %d' % len(labels))
PYEOF
	grep -q '^ok' "$TMP/lab-check"; check "$1" $? "$(head -c 800 "$TMP/lab-check")"
}
if [ -x "$PY" ]; then
	S=graphs/cites-educatives
	run render "$S" -o "$TMP/lab.dot"
	check_labels "render labels apart (sample)" "$TMP/lab.dot"
	run render "$S" -o "$TMP/laball.dot" --labels all
	check_labels "render labels apart (sample, --labels all)" "$TMP/laball.dot"
	# every label asked for is drawn or counted in the caption
	shown=$(grep -c '^	l[0-9]*	' "$TMP/laball.dot")
	out=$(grep -o '[0-9]* labels* left out' "$TMP/laball.dot" | grep -o '^[0-9]*')
	[ $((shown + ${out:-0})) -eq 103 ]; check "render --labels all: 103 labels drawn or counted" $? "$shown drawn, ${out:-0} left out"
	run render "$S" -o "$TMP/labgeo.dot" --layout geo
	check_labels "render labels apart (geo)" "$TMP/labgeo.dot"
	run render "$S" -o "$TMP/labby.dot" --by region
	check_labels "render labels apart (--by region)" "$TMP/labby.dot"
	GEN=build/tests/gen_network
	if [ -x "$GEN" ]; then
		"$GEN" --actors 40 --ties 80 --out "$TMP/l40" >/dev/null
		run render "$TMP/l40" -o "$TMP/l40.dot"
		check_labels "render labels apart (40 actors)" "$TMP/l40.dot"
	fi
fi
