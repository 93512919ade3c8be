# csv-fr (docs/interop.md, "French spreadsheet"): ';', decimal comma, UTF-8
# with a byte order mark, CRLF, formula-like text behind an apostrophe; and
# --digits.  Every file is read by Debian's Python csv module with
# delimiter ';' (the first python3 on the PATH may be another one), its
# values compared with NetworkX on the same edge list, with the input files
# or with the same command's plain csv, number by number up to --digits.
FR=$DATA/interop/csv-fr
PYFR=/usr/bin/python3
[ -x "$PYFR" ] || PYFR=python3

# What a csv-fr text cell must hold for a text t (the rules of
# coopmap/table.h, restated here): a number keeps its digits with a decimal
# comma; other text whose first character past its apostrophes is = + - @
# tab or CR gets one apostrophe in front; anything else is t.
cat >"$TMP/frlib.py" <<'PY'
import csv, io, math, re

NUMBER = re.compile(r'^-?[0-9]+([.,][0-9]+)?([eE][-+]?[0-9]+)?$')

def fr_text(t):
    if NUMBER.match(t):
        return t.replace('.', ',')
    if t.lstrip("'")[:1] in ('=', '+', '-', '@', '\t', '\r') and t.lstrip("'"):
        return "'" + t
    return t

def read_fr(path):
    raw = open(path, 'rb').read()
    assert raw.startswith(b'\xef\xbb\xbf'), path + ': no byte order mark'
    text = raw[3:].decode('utf-8')
    rows = list(csv.reader(io.StringIO(text, newline=''), delimiter=';'))
    # every record ends with CRLF: no bare LF or CR outside quoted fields
    lines = 0
    inq = False
    for i, ch in enumerate(text):
        if ch == '"':
            inq = not inq
        elif not inq and ch == '\n':
            assert i > 0 and text[i - 1] == '\r', path + ': a line ends with LF alone'
            lines += 1
    assert text.endswith('\r\n'), path + ': last line without CRLF'
    assert lines == len(rows), path + ': %d CRLF for %d records' % (lines, len(rows))
    return rows

def num_fr(cell):
    assert '.' not in cell, 'decimal point in csv-fr number ' + repr(cell)
    return float(cell.replace(',', '.'))

def whole(x):
    return x == math.floor(x) and abs(x) < 1e15

def near(got, want, digits):
    """got is within half a unit of the last of digits significant digits of want."""
    if want == 0 or whole(want):
        return got == want
    unit = 10 ** (math.floor(math.log10(abs(want))) - digits + 1)
    return abs(got - want) <= 0.5 * unit * (1 + 1e-9)

def rounded(got, want, digits):
    """got is exactly want rounded to digits significant digits (whole numbers in full)."""
    if whole(want):
        return got == want
    return got == float('%.*e' % (digits - 1, want))

def sig_digits(cell):
    """Significant digits written in a number cell (whole numbers: 0, they are exempt)."""
    m = cell.lstrip('-').split('e')[0].split('E')[0]
    if ',' not in m:
        return 0
    return len(m.replace(',', '').lstrip('0'))
PY

# 1. metrics: csv-fr parsed with ';' and a decimal comma, with 5 digits,
# against NetworkX on the edge list (repeated ties merged, weights summed)
run metrics graphs/cites-educatives --metrics degree,strength,betweenness,closeness,constraint \
	--format csv-fr --digits 5
expect_status "metrics csv-fr" 0
cp "$TMP/out" "$TMP/metrics-fr.csv"
if "$PYFR" -c 'import networkx' 2>/dev/null; then
	"$PYFR" - "$TMP/frlib.py" graphs/cites-educatives "$TMP/metrics-fr.csv" >"$TMP/py" 2>&1 <<'PY'
import csv, sys
exec(open(sys.argv[1]).read())
import networkx as nx
S, out = sys.argv[2], sys.argv[3]
G = nx.Graph()
for r in csv.DictReader(open(S + '/nodes.csv', encoding='utf-8')):
    G.add_node(r['id'])
for r in csv.DictReader(open(S + '/edges.csv', encoding='utf-8')):
    a, b, w = r['source'], r['target'], float(r['weight'] or 1)
    if G.has_edge(a, b):
        G[a][b]['weight'] += w
    else:
        G.add_edge(a, b, weight=w)
rows = read_fr(out)
head = rows[0]
assert head == ['id', 'label', 'type', 'region', 'degree', 'strength', 'betweenness', 'closeness',
                'constraint'], head
bet = nx.betweenness_centrality(G, normalized=False)
clo = nx.closeness_centrality(G, wf_improved=False)
con = nx.constraint(G, weight='weight')
seen = 0
for r in rows[1:]:
    v = r[0]
    want = {'degree': G.degree(v), 'strength': G.degree(v, weight='weight'),
            'betweenness': bet[v], 'closeness': clo[v], 'constraint': con[v]}
    for k, w in want.items():
        cell = r[head.index(k)]
        if isinstance(w, float) and math.isnan(w):
            assert cell == '', (v, k, cell)
            continue
        got = num_fr(cell)
        assert near(got, w, 5) and sig_digits(cell) <= 5, (v, k, cell, w)
        if k in ('degree', 'strength'):
            assert got == w, (v, k, cell, w)
    seen += 1
assert seen == G.number_of_nodes(), seen
print('ok')
PY
	[ "$(cat "$TMP/py")" = ok ]; check "metrics csv-fr read with ';' equals NetworkX up to 5 digits" $? \
		"$(head -c 600 "$TMP/py")"
else
	echo "SKIP: python3-networkx missing (make deps installs it): csv-fr metrics not checked by NetworkX"
fi

# 2. every command that writes a table: csv-fr with 4 digits against the
# same command's csv with 17 digits, cell by cell
H="$FR/nodes.csv"
csvfr_same() { # NAME ARGS...: csv-fr --digits 4 equals csv --digits 17
	name=$1
	shift
	"${WRAP[@]}" "$BIN" "$@" --format csv --digits 17 --quiet >"$TMP/plain.csv" 2>"$TMP/err"
	"${WRAP[@]}" "$BIN" "$@" --format csv-fr --digits 4 --quiet >"$TMP/fr.csv" 2>>"$TMP/err"
	"$PYFR" - "$TMP/frlib.py" "$TMP/plain.csv" "$TMP/fr.csv" >"$TMP/py" 2>&1 <<'PY'
import csv, sys
exec(open(sys.argv[1]).read())
plain = list(csv.reader(open(sys.argv[2], encoding='utf-8', newline='')))
fr = read_fr(sys.argv[3])
assert len(plain) == len(fr) and len(plain) > 1, (len(plain), len(fr))
for p, f in zip(plain, fr):
    assert len(p) == len(f), (p, f)
    for a, b in zip(p, f):
        try:
            x = float(a)
        except ValueError:
            x = None
        if x is not None and a.strip() == a and 'n' not in a.lower():
            assert rounded(num_fr(b), x, 4), (a, b)
        else:
            assert b == fr_text(a), (a, b)
print('ok')
PY
	[ "$(cat "$TMP/py")" = ok ]; check "$name: csv-fr = csv up to 4 digits" $? "$(head -c 600 "$TMP/py") $(head -c 200 "$TMP/err")"
}
csvfr_same "summary" summary graphs/cites-educatives
csvfr_same "metrics (all)" metrics graphs/cites-educatives
csvfr_same "metrics (hostile labels)" metrics "$FR"
csvfr_same "isolated" isolated graphs/cites-educatives
csvfr_same "clubs" clubs graphs/cites-educatives --regions graphs/regions-fr.csv
csvfr_same "brokers" brokers graphs/cites-educatives
csvfr_same "diff" diff graphs/cites-educatives --at 2019 --at 2022
csvfr_same "diff --ties" diff graphs/cites-educatives --at 2019 --at 2022 --ties
csvfr_same "timeline" timeline graphs/cites-educatives
csvfr_same "suggest" suggest graphs/cites-educatives --regions graphs/regions-fr.csv
csvfr_same "suggest --evaluate" suggest graphs/cites-educatives --evaluate --train-to 2020

# 3. convert -T csv-fr: each cell against the input files read by Python,
# hostile labels behind their apostrophe; then coopmap reads the folder
# back to the same network (text numbers come back with their comma)
run convert "$FR" -o "$TMP/fr-out/" -T csv-fr
expect_status "convert -T csv-fr" 0
run convert "$TMP/fr-out" -o "$TMP/fr-back/" -T csv
expect_status "coopmap reads its csv-fr folder" 0
"$PYFR" - "$TMP/frlib.py" "$FR" "$TMP/fr-out" "$TMP/fr-back" >"$TMP/py" 2>&1 <<'PY'
import csv, sys
exec(open(sys.argv[1]).read())
src, out, back = sys.argv[2:5]

def read_plain(path):
    return list(csv.reader(open(path, encoding='utf-8', newline='')))

def keyed(rows, key):
    head = rows[0]
    return head, {key(r): dict(zip(head, r)) for r in rows[1:]}

for name, key in (('nodes.csv', lambda r: r[0]), ('edges.csv', lambda r: frozenset(r[:2]))):
    s_head, s = keyed(read_plain(src + '/' + name), key)
    f_rows = read_fr(out + '/' + name)
    f_head, f = keyed(f_rows, key)
    b_head, b = keyed(read_plain(back + '/' + name), key)
    assert set(s) == set(f) == set(b), (name, set(s) ^ set(f), set(s) ^ set(b))
    for k, row in s.items():
        for col, t in row.items():
            # the written cell: as the rules say (weights are numbers: decimal comma)
            assert f[k][col] == fr_text(t), (name, k, col, t, f[k][col])
            # read back: the same text, or the same number spelt with a comma
            got = b[k][col]
            if NUMBER.match(t):
                assert got in (t, t.replace('.', ',')) or float(got.replace(',', '.')) == float(t), \
                    (name, k, col, t, got)
            else:
                assert got == t, (name, k, col, t, got)
# the hostile cells that must be guarded are guarded
nodes = {r[0]: r for r in read_fr(out + '/nodes.csv')}
assert nodes['a1'][1].startswith("'=HYPERLINK("), nodes['a1']
assert nodes['a5'][1] == "''=déjà une apostrophe", nodes['a5']
assert nodes['a2'][5] == '-1,25' and nodes['a3'][1] == "'-moins au début", (nodes['a2'], nodes['a3'])
assert nodes['a8'][1] == '日本語の協会' and nodes['a6'][1] == 'Dupont; Jean "le Grand"'
print('ok')
PY
[ "$(cat "$TMP/py")" = ok ]; check "csv-fr folder: cells as the rules say, read back the same" $? "$(head -c 800 "$TMP/py")"
# the same network, counted by coopmap from the input and from its csv-fr folder
run summary "$FR" --format json
cp "$TMP/out" "$TMP/sum-src.json"
run summary "$TMP/fr-out" --format json
cmp -s "$TMP/out" "$TMP/sum-src.json"; check "csv-fr folder reads back to the same summary" $?
# --digits reaches the CSV folder; a real number that is a weight keeps its comma
run convert "$FR" -o "$TMP/fr-d2/" -T csv-fr --digits 2
expect_status "convert csv-fr --digits 2" 0
grep -q "^a7;a8;0,33;2020;" "$TMP/fr-d2/edges.csv"; check "convert --digits 2 rounds weights" $? "$(grep '^a7' "$TMP/fr-d2/edges.csv")"

# 4. --digits is checked, in words, and refused where it cannot apply
run metrics graphs/cites-educatives --digits 0
expect_status "--digits 0" 2
expect_err "--digits 0" "coopmap: --digits '0' is not a whole number from 1 to 17"
run summary graphs/cites-educatives --digits 18
expect_status "--digits 18" 2
expect_err "--digits 18" "from 1 to 17"
run convert graphs/cites-educatives -o "$TMP/d.graphml" --digits 3
expect_status "convert graphml --digits" 2
expect_err "convert graphml --digits" "--digits applies to the CSV folder only (-T csv or csv-fr)"
run metrics graphs/cites-educatives --format csv-de
expect_status "unknown format" 2
expect_err "unknown format lists csv-fr" "(use table, csv, csv-fr, tsv or json)"
run summary graphs/cites-educatives --digits 3
expect_status "summary --digits 3" 0
# density 2m / (n (n - 1)) = 516 / 10506 = 0.049114..., 0.0491 to 3 digits; 103 actors in full
grep -qE "^density +0\.0491$" "$TMP/out" && grep -qE "^nodes +103$" "$TMP/out"
check "summary table with 3 digits" $? "$(head -3 "$TMP/out")"

# 5. ids are text (docs/input.md): "1.5" and "1,5" stay two actors through
# csv-fr, and "-2" comes back without its guard (expected file written by hand)
printf 'source,target,weight\n1.5,"1,5",2.5\n"1,5",-2,1\n' >"$TMP/ids.csv"
run convert "$TMP/ids.csv" -o "$TMP/ids-fr/" -T csv-fr
expect_status "convert numeric-looking ids to csv-fr" 0
printf '\357\273\277source;target;weight;year;kind\r\n1.5;1,5;2,5;;\r\n1,5;'"'"'-2;1;;\r\n' |
	cmp -s - "$TMP/ids-fr/edges.csv"; check "csv-fr keeps ids as text" $? "$(cat -A "$TMP/ids-fr/edges.csv")"
run convert "$TMP/ids-fr" -o "$TMP/ids-back/" -T csv
expect_status "read numeric-looking ids back" 0
printf 'source,target,weight,year,kind\n1.5,"1,5",2.5,,\n"1,5",-2,1,,\n' |
	diff -u - "$TMP/ids-back/edges.csv" >"$TMP/diff"; check "numeric-looking ids round trip through csv-fr" $? "$(cat "$TMP/diff")"

# 6. suggest --evaluate --pairs FILE follows --format csv-fr: the same pairs
# as the plain CSV file, scores up to 3 digits
"$BIN" suggest graphs/cites-educatives --evaluate --train-to 2020 --pairs "$TMP/pairs.csv" --digits 17 \
	--quiet >/dev/null 2>&1
run suggest graphs/cites-educatives --evaluate --train-to 2020 --pairs "$TMP/pairs-fr.csv" --format csv-fr \
	--digits 3 --quiet
expect_status "suggest --pairs in csv-fr" 0
"$PYFR" - "$TMP/frlib.py" "$TMP/pairs.csv" "$TMP/pairs-fr.csv" >"$TMP/py" 2>&1 <<'PY'
import csv, sys
exec(open(sys.argv[1]).read())
plain = list(csv.reader(open(sys.argv[2], encoding='utf-8', newline='')))
fr = read_fr(sys.argv[3])
assert plain[0] == fr[0] and len(plain) == len(fr) > 1, (plain[0], fr[0], len(plain), len(fr))
col = plain[0].index('score')
for p, f in zip(plain[1:], fr[1:]):
    assert p[:2] == f[:2] and rounded(num_fr(f[col]), float(p[col]), 3), (p, f)
print('ok')
PY
[ "$(cat "$TMP/py")" = ok ]; check "suggest --pairs csv-fr = csv up to 3 digits" $? "$(head -c 600 "$TMP/py")"
