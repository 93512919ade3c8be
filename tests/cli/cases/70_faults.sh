# Faults: unwritable and full outputs, interrupts, memory limits, special
# files, truncated and oversized inputs, and the security checks (no shell,
# every text escaped in every output format).  Nothing may crash, hang, write
# half a file or lose the previous file.  docs/reliability.md has the table.
# Big inputs are generated in $TMP at test time; every run that could hang is
# bounded by `timeout`.

F=$DATA/faults
FGEN=build/tests/gen_network
# the file size, signal, memory and vanishing cases need it: missing, they fail
[ -x "$FGEN" ]; check "faults: $FGEN is built (make build-tests)" $?

# fault_run SECONDS ARGS...: run coopmap under timeout, like run (status 124 = hung)
fault_run() {
	local secs=$1
	shift
	timeout -k 5 "$secs" "${WRAP[@]}" "$BIN" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
	status=$?
}

# no_crash NAME: the last run ended by itself (no signal, no timeout, and no
# sanitizer or valgrind report: 99 under make check)
no_crash() {
	[ "$status" -lt 124 ] && [ "$status" -ne 99 ]
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
# /proc exists: the system's reason, not "no such directory" (F9)
expect_err "convert into /proc" "cannot write '/proc/coopmap-fault.graphml': No such file or directory"

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
		# (F8: SIGXFSZ killed coopmap, exit 153, or its drawing child)
		expect_status "$cmd over the file size limit" 4
		expect_err "$cmd over the file size limit" "File too large"
		no_temp "$cmd over the file size limit" "$FT"
	done
fi

# --- SIGTERM / SIGINT during long work ----------------------------------------
# A signal must come after main() installed its handler: before, SIGTERM kills
# (exit 143) and SIGINT is ignored (a script starts background jobs with SIGINT
# ignored), so the run goes on to the end.  Under valgrind, start-up alone takes
# seconds (this, not the drawing, was F12): wait three times what starting
# takes here and now, at least a second.
t0=$(date +%s%N)
"${WRAP[@]}" "$BIN" --version >/dev/null 2>&1
t1=$(date +%s%N)
fault_delay=$(((t1 - t0) * 3 / 1000000000 + 1))
# fault_signal NAME SIGNAL OUTFILE ARGS...: start coopmap, signal it once it
# works, expect exit 130 within 60 s, the old file intact, no temporary file
fault_signal() {
	local name=$1 sig=$2 outfile=$3 pid i
	shift 3
	cp "$FT/keep.orig" "$outfile"
	"${WRAP[@]}" "$BIN" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null &
	pid=$!
	sleep "$fault_delay"
	kill -0 "$pid" 2>/dev/null
	check "$name: still working after $fault_delay s, when the signal is sent" $?
	signal_and_reap "$pid" "$sig" 60
	# (F11: igraph's work memory leaked when interrupted, a LeakSanitizer or
	# valgrind report instead of exit 130; fixed in error.c's interruption hook)
	expect_status "$name" 130
	expect_err "$name" "interrupted"
	cmp -s "$FT/keep.orig" "$outfile"; check "$name keeps the old file" $?
	no_temp "$name" "$(dirname "$outfile")"
}
if [ -x "$FGEN" ]; then
	"$FGEN" --actors 20000 --ties 60000 --out "$FT/g20k" >/dev/null
	fault_signal "render SIGTERM" TERM "$FT/int.svg" render "$FT/g20k" -o "$FT/int.svg" --quiet
	fault_signal "render SIGINT" INT "$FT/int2.svg" render "$FT/g20k" -o "$FT/int2.svg" --quiet
	# the measures in this process alone (--jobs 1), and in workers (the default: one per processor)
	fault_signal "metrics --jobs 1 SIGTERM" TERM "$FT/int.keep" metrics "$FT/g20k" --exact --quiet --jobs 1
	fault_signal "metrics --jobs 1 SIGINT" INT "$FT/int.keep" metrics "$FT/g20k" --exact --quiet --jobs 1
	fault_signal "metrics --jobs 2 SIGTERM" TERM "$FT/int.keep" metrics "$FT/g20k" --exact --quiet --jobs 2
	fault_signal "metrics --jobs 2 SIGINT" INT "$FT/int.keep" metrics "$FT/g20k" --exact --quiet --jobs 2
	# summary's figures in workers: seconds of path searches and Leiden at 100k actors
	"$FGEN" --actors 100000 --ties 400000 --out "$FT/g100k" >/dev/null
	fault_signal "summary --jobs 1 SIGTERM" TERM "$FT/int.keep" summary "$FT/g100k" --quiet --jobs 1
	fault_signal "summary --jobs 2 SIGTERM" TERM "$FT/int.keep" summary "$FT/g100k" --quiet --jobs 2
	fault_signal "summary --jobs 2 SIGINT" INT "$FT/int.keep" summary "$FT/g100k" --quiet --jobs 2
	rm -rf "$FT/g100k"
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
			for cmd in "summary --jobs 1" "summary --jobs 2" "metrics --jobs 1" "metrics --jobs 2" "render -o $FT/oom.svg"; do
				# shellcheck disable=SC2086
				(ulimit -v "$lim"; exec timeout -k 5 300 "$BIN" $cmd "$FT/g200k" --quiet) \
					>/dev/null 2>"$TMP/err" </dev/null
				status=$?
				name="${cmd%% *} under ulimit -v $lim"
				# (F6: render crashed with SIGSEGV in cgraph, exit 139; F7:
				# "libgomp: Thread creation failed", exit 1)
				if [ "$status" -ne 0 ]; then
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

# a file that shrinks or vanishes while coopmap reads it: coopmap reads an
# input whole with read(2) (no mmap, so no SIGBUS when it shrinks) and parses
# what it got: the old text (exit 0), a file cut short (exit 0 when the cut
# fell on a line end, else 3 naming the file) or nothing (exit 4).  The timing
# is left to chance; every outcome must be one of those, the previous output
# intact after a failure, no temporary file.
if [ -x "$FGEN" ]; then
	n=100000
	fault_sanitized && n=10000
	"$FGEN" --actors "$n" --ties $((4 * n)) --out "$FT/gv" >/dev/null
	for how in truncate-0 truncate-0.05 truncate-0.3 remove-0 remove-0.2; do
		cp "$FT/gv/edges.csv" "$FT/vanish.csv"
		cp "$FT/keep.orig" "$FT/vanish.graphml"
		timeout -k 5 300 "${WRAP[@]}" "$BIN" convert "$FT/vanish.csv" -o "$FT/vanish.graphml" --quiet \
			>"$TMP/out" 2>"$TMP/err" </dev/null &
		pid=$!
		sleep "${how#*-}"
		case $how in
		truncate-*) truncate -s 777777 "$FT/vanish.csv" ;;
		remove-*) rm -f "$FT/vanish.csv" ;;
		esac
		wait "$pid"
		status=$?
		case $status in
		0) xmllint --noout "$FT/vanish.graphml" 2>"$TMP/xml"
		   check "input $how while read: the output is complete XML" $? "$(head -2 "$TMP/xml")" ;;
		3 | 4) grep -qF "vanish.csv" "$TMP/err"
		   check "input $how while read: the error names the file" $? "$(head -c 300 "$TMP/err")"
		   cmp -s "$FT/keep.orig" "$FT/vanish.graphml"
		   check "input $how while read: the old output is intact" $? ;;
		*) check "input $how while read (exit $status, want 0, 3 or 4)" 1 "$(head -c 300 "$TMP/err")" ;;
		esac
		no_temp "input $how while read" "$FT"
	done
	rm -rf "$FT/gv" "$FT/vanish.csv" "$FT/vanish.graphml"
fi

# 21 bytes declaring 1.5 billion actors: refused at once, not 20 GB later
fault_run 60 summary "$F/huge-count.net"
expect_status "a Pajek file declaring 1.5 billion actors" 3
expect_err "a Pajek file declaring 1.5 billion actors" "declares 1554595781 actors"
# the same with a sign (found by the CI fuzz run: 39 s under ASan)
fault_run 60 summary "$F/huge-count-plus.net"
expect_status "a Pajek file declaring +1141010 actors" 3
expect_err "a Pajek file declaring +1141010 actors" "declares 1141010 actors"

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
# (grep's status 1 is "no match"; 2, an unreadable or missing file, fails too)
grep -rnE --include='*.[ch]' \
	'\b(system|popen|execl|execlp|execle|execv|execvp|execvpe|execve|fexecve|posix_spawnp?)[[:space:]]*\(' src >"$TMP/grep" 2>&1
[ $? -eq 1 ]
check "no shell or exec in the sources ($(find src -name '*.[ch]' | wc -l) files)" $? "$(head -3 "$TMP/grep")"

# hostile labels, types, regions and kinds (markup, quotes, &, newlines, tabs,
# backslashes, DOT/GML syntax, non-Latin scripts) through every output format,
# read back by xmllint, python's json and csv modules, and coopmap itself
H=$F/hostile
run convert "$H" -o "$FT/ref/" --quiet
expect_status "hostile: convert to CSV" 0
# DOT cannot hold an odd run of backslashes before a quote or at the end of a
# value (Graphviz's reader pairs backslashes): coopmap writes a space after
# such a run, with a notice.  The reference for DOT is ref/ with that rule applied,
# except to labels, whose backslashes coopmap doubles (Graphviz draws \N in
# a label as the node's name, and "\\" as one backslash): they go through whole.
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
    labels = [h in ('label', 'xlabel', 'headlabel', 'taillabel') for h in rows[0]]
    for r in rows:
        w.writerow([v if lab else fix(v) for v, lab in zip(r, labels)])
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

# bytes that are not UTF-8.  Where coopmap reads them as Windows-1252 (CSV,
# GML, Pajek, with a notice), every writer must give valid UTF-8 holding the
# Windows-1252 reading (the reference is Python's cp1252 codec); where it
# cannot (bytes Windows-1252 leaves undefined, DOT, GraphML), it refuses the
# file (exit 3) naming it.
U=$FT/u8
mkdir -p "$U/csv"
# labels: markup with e-acute, curly quotes and &, a BOM-like pair, the euro
printf 'id,label,type\nu1,"<script>\351</script>",cite\nu2,"caf\351 & \223quoted\224 ""x""",asso\nu3,"\377\376 lone",cite\nu4,"\200 euro\nnext line",crpv\n' >"$U/csv/nodes.csv"
printf 'source,target,kind\nu1,u2,"\340 k"\nu2,u3,x\nu3,u4,y\n' >"$U/csv/edges.csv"
u8_want=$(/usr/bin/python3 -c "
import csv, io, sys
t = open(sys.argv[1], 'rb').read().decode('cp1252')
print(sorted(r['label'] for r in csv.DictReader(io.StringIO(t, newline=''))))" "$U/csv/nodes.csv")
# u8_labels NAME FILE: FILE (metrics json) is valid UTF-8 JSON with the cp1252 labels
u8_labels() {
	got=$(/usr/bin/python3 -c "
import json, sys
print(sorted(r['label'] for r in json.loads(open(sys.argv[1], 'rb').read().decode('utf-8'))))" "$2" 2>&1)
	[ "$got" = "$u8_want" ]
	check "$1 gives the Windows-1252 labels as UTF-8" $? "$got != $u8_want"
}
# u8_valid NAME FILE: FILE is valid UTF-8
u8_valid() {
	/usr/bin/python3 -c "import sys; open(sys.argv[1], 'rb').read().decode('utf-8')" "$2" 2>"$TMP/py"
	check "$1 is valid UTF-8" $? "$(tail -1 "$TMP/py")"
}
run metrics "$U/csv" --format json
expect_status "not UTF-8: metrics json" 0
expect_err "not UTF-8: metrics json" "read as Windows-1252"
u8_labels "not UTF-8: metrics json" "$TMP/out"
run metrics "$U/csv" --format csv --quiet
expect_status "not UTF-8: metrics csv" 0
u8_valid "not UTF-8: metrics csv" "$TMP/out"
got=$(/usr/bin/python3 -c "
import csv, sys
print(sorted(r['label'] for r in csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8'))))" "$TMP/out" 2>&1)
[ "$got" = "$u8_want" ]; check "not UTF-8: metrics csv gives the Windows-1252 labels" $? "$got"
run summary "$U/csv" --format json --quiet
expect_status "not UTF-8: summary json" 0
u8_valid "not UTF-8: summary json" "$TMP/out"
for ext in graphml gml dot; do
	run convert "$U/csv" -o "$U/u.$ext" --quiet
	expect_status "not UTF-8: convert to $ext" 0
	u8_valid "not UTF-8: $ext output" "$U/u.$ext"
	run metrics "$U/u.$ext" --format json --quiet
	expect_status "not UTF-8: $ext output reads back" 0
	u8_labels "not UTF-8: $ext round trip" "$TMP/out"
done
xmllint --noout "$U/u.graphml" 2>"$TMP/xml"; check "not UTF-8: GraphML is well-formed XML" $? "$(head -3 "$TMP/xml")"
run convert "$U/csv" -o "$U/back/" --quiet
expect_status "not UTF-8: convert to CSV" 0
u8_valid "not UTF-8: CSV nodes.csv" "$U/back/nodes.csv"
u8_valid "not UTF-8: CSV edges.csv" "$U/back/edges.csv"
run render "$U/csv" -o "$U/u.svg" --labels all --quiet
expect_status "not UTF-8: render svg" 0
xmllint --noout "$U/u.svg" 2>"$TMP/xml"; check "not UTF-8: SVG is well-formed XML" $? "$(head -3 "$TMP/xml")"
grep -qF '&lt;script&gt;é&lt;/script&gt;' "$U/u.svg"; check "not UTF-8: SVG shows the label as text" $?
run render "$U/csv" -o "$U/u-map.dot" --labels all --quiet
expect_status "not UTF-8: render dot" 0
u8_valid "not UTF-8: rendered DOT" "$U/u-map.dot"
dot -Tcanon "$U/u-map.dot" >/dev/null 2>"$TMP/dot"; check "not UTF-8: rendered DOT parses with Graphviz" $? "$(head -3 "$TMP/dot")"
# GML and Pajek are read as Windows-1252 too
printf 'graph [\n node [ id 0 label "caf\351 \223q\224" ]\n node [ id 1 label "b" ]\n edge [ source 0 target 1 ]\n]\n' >"$U/u.gml"
run metrics "$U/u.gml" --format json --quiet
expect_status "not UTF-8: GML" 0
u8_valid "not UTF-8: metrics json of GML" "$TMP/out"
grep -qF 'café “q”' "$TMP/out"; check "not UTF-8: GML label read as Windows-1252" $? "$(head -c 300 "$TMP/out")"
printf '*Vertices 2\n1 "caf\351"\n2 "b"\n*Edges\n1 2\n' >"$U/u.net"
run metrics "$U/u.net" --format json --quiet
expect_status "not UTF-8: Pajek" 0
grep -qF '"café"' "$TMP/out"; check "not UTF-8: Pajek label read as Windows-1252" $? "$(head -c 300 "$TMP/out")"
# refused: bytes with no Windows-1252 meaning; DOT and GraphML not in UTF-8
mkdir -p "$U/undef"
printf 'id,label\nu1,"x\201\215 y"\nu2,z\n' >"$U/undef/nodes.csv"
printf 'source,target\nu1,u2\n' >"$U/undef/edges.csv"
printf 'graph { a [label="caf\351"]; a -- b }\n' >"$U/u.dot"
printf '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="l" for="node" attr.name="label" attr.type="string"/><graph edgedefault="undirected"><node id="a"><data key="l">caf\351</data></node><node id="b"/><edge source="a" target="b"/></graph></graphml>\n' >"$U/u.graphml"
for f in undef u.dot u.graphml; do
	cp "$FT/keep.orig" "$U/keep.svg"
	run render "$U/$f" -o "$U/keep.svg" --quiet
	expect_status "not UTF-8: $f refused" 3
	expect_err "not UTF-8: $f refused" "$f"
	cmp -s "$FT/keep.orig" "$U/keep.svg"; check "not UTF-8: $f refused, the old map kept" $?
done
# control characters in a CSV label are refused (the DOT case is above)
mkdir -p "$U/ctl"
printf 'id,label\nu1,"bell\007 esc\033[31m"\nu2,z\n' >"$U/ctl/nodes.csv"
cp "$U/undef/edges.csv" "$U/ctl/"
run summary "$U/ctl" --quiet
expect_status "control characters in a CSV label refused" 3
expect_err "control characters in a CSV label refused" "control character 0x07"

no_temp "the fault cases" "$FT"
rm -rf "$FT"