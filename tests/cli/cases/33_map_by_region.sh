# shellcheck shell=bash
# The regional cooperation map (render --by region, issue 14): the DOT
# output's tie counts, internal ties and cité counts equal those computed
# here from nodes.csv and edges.csv by Debian's python3 (csv only): one
# node per region ("(none)" for actors without one), on each tie between
# two regions the number of ties between their actors, in each node the
# ties inside it.
PY=/usr/bin/python3
if [ -x "$PY" ]; then
	for S in graphs/cites-educatives "$DATA/analysis/brokers-national"; do
		run render "$S" --by region -o "$TMP/byr.dot"
		expect_status "render --by region $S" 0
		"$PY" - "$S/nodes.csv" "$S/edges.csv" "$TMP/byr.dot" >"$TMP/byr-check" 2>&1 <<'PYEOF'
import csv, re, sys
from collections import Counter
region = {}
cites = Counter()
for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')):
    g = r['region'] or '(none)'
    region[r['id']] = g
    cites[g] += r['type'] == 'cite'
between, inside = Counter(), Counter()
for r in csv.DictReader(open(sys.argv[2], encoding='utf-8')):
    a, b = region[r['source']], region[r['target']]
    if a == b:
        inside[a] += 1
    else:
        between[frozenset((a, b))] += 1
dot = open(sys.argv[3], encoding='utf-8').read()
name, bad = {}, []
for m in re.finditer(r'\n\t(n\d+)\t\[([^\]]*)\]', dot):
    attrs = m.group(2)
    t = re.search(r'tooltip="([^"]*?): (\d+) (?:cite|actors) of (\d+) actors; (\d+) ties inside"', attrs)
    if not t:
        continue
    name[m.group(1)] = t.group(1)
    inner = re.search(r'<B>(\d+)</B>', attrs)
    if int(t.group(4)) != inside[t.group(1)] or not inner or int(inner.group(1)) != inside[t.group(1)]:
        bad.append('%s: inside %s, want %d' % (t.group(1), t.group(4), inside[t.group(1)]))
    if int(t.group(2)) != cites[t.group(1)] and cites[t.group(1)]:
        bad.append('%s: %s cités, want %d' % (t.group(1), t.group(2), cites[t.group(1)]))
if set(name.values()) != set(region.values()):
    bad.append('nodes %s, want %s' % (sorted(name.values()), sorted(set(region.values()))))
got = Counter()
for m in re.finditer(r'\n\t(n\d+) -- (n\d+)\t\[label=(\d+)', dot):
    got[frozenset((name[m.group(1)], name[m.group(2)]))] += int(m.group(3))
if got != between:
    bad.append('ties between %s, want %s' % (sorted((tuple(sorted(k)), v) for k, v in got.items()),
                                             sorted((tuple(sorted(k)), v) for k, v in between.items())))
print('\n'.join(bad) if bad else 'ok')
PYEOF
		[ "$(cat "$TMP/byr-check")" = ok ]; check "render --by region counts ties between and inside ($S)" $? "$(head -c 800 "$TMP/byr-check")"
	done
fi
run render "$DATA/analysis/brokers-national" --by sector -o "$TMP/x.svg"
expect_status "render --by unknown attribute" 2
run render "$DATA/analysis/brokers-national" --by region -o "$TMP/byr.svg" --layout geo
expect_status "render --by region --layout geo" 0
# above 200 actors the regional map is suggested
if [ -x build/tests/gen_network ]; then
	build/tests/gen_network --actors 300 --ties 600 --out "$TMP/n300" >/dev/null
	run render "$TMP/n300" -o "$TMP/n300.svg"
	expect_status "render 300 actors" 0
	expect_err "render 300 actors suggests --by region" "coopmap: 300 actors are too many to read one by one: --by region"
	run render "$TMP/n300" -o "$TMP/n300by.svg" --by region
	! grep -q "too many" "$TMP/err"; check "render --by region: no suggestion" $?
fi
# region boxes at any size (fr): one per region with two actors or more, named, counted here from nodes.csv
if [ -x build/tests/gen_network ] && [ -x /usr/bin/python3 ]; then
	/usr/bin/python3 - "$TMP/n300/nodes.csv" "$TMP/n300.svg" >"$TMP/n300-boxes" 2>&1 <<'PYEOF'
import collections, csv, sys, xml.etree.ElementTree as ET
S = '{http://www.w3.org/2000/svg}'
count = collections.Counter(r['region'] for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')) if r['region'])
want = sorted(r for r, k in count.items() if k >= 2)
got = sorted(' '.join(t.text or '' for t in g.iter(S + 'text')) for g in ET.parse(sys.argv[2]).getroot().iter(S + 'g')
             if g.get('class') == 'cluster')
print('ok' if got == want else 'boxes %s, regions %s' % (got, want))
PYEOF
	[ "$(cat "$TMP/n300-boxes")" = ok ]; check "render 300 actors: one named box per region" $? "$(head -c 600 "$TMP/n300-boxes")"
fi
# the actors without ties of a map without region boxes (no regions): one labelled box, their number counted here from the files
if [ -x build/tests/gen_network ] && [ -x /usr/bin/python3 ]; then
	mkdir -p "$TMP/n300nr"
	cut -d, -f1-3 "$TMP/n300/nodes.csv" >"$TMP/n300nr/nodes.csv"
	cp "$TMP/n300/edges.csv" "$TMP/n300nr/edges.csv"
	run render "$TMP/n300nr" -o "$TMP/n300nr.svg"
	expect_status "render 300 actors without regions" 0
	k=$(/usr/bin/python3 -c 'import csv,sys
d=sys.argv[1]; ids=[r["id"] for r in csv.DictReader(open(d+"/nodes.csv"))]
tied=set()
for r in csv.DictReader(open(d+"/edges.csv")): tied.update((r["source"], r["target"]))
print(sum(i not in tied for i in ids))' "$TMP/n300nr")
	if [ "$k" -ge 2 ]; then
		grep -q ">$k actors without ties</text>" "$TMP/n300nr.svg"
		check "render 300 actors without regions: the $k without ties in one labelled box" $?
	fi
fi
