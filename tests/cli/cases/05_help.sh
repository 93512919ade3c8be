# Every option a command parses is in its help.  The help text sits beside the
# option tables in src/cli/cmd_NAME.c; these checks read the tables there:
# the short options of `shortopts`, the long ones of `longopts` and, when
# longopts has CLI_COMMON_OPTIONS, the shared ones of src/cli/cli.h.  Each
# must be described in `coopmap NAME --help`, below "Options:" (the usage
# line alone does not count).

# long_options FILE: the names of the getopt_long entries { "NAME", ..._argument, ... } in FILE
long_options() {
	sed -n 's/^[[:space:]]*{ "\([^"]*\)", *[a-z_]*_argument,.*/\1/p' "$1"
}

# short_options FILE: the letters of `shortopts[] = "..."` in FILE, one a line
short_options() {
	sed -n 's/^static const char shortopts\[\] = "\([^"]*\)";.*/\1/p' "$1" | tr -d ':' | fold -w 1
}

run help
expect_status "help lists the commands" 0
sed -n '/^Commands:$/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' "$TMP/out" >"$TMP/help-commands"
[ -s "$TMP/help-commands" ]; check "help lists the commands" $?

# every command file is in the command table, and every command has its file
for src in src/cli/cmd_*.c; do
	name=${src#src/cli/cmd_}
	name=${name%.c}
	grep -qx "$name" "$TMP/help-commands"; check "help lists $name ($src)" $?
done
while read -r name; do
	src=src/cli/cmd_$name.c
	[ -f "$src" ]; check "command $name has $src" $?
	[ -f "$src" ] || continue

	long_options "$src" >"$TMP/opts"
	grep -q '^[[:space:]]*CLI_COMMON_OPTIONS' "$src" && long_options src/cli/cli.h >>"$TMP/opts"
	short_options "$src" >"$TMP/shorts"

	run help "$name"
	expect_status "help $name" 0
	cp "$TMP/out" "$TMP/help-page"
	# a command without an option table (help, version) takes no option
	if ! grep -q 'struct option longopts\[\]' "$src"; then
		continue
	fi
	[ -s "$TMP/opts" ]; check "$name: long options read from $src" $?
	run "$name" --help
	expect_status "$name --help" 0
	cmp -s "$TMP/out" "$TMP/help-page"; check "$name --help = help $name" $?
	sed -n '/^Options:$/,$p' "$TMP/out" >"$TMP/described"

	: >"$TMP/missing"
	while read -r opt; do
		grep -qE -- "--$opt([^a-z0-9-]|\$)" "$TMP/described" || echo "--$opt" >>"$TMP/missing"
	done <"$TMP/opts"
	while read -r letter; do
		grep -qE -- "(^|[[:space:][])-$letter([],[:space:]]|\$)" "$TMP/described" || echo "-$letter" >>"$TMP/missing"
	done <"$TMP/shorts"
	[ ! -s "$TMP/missing" ]; check "$name --help lists every option it parses" $? \
		"missing $(tr '\n' ' ' <"$TMP/missing")"
done <"$TMP/help-commands"
