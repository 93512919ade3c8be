/*
 * Unit tests of src/load/check.c: a small network with one planted problem
 * of each kind, and the list of problems expected, written by hand (kind,
 * line, text); a clean network gives none.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "coopmap/coopmap.h"
#include "coopmap/check.h"
#include "coopmap/common.h"

static char dir[] = "/tmp/cm_check_XXXXXX";
static char edges_path[64], nodes_path[64];

/* Write text to path. */
static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Drop notices. */
static void no_notice(void *ctx, const char *message)
{
	(void)ctx;
	(void)message;
}

/* Expect problem i to be of kind, at file's line, with text. */
static void expect(const cm_check *c, size_t i, cm_check_kind kind, const char *file, long line,
                   const char *text)
{
	assert_true(i < c->n);
	assert_int_equal(c->v[i].kind, kind);
	assert_string_equal(c->v[i].file, file);
	assert_int_equal(c->v[i].line, line);
	assert_string_equal(c->v[i].text, text);
}

static void test_every_kind(void **state)
{
	cm_load_options o = { 0 };
	cm_regions *regions = NULL;
	cm_check c = { 0 };
	const char *adj = "region,neighbour\nBretagne,Normandie\n";
	size_t i = 0;
	char text[256];

	(void)state;
	write_file(edges_path,
	           "source,target,weight,year\n"
	           "Rennes,Brest,1,2020\n"     /* 2 */
	           "Brest,Rennes,2,2021\n"     /* 3: repeats line 2 (undirected) */
	           "Caen,Caen,1,2020\n"        /* 4: self-tie */
	           "Caen,Rouen,0,2019\n"       /* 5: weight 0 */
	           "Rouen,Havre,1,\n"          /* 6: undated, 5 others dated */
	           "Brest,Quimpr,1,2020\n");   /* 7: Quimpr absent, close to Quimper */
	write_file(nodes_path,
	           "id,label,type,region\n"
	           "Rennes,Cité de Rennes,cite,Bretagne\n"   /* 2 */
	           "Brest,Cité de Brest,cites,Bretagne\n"    /* 3: plural of cite */
	           "Caen,Cité de Caen,cite,Normandie\n"      /* 4 */
	           "Rouen,Cite de Caen,Cité,Normandie\n"     /* 5: label close to line 4; type with an accent */
	           "Havre,Le Havre,cite,Normandy\n"          /* 6: region not in the file */
	           "Quimper,Quimper,cite,Bretagne\n"         /* 7: no tie */
	           "quimper,Kemper,crpv,Bretagne\n");        /* 8: id equal to line 7's once folded; no tie */
	o.nodes_path = nodes_path;
	assert_int_equal(cm_regions_parse(&regions, adj, strlen(adj), "adj.csv"), 0);
	assert_int_equal(cm_check_run(&c, edges_path, &o, regions, "adj.csv"), 0);
	snprintf(text, sizeof(text), "'Quimpr' is not in %s (added as an actor of its own): did you mean 'Quimper'?", nodes_path);
	expect(&c, i++, CM_CHECK_ABSENT, edges_path, 7, text);
	/* equal once folded */
	expect(&c, i++, CM_CHECK_NEAR_ID, nodes_path, 8,
	       "id 'quimper' is close to 'Quimper' (line 7): the same actor? give one id");
	/* one accent apart */
	expect(&c, i++, CM_CHECK_NEAR_LABEL, nodes_path, 5,
	       "label 'Cite de Caen' is close to 'Cité de Caen' (line 4): the same actor? give one label");
	/* cite: Rennes, Caen, Havre, Quimper = 4 */
	expect(&c, i++, CM_CHECK_TYPE, nodes_path, 3,
	       "type 'cites' of 'Brest' differs only by case, accents or plural from 'cite' (4 actors): write 'cite'");
	expect(&c, i++, CM_CHECK_TYPE, nodes_path, 5,
	       "type 'Cité' of 'Rouen' differs only by case, accents or plural from 'cite' (4 actors): write 'cite'");
	/* Normandy -> Normandie: 2 edits */
	expect(&c, i++, CM_CHECK_REGION, nodes_path, 6,
	       "region 'Normandy' (1 actor) is not in adj.csv: did you mean 'Normandie'?");
	expect(&c, i++, CM_CHECK_UNDATED, edges_path, 6,
	       "tie Rouen - Havre has no year, where 5 ties have one: --year, --from and --to leave it out");
	expect(&c, i++, CM_CHECK_SELF, edges_path, 4, "tie of 'Caen' with itself");
	expect(&c, i++, CM_CHECK_REPEATED, edges_path, 3, "tie Brest - Rennes repeats line 2");
	expect(&c, i++, CM_CHECK_WEIGHT, edges_path, 5,
	       "tie Caen - Rouen has weight '0': give a positive weight, or leave it empty for 1");
	expect(&c, i++, CM_CHECK_NO_TIE, nodes_path, 7, "'Quimper' has no tie");
	expect(&c, i++, CM_CHECK_NO_TIE, nodes_path, 8, "'quimper' has no tie");
	assert_int_equal(c.n, i);
	cm_check_free(&c);

	/* directed: Brest -> Rennes is not a repeat of Rennes -> Brest */
	o.directed = 1;
	assert_int_equal(cm_check_run(&c, edges_path, &o, NULL, NULL), 0);
	for (i = 0; i < c.n; i++)
		assert_int_not_equal(c.v[i].kind, CM_CHECK_REPEATED);
	assert_int_equal(c.n, 10); /* 12 less the repeat and the region */
	cm_check_free(&c);
	cm_regions_free(regions);
}

static void test_clean_and_errors(void **state)
{
	cm_load_options o = { 0 };
	cm_check c = { 0 };

	(void)state;
	write_file(edges_path, "de;vers;poids;date\nA;B;1,5;2020-01-02\nB;C;2;15/03/2021\n");
	write_file(nodes_path, "acteur;catégorie\nA;cite\nB;cite\nC;crpv\n");
	o.nodes_path = nodes_path;
	assert_int_equal(cm_check_run(&c, edges_path, &o, NULL, NULL), 0);
	assert_int_equal(c.n, 0);
	cm_check_free(&c);
	/* unreadable input: the usual codes */
	write_file(nodes_path, "acteur;type\n;cite\n"); /* an empty id */
	assert_int_equal(cm_check_run(&c, edges_path, &o, NULL, NULL), CM_EINPUT);
	o.nodes_path = "/nonexistent/nodes.csv";
	assert_int_equal(cm_check_run(&c, edges_path, &o, NULL, NULL), CM_EIO);
	o.nodes_path = NULL;
	/* a file of another format that is not there */
	assert_int_equal(cm_check_run(&c, "/nonexistent/x.graphml", &o, NULL, NULL), CM_EIO);
	cm_check_free(&c);
}

/*
 * GraphML: no lines, the actor or tie named.  Planted: 'Cite' of b a type
 * variant of 'cite' (a, c: 2 actors); tie 2 (b - a) repeats tie 1; tie 3 a
 * self-tie of c; tie 4 (c - a) of weight 0; tie 5 (a - c) undated where 4
 * ties have a year; d, declared, with no tie; e and 'É' equal once folded.
 */
static void test_graphml(void **state)
{
	cm_load_options o = { 0 };
	char path[96];
	cm_check c = { 0 };
	size_t i = 0;

	(void)state;
	snprintf(path, sizeof(path), "%s/net.graphml", dir);
	write_file(path,
	           "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
	           "<key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
	           "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
	           "<key id=\"y\" for=\"edge\" attr.name=\"year\" attr.type=\"string\"/>\n"
	           "<graph edgedefault=\"undirected\">\n"
	           "<node id=\"a\"><data key=\"t\">cite</data></node>\n"
	           "<node id=\"b\"><data key=\"t\">Cite</data></node>\n"
	           "<node id=\"c\"><data key=\"t\">cite</data></node>\n"
	           "<node id=\"d\"/>\n<node id=\"e\"/>\n<node id=\"\xc3\x89\"/>\n"
	           "<edge source=\"a\" target=\"b\"><data key=\"w\">1</data><data key=\"y\">2020</data></edge>\n"
	           "<edge source=\"b\" target=\"a\"><data key=\"w\">1</data><data key=\"y\">2021</data></edge>\n"
	           "<edge source=\"c\" target=\"c\"><data key=\"w\">1</data><data key=\"y\">2021</data></edge>\n"
	           "<edge source=\"c\" target=\"a\"><data key=\"w\">0</data><data key=\"y\">2021</data></edge>\n"
	           "<edge source=\"a\" target=\"c\"><data key=\"w\">1</data></edge>\n"
	           "<edge source=\"e\" target=\"\xc3\x89\"><data key=\"w\">1</data><data key=\"y\">2021</data></edge>\n"
	           "</graph></graphml>\n");
	assert_int_equal(cm_check_run(&c, path, NULL, NULL, NULL), 0);
	assert_string_equal(c.edges_name, path);
	expect(&c, i++, CM_CHECK_NEAR_ID, path, 0, "id '\xc3\x89' is close to 'e': the same actor? give one id");
	expect(&c, i++, CM_CHECK_TYPE, path, 0,
	       "type 'Cite' of 'b' differs only by case, accents or plural from 'cite' (2 actors): write 'cite'");
	expect(&c, i++, CM_CHECK_UNDATED, path, 0,
	       "tie a - c has no year, where 5 ties have one: --year, --from and --to leave it out");
	expect(&c, i++, CM_CHECK_SELF, path, 0, "tie of 'c' with itself");
	/* the undirected ties shown earlier-declared actor first */
	expect(&c, i++, CM_CHECK_REPEATED, path, 0, "tie a - b repeats tie 1");
	expect(&c, i++, CM_CHECK_REPEATED, path, 0, "tie a - c repeats tie 4");
	expect(&c, i++, CM_CHECK_WEIGHT, path, 0,
	       "tie a - c has weight '0': give a positive weight, or leave it empty for 1");
	expect(&c, i++, CM_CHECK_NO_TIE, path, 0, "'d' has no tie");
	assert_int_equal(c.n, i);
	cm_check_free(&c);
	/* an actor table goes with a CSV edge list only */
	o.nodes_path = nodes_path;
	assert_int_equal(cm_check_run(&c, path, &o, NULL, NULL), CM_EUSAGE);
	cm_check_free(&c);
	unlink(path);
}

static void test_near_duplicates(void **state)
{
	cm_load_options o = { 0 };
	cm_check c = { 0 };
	size_t near_ids = 0;

	(void)state;
	/* near: one edit in a word of 5+ letters, or the same without spaces; not: a short code, a number */
	write_file(edges_path, "source,target\nVilles au carre,cite-hdf-4\nVilles au carree,cite-idf-4\n"
	           "villesaucarre,cite 1\ncite 2,cite-idf-4\n");
	write_file(nodes_path, "id\nVilles au carre\nVilles au carree\nvillesaucarre\ncite-hdf-4\n"
	           "cite-idf-4\ncite 1\ncite 2\n");
	o.nodes_path = nodes_path;
	assert_int_equal(cm_check_run(&c, edges_path, &o, NULL, NULL), 0);
	for (size_t i = 0; i < c.n; i++) {
		if (c.v[i].kind != CM_CHECK_NEAR_ID)
			continue;
		near_ids++;
		/* lines 3 and 4 (carree and villesaucarre), each close to line 2 */
		assert_int_equal(c.v[i].line, near_ids == 1 ? 3 : 4);
	}
	/* carree ~ carre; villesaucarre ~ carre (spaces); villesaucarre - carree: neither rule */
	assert_int_equal(near_ids, 2);
	cm_check_free(&c);
}


/* Two-mode: a participation table with an event table, each problem planted by hand. */
static void test_two_mode(void **state)
{
	cm_load_options o = { 0 };
	cm_check c = { 0 };
	char events_path[80], parts_path[80], text[256];
	size_t i = 0;

	(void)state;
	snprintf(events_path, sizeof(events_path), "%s/events.csv", dir);
	snprintf(parts_path, sizeof(parts_path), "%s/participations.csv", dir);
	write_file(events_path,
	           "id,label,year,type\n"
	           "e1,Réunion,2020,réunion\n"   /* 2: dated */
	           "e2,Reunion,,Réunions\n"      /* 3: undated; label equal to line 2's folded; kind variant */
	           "e3,Atelier,,réunion\n");     /* 4: undated, no participant */
	write_file(parts_path,
	           "acteur,événement\n"
	           "a,e1\n"      /* 2 */
	           "b,e1\n"      /* 3 */
	           "a,e2\n"      /* 4: e2 has a alone */
	           "b,e1\n"      /* 5: repeats line 3 */
	           "b,e4\n"      /* 6: e4 not in events.csv, undated */
	           "c,e4\n"      /* 7 */
	           "d,\n");      /* 8: empty event */
	o.two_mode = 1;
	o.events_path = events_path;
	o.filter.max_event_size = 1; /* e1 (2) and e4 (2) are larger */
	assert_int_equal(cm_check_run(&c, parts_path, &o, NULL, NULL), 0);
	expect(&c, i++, CM_CHECK_EMPTY_PART, parts_path, 8, "empty event (d): give the event's id");
	snprintf(text, sizeof(text), "event 'e4' is not in %s (added, undated, without a label): "
	         "did you mean 'e1'?", events_path);
	expect(&c, i++, CM_CHECK_UNKNOWN_EVENT, parts_path, 6, text);
	expect(&c, i++, CM_CHECK_REPEATED_PART, parts_path, 5, "'b' at 'e1' repeats line 3");
	expect(&c, i++, CM_CHECK_BIG_EVENT, events_path, 2, "event 'e1' has 2 participants, more than "
	       "--max-event-size 1 (1 tie between them): raise the limit to project it anyway");
	expect(&c, i++, CM_CHECK_BIG_EVENT, parts_path, 6, "event 'e4' has 2 participants, more than "
	       "--max-event-size 1 (1 tie between them): raise the limit to project it anyway");
	expect(&c, i++, CM_CHECK_ALONE, events_path, 3, "event 'e2' has one participant, 'a'");
	expect(&c, i++, CM_CHECK_ALONE, events_path, 4, "event 'e3' has no participant");
	/* e2 and e4 undated (e3 makes no tie), e1 dated: more undated than dated, one line */
	expect(&c, i++, CM_CHECK_UNDATED_EVENT, events_path, 3, "2 events have no year (the first 'e2'), "
	       "where 1 has one: --year, --from and --to leave them out");
	expect(&c, i++, CM_CHECK_NEAR_EVENT, events_path, 3, "event label 'Reunion' is close to 'Réunion' "
	       "(line 2): the same event? give one label");
	expect(&c, i++, CM_CHECK_EVENT_KIND, events_path, 3, "kind 'Réunions' of event 'e2' differs only by "
	       "case, accents or plural from 'réunion' (2 events): write 'réunion'");
	assert_int_equal(c.n, i);
	cm_check_free(&c);
	/* an event table without an event column is refused, naming the column */
	write_file(events_path, "label,year\nRéunion,2020\n");
	cm_error_clear();
	assert_int_equal(cm_check_run(&c, parts_path, &o, NULL, NULL), CM_EINPUT);
	assert_non_null(strstr(cm_error_message(), "no 'event' column"));
	assert_int_equal(c.n, 0);
	cm_check_free(&c);
	unlink(events_path);
	unlink(parts_path);
}

/* Make the fixture folder. */
static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	snprintf(edges_path, sizeof(edges_path), "%s/edges.csv", dir);
	snprintf(nodes_path, sizeof(nodes_path), "%s/nodes.csv", dir);
	return 0;
}

/* Remove the fixture folder. */
static int teardown(void **state)
{
	(void)state;
	unlink(edges_path);
	unlink(nodes_path);
	rmdir(dir);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind),
		cmocka_unit_test(test_clean_and_errors),
		cmocka_unit_test(test_near_duplicates),
		cmocka_unit_test(test_graphml),
		cmocka_unit_test(test_two_mode),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	cm_notice_set_handler(no_notice, NULL);
	return cmocka_run_group_tests_name("load/check", tests, setup, teardown);
}
