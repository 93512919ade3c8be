# Faults: unwritable and full outputs, interrupts, memory limits, special
# files, truncated and oversized inputs, and the security checks (no shell,
# every text escaped in every output format).  Nothing may crash, hang, write
# half a file or lose the previous file.  docs/reliability.md has the table.
# Big inputs are generated in $TMP at test time; every run that could hang is
# bounded by `timeout`.

F=$DATA/faults
FGEN=build/tests/gen_network

# fault_known FINDING TEXT: a failure that matches the signature of a finding
# recorded in docs/reliability.md ("Findings") and not fixed yet.  Printed, not
# counted: the checks run again as soon as the signature stops matching.
fault_known() {
	echo "KNOWN ($1): $2"
}

# fault_run SECONDS ARGS...: run coopmap under timeout, like run (status 124 = hung)
fault_run() {
	local secs=$1
	shift
	timeout -k 5 "$secs" "${WRAP[@]}" "$BIN" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
	status=$?
}

# no_crash NAME: the last run ended by itself (no signal, no timeout)
no_crash() {
	[ "$status" -lt 124 ]
	check "$1 (no crash or hang, exit $status)" $? "$(head -c 300 "$TMP/err")"
}

# no_temp NAME DIR: no temporary output file (.NAME.XXXXXX) was left in DIR
# (one found is reported, then removed so that it fails this check only)
no_temp() {
	find "$2" -maxdepth 2 -name '.*.*' >"$TMP/temps" 2>/dev/null
	[ ! -s "$TMP/temps" ]
	check "$1 (no temporary file left)" $? "$(head -3 "$TMP/temps")"
	xargs -r rm -f <"$TMP/temps"
}

# sanitized: built with ASan (address-space limits do not apply) or run under a wrapper
fault_sanitized() {
	[ ${#WRAP[@]} -gt 0 ] || ldd "$BIN" 2>/dev/null | grep -q libasan
}

mkdir -p "$TMP/faults"
FT=$TMP/faults
S=$DATA/render/small
printf 'previous content, must survive\n' >"$FT/keep.orig"

# --- outputs that cannot be written -------------------------------------------
# tests run as root: chmod does not stop root, so use /proc (no new files) and a
# path whose parent is a regular file
run render "$S" -o /proc/coopmap-fault/map.svg
expect_status "render into /proc" 4
expect_err "render into /proc" "cannot write '/proc/coopmap-fault/map.svg'"

run convert "$S" -o /proc/coopmap-fault.graphml
expect_status "convert into /proc" 4
expect_err "convert into /proc" "cannot write"

: >"$FT/plain"
run convert "$S" -o "$FT/plain/net.graphml"
expect_status "convert below a regular file" 4
expect_err "convert below a regular file" "cannot write '$FT/plain/net.graphml'"

run convert "$S" -o "$FT/plain/csvdir/"
expect_status "convert a CSV folder below a regular file" 4

mkdir -p "$FT/adir"
run convert "$S" -o "$FT/adir" -T graphml
expect_status "convert onto a folder" 4
[ -d "$FT/adir" ]; check "convert onto a folder leaves it" $?

# full device, for files and for standard output
run render "$S" -o /dev/full -T svg
expect_status "render to /dev/full" 4
expect_err "render to /dev/full" "No space left on device"
run convert "$S" -o /dev/full -T graphml
expect_status "convert to /dev/full" 4
for cmd in "summary" "metrics --format json" "metrics --format csv" "isolated --type crpv"; do
	# shellcheck disable=SC2086
	timeout -k 5 120 "${WRAP[@]}" "$BIN" $cmd "$S" >/dev/full 2>"$TMP/err" </dev/null
	status=$?
	expect_status "$cmd > /dev/full" 4
	expect_err "$cmd > /dev/full" "No space left on device"
done

# --- the previous file survives every failure ---------------------------------
for ext in svg graphml gml dot; do
	cp "$FT/keep.orig" "$FT/keep.$ext"
done
run render "$DATA/load/bad/weight-text.csv" -o "$FT/keep.svg"
expect_status "render of bad input" 3
cmp -s "$FT/keep.orig" "$FT/keep.svg"; check "render of bad input keeps the old file" $?
for ext in graphml gml dot; do
	run convert "$F/truncated.graphml" -o "$FT/keep.$ext"
	expect_status "convert of a truncated file to $ext" 3
	cmp -s "$FT/keep.orig" "$FT/keep.$ext"; check "convert failure keeps the old .$ext" $?
done
no_temp "failed writes" "$FT"

# a file size limit (quota-like) while writing: SIGXFSZ must not kill coopmap
# half-way (it would leave its temporary file); the write fails cleanly instead
if [ -x "$FGEN" ]; then
	"$FGEN" --actors 400 --ties 1200 --out "$FT/g400" >/dev/null
	for ext in graphml svg; do
		cp "$FT/keep.orig" "$FT/fsz.$ext"
		cmd=convert
		[ "$ext" = svg ] && cmd=render
		(ulimit -f 8; exec timeout -k 5 300 "${WRAP[@]}" "$BIN" $cmd "$FT/g400" -o "$FT/fsz.$ext" --quiet) \
			>"$TMP/out" 2>"$TMP/err" </dev/null
		status=$?
		cmp -s "$FT/keep.orig" "$FT/fsz.$ext"; check "$cmd over the file size limit keeps the old file" $?
		if [ "$status" -eq 153 ] || grep -q "signal 25" "$TMP/err"; then
			fault_known F8 "$cmd over the file size limit: killed by SIGXFSZ (exit $status)"
			find "$FT" -maxdepth 1 -name ".fsz.$ext.*" -delete
		else
			expect_status "$cmd over the file size limit" 4
			expect_err "$cmd over the file size limit" "File too large"
			no_temp "$cmd over the file size limit" "$FT"
		fi
	done
fi

# --- SIGTERM / SIGINT during long work ----------------------------------------
# fault_signal NAME SIGNAL OUTFILE ARGS...: start coopmap, signal it after a
# second, expect exit 130 within 60 s, the old file intact, no temporary file
fault_signal() {
	local name=$1 sig=$2 outfile=$3 pid i
	shift 3
	cp "$FT/keep.orig" "$outfile"
	"${WRAP[@]}" "$BIN" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null &
	pid=$!
	sleep 1
	kill "-$sig" "$pid"
	for i in $(seq 600); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null
	wait "$pid"
	status=$?
	if [ "$status" -ne 130 ] && grep -q "igraph_connected_components" "$TMP/err" &&
	   grep -Eq "LeakSanitizer|definitely lost" "$TMP/err"; then
		fault_known F11 "$name: igraph's work memory leaks when interrupted in connected components"
		status=130
	elif [ "$status" -eq 137 ] && [ ${#WRAP[@]} -gt 0 ]; then
		fault_known F12 "$name: under $(basename "${WRAP[0]}") still running 60 s after the signal"
		find "$(dirname "$outfile")" -maxdepth 1 -name ".$(basename "$outfile").*" -delete
		return
	fi
	expect_status "$name" 130
	expect_err "$name" "interrupted"
	cmp -s "$FT/keep.orig" "$outfile"; check "$name keeps the old file" $?
	no_temp "$name" "$(dirname "$outfile")"
}
if [ -x "$FGEN" ]; then
	"$FGEN" --actors 20000 --ties 60000 --out "$FT/g20k" >/dev/null
	fault_signal "render SIGTERM" TERM "$FT/int.svg" render "$FT/g20k" -o "$FT/int.svg" --quiet
	fault_signal "render SIGINT" INT "$FT/int2.svg" render "$FT/g20k" -o "$FT/int2.svg" --quiet
	fault_signal "metrics SIGTERM" TERM "$FT/int.keep" metrics "$FT/g20k" --exact --quiet
fi

# --- low address-space limit: "out of memory", never a crash --------------------
# (not under ASan or valgrind, which need a large address space themselves).
# Several limits, so that the allocation failing falls in different stages
# (reading, building the graph, measures, Graphviz); each run either fits
# (exit 0) or says "out of memory" with exit 5.
if [ -x "$FGEN" ] && ! fault_sanitized; then
	# the smallest limit (KB) at which coopmap starts at all
	base=""
	for kb in 30000 40000 50000 60000 80000 100000 150000; do
		if (ulimit -v "$kb"; "$BIN" --version) >/dev/null 2>&1; then
			base=$kb
			break
		fi
	done
	if [ -n "$base" ]; then
		"$FGEN" --actors 200000 --ties 800000 --out "$FT/g200k" >/dev/null
		for add in 40000 100000 200000 400000; do
			lim=$((base + add))
			for cmd in summary metrics "render -o $FT/oom.svg"; do
				# shellcheck disable=SC2086
				(ulimit -v "$lim"; exec timeout -k 5 300 "$BIN" $cmd "$FT/g200k" --quiet) \
					>/dev/null 2>"$TMP/err" </dev/null
				status=$?
				name="${cmd%% *} under ulimit -v $lim"
				if [ "$status" -eq 139 ] && [ "${cmd%% *}" = render ]; then
					fault_known F6 "$name: segmentation fault in cgraph (exit 139)"
				elif grep -q "^libgomp: Thread creation failed" "$TMP/err"; then
					fault_known F7 "$name: libgomp ends the process (exit $status)"
				elif [ "$status" -ne 0 ]; then
					expect_status "$name" 5
					expect_err "$name" "out of memory"
				fi
			done
		done
		rm -rf "$FT/g200k" "$FT/oom.svg"
	fi
fi

# --- special files where a file is expected -------------------------------------
mkfifo "$FT/fifo"
fault_run 10 summary "$FT/fifo"
expect_status "a FIFO as input (no writer: no hang)" 4
expect_err "a FIFO as input" "is not a regular file"
fault_run 10 summary "$S" --nodes "$FT/fifo"
expect_status "a FIFO as actor table" 4
fault_run 10 summary "$S" --nodes "$FT/adir"
expect_status "a folder as actor table" 4
expect_err "a folder as actor table" "is a directory"
fault_run 10 summary "$FT/adir"
expect_status "a folder without edges.csv" 4
fault_run 10 summary "$S/edges.csv" --nodes /dev/null
expect_status "a device as actor table" 4
expect_err "a device as actor table" "is not a regular file"

# --- truncated and oversized inputs -------------------------------------------
for f in truncated.csv truncated.graphml truncated.gml; do
	fault_run 30 summary "$F/$f"
	expect_status "$f" 3
	expect_err "$f" "$f"
done

# 21 bytes declaring 1.5 billion actors: refused at once, not 20 GB later
fault_run 60 summary "$F/huge-count.net"
expect_status "a Pajek file declaring 1.5 billion actors" 3
expect_err "a Pajek file declaring 1.5 billion actors" "declares 1554595781 actors"

# fault_big NAME FILE: refused as bad data within 120 s
fault_big() {
	fault_run 120 summary "$2" --quiet
	expect_status "$1" 3
	no_crash "$1"
}
python3 -c "import sys; sys.stdout.write('source,target,label\na,b,\"' + 'x' * (5 << 20) + '\"\nb,c,y\n')" >"$FT/field5m.csv"
fault_big "a 5 MB field" "$FT/field5m.csv"
expect_err "a 5 MB field" "field longer than"
python3 -c "import sys; sys.stdout.write('source,target\na,' + 'b' * (100 << 20) + '\nb,c\n')" >"$FT/line100m.csv"
fault_big "a 100 MB line" "$FT/line100m.csv"
rm -f "$FT/line100m.csv" "$FT/field5m.csv"
python3 -c "
import sys
n = 10 ** 6
sys.stdout.write('source,target,' + ','.join('c%d' % i for i in range(n)) + '\n')
sys.stdout.write('a,b,' + ','.join(['x'] * n) + '\n')" >"$FT/cols.csv"
fault_big "10^6 columns" "$FT/cols.csv"
expect_err "10^6 columns" "columns"
rm -f "$FT/cols.csv"

# deeply nested and huge GraphML: an answer (data or a clear error), no crash
python3 -c "
import sys
d = 200000
sys.stdout.write('<?xml version=\"1.0\"?><graphml><graph edgedefault=\"undirected\"><node id=\"a\"/><node id=\"b\"/>'
                 + '<x>' * d + '</x>' * d + '<edge source=\"a\" target=\"b\"/></graph></graphml>\n')" >"$FT/deep.graphml"
fault_run 120 summary "$FT/deep.graphml" --quiet
no_crash "deeply nested GraphML"
# (a tenth of it under ASan or valgrind, which are 10-50 times slower)
huge=300000
fault_sanitized && huge=30000
python3 -c "
import sys
n = int(sys.argv[1])
sys.stdout.write('<?xml version=\"1.0\"?><graphml><graph edgedefault=\"undirected\">\n')
for i in range(n):
    sys.stdout.write('<node id=\"n%d\"/><edge source=\"n%d\" target=\"n%d\"/>\n' % (i, i, (i * 7 + 1) % n))
sys.stdout.write('</graph></graphml>\n')" "$huge" >"$FT/huge.graphml"
fault_run 300 summary "$FT/huge.graphml" --quiet
expect_status "huge GraphML ($huge actors)" 0
rm -f "$FT/deep.graphml" "$FT/huge.graphml"

# DOT: thousands of nested subgraphs (Graphviz's parser stack) and of siblings
python3 -c "
import sys
d = 5000
sys.stdout.write('graph {\n' + 'subgraph {\n' * d + 'a -- b\n' + '}\n' * d + '}\n')" >"$FT/nested.dot"
fault_run 120 summary "$FT/nested.dot" --quiet
expect_status "DOT with 5,000 nested subgraphs" 3
expect_err "DOT with 5,000 nested subgraphs" "nested.dot"
python3 -c "
import sys
sys.stdout.write('graph {\n' + ''.join('subgraph s%d { n%d -- n%d }\n' % (i, i, i + 1) for i in range(20000)) + '}\n')" >"$FT/siblings.dot"
fault_run 120 summary "$FT/siblings.dot" --quiet
expect_status "DOT with 20,000 subgraphs" 0
rm -f "$FT/nested.dot" "$FT/siblings.dot"

# --- security: no shell, every text escaped -------------------------------------
# coopmap never starts a program: no system(), popen(), exec*() or posix_spawn()
! grep -nE '\b(system|popen|execl|execlp|execle|execv|execvp|execvpe|execve|fexecve|posix_spawnp?)[[:space:]]*\(' \
	src/*.c src/*.h src/cli/*.c src/cli/*.h >"$TMP/grep"
check "no shell or exec in the sources" $? "$(head -3 "$TMP/grep")"

# hostile labels, types, regions and kinds (markup, quotes, &, newlines, tabs,
# backslashes, DOT/GML syntax, non-Latin scripts) through every output format,
# read back by xmllint, python's json and csv modules, and coopmap itself
H=$F/hostile
run convert "$H" -o "$FT/ref/" --quiet
expect_status "hostile: convert to CSV" 0
# DOT cannot hold an odd run of backslashes before a quote or at the end of a
# value (Graphviz's reader pairs backslashes): coopmap writes a space after
# such a run, with a notice.  The reference for DOT is ref/ with that rule applied.
mkdir -p "$FT/ref-dot"
python3 -c "
import re, sys
src, dst = sys.argv[1], sys.argv[2]
for f in ('nodes.csv', 'edges.csv'):
    t = open(src + '/' + f, encoding='utf-8', newline='').read()
    import csv, io
    rows = list(csv.reader(io.StringIO(t, newline='')))
    fix = lambda v: re.sub(r'(?<!\\\\)((?:\\\\\\\\)*\\\\)(?=\"|$)', r'\\1 ', v)
    out = io.StringIO(newline='')
    w = csv.writer(out, lineterminator='\n')
    for r in rows:
        w.writerow([fix(v) for v in r])
    open(dst + '/' + f, 'w', encoding='utf-8', newline='').write(out.getvalue())
" "$FT/ref" "$FT/ref-dot" 2>"$TMP/py"
check "hostile: DOT reference written" $? "$(tail -2 "$TMP/py")"
# fault_same NAME DIR [REF]: DIR/nodes.csv and edges.csv hold the same values as
# REF (ref/), compared as parsed CSV rows (tie ends in either order: DOT keeps its own)
fault_same() {
	local ref=${3:-$FT/ref}
	python3 -c "
import csv, sys
def rows(d, f):
    r = list(csv.reader(open(d + '/' + f, newline='', encoding='utf-8')))
    if f == 'edges.csv':
        r = [r[0]] + [sorted(x[:2]) + x[2:] for x in r[1:]]
    return [r[0]] + sorted(r[1:])
bad = 0
for f in ('nodes.csv', 'edges.csv'):
    a, b = rows(sys.argv[1], f), rows(sys.argv[2], f)
    for x, y in zip(a, b):
        if x != y:
            print(f, repr(x), '!=', repr(y)); bad = 1
    if len(a) != len(b):
        print(f, len(a), 'rows !=', len(b)); bad = 1
sys.exit(bad)" "$ref" "$2" >"$TMP/diff" 2>&1
	check "$1 keeps every actor's and tie's text" $? "$(head -6 "$TMP/diff")"
}
for ext in graphml gml dot; do
	run convert "$H" -o "$FT/h.$ext"
	expect_status "hostile: convert to $ext" 0
	[ "$ext" = dot ] && expect_err "hostile: convert to dot" "got a space after it"
	if [ "$ext" = graphml ]; then
		xmllint --noout "$FT/h.graphml" 2>"$TMP/xml"; check "hostile GraphML is well-formed XML" $? "$(head -3 "$TMP/xml")"
	fi
	run convert "$FT/h.$ext" -o "$FT/back-$ext/" --quiet
	expect_status "hostile: read back $ext" 0
	if [ "$ext" = dot ]; then
		fault_same "hostile: $ext round trip" "$FT/back-$ext" "$FT/ref-dot"
	else
		fault_same "hostile: $ext round trip" "$FT/back-$ext"
	fi
done
run convert "$FT/ref" -o "$FT/back-csv/" --quiet
expect_status "hostile: CSV round trip" 0
fault_same "hostile: CSV round trip" "$FT/back-csv"

run render "$H" -o "$FT/h.svg" --labels all --quiet
expect_status "hostile: render svg" 0
xmllint --noout "$FT/h.svg" 2>"$TMP/xml"; check "hostile SVG is well-formed XML" $? "$(head -3 "$TMP/xml")"
[ "$(xmllint --xpath 'count(//*[local-name()="script"])' "$FT/h.svg" 2>/dev/null)" = 0 ]
check "hostile SVG has no script element" $?
grep -qF '&lt;script&gt;alert(' "$FT/h.svg"; check "hostile SVG shows the markup as text" $?
run render "$H" -o "$FT/h-map.dot" --labels all --quiet
expect_status "hostile: render dot" 0
dot -Tcanon "$FT/h-map.dot" >/dev/null 2>"$TMP/dot"; check "hostile rendered DOT parses with Graphviz" $? "$(head -3 "$TMP/dot")"

# metrics json and csv parse and give back the exact labels of nodes.csv
want_labels=$(python3 -c "
import csv, sys
print(sorted(r['label'] for r in csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8'))))" "$H/nodes.csv")
run metrics "$H" --format json --quiet
expect_status "hostile: metrics json" 0
got=$(python3 -c "
import json, sys
print(sorted(r['label'] for r in json.load(open(sys.argv[1], encoding='utf-8'))))" "$TMP/out" 2>&1)
[ "$got" = "$want_labels" ]; check "hostile: metrics json parses with the exact labels" $? "$got"
run metrics "$H" --format csv --quiet
expect_status "hostile: metrics csv" 0
got=$(python3 -c "
import csv, sys
print(sorted(r['label'] for r in csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8'))))" "$TMP/out" 2>&1)
[ "$got" = "$want_labels" ]; check "hostile: metrics csv parses with the exact labels" $? "$got"
run summary "$H" --format json --quiet
expect_status "hostile: summary json" 0
python3 -c "import json, sys; json.load(open(sys.argv[1]))" "$TMP/out" 2>"$TMP/py"
check "hostile: summary json parses" $? "$(tail -1 "$TMP/py")"

# control characters (BEL, ESC, DEL) in a DOT label: refused with a clear
# error when read, or carried through every format and read back
run summary "$F/control.dot" --quiet
if [ "$status" -eq 0 ]; then
	for ext in graphml gml dot csv; do
		out=$FT/ctl.$ext
		[ $ext = csv ] && out=$FT/ctl-csv/
		run convert "$F/control.dot" -o "$out" --quiet
		if [ "$status" -eq 0 ]; then
			run summary "$out" --quiet
			expect_status "control characters: $ext output reads back" 0
		else
			expect_status "control characters: $ext refused as bad data" 3
		fi
	done
else
	expect_status "control characters refused when read" 3
	expect_err "control characters refused when read" "control character"
fi
no_temp "the fault cases" "$FT"
rm -rf "$FT"