# The shipped sample network and reference data (graphs/) are well-formed,
# agree with each other and with what graphs/README.md promises; the
# synthetic generator (build/tests/gen_network) is exact and deterministic.
# Plain awk on purpose: no field of these files is quoted or holds a comma.

G_NODES=graphs/cites-educatives/nodes.csv
G_EDGES=graphs/cites-educatives/edges.csv
G_ADJ=graphs/regions-fr.csv
G_CENTRES=graphs/regions-fr-centres.csv
GEN=build/tests/gen_network

# g_awk NAME FILE... -- AWK-PROGRAM: the program prints problems; none means pass.
g_awk() {
	g_name=$1
	shift
	awk "$@" >"$TMP/g_problems" 2>&1
	[ ! -s "$TMP/g_problems" ]
	check "$g_name" $? "$(head -n 5 "$TMP/g_problems")"
}

for g_file in "$G_NODES" "$G_EDGES" "$G_ADJ" "$G_CENTRES"; do
	[ -f "$g_file" ]; check "graphs: $g_file exists" $?
	iconv -f UTF-8 -t UTF-8 "$g_file" >/dev/null 2>&1; check "graphs: $g_file is valid UTF-8" $?
	! grep -q "$(printf '\r')" "$g_file"; check "graphs: $g_file has no CR line ends" $?
	[ "$(tail -c 1 "$g_file" | od -An -c | tr -d ' ')" = '\n' ]
	check "graphs: $g_file ends with a newline" $?
done

# --- nodes.csv
[ "$(head -n 1 "$G_NODES")" = "id,label,type,region,department,year,lat,lon" ]
check "graphs: nodes.csv header" $? "$(head -n 1 "$G_NODES")"

g_awk "graphs: nodes.csv rows are well-formed" -F, '
NR == 1 { next }
NF != 8 { print NR ": " NF " fields"; next }
$1 !~ /^[a-z0-9]+(-[a-z0-9]+)*$/ { print NR ": id \"" $1 "\" is not an ASCII slug" }
seen[$1]++ { print NR ": duplicate id " $1 }
$2 == "" { print NR ": empty label" }
$3 !~ /^(cite|crpv|reseau|etat|collectivite|association|ecole|parents|universite|consultant)$/ {
	print NR ": unknown type \"" $3 "\"" }
$6 != "" && ($6 !~ /^20(19|20|21|22)$/) { print NR ": year \"" $6 "\" outside 2019-2022" }
($7 == "") != ($8 == "") { print NR ": lat and lon must be both given or both empty" }
$7 != "" && ($7 !~ /^-?[0-9]+\.[0-9]+$/ || $7 < -22 || $7 > 52) { print NR ": bad lat " $7 }
$8 != "" && ($8 !~ /^-?[0-9]+\.[0-9]+$/ || $8 < -62 || $8 > 56) { print NR ": bad lon " $8 }
' "$G_NODES"

g_awk "graphs: nodes.csv has 80-150 actors" -F, 'END { if (NR - 1 < 80 || NR - 1 > 150) print NR - 1 " actors" }' "$G_NODES"

# --- edges.csv
[ "$(head -n 1 "$G_EDGES")" = "source,target,weight,kind,year,end" ]
check "graphs: edges.csv header" $? "$(head -n 1 "$G_EDGES")"

g_awk "graphs: every tie joins two known actors, once, without self-loop" -F, '
FNR == 1 { next }
FILENAME == ARGV[1] { actor[$1] = 1; next }
NF != 6 { print FNR ": " NF " fields"; next }
!($1 in actor) { print FNR ": source " $1 " is not in nodes.csv" }
!($2 in actor) { print FNR ": target " $2 " is not in nodes.csv" }
$1 == $2 { print FNR ": self-loop on " $1 }
{ k = ($1 < $2) ? $1 SUBSEP $2 : $2 SUBSEP $1; if (pair[k]++) print FNR ": repeated tie " $1 "-" $2 }
$3 !~ /^[1-5]$/ { print FNR ": weight \"" $3 "\" is not 1-5" }
$4 !~ /^(accompagnement|gouvernance|reseau|club|partenariat|formation|capitalisation)$/ {
	print FNR ": unknown kind \"" $4 "\"" }
$5 != "" && ($5 !~ /^20(19|20|21|22)$/) { print FNR ": year \"" $5 "\" outside 2019-2022" }
$6 != "" && ($6 !~ /^20(19|20|21|22)$/ || $6 < $5) { print FNR ": end \"" $6 "\" outside 2019-2022 or before the year" }
' "$G_NODES" "$G_EDGES"

g_awk "graphs: edges.csv has 150-300 ties" -F, 'END { if (NR - 1 < 150 || NR - 1 > 300) print NR - 1 " ties" }' "$G_EDGES"

# --- regions
g_awk "graphs: regions-fr.csv lists 18 regions, each pair once" -F, '
/^#/ { next }
!header++ { if ($0 != "region,neighbour") print "header is \"" $0 "\""; next }
NF != 2 { print NR ": " NF " fields"; next }
$1 == $2 { print NR ": " $1 " is its own neighbour" }
{ k = ($1 < $2) ? $1 SUBSEP $2 : $2 SUBSEP $1; if (pair[k]++) print NR ": pair listed twice: " $1 ", " $2 }
{ reg[$1]; reg[$2] }
END { n = 0; for (r in reg) n++; if (n != 18) print n " regions, want 18" }
' "$G_ADJ"

g_awk "graphs: regions-fr.csv has the documented neighbours" -F, '
/^#/ || $1 == "region" { next }
{ nb[$1] = nb[$1] "|" $2; nb[$2] = nb[$2] "|" $1 }
function want(r, list,   n, i, a) {
	n = split(list, a, ";")
	for (i = 1; i <= n; i++)
		if (index(nb[r] "|", "|" a[i] "|") == 0) print r " lacks neighbour " a[i]
	if (gsub(/\|/, "|", nb[r]) != n) print r " has " gsub(/\|/, "|", nb[r]) " neighbours, want " n
}
END {
	want("Bretagne", "Normandie;Pays de la Loire")
	want("Centre-Val de Loire", "Normandie;Île-de-France;Bourgogne-Franche-Comté;Auvergne-Rhône-Alpes;Nouvelle-Aquitaine;Pays de la Loire")
	want("Hauts-de-France", "Normandie;Île-de-France;Grand Est")
	want("Corse", "Provence-Alpes-Côte d'\''Azur")
	want("Martinique", "Guadeloupe;Guyane")
	want("Mayotte", "La Réunion")
}
' "$G_ADJ"

g_awk "graphs: every region of nodes.csv is in regions-fr.csv" -F, '
FILENAME == ARGV[1] { if (!/^#/ && $1 != "region") { reg[$1]; reg[$2] } ; next }
FNR > 1 && $4 != "" && !($4 in reg) { print "nodes.csv:" FNR ": region \"" $4 "\" is not in regions-fr.csv" }
' "$G_ADJ" "$G_NODES"

g_awk "graphs: regions-fr-centres.csv has one centre per region" -F, '
FILENAME == ARGV[1] { if (!/^#/ && $1 != "region") { reg[$1]; reg[$2] } ; next }
FNR == 1 { if ($0 != "region,lat,lon") print "header is \"" $0 "\""; next }
NF != 3 { print FNR ": " NF " fields"; next }
!($1 in reg) { print FNR ": unknown region " $1 }
seen[$1]++ { print FNR ": " $1 " twice" }
$2 !~ /^-?[0-9]+\.[0-9]+$/ || $3 !~ /^-?[0-9]+\.[0-9]+$/ { print FNR ": bad coordinates" }
END { n = 0; for (r in seen) n++; if (n != 18) print n " centres, want 18" }
' "$G_ADJ" "$G_CENTRES"

# --- what the README says the sample shows (from the seed report)
g_awk "graphs: Club de l'Ouest regions hold 13 cités, each region under 10" -F, '
NR > 1 && $3 == "cite" { n[$4]++ }
END {
	club = n["Normandie"] + n["Bretagne"] + n["Pays de la Loire"] + n["Centre-Val de Loire"]
	if (club != 13) print "club regions hold " club " cités, want 13"
	if (n["Normandie"] >= 10 || n["Bretagne"] >= 10 || n["Pays de la Loire"] >= 10 || n["Centre-Val de Loire"] >= 10)
		print "a club region reaches 10 cités"
	if (n["Hauts-de-France"] < 10) print "Hauts-de-France has " n["Hauts-de-France"] " cités, want >= 10"
	if (n["Provence-Alpes-Côte d'\''Azur"] < 10) print "PACA has " n["Provence-Alpes-Côte d'\''Azur"] " cités, want >= 10"
	# no sparse cité next to the club regions, so that a club proposal can be the report'\''s four
	if (n["Nouvelle-Aquitaine"] + n["Grand Est"] + n["Bourgogne-Franche-Comté"] != 0) print "cités next to the club regions"
}
' "$G_NODES"

g_awk "graphs: dated facts of the report" -F, '
FILENAME == ARGV[1] { if ($1 == "cite-miramas" && $6 != "2021") print "Miramas year " $6; next }
{ k = ($1 < $2) ? $1 " " $2 : $2 " " $1 }
k == "etat-anct reseau-rncrpv" { conv = $5 }
k == "cite-marseille-14e crpv-cites-ressources" { xiv = $5 }
k == "cite-miramas crpv-cites-ressources" { mir = $5 }
END {
	if (conv != "2020") print "RNCRPV-ANCT convention year \"" conv "\", want 2020"
	if (xiv != "2022") print "XIVe arrondissement tie year \"" xiv "\", want 2022"
	if (mir != "2021") print "Miramas tie year \"" mir "\", want 2021"
}
' "$G_NODES" "$G_EDGES"

g_awk "graphs: isolated cités exist (no tie, or no peer cité)" -F, '
FILENAME == ARGV[1] { if (FNR > 1) type[$1] = $3; next }
FNR > 1 { deg[$1]++; deg[$2]++; if (type[$1] == "cite" && type[$2] == "cite") { peer[$1]++; peer[$2]++ } }
END {
	if (!("cite-hdf-13" in type) || deg["cite-hdf-13"] != 0) print "cite-hdf-13 should exist and have no tie"
	if (deg["cite-martinique-1"] == 0 || peer["cite-martinique-1"] != 0) print "cite-martinique-1 should have ties but no peer cité"
}
' "$G_NODES" "$G_EDGES"

# --- the generator
if [ -x "$GEN" ]; then
	"$GEN" --actors 500 --ties 2000 --seed 42 --out "$TMP/gen1" >/dev/null 2>"$TMP/err"
	check "gen_network: runs" $? "$(cat "$TMP/err")"
	"$GEN" --actors 500 --ties 2000 --seed 42 --out "$TMP/gen2" >/dev/null 2>&1
	cmp -s "$TMP/gen1/nodes.csv" "$TMP/gen2/nodes.csv" && cmp -s "$TMP/gen1/edges.csv" "$TMP/gen2/edges.csv"
	check "gen_network: same seed, same files" $?
	"$GEN" --actors 500 --ties 2000 --seed 43 --out "$TMP/gen3" >/dev/null 2>&1
	! cmp -s "$TMP/gen1/edges.csv" "$TMP/gen3/edges.csv"
	check "gen_network: another seed, other ties" $?
	[ "$(head -n 1 "$TMP/gen1/nodes.csv")" = "id,label,type,region" ] &&
		[ "$(head -n 1 "$TMP/gen1/edges.csv")" = "source,target,weight,year" ]
	check "gen_network: headers" $?

	g_awk "gen_network: 500 actors with unique ids and known regions" -F, '
	FILENAME == ARGV[1] { if (!/^#/ && $1 != "region") { reg[$1]; reg[$2] } ; next }
	FNR == 1 { next }
	NF != 4 { print FNR ": " NF " fields" }
	seen[$1]++ { print FNR ": duplicate id " $1 }
	$1 !~ /^a[0-9]+$/ { print FNR ": id " $1 }
	$4 != "" && !($4 in reg) { print FNR ": region " $4 " not in regions-fr.csv" }
	$3 == "" { print FNR ": no type" }
	END { if (FNR - 1 != 500) print FNR - 1 " actors, want 500" }
	' "$G_ADJ" "$TMP/gen1/nodes.csv"

	g_awk "gen_network: exactly 2000 distinct ties between known actors" -F, '
	FNR == 1 { next }
	FILENAME == ARGV[1] { actor[$1] = 1; next }
	NF != 4 { print FNR ": " NF " fields" }
	!($1 in actor) || !($2 in actor) { print FNR ": unknown actor" }
	$1 == $2 { print FNR ": self-loop" }
	{ k = ($1 < $2) ? $1 SUBSEP $2 : $2 SUBSEP $1; if (pair[k]++) print FNR ": repeated tie " $1 "-" $2 }
	$3 !~ /^[1-5]$/ { print FNR ": weight " $3 }
	$4 !~ /^20(19|20|21|22)$/ { print FNR ": year " $4 }
	END { if (FNR - 1 != 2000) print FNR - 1 " ties, want 2000" }
	' "$TMP/gen1/nodes.csv" "$TMP/gen1/edges.csv"

	# Structure: most ties stay in a region, some cross regions.
	g_awk "gen_network: ties mostly regional, some interregional" -F, '
	FNR == 1 { next }
	FILENAME == ARGV[1] { reg[$1] = $4; next }
	{ n++; if (reg[$1] == reg[$2]) same++ }
	END { if (same < 0.8 * n || same == n) print same " of " n " ties inside a region" }
	' "$TMP/gen1/nodes.csv" "$TMP/gen1/edges.csv"

	# The complete graph on 6 actors: every one of the 15 pairs exactly once.
	"$GEN" --actors 6 --ties 15 --regions 2 --out "$TMP/gen4" >/dev/null 2>&1
	check "gen_network: complete graph" $?
	g_awk "gen_network: complete graph has all 15 pairs" -F, '
	FNR > 1 { k = ($1 < $2) ? $1 SUBSEP $2 : $2 SUBSEP $1; pair[k] }
	END { n = 0; for (k in pair) n++; if (n != 15 || NR - 1 != 15) print n " pairs in " NR - 1 " lines" }
	' "$TMP/gen4/edges.csv"

	"$GEN" --actors 6 --ties 16 --out "$TMP/gen5" >/dev/null 2>"$TMP/err"
	[ $? -eq 2 ] && grep -q "cannot exist" "$TMP/err" && [ ! -e "$TMP/gen5" ]
	check "gen_network: too many ties is a usage error" $? "$(cat "$TMP/err")"
	"$GEN" --actors ten --ties 5 --out "$TMP/gen5" >/dev/null 2>"$TMP/err"
	[ $? -eq 2 ] && grep -q "'ten' is not a whole number" "$TMP/err"
	check "gen_network: bad number" $? "$(cat "$TMP/err")"
	"$GEN" --ties 5 >/dev/null 2>"$TMP/err"
	[ $? -eq 2 ] && grep -q -- "--actors is required" "$TMP/err"
	check "gen_network: missing --actors" $? "$(cat "$TMP/err")"
	"$GEN" --actors 5 --ties 2 --out "$G_NODES" >/dev/null 2>"$TMP/err"
	[ $? -eq 1 ] && grep -q "is not a folder" "$TMP/err"
	check "gen_network: output path is a file" $? "$(cat "$TMP/err")"
	"$GEN" --help | grep -q "^usage: gen_network --actors N --ties M"
	check "gen_network: --help" $?
else
	check "gen_network: $GEN is built (make build-tests)" 1
fi
