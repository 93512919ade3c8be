#!/bin/sh
# make check-layers: every file of src/ includes only the headers of its own
# folder and of the folders before it on the data path
#     base < model < filter < load < measure < present < cli
# (public headers count as the folder that implements them, below), and
# only present/map/ and load/'s DOT reader include Graphviz; then the same
# rule for calls, on the built objects.  Prints one line per offence and
# exits 1 when there is one.  One awk pass each, so that it takes well
# under a second.
cd "$(dirname "$0")/../.." || exit 2
mkdir -p build

# The order of the folders, and the folder whose code each public header declares.
AWK_RULES='
BEGIN {
	split("base model filter load measure present cli", order, " ")
	for (i = 1; i <= 7; i++)
		rank[order[i]] = i
	split("common text table output", h, " ");                 for (i in h) pub[h[i] ".h"] = "base"
	pub["network.h"] = "model"
	pub["filter.h"] = "filter"
	split("load regions check", h, " ");                        for (i in h) pub[h[i] ".h"] = "load"
	split("summary metrics isolated clubs brokers diff suggest", h, " "); for (i in h) pub[h[i] ".h"] = "measure"
	split("writers export render report", h, " ");                     for (i in h) pub[h[i] ".h"] = "present"
	pub["coopmap.h"] = "cli"
}
# The layer of a file: src/LAYER/..., or the one of a public header.
function layer_of(path,    p, n) {
	if (path ~ /^src\//) {
		n = split(path, p, "/")
		return p[2]
	}
	n = split(path, p, "/")
	return (p[n] in pub) ? pub[p[n]] : "unknown"
}
'

# Includes.
find src include/coopmap -name '*.[ch]' | sort | xargs awk "$AWK_RULES"'
FNR == 1 {
	layer = layer_of(FILENAME)
	if (!(layer in rank))
		printf "%s: not in a known folder (%s)\n", FILENAME, layer
}
/^[ \t]*#[ \t]*include/ {
	inc = $0
	sub(/^[^"<]*["<]/, "", inc)
	sub(/[">].*$/, "", inc)
	graphviz = inc ~ /^graphviz\// || inc ~ /^(gvc|cgraph|cdt|gvplugin.*)\.h$/
	if (graphviz) {
		if (FILENAME !~ /^src\/present\/map\// && FILENAME != "src/load/dot.c")
			printf "%s:%d: includes Graphviz'"'"'s <%s> outside present/map/ and load/dot.c\n", FILENAME, FNR, inc
		next
	}
	if (inc ~ /^coopmap\//) {
		sub(/^coopmap\//, "", inc)
		target = (inc in pub) ? pub[inc] : "unknown"
		shown = "coopmap/" inc
	} else if (inc ~ /\//) {
		split(inc, p, "/")
		target = p[1]
		shown = inc
		if (!(target in rank))
			next            # a system header such as <sys/stat.h>
	} else {
		next                    # a header of the same folder, or a system header
	}
	if (!(target in rank))
		printf "%s:%d: includes %s, a public header no folder claims (tests/layers/check.sh)\n", FILENAME, FNR, shown
	else if ((layer in rank) && rank[target] > rank[layer])
		printf "%s:%d: includes %s (%s) from %s: %s may include only %s and the folders before it\n",
		       FILENAME, FNR, shown, target, layer, layer, layer
}' > build/layers.txt 2>&1

# Calls, on the objects built in $BUILD (default build/): a symbol that a
# folder's object uses must be defined in that folder or one before it, so
# that no call runs up the data path.
objs=${BUILD:-build}/src
if [ -d "$objs" ]; then
	# one nm for every object: "build/src/FOLDER/FILE.o: SYMBOL TYPE ..."
	find "$objs" -name '*.o' | sort | xargs -r nm -P -A 2>/dev/null | awk -v objs="$objs/" '
	{
		f = $1
		sub(/:$/, "", f)
		sub("^" objs, "src/", f)
		sub(/\.o$/, ".c", f)
		if ($2 ~ /^cm_/)
			print f, $2, $3
	}' | while read -r f sym type; do
		# left over from a file since moved: not a source any more
		[ -f "$f" ] && echo "$f $sym $type"
	done | awk "$AWK_RULES"'
	{
		layer = layer_of($1)
		if ($3 ~ /^[TDBR]$/)
			defined[$2] = layer
		else if ($3 == "U")
			used[++n] = $1 " " $2 " " layer
	}
	END {
		for (i = 1; i <= n; i++) {
			split(used[i], u, " ")
			if ((u[2] in defined) && rank[defined[u[2]]] > rank[u[3]])
				printf "%s: calls %s, defined in %s: %s may call only %s and the folders before it\n",
				       u[1], u[2], defined[u[2]], u[3], u[3]
		}
	}' >> build/layers.txt
fi
if [ -s build/layers.txt ]; then
	cat build/layers.txt
	echo "check-layers: $(wc -l < build/layers.txt) include(s) or call(s) against the layers (src/README.md)"
	exit 1
fi
echo "check-layers: every include and call follows the layers"
