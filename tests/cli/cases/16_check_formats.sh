# Issue 12, the rest: `check` on every input the other commands read, the
# hint from every command, --where values without case or accents, notices
# when most actors lack an attribute, a date column in the actor table, and
# the invalid lat/lon notice naming the actors.  Every expected line is
# written out by hand from the fixtures below.
FC=$DATA/first-contact

# expect_out NAME TEXT: stdout has a line holding TEXT (a whole line for "nodes,N" and the like)
expect_out() {
	case $2 in
	*,*[0-9]) grep -qxF -- "$2" "$TMP/out" ;;
	*) grep -qF -- "$2" "$TMP/out" ;;
	esac
	check "$1 (stdout has '$2')" $? "$(head -c 300 "$TMP/out")"
}

# A GML network with one of each problem planted ($FC/planted.gml): 'Cités' a type variant of
# 'cite' (3 actors), 'Bretange' not a region, tie b - c undated where 4 ties
# have a year, b - b a self-tie, b - a (tie 2) repeats a - b (tie 1), a - c
# of weight 0, d with no tie.
G=$FC/planted.gml
cat >"$TMP/want" <<EOF
type values that differ only by case, accents or plural:
  $G: type 'Cités' of 'b' differs only by case, accents or plural from 'cite' (3 actors): write 'cite'

regions not in the adjacency file:
  $G: region 'Bretange' (1 actor) is not in graphs/regions-fr.csv: did you mean 'Bretagne'?

ties without a year when other ties have one:
  $G: tie b - c has no year, where 4 ties have one: --year, --from and --to leave it out

ties of an actor with itself (dropped by the other commands):
  $G: tie of 'b' with itself

repeated ties (merged by the other commands: weights added up):
  $G: tie a - b repeats tie 1

ties with weight 0 or not a positive number (refused by the other commands):
  $G: tie a - c has weight '0': give a positive weight, or leave it empty for 1

actors with no tie:
  $G: 'd' has no tie

7 problems found
EOF
run check "$G" --regions graphs/regions-fr.csv
expect_status "check GML: problems listed" 1
expect_out_file "check GML: each planted problem, the actor or tie named" "$TMP/want"

# Pajek: the same ties without attributes: the self-tie, the repeat, c - d's absence
printf '*Vertices 4\n1 "a"\n2 "b"\n3 "c"\n4 "d"\n*Edges\n1 2\n2 1\n2 2\n1 3\n3 2\n' >"$TMP/planted.net"
run check "$TMP/planted.net"
expect_status "check Pajek" 1
expect_out "check Pajek: self-tie" "  $TMP/planted.net: tie of 'b' with itself"
expect_out "check Pajek: repeat" "  $TMP/planted.net: tie a - b repeats tie 1"
expect_out "check Pajek: no tie" "  $TMP/planted.net: 'd' has no tie"
expect_out "check Pajek: the count" "3 problems found"

# The facilitator's fixture written as GraphML, GEXF, GML and DOT by convert:
# the misspelt 'Villes au carre' is an actor of the file (added by the
# loader), so a near-duplicate id; the type and region as in CSV
for fmt in graphml gexf gml dot; do
	run convert "$FC/canonical" -o "$TMP/fc.$fmt" --quiet
	run check "$TMP/fc.$fmt" --regions graphs/regions-fr.csv
	expect_status "check $fmt fixture" 1
	expect_out "check $fmt fixture: near-duplicate id" "id 'Villes au carr"
	expect_out "check $fmt fixture: type" "  $TMP/fc.$fmt: type 'Cite' of 'cite-lorient' differs only by case, accents or plural from 'cite' (9 actors): write 'cite'"
	expect_out "check $fmt fixture: region" "  $TMP/fc.$fmt: region 'Bretange' (1 actor) is not in graphs/regions-fr.csv: did you mean 'Bretagne'?"
	expect_out "check $fmt fixture: three problems" "3 problems found"
	# every other command says to run check
	run summary "$TMP/fc.$fmt"
	expect_err "hint from a $fmt input" "coopmap: hint: 'coopmap check $TMP/fc.$fmt' lists these"
done

# standard input: the lines of the text read
printf 'source,target,year\na,b,2020\nb,a,2021\nc,c,\n' >"$TMP/stdin.csv"
"${WRAP[@]}" "$BIN" check - <"$TMP/stdin.csv" >"$TMP/out" 2>"$TMP/err"
status=$?
expect_status "check -" 1
expect_out "check -: repeat with its line" "  <stdin>:3: tie b - a repeats line 2"
expect_out "check -: self-tie with its line" "  <stdin>:4: tie of 'c' with itself"
expect_out "check -: undated with its line" "  <stdin>:4: tie c - c has no year, where 2 ties have one"

# the hint for what only check used to see: type variants, spellings of ids
printf 'source,target\na,b\nb,c\n' >"$TMP/h.csv"
printf 'id,type,region\na,cite,Bretagne\nb,Cité,Bretagne\nc,cite,Normandie\n' >"$TMP/h-type.csv"
run summary "$TMP/h.csv" --nodes "$TMP/h-type.csv"
expect_err "hint for a type variant" "coopmap: hint: 'coopmap check $TMP/h.csv --nodes $TMP/h-type.csv'"
printf 'source,target\nVilles au carré,b\nb,Villes au carre\n' >"$TMP/h-id.csv"
run summary "$TMP/h-id.csv"
expect_err "hint for ids equal but for an accent" "coopmap: hint: 'coopmap check $TMP/h-id.csv'"
printf 'source,target,year\na,b,2020\nb,c,\n' >"$TMP/h-undated.csv"
run summary "$TMP/h-undated.csv"
expect_err "hint for an undated tie among dated ones" "coopmap: hint: 'coopmap check $TMP/h-undated.csv'"
# a region the --regions file lacks: the hint carries --regions
printf 'id,type,region\na,cite,Bretagne\nb,cite,Bretange\nc,cite,Normandie\n' >"$TMP/h-region.csv"
run clubs "$TMP/h.csv" --nodes "$TMP/h-region.csv" --regions graphs/regions-fr.csv --min-size 1
expect_err "hint for an unknown region" "coopmap: hint: 'coopmap check $TMP/h.csv --nodes $TMP/h-region.csv --regions graphs/regions-fr.csv'"
printf 'id,type,region\na,cite,Bretagne\nb,cite,Bretagne\nc,cite,Normandie\n' >"$TMP/h-clean.csv"
run clubs "$TMP/h.csv" --nodes "$TMP/h-clean.csv" --regions graphs/regions-fr.csv --min-size 1
! grep -q "hint" "$TMP/err"
check "no hint when every region is known" $? "$(head -c 300 "$TMP/err")"

# --where values: case and accents do not matter.  The sample network has
# 3 actors in Bretagne and 60 of type cite (graphs/cites-educatives/nodes.csv)
S=graphs/cites-educatives
n_bretagne=$(awk -F, 'NR > 1 && $4 == "Bretagne"' "$S/nodes.csv" | wc -l)
n_cite=$(awk -F, 'NR > 1 && $3 == "cite"' "$S/nodes.csv" | wc -l)
run summary "$S" --where région=bretagne --format csv --quiet
expect_out "--where région=bretagne: the Bretagne actors" "nodes,$n_bretagne"
run summary "$S" --where type=Cite --format csv --quiet
expect_out "--where type=Cite: the cités" "nodes,$n_cite"
run summary "$S" --where "region=ILE DE FRANCE" --format csv --quiet
n_idf=$(awk -F, 'NR > 1 && $4 == "Île-de-France"' "$S/nodes.csv" | wc -l)
expect_out "--where region=ILE DE FRANCE: Île-de-France" "nodes,$n_idf"

# most actors without the attribute a command needs: said, naming them
printf 'source,target,year\na,b,2020\nb,c,\nc,d,\nd,e,\n' >"$TMP/most.csv"
printf 'id,type,region\na,cite,Bretagne\nb,,\nc,,\nd,,\ne,cite,\n' >"$TMP/most-n.csv"
run brokers "$TMP/most.csv" --nodes "$TMP/most-n.csv"
expect_err "brokers: most without a region" "coopmap: region is empty for 4 of 5 actors ('b', 'c', 'd', 'e'): brokers counts them in no group"
run isolated "$TMP/most.csv" --nodes "$TMP/most-n.csv"
expect_err "isolated: most without a type" "coopmap: type is empty for 3 of 5 actors ('b', 'c', 'd'): they are not of type 'cite'"
run summary "$TMP/most.csv" --to 2021
expect_err "--to: most ties undated" "coopmap: left out 3 undated ties of 4 (no year) because of the year filter: only 1 has a year"
printf 'id,region\na,Bretagne\nb,Bretagne\n' >"$TMP/notype.csv"
run isolated "$TMP/most.csv" --nodes "$TMP/notype.csv"
expect_status "isolated with no type at all: bad data" 3
expect_err "isolated with no type at all" "coopmap: no actor has type 'cite': no actor has a type"

# a date column in the actor table: the year the actor joined.  With
# --to 2020: a (joined 2019) and b (2020), tied in 2020; c (2021), d (2022) not yet
printf 'source;target;date\na;b;15/03/2020\nb;c;2021-06-01\nc;d;2022\n' >"$TMP/dl.csv"
printf 'acteur;date\na;2019-01-05\nb;15/03/2020\nc;2021\nd;01/09/2022\n' >"$TMP/dn.csv"
run summary "$TMP/dl.csv" --nodes "$TMP/dn.csv" --to 2020 --format csv
expect_out "actor date: two actors by 2020" "nodes,2"
expect_out "actor date: one tie by 2020" "edges,1"
expect_err "actor date: said" "$TMP/dn.csv: 'acteur' read as the actor id, 'date' as the year (of each date)"
run convert "$TMP/dl.csv" --nodes "$TMP/dn.csv" -o "$TMP/dates.gml" --quiet
grep -A4 '"d"' "$TMP/dates.gml" | grep -q 'year "2022"'
check "actor date: 01/09/2022 is 2022" $? "$(grep -A4 '"d"' "$TMP/dates.gml")"
printf 'acteur;date\na;mars 2021\n' >"$TMP/dn-bad.csv"
run summary "$TMP/dl.csv" --nodes "$TMP/dn-bad.csv"
expect_status "actor date: not a date" 3
expect_err "actor date: not a date" "coopmap: $TMP/dn-bad.csv:2: date 'mars 2021' is not a date"

# invalid lat/lon: the actors named
printf 'id,type,region,lat,lon\na,cite,Bretagne,48.1,-1.6\nb,cite,Bretagne,zz,-1.6\nc,cite,Normandie,95,2\nd,cite,Normandie,,\n' >"$TMP/geo-n.csv"
printf 'source,target\na,b\nb,c\nc,d\n' >"$TMP/geo-e.csv"
run render "$TMP/geo-e.csv" --nodes "$TMP/geo-n.csv" --layout geo -o "$TMP/geo.svg"
expect_status "render geo with bad lat/lon" 0
expect_err "invalid lat/lon named" "coopmap: 2 actors with an invalid lat/lon placed like actors without one: 'b', 'c'"

# a --where value no actor has: said, with the closest value
run summary graphs/cites-educatives --where région=Bretange,normandie --format csv
expect_err "--where value matching nobody" "coopmap: --where: no actor has région 'Bretange': did you mean 'Bretagne'?"

# a CSV edge list whose name has no extension is known from its content;
# `check` read it as a network instead of table by table (F: segmentation
# fault, a NULL name copied, found by the check fuzzer on 2026-12-05).
# Hand count: 3 actors, 2 ties, no problem.
printf 'source;target;weight\na;b;1\nb;c;2\n' >"$TMP/noext"
run check "$TMP/noext"
expect_status "check of a CSV without extension" 0
run summary "$TMP/noext" --format csv
grep -q '^nodes,3$' "$TMP/out" && grep -q '^edges,2$' "$TMP/out"; check "summary of a CSV without extension: 3 actors, 2 ties" $?
