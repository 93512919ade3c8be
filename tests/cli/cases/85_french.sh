# The interface in French (issue 18): --lang fr on every command, or the
# locale; the expected texts below are written from the English meaning,
# not captured from coopmap.  Machine formats stay byte-identical.
S=graphs/cites-educatives
R=graphs/regions-fr.csv

# fr_run ARGS...: run coopmap under a French locale (LANG), as a user would
fr_run() {
	env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=fr_FR.UTF-8 "${WRAP[@]}" "$BIN" "$@" \
		>"$TMP/out" 2>"$TMP/err" </dev/null
	status=$?
}

# help: the general help and a command's, from the locale and from --lang
fr_run help
expect_status "help in French (LANG)" 0
grep -qxF 'utilisation : coopmap COMMANDE [OPTIONS] INPUT' "$TMP/out" &&
	grep -qxF 'Commandes :' "$TMP/out" &&
	grep -qF 'Toutes les commandes acceptent --lang fr|en' "$TMP/out"
check "help in French: usage, commands, --lang" $? "$(head -5 "$TMP/out")"
run isolated --help --lang fr
expect_status "isolated --help --lang fr" 0
grep -qF 'masse critique d’une région (par défaut 10)' "$TMP/out" &&
	grep -qF 'Entrée et filtres (toutes les commandes) :' "$TMP/out" &&
	grep -qxF 'Options :' "$TMP/out" &&
	grep -qF -- '--min-size N' "$TMP/out" && grep -qF -- '--lang L' "$TMP/out" &&
	grep -qF 'chiffres significatifs des nombres réels' "$TMP/out"
check "isolated --help in French keeps the option names" $? "$(head -20 "$TMP/out")"
run help --lang=en
grep -qxF 'usage: coopmap COMMAND [OPTIONS] INPUT' "$TMP/out"
check "help --lang=en in English" $?
env -u LC_ALL -u LC_MESSAGES LANG=fr_FR.UTF-8 "$BIN" help --lang en >"$TMP/out" 2>&1
grep -qxF 'Commands:' "$TMP/out"
check "--lang en wins over a French locale" $?
# with no French locale generated, C.UTF-8 and LANGUAGE=fr are enough (docs/french.md)
env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 LANGUAGE=fr "$BIN" help >"$TMP/out" 2>&1
grep -qxF 'Commandes :' "$TMP/out"
check "LANG=C.UTF-8 LANGUAGE=fr gives French" $?
run help --lang de
expect_status "--lang de" 2
expect_err "--lang de" "coopmap: --lang 'de' is not one of fr, en"

# errors: an unknown option, a bad value at FILE:LINE
fr_run isolated $S --levle 2
expect_status "unknown option in French" 2
expect_err "unknown option in French" "coopmap: option inconnue « --levle » : vouliez-vous dire « --level » ?"
expect_err "usage line in French" "utilisation : coopmap isolated INPUT"
printf 'source,target,weight\na,b,1\nb,c,x\n' >"$TMP/badweight.csv"
fr_run summary "$TMP/badweight.csv"
expect_status "bad weight in French" 3
expect_err "bad weight in French" "coopmap: $TMP/badweight.csv:3: le poids « x » n’est pas un nombre"

# notices, with French plurals (n > 1: plural; 1: singular)
printf 'source,target,weight\na,b,1\na,b,2\nc,d,1\nd,c,1\nb,c,1\n' >"$TMP/twice.csv"
fr_run summary "$TMP/twice.csv"
expect_status "notice in French" 0
expect_err "plural notice in French" "coopmap: 2 liens répétés fusionnés (poids additionnés) : "
printf 'source,target,weight\na,b,1\na,b,2\nb,c,1\n' >"$TMP/once.csv"
run summary "$TMP/once.csv" --lang fr
expect_err "singular notice in French" "coopmap: 1 lien répété fusionné (poids additionnés) : "

# isolated and clubs in the table format: headers and reasons in French
fr_run isolated $S
expect_status "isolated table in French" 0
head -1 "$TMP/out" | grep -q '^identifiant .* libellé .* région .* niveau  raisons$'
check "isolated table: French headers" $? "$(head -1 "$TMP/out")"
grep -q '^cite-hdf-13 .* 3  aucun lien$' "$TMP/out"
check "isolated table: level 3 reason in French" $? "$(grep cite-hdf-13 "$TMP/out")"
grep -q '^cite-martinique-1 .*  aucune cité pair à deux pas ; région sous la masse critique : 1 cité < 10 ; liens seulement dans sa propre région$' "$TMP/out"
check "isolated table: reasons joined the French way, singular cité" $? "$(grep martinique-1 "$TMP/out")"
grep -q 'région sous la masse critique : 2 cités < 10' "$TMP/out"
check "isolated table: plural cités" $?
fr_run clubs $S --regions $R
expect_status "clubs table in French" 0
head -1 "$TMP/out" | grep -q '^club .* cités .* masse critique atteinte'
check "clubs table: French headers" $? "$(head -1 "$TMP/out")"
grep -qxF 'membres :' "$TMP/out" && grep -q '^régions denses (au moins 10 cités) :' "$TMP/out"
check "clubs table: members and dense regions in French" $? "$(tail -3 "$TMP/out")"

# check: the kind of problem, the problem and the count in French
printf 'source,target,weight\na,a,1\na,b,1\nb,a,1\n' >"$TMP/problems.csv"
fr_run check "$TMP/problems.csv"
expect_status "check in French" 1
grep -qxF 'liens d’un acteur avec lui-même (écartés par les autres commandes) :' "$TMP/out" &&
	grep -qxF "  $TMP/problems.csv:2: lien de « a » avec lui-même" "$TMP/out" &&
	grep -qxF "  $TMP/problems.csv:4: le lien b - a répète la ligne 3" "$TMP/out" &&
	grep -qxF '2 problèmes trouvés' "$TMP/out"
check "check lists the problems in French" $? "$(cat "$TMP/out")"

# summary: the figures' names in French in the table, English keys in json and csv
fr_run summary "$TMP/problems.csv" --quiet
grep -qE '^acteurs +2$' "$TMP/out" && grep -qE '^liens +1$' "$TMP/out" && grep -qxF 'types :' "$TMP/out"
check "summary table in French" $? "$(head -3 "$TMP/out")"

# diff: the whole-network figures named in French; tie Jaccard above 0.3 reads "good" (bonne)
fr_run diff $S --at 2020 --at 2022 --quiet
expect_status "diff table in French" 0
grep -qE '^lecture du jaccard +bonne$' "$TMP/out" && grep -qE '^acteurs arrivés +[0-9]+$' "$TMP/out"
check "diff table in French" $? "$(head -9 "$TMP/out")"

# maps (issue 18, the rest): the legend and captions follow --lang / the locale
# svg_text FILE: the text of an SVG, one element a line, entities for - and ' read back
svg_text() { grep -o '<text[^>]*>[^<]*</text>' "$1" | sed -e 's/<[^>]*>//g' -e 's/&#45;/-/g' -e 's/&#39;/'"'"'/g'; }
fr_run render $S -T svg -o "$TMP/fr.svg"
expect_status "render in French" 0
svg_text "$TMP/fr.svg" >"$TMP/fr.txt"
grep -qF 'cité isolée : aucun lien, ou aucune cité pair à deux pas (' "$TMP/fr.txt" &&
	grep -qxF 'signalés' "$TMP/fr.txt" && grep -qxF 'couleur et forme : type' "$TMP/fr.txt" &&
	grep -qF ' · taille des nœuds : PageRank · ' "$TMP/fr.txt" &&
	grep -qF ' · disposition Fruchterman-Reingold (igraph), graine 42' "$TMP/fr.txt"
check "render: the legend in French" $? "$(head -8 "$TMP/fr.txt")"
! grep -qE 'isolated|marked|colour|layout|node size' "$TMP/fr.txt"
check "render: no English left in the French legend" $? "$(grep -E 'isolated|marked|colour|layout|node size' "$TMP/fr.txt")"
run render $S -T svg -o "$TMP/en.svg" --lang en
svg_text "$TMP/en.svg" >"$TMP/en.txt"
grep -qF 'isolated cité: no tie, or no peer of its type within two steps (' "$TMP/en.txt" &&
	grep -qxF 'marked' "$TMP/en.txt" && grep -qxF 'colour and shape: type' "$TMP/en.txt" &&
	grep -qF ' · layout Fruchterman-Reingold (igraph), seed 42' "$TMP/en.txt"
check "render: the English legend kept" $? "$(head -8 "$TMP/en.txt")"
# counts with French plurals (0 and 1 singular): a path a-b-c, then one tie a-b
printf 'source,target\na,b\nb,c\n' >"$TMP/path.csv"
printf 'source,target\na,b\n' >"$TMP/pair.csv"
run render "$TMP/path.csv" -T svg -o "$TMP/path.svg" --lang fr
run render "$TMP/pair.csv" -T svg -o "$TMP/pair.svg" --lang fr
svg_text "$TMP/path.svg" | grep -q '^3 acteurs, 2 liens · ' && svg_text "$TMP/pair.svg" | grep -q '^2 acteurs, 1 lien · '
check "render: actors and ties counted in French, 1 lien singular" $? "$(svg_text "$TMP/pair.svg" | sed -n 2p)"
# the regional map: 12 regions (and no region) in the sample, its caption in French
fr_run render $S --by region -T svg -o "$TMP/fr-by.svg"
expect_status "render --by region in French" 0
svg_text "$TMP/fr-by.svg" | grep -qF ' groupes par region, ' &&
	svg_text "$TMP/fr-by.svg" | grep -qF ' · surface d’un nœud : les acteurs de type cite · dans un nœud : ses liens internes'
check "render --by region: the caption in French" $? "$(svg_text "$TMP/fr-by.svg" | sed -n 2p)"
# the change map: its legend names the two years
fr_run render $S --diff 2020:2022 -T svg -o "$TMP/fr-diff.svg"
svg_text "$TMP/fr-diff.svg" >"$TMP/fr-diff.txt"
grep -qxF 'évolution de 2020 à 2022' "$TMP/fr-diff.txt" &&
	grep -qF 'lien conservé (en 2020 et en 2022)' "$TMP/fr-diff.txt" &&
	grep -qF 'acteur parti, estompé (en 2020, pas en 2022 ; ou arrivé puis parti)' "$TMP/fr-diff.txt"
check "render --diff: the change legend in French" $? "$(grep -F '2022' "$TMP/fr-diff.txt" | head -3)"
# render's help and a usage error
run render --help --lang fr
grep -qF 'pixels par pouce du PNG (par défaut 150)' "$TMP/out" && grep -qF -- '--time-limit S' "$TMP/out"
check "render --help in French" $?
fr_run render $S -o "$TMP/x.svg" --dpi 0
expect_status "render --dpi 0 in French" 2
expect_err "render usage error in French" "coopmap: --dpi « 0 » n’est pas un nombre entier de 1 à 2400"

# brokers: the table's headers in French (csv keeps English, checked below)
fr_run brokers $S
expect_status "brokers table in French" 0
head -1 "$TMP/out" | grep -q '^identifiant .* libellé .* coordinateur .* agent de liaison  *entre groupes .* indice E-I$'
check "brokers table: French headers" $? "$(head -1 "$TMP/out")"
grep -q '^indice E-I du réseau : -\?[0-9.]*$' "$TMP/out"
check "brokers table: the network E-I index in French" $? "$(tail -1 "$TMP/out")"

# check on two-mode data: the events' problems in French (the fixture of 49_twomode_check.sh)
D=$DATA/twomode-check
fr_run check "$D" --regions $R --max-event-size 3
expect_status "two-mode check in French" 1
grep -qxF "  $D/participations.csv:11: acteur vide (club-2020-10) : indiquez l’identifiant de l’acteur" "$TMP/out" &&
	grep -qxF "  $D/events.csv:2: l’événement « club-2020-05 » compte 4 participants, plus que --max-event-size 3 (6 liens entre eux) : relevez la limite pour le projeter malgré tout" "$TMP/out" &&
	grep -qxF "  $D/events.csv:7: l’événement « atelier-caen » n’a qu’un participant, « cite-caen »" "$TMP/out" &&
	grep -qxF "  $D/events.csv:5: la région « Pays de Loire » (1 événement) n’est pas dans $R : vouliez-vous dire « Pays de la Loire » ?" "$TMP/out" &&
	grep -qxF "  $D/events.csv:4: l’événement « club-2020-10 » n’a pas d’année, alors que 6 événements en ont une : --year, --from et --to l’écartent" "$TMP/out"
check "two-mode check lists the events' problems in French" $? "$(cat "$TMP/out")"

# diff's status words and tie columns, the metrics' headers: French in the table format (issue 18).
# Hand-made: a-b lasts 2020-2021, b-c from 2020, c-d from 2022; so from 2020 to 2022 a-b is lost,
# b-c kept, c-d new; a leaves (no tie left in 2022), d joins.
mkdir -p "$TMP/fr-status"
printf 'source,target,year,end\na,b,2020,2021\nb,c,2020,\nc,d,2022,\n' >"$TMP/fr-status/edges.csv"
fr_run diff "$TMP/fr-status/edges.csv" --at 2020 --at 2022 --ties --quiet
grep -qxE 'source +cible +situation +poids avant +poids après' "$TMP/out" &&
	grep -qE '^a +b +perdu ' "$TMP/out" && grep -qE '^b +c +maintenu ' "$TMP/out" &&
	grep -qE '^c +d +nouveau ' "$TMP/out"
check "diff --ties: status and columns in French" $? "$(cat "$TMP/out")"
fr_run diff "$TMP/fr-status/edges.csv" --at 2020 --at 2022 --quiet
grep -qE '^a +a +parti ' "$TMP/out" && grep -qE '^d +d +arrivé ' "$TMP/out" && grep -qE '^b +b +maintenu ' "$TMP/out"
check "diff: actors' status in French" $? "$(tail -4 "$TMP/out")"
run diff "$TMP/fr-status/edges.csv" --at 2020 --at 2022 --ties --quiet --lang fr -f csv
grep -qxF 'a,b,lost,1,' "$TMP/out" && grep -qxF 'c,d,new,,1' "$TMP/out" && head -1 "$TMP/out" | grep -qxF 'source,target,status,weight_before,weight_after'
check "diff --ties -f csv keeps English under --lang fr" $? "$(cat "$TMP/out")"
fr_run metrics "$TMP/fr-status/edges.csv" --metrics strength,closeness,harmonic,eigenvector,pagerank,coreness,clustering,community --quiet
head -1 "$TMP/out" | grep -qE 'degré pondéré +proximité +centralité harmonique +vecteur propre +PageRank +indice de cœur +regroupement +communauté$'
check "metrics: every header in French" $? "$(head -1 "$TMP/out")"

# machine formats: the same bytes in French and in English
for args in "isolated $S -f csv" "isolated $S -f json" "isolated $S -f csv-fr" "isolated $S -f tsv" \
	"clubs $S --regions $R -f csv" "clubs $S --regions $R -f json" \
	"suggest $S --regions $R -f csv" "suggest $S --regions $R -f json" "summary $S -f json" \
	"summary $S -f csv" "timeline $S -f csv" "diff $S --at 2020 --at 2022 -f json" \
	"brokers $S -f csv" "brokers $S -f json" "diff $S --at 2020 --at 2022 --ties -f csv" \
	"metrics $S --metrics all -f csv"; do
	# shellcheck disable=SC2086
	env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=fr_FR.UTF-8 "$BIN" $args >"$TMP/fr.out" 2>/dev/null
	# shellcheck disable=SC2086
	"$BIN" $args --lang en >"$TMP/en.out" 2>/dev/null
	[ -s "$TMP/en.out" ] && cmp -s "$TMP/fr.out" "$TMP/en.out"
	check "$args: the same bytes in French and English" $?
done

# the catalogue: complete, valid, and up to date with the sources
msgfmt --check --statistics -o /dev/null po/fr.po 2>"$TMP/stats"
check "po/fr.po passes msgfmt --check" $? "$(cat "$TMP/stats")"
! grep -qE 'untranslated|fuzzy' "$TMP/stats"
check "po/fr.po has no untranslated or fuzzy entry" $? "$(cat "$TMP/stats")"
# every source file with a marked message is in po/POTFILES (CM_IG's "while" fragments too)
grep -lE '\b(_|N_|R_|RN_|CM_IG)\(|dngettext|cm_error_from_igraph\(' $(git ls-files 'src/*.c' 'src/*.h' 2>/dev/null || ls src/*/*.c src/*/*/*.c) |
	grep -v '^src/base/i18n.h$' | sort >"$TMP/marked"
sort po/POTFILES | diff - "$TMP/marked" >"$TMP/potfiles-diff"
check "po/POTFILES lists every file with messages" $? "$(cat "$TMP/potfiles-diff")"
make -s --no-print-directory pot POT="$TMP/fresh.pot" >/dev/null 2>&1
msgids() { msgattrib --no-location --no-wrap --sort-output "$1" | grep -v '^"POT-Creation-Date'; }
msgids po/coopmap.pot >"$TMP/ids-old" && msgids "$TMP/fresh.pot" >"$TMP/ids-new" &&
	diff "$TMP/ids-old" "$TMP/ids-new" >"$TMP/ids-diff"
check "po/coopmap.pot is up to date (make pot)" $? "$(head -5 "$TMP/ids-diff")"
msgmerge -q -o "$TMP/merged.po" po/fr.po "$TMP/fresh.pot" 2>/dev/null &&
	msgfmt --statistics -o /dev/null "$TMP/merged.po" 2>"$TMP/stats2" &&
	! grep -qE 'untranslated|fuzzy' "$TMP/stats2"
check "every message of the sources has its French translation" $? "$(cat "$TMP/stats2")"

# the notice saying which French columns were read as what, in French (written by hand)
run summary "$DATA/first-contact/french/liens.csv" --lang fr
grep -qF 'liens.csv : « cible » lue comme la cible, « poids » comme le poids du lien, « année » comme l’année' "$TMP/err"
check "column roles notice in French" $? "$(head -3 "$TMP/err")"
run summary "$DATA/first-contact/french/liens.csv" --lang en
grep -qF "liens.csv: 'cible' read as the target, 'poids' as the tie weight, 'année' as the year" "$TMP/err"
check "column roles notice in English" $? "$(head -3 "$TMP/err")"

# the box of actors without ties, in French (d and e have no tie: two of them)
mkdir -p "$TMP/lone"
printf 'id,type\na,cite\nb,cite\nc,crpv\nd,cite\ne,etat\n' >"$TMP/lone/nodes.csv"
printf 'source,target\na,b\nb,c\n' >"$TMP/lone/edges.csv"
run render "$TMP/lone" -T dot -o "$TMP/lone.dot" --lang fr --quiet
grep -q '2 acteurs sans lien' "$TMP/lone.dot"
check "the box of actors without ties in French" $? "$(grep -i 'lien\|ties' "$TMP/lone.dot" | head -3)"
