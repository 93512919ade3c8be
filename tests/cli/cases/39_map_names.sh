# shellcheck shell=bash
# Graphviz object names (present/map/context.c, cm_gv_disc): every layout
# writes each actor's node as "nN" (N its vertex, the name coopmap gives it),
# never as cgraph's anonymous "%N" — the report and the tests find actors by
# these titles.  Layouts whose packing makes and deletes subgraphs of their
# own (sfdp, fdp, neato) once turned every name into "%N": cgraph's internal
# map of names is emptied when any subgraph closes.  The count is the
# sample's actors, from nodes.csv and edges.csv read here.
S=graphs/cites-educatives
want=$(cut -d, -f1 "$S/nodes.csv" | tail -n +2; tail -n +2 "$S/edges.csv" | cut -d, -f1,2 | tr , '\n')
want=$(printf '%s\n' "$want" | sort -u | grep -c .)
for layout in fr sfdp fdp neato dot circo geo; do
	run render "$S" --layout "$layout" -o "$TMP/names-$layout.svg" --quiet
	expect_status "render --layout $layout" 0
	named=$(grep -c '^<title>n[0-9]*</title>$' "$TMP/names-$layout.svg")
	anon=$(grep -c '^<title>%[0-9]*</title>$' "$TMP/names-$layout.svg")
	[ "$named" -eq "$want" ] && [ "$anon" -eq 0 ]
	check "render --layout $layout: $want actors titled nN ($named), none %N ($anon)" $?
done
