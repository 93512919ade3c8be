#!/bin/sh
# make check-layers: every file of src/ includes only the headers of its own
# folder and of the folders before it on the data path
#     base < model < filter < load < measure < present < cli
# (public headers count as the folder that implements them, below), and
# only present/map/ and load/'s DOT reader include Graphviz.  Prints one
# line per offending #include and exits 1 when there is one.
cd "$(dirname "$0")/../.." || exit 2

rank() {
	case "$1" in
	base) echo 0 ;; model) echo 1 ;; filter) echo 2 ;; load) echo 3 ;;
	measure) echo 4 ;; present) echo 5 ;; cli) echo 6 ;; *) echo 99 ;;
	esac
}

# The folder whose code a public header declares.
public_layer() {
	case "$1" in
	common.h|text.h|table.h|output.h) echo base ;;
	network.h) echo model ;;
	filter.h) echo filter ;;
	load.h|regions.h|check.h) echo load ;;
	summary.h|metrics.h|isolated.h|clubs.h|brokers.h|diff.h|suggest.h) echo measure ;;
	writers.h|export.h|render.h) echo present ;;
	coopmap.h) echo cli ;;
	*) echo unknown ;;
	esac
}

# The layer of the file that includes (src/LAYER/... or include/coopmap/H).
file_layer() {
	case "$1" in
	src/*) f=${1#src/}; echo "${f%%/*}" ;;
	include/coopmap/*) public_layer "${1##*/}" ;;
	esac
}

bad=0
for file in $(find src include/coopmap -name '*.[ch]' | sort); do
	layer=$(file_layer "$file")
	own=$(rank "$layer")
	if [ "$own" = 99 ]; then
		echo "$file: not in a known folder ($layer)"
		bad=1
		continue
	fi
	grep -n '^[[:space:]]*#[[:space:]]*include' "$file" | while IFS= read -r line; do
		n=${line%%:*}
		inc=$(echo "$line" | sed -n 's/.*#[[:space:]]*include[[:space:]]*["<]\([^">]*\)[">].*/\1/p')
		case "$inc" in
		coopmap/*) target=$(public_layer "${inc#coopmap/}") ;;
		*/*)
			target=${inc%%/*}
			case "$inc" in
			graphviz/*)
				case "$file" in
				src/present/map/*|src/load/dot.c) ;;
				*) echo "$file:$n: includes Graphviz's <$inc> outside present/map/ and load/dot.c" ;;
				esac
				continue ;;
			esac
			[ "$(rank "$target")" = 99 ] && continue ;; # a system header such as <sys/stat.h>
		*)
			case "$inc" in
			gvc.h|cgraph.h|cdt.h|gvplugin*.h)
				case "$file" in
				src/present/map/*|src/load/dot.c) ;;
				*) echo "$file:$n: includes Graphviz's <$inc> outside present/map/ and load/dot.c" ;;
				esac ;;
			esac
			continue ;; # a header of the same folder, or a system header
		esac
		if [ "$(rank "$target")" -gt "$own" ]; then
			echo "$file:$n: includes $inc ($target) from $layer: $layer may include only $layer and the folders before it"
		fi
	done
done > build/layers.txt 2>&1 || true

# The same rule at link level, on the objects built in $BUILD (default
# build/): a symbol that a folder's object uses must be defined in that
# folder or one before it, so that no call runs up the data path.
objs=${BUILD:-build}/src
if [ -d "$objs" ]; then
	for o in $(find "$objs" -name '*.o' | sort); do
		f=${o#"$objs"/}
		[ -f "src/${f%.o}.c" ] || continue # left over from a file since moved
		nm -P --defined-only "$o" | awk -v l="${f%%/*}" '$2 ~ /^[TDBR]$/ { print $1, l }'
	done | sort -u > build/layers-defined.txt
	for o in $(find "$objs" -name '*.o' | sort); do
		f=${o#"$objs"/}
		[ -f "src/${f%.o}.c" ] || continue
		layer=${f%%/*}
		own=$(rank "$layer")
		nm -P --undefined-only "$o" | awk '{ print $1 }' | grep '^cm_' | while read -r sym; do
			def=$(awk -v s="$sym" '$1 == s { print $2; exit }' build/layers-defined.txt)
			[ -n "$def" ] || continue
			if [ "$(rank "$def")" -gt "$own" ]; then
				echo "src/${f%.o}.c: calls $sym, defined in $def: $layer may call only $layer and the folders before it"
			fi
		done
	done >> build/layers.txt
fi
if [ -s build/layers.txt ]; then
	cat build/layers.txt
	echo "check-layers: $(wc -l < build/layers.txt) include(s) or call(s) against the layers (src/README.md)"
	exit 1
fi
echo "check-layers: every include follows the layers"
