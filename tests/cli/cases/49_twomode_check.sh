# Issue 17 follow-up: `coopmap check` on two-mode data (a folder with
# participations.csv, a file with --two-mode, a GraphML with bipartite).
# Every expected line is written out by hand from the planted fixtures in
# tests/data/twomode-check/ (what each row plants is said below).
D=$DATA/twomode-check

# The folder: nodes.csv plants a type variant 'Cités' (3 'cite'), a region
# 'Bretange' and cite-brest at no event; events.csv a region 'Pays de Loire',
# club-2020-10 undated (6 events dated) and kind 'Clubs' (3 'club'),
# seminaire-ouest2 an id and a label close to seminaire-ouest's, atelier-caen
# with one participant, reunion-vide with none; participations.csv
# 'cite-nante' (line 7, not in nodes.csv), line 8 repeating line 6, an empty
# actor (11) and event (12), 'club-2020-6' not in events.csv (14, 15: two
# participants, undated), club-2020-05 with 4 participants (> 3).
cat >"$TMP/want" <<EOF
actors named in the ties but absent from the actor table:
  $D/participations.csv:7: 'cite-nante' is not in $D/nodes.csv (added as an actor of its own): did you mean 'cite-nantes'?

type values that differ only by case, accents or plural:
  $D/nodes.csv:5: type 'Cités' of 'cite-rennes' differs only by case, accents or plural from 'cite' (3 actors): write 'cite'

regions not in the adjacency file:
  $D/events.csv:5: region 'Pays de Loire' (1 event) is not in graphs/regions-fr.csv: did you mean 'Pays de la Loire'?
  $D/nodes.csv:5: region 'Bretange' (1 actor) is not in graphs/regions-fr.csv: did you mean 'Bretagne'?

actors with no tie:
  $D/nodes.csv:7: 'cite-brest' took part in no event

participations with an empty actor or event (refused by the other commands):
  $D/participations.csv:11: empty actor (club-2020-10): give the actor's id
  $D/participations.csv:12: empty event (cite-caen): give the event's id

events named in the participations but absent from the event table:
  $D/participations.csv:14: event 'club-2020-6' is not in $D/events.csv (added, undated, without a label): did you mean 'club-2020-06'?

repeated participations (counted once by the other commands):
  $D/participations.csv:8: 'resovilles' at 'club-2020-06' repeats line 6

events larger than --max-event-size (refused by the other commands):
  $D/events.csv:2: event 'club-2020-05' has 4 participants, more than --max-event-size 3 (6 ties between them): raise the limit to project it anyway

events with fewer than two participants (no tie comes from them):
  $D/events.csv:7: event 'atelier-caen' has one participant, 'cite-caen'
  $D/events.csv:8: event 'reunion-vide' has no participant

events without a year when other events have one:
  $D/events.csv:4: event 'club-2020-10' has no year, where 6 events have one: --year, --from and --to leave it out
  $D/participations.csv:14: event 'club-2020-6' has no year, where 6 events have one: --year, --from and --to leave it out

near-duplicate event ids and labels:
  $D/events.csv:6: event id 'seminaire-ouest2' is close to 'seminaire-ouest' (line 5): the same event? give one id
  $D/events.csv:6: event label 'Seminaire regional de l'Ouest' is close to 'Séminaire régional de l'Ouest' (line 5): the same event? give one label

event kinds that differ only by case, accents or plural:
  $D/events.csv:4: kind 'Clubs' of event 'club-2020-10' differs only by case, accents or plural from 'club' (3 events): write 'club'

17 problems found
EOF
run check "$D" --regions graphs/regions-fr.csv --max-event-size 3
expect_status "check two-mode folder: problems listed" 1
expect_out_file "check two-mode folder: each planted problem with its file:line" "$TMP/want"

# The same participations read as a file with --two-mode and no other table:
# club-2020-05's 4 participants are within the default --max-event-size (500),
# no event is unknown nor dated, and an event's line is its first participation's
cat >"$TMP/want" <<EOF
participations with an empty actor or event (refused by the other commands):
  $D/participations.csv:11: empty actor (club-2020-10): give the actor's id
  $D/participations.csv:12: empty event (cite-caen): give the event's id

repeated participations (counted once by the other commands):
  $D/participations.csv:8: 'resovilles' at 'club-2020-06' repeats line 6

events with fewer than two participants (no tie comes from them):
  $D/participations.csv:13: event 'atelier-caen' has one participant, 'cite-caen'

near-duplicate event ids and labels:
  $D/participations.csv:18: event id 'seminaire-ouest2' is close to 'seminaire-ouest' (line 16): the same event? give one id

5 problems found
EOF
run check "$D/participations.csv" --two-mode
expect_status "check --two-mode file: problems listed" 1
expect_out_file "check --two-mode file: the problems of the participations alone" "$TMP/want"

# A clean participation table (French headers): nothing to say, exit 0
printf 'acteur,réunion\na,m1\nb,m1\n' >"$TMP/clean.csv"
run check "$TMP/clean.csv" --two-mode
expect_status "check clean two-mode table: exit 0" 0
printf 'no problem found\n' >"$TMP/want"
expect_out_file "check clean two-mode table" "$TMP/want"

# GraphML with bipartite: a, b, c actors; m1 (2020) with a, b and a again (tie 3
# repeats tie 1), m2 (2021) with a alone, m3 undated with a and b; c at no event
cat >"$TMP/want" <<EOF
actors with no tie:
  $D/planted.graphml: 'c' took part in no event

repeated participations (counted once by the other commands):
  $D/planted.graphml: 'a' at 'm1' repeats tie 1

events with fewer than two participants (no tie comes from them):
  $D/planted.graphml: event 'm2' has one participant, 'a'

events without a year when other events have one:
  $D/planted.graphml: event 'm3' has no year, where 2 events have one: --year, --from and --to leave it out

4 problems found
EOF
run check "$D/planted.graphml"
expect_status "check two-mode GraphML: problems listed" 1
expect_out_file "check two-mode GraphML: each planted problem, the actor or event named" "$TMP/want"

# --where and --ego on two-mode data: summary's events and participations are
# those of the actors kept, as events_per_actor is; checked against a count
# made here in Python from the CSV tables (the events any Bretagne actor
# attended, and those actors' participations, each (actor, event) once)
S=graphs/cites-educatives-events
want=$(/usr/bin/python3 - "$S" <<'PYEOF'
import csv, sys
s = sys.argv[1]
region = {r['id']: r['region'] for r in csv.DictReader(open(s + '/nodes.csv', encoding='utf-8'))}
kept = {(r['actor'], r['event']) for r in csv.DictReader(open(s + '/participations.csv', encoding='utf-8'))
        if region.get(r['actor']) == 'Bretagne'}
print('events,%d' % len({e for a, e in kept}))
print('participations,%d' % len(kept))
PYEOF
)
run summary "$S" --where region=Bretagne --format csv --quiet
expect_status "two-mode summary --where" 0
[ -n "$want" ] && [ "$(grep -E '^(events|participations),' "$TMP/out")" = "$want" ]
check "two-mode summary --where: events and participations of the kept actors ($want)" $? "$(cat "$TMP/out")"

# timeline and diff --at re-project the events up to each year: a tie stands at
# the end of year Y when its actors shared an event dated Y or before, with the
# weight of those events; checked against the pairs counted here in Python
want=$(/usr/bin/python3 - "$S" <<'PYEOF'
import csv, itertools, sys
s = sys.argv[1]
year = {r['event']: int(r['date'][:4]) for r in csv.DictReader(open(s + '/events.csv', encoding='utf-8'))}
came = {}
for r in csv.DictReader(open(s + '/participations.csv', encoding='utf-8')):
    came.setdefault(r['event'], set()).add(r['actor'])
for y in range(min(year.values()), max(year.values()) + 1):
    ties = {p for e, a in came.items() if year[e] <= y for p in itertools.combinations(sorted(a), 2)}
    print('%d,%d' % (y, len(ties)))
PYEOF
)
run timeline "$S" --format csv --quiet
expect_status "two-mode timeline" 0
[ -n "$want" ] && [ "$(cut -d, -f1,3 "$TMP/out" | tail -n +2)" = "$want" ]
check "two-mode timeline: ties per year as the events up to each year project" $? "$(cat "$TMP/out")"
# La Fonda and Île-de-France 4 met once in 2020 and again in 2021 (events.csv, participations.csv)
run diff "$S" --at 2020 --at 2021 --ties --format csv --quiet
grep -qxF "association-fonda,cite-idf-4,kept,1,2" "$TMP/out"
check "two-mode diff --at: the weight counts the events up to each year" $? "$(head -5 "$TMP/out")"

# report on two-mode data: the key figures say where the ties come from; the
# numbers are the rows of events.csv and participations.csv (the sample has no
# repeated row, and every event has a participant)
ne=$(($(wc -l <"$S/events.csv") - 1))
np=$(($(wc -l <"$S/participations.csv") - 1))
run report "$S" --regions graphs/regions-fr.csv -o "$TMP/events.html" --quiet
expect_status "two-mode report" 0
grep -qF "The input says who took part in which event: $ne events, $np participations." "$TMP/events.html"
check "two-mode report: $ne events and $np participations named" $? "$(grep -o 'The input says[^<]*' "$TMP/events.html")"
