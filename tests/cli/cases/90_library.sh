# The library as a user links it: `make install` with coopmap.pc, then the
# README's example program built with `pkg-config --cflags --libs coopmap`.
# The figures it prints are counted here from the sample's own files.

if command -v cc >/dev/null && command -v pkg-config >/dev/null; then
	# the plain build, whatever build this suite runs under: check-asan's
	# variables reach a sub-make through MAKEFLAGS and the environment, and
	# would rebuild the plain objects with the sanitizers
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u CFLAGS -u LDFLAGS -u CC -u BUILD -u BIN \
		make --no-print-directory -s install \
		PREFIX="$TMP/prefix" >"$TMP/install.log" 2>&1
	check "make install with coopmap.pc" $? "$(tail -n 5 "$TMP/install.log")"
	test -f "$TMP/prefix/lib/pkgconfig/coopmap.pc"; check "coopmap.pc installed" $?
	# the first C block of the README
	sed -n '/^```c$/,/^```$/p' README.md | sed '1d;$d' >"$TMP/example.c"
	# shellcheck disable=SC2046
	PKG_CONFIG_PATH="$TMP/prefix/lib/pkgconfig" cc -std=c11 -Wall -Werror -o "$TMP/example" "$TMP/example.c" \
		$(PKG_CONFIG_PATH="$TMP/prefix/lib/pkgconfig" pkg-config --cflags --libs coopmap) 2>"$TMP/cc.err"
	check "README example builds with pkg-config" $? "$(head -c 300 "$TMP/cc.err")"
	"$TMP/example" >"$TMP/out" 2>"$TMP/err"
	status=$?
	expect_status "README example runs" 0
	# actors: the rows of nodes.csv (one header line); ties: the rows of edges.csv
	# (the sample has no repeated tie and no self-loop)
	actors=$(($(wc -l <graphs/cites-educatives/nodes.csv) - 1))
	ties=$(($(wc -l <graphs/cites-educatives/edges.csv) - 1))
	grep -qx "$actors actors, $ties ties" "$TMP/out"
	check "README example counts $actors actors and $ties ties" $? "$(cat "$TMP/out" "$TMP/err")"
else
	echo "skip: no cc or pkg-config for the library case"
fi
