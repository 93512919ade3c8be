/*
 * Unit tests of src/load/csv_columns.c (through the CSV loader): French and
 * English column names, --columns, the notices that say which column was
 * read as what, and the warning for a column that looks like a role but
 * is kept as a plain attribute.  Each French table is compared with the
 * values written in it, read by hand.
 */
#include <math.h>
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
#include "coopmap/common.h"
#include "coopmap/load.h"
#include "coopmap/network.h"

static char notices[4096];
static char dir[] = "/tmp/cm_csv_table_XXXXXX";
static char edges_path[64], nodes_path[64];

/* Collect every notice, one per line. */
static void keep_notice(void *ctx, const char *message)
{
	size_t n = strlen(notices);

	(void)ctx;
	snprintf(notices + n, sizeof(notices) - n, "%s\n", message);
}

/* Write text to path. */
static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Load edges (and nodes when not NULL) with --columns columns; returns the code. */
static int load(cm_network **net, const char *edges, const char *nodes, const char *columns)
{
	cm_load_options o = { 0 };

	write_file(edges_path, edges);
	if (nodes)
		write_file(nodes_path, nodes);
	o.nodes_path = nodes ? nodes_path : NULL;
	o.columns = columns;
	cm_error_clear();
	notices[0] = '\0';
	return cm_network_load(net, edges_path, &o);
}

/* The vertex of actor id. */
static igraph_integer_t actor(const cm_network *net, const char *id)
{
	for (igraph_integer_t v = 0; v < igraph_vcount(&net->graph); v++)
		if (!strcmp(VAS(&net->graph, CM_ATTR_ID, v), id))
			return v;
	fail_msg("no actor %s", id);
	return -1;
}

/* Weighted degree of actor id (the sum of its tie weights). */
static double strength(const cm_network *net, const char *id)
{
	igraph_integer_t v = actor(net, id);
	double s = 0;

	for (igraph_integer_t e = 0; e < igraph_ecount(&net->graph); e++)
		if (IGRAPH_FROM(&net->graph, e) == v || IGRAPH_TO(&net->graph, e) == v)
			s += EAN(&net->graph, CM_ATTR_WEIGHT, e);
	return s;
}

static void test_french_columns(void **state)
{
	cm_network *net = NULL;

	(void)state;
	assert_int_equal(load(&net,
	                      "source;cible;poids;année\n"
	                      "A;B;2,5;2020\nB;C;3;2021\nA;C;1;\n",
	                      "acteur;libellé;Catégorie;Région;Département\n"
	                      "A;Cité A;cite;Bretagne;35\nB;Centre B;crpv;Normandie;14\n"
	                      "C;Cité C;cite;Bretagne;29\n", NULL), 0);
	/* A: 2.5 + 1 = 3.5; B: 2.5 + 3 = 5.5 */
	assert_true(strength(net, "A") == 3.5);
	assert_true(strength(net, "B") == 5.5);
	assert_string_equal(VAS(&net->graph, CM_ATTR_REGION, actor(net, "B")), "Normandie");
	assert_string_equal(VAS(&net->graph, CM_ATTR_TYPE, actor(net, "B")), "crpv");
	assert_string_equal(VAS(&net->graph, CM_ATTR_LABEL, actor(net, "C")), "Cité C");
	assert_string_equal(VAS(&net->graph, "department", actor(net, "A")), "35");
	for (igraph_integer_t e = 0; e < igraph_ecount(&net->graph); e++) {
		double y = EAN(&net->graph, CM_ATTR_YEAR, e);
		int b = IGRAPH_FROM(&net->graph, e) == actor(net, "B") || IGRAPH_TO(&net->graph, e) == actor(net, "B");
		int c = IGRAPH_FROM(&net->graph, e) == actor(net, "C") || IGRAPH_TO(&net->graph, e) == actor(net, "C");

		assert_true(b && c ? y == 2021 : b ? y == 2020 : isnan(y));
	}
	/* said once per table, naming each column read by its meaning */
	assert_non_null(strstr(notices, "acteurs.csv: 'acteur' read as the actor id, 'libellé' as the label, "
	                       "'Catégorie' as the actor type, 'Région' as the region, 'Département' as the "
	                       "department\n"));
	assert_non_null(strstr(notices, "liens.csv: 'cible' read as the target, 'poids' as the tie weight, "
	                       "'année' as the year\n"));
	cm_network_free(net);

	/* A - C is undated where the other ties have a year: coopmap check lists it, hence the hint */
	assert_int_equal(cm_load_found_problems(), 1);

	/* the canonical names say nothing */
	assert_int_equal(load(&net, "source,target,weight\nA,B,2\n", "id,label,Type,region\nA,a,cite,X\nB,b,cite,X\n", NULL), 0);
	assert_int_equal(strlen(notices), strlen(""));
	assert_int_equal(cm_load_found_problems(), 0);
	cm_network_free(net);
}

static void test_dates_and_ids(void **state)
{
	cm_network *net = NULL;

	(void)state;
	/* a date column gives its year; "identifiant" is the id, "nom" then the label */
	assert_int_equal(load(&net, "de,vers,date\nA,B,15/03/2021\nB,C,2019-12-31\n",
	                      "nom,identifiant\nCité A,A\n", NULL), 0);
	assert_string_equal(VAS(&net->graph, CM_ATTR_LABEL, actor(net, "A")), "Cité A");
	for (igraph_integer_t e = 0; e < igraph_ecount(&net->graph); e++) {
		int a = IGRAPH_FROM(&net->graph, e) == actor(net, "A") || IGRAPH_TO(&net->graph, e) == actor(net, "A");

		assert_true(EAN(&net->graph, CM_ATTR_YEAR, e) == (a ? 2021 : 2019));
	}
	assert_non_null(strstr(notices, "'date' as the year (of each date)"));
	/* B and C are absent from the actor table: what coopmap check lists, noted for the hint */
	assert_int_equal(cm_load_found_problems(), 1);
	cm_network_free(net);
	assert_int_equal(load(&net, "de,vers,date\nA,B,mars 2021\n", NULL, NULL), CM_EINPUT);
	assert_non_null(strstr(cm_error_message(), "liens.csv:2: date 'mars 2021' is not a date"));
}

static void test_columns_option(void **state)
{
	cm_network *net = NULL;

	(void)state;
	/* nb_rencontres and annee_debut are nothing by their names: --columns makes them the weight and year */
	assert_int_equal(load(&net, "source,target,nb_rencontres,annee_debut,poids\nA,B,4,2020,9\n", NULL,
	                      "weight=NB_rencontres,année=annee_debut"), 0);
	assert_true(strength(net, "A") == 4);
	assert_true(EAN(&net->graph, CM_ATTR_YEAR, 0) == 2020);
	/* poids, a synonym of the weight given to another column, is kept as text */
	assert_string_equal(EAS(&net->graph, "poids", 0), "9");
	cm_network_free(net);
	assert_int_equal(load(&net, "source,target\nA,B\n", NULL, "weigth=x"), CM_EUSAGE);
	assert_non_null(strstr(cm_error_message(), "unknown role 'weigth': did you mean 'weight'?"));
	assert_int_equal(load(&net, "source,target\nA,B\n", NULL, "weight=x"), CM_EUSAGE);
	assert_non_null(strstr(cm_error_message(), "--columns weight=x: no column 'x' in "));
	assert_int_equal(load(&net, "source,target\nA,B\n", NULL, "region=x"), CM_EUSAGE);
	assert_non_null(strstr(cm_error_message(), "the region is a column of the actor table, and there is none"));
	assert_int_equal(load(&net, "source,target\nA,B\n", NULL, "weight"), CM_EUSAGE);
}

static void test_lookalike_and_duplicates(void **state)
{
	cm_network *net = NULL;

	(void)state;
	/* "poid" is not the weight: kept as text, with a warning; weights stay 1 */
	assert_int_equal(load(&net, "source,target,poid\nA,B,3\n", NULL, NULL), 0);
	assert_true(strength(net, "A") == 1);
	assert_non_null(strstr(notices, "column 'poid' looks like the tie weight but is kept as a plain "
	                       "attribute: rename it, or use --columns weight=poid"));
	cm_network_free(net);
	/* the canonical name wins over a synonym (a GraphML with weight and value, converted to CSV) */
	assert_int_equal(load(&net, "source,target,weight,value\nA,B,2,7\n", NULL, NULL), 0);
	assert_true(strength(net, "A") == 2);
	assert_string_equal(EAS(&net->graph, "value", 0), "7");
	assert_non_null(strstr(notices, "columns 'weight' and 'value' both give the tie weight: 'weight' is "
	                       "used, 'value' kept as a plain attribute"));
	cm_network_free(net);
	/* two synonyms: which one? refused */
	assert_int_equal(load(&net, "source,target,poids,intensité\nA,B,2,7\n", NULL, NULL), CM_EINPUT);
	assert_non_null(strstr(cm_error_message(), "columns 'poids' and 'intensité' both give the tie weight"));
	/* a missing role with a look-alike: suggested */
	assert_int_equal(load(&net, "source,target\nA,B\n", "acteurs,type\nA,cite\n", NULL), CM_EINPUT);
	assert_non_null(strstr(cm_error_message(), "no 'id' column (columns found: 'acteurs', 'type'); the header "
	                       "must name an id column: did you mean 'acteurs'? use --columns id=acteurs"));
}

/* Make the fixture folder. */
static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	snprintf(edges_path, sizeof(edges_path), "%s/liens.csv", dir);
	snprintf(nodes_path, sizeof(nodes_path), "%s/acteurs.csv", dir);
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
		cmocka_unit_test(test_french_columns),
		cmocka_unit_test(test_dates_and_ids),
		cmocka_unit_test(test_columns_option),
		cmocka_unit_test(test_lookalike_and_duplicates),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	cm_notice_set_handler(keep_notice, NULL);
	return cmocka_run_group_tests_name("load/csv_columns", tests, setup, teardown);
}
