/*
 * Unit tests of src/model/columns.c: column names folded, French and
 * English synonyms, look-alikes, edit distances and the closest name,
 * attribute names resolved on a small graph.  Expected values are worked
 * out by hand in the comments.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "coopmap/coopmap.h"
#include "coopmap/common.h"
#include "coopmap/network.h"
#include "model/columns.h"
#include "model/year.h"

/* Fold s and compare with want. */
static void expect_fold(const char *s, const char *want)
{
	char *f = cm_name_fold(s);

	assert_non_null(f);
	assert_string_equal(f, want);
	free(f);
}

static void test_fold(void **state)
{
	(void)state;
	expect_fold("Région", "region");
	expect_fold("ANNÉE", "annee");
	expect_fold("Intensité", "intensite");
	expect_fold("  Type_de-lien ", "type de lien");
	expect_fold("Nom  complet", "nom complet");
	expect_fold("Catégorie", "categorie");
	expect_fold("Cœur", "coeur");
	expect_fold("Æther", "aether");
	expect_fold("Île-de-France", "ile de france");
	expect_fold("", "");
	assert_true(cm_name_fold_eq("Libellé", "libelle"));
	assert_false(cm_name_fold_eq("region", "regions"));
}

static void test_roles(void **state)
{
	int how;

	(void)state;
	/* the list, edge list side */
	assert_int_equal(cm_role_of_header("origine", CM_TABLE_EDGES, NULL), CM_ROLE_SOURCE);
	assert_int_equal(cm_role_of_header("De", CM_TABLE_EDGES, NULL), CM_ROLE_SOURCE);
	assert_int_equal(cm_role_of_header("cible", CM_TABLE_EDGES, NULL), CM_ROLE_TARGET);
	assert_int_equal(cm_role_of_header("Destination", CM_TABLE_EDGES, NULL), CM_ROLE_TARGET);
	assert_int_equal(cm_role_of_header("vers", CM_TABLE_EDGES, NULL), CM_ROLE_TARGET);
	assert_int_equal(cm_role_of_header("POIDS", CM_TABLE_EDGES, NULL), CM_ROLE_WEIGHT);
	assert_int_equal(cm_role_of_header("intensité", CM_TABLE_EDGES, NULL), CM_ROLE_WEIGHT);
	assert_int_equal(cm_role_of_header("année", CM_TABLE_EDGES, &how), CM_ROLE_YEAR);
	assert_int_equal(how, 0);
	assert_int_equal(cm_role_of_header("Date", CM_TABLE_EDGES, &how), CM_ROLE_YEAR);
	assert_int_equal(how, CM_COLUMN_DATE);
	assert_int_equal(cm_role_of_header("nature", CM_TABLE_EDGES, NULL), CM_ROLE_KIND);
	assert_int_equal(cm_role_of_header("Type de lien", CM_TABLE_EDGES, NULL), CM_ROLE_KIND);
	/* actor table side */
	assert_int_equal(cm_role_of_header("identifiant", CM_TABLE_NODES, NULL), CM_ROLE_ID);
	assert_int_equal(cm_role_of_header("Acteur", CM_TABLE_NODES, NULL), CM_ROLE_ID);
	assert_int_equal(cm_role_of_header("nom", CM_TABLE_NODES, NULL), CM_ROLE_ID);
	assert_int_equal(cm_role_of_header("libellé", CM_TABLE_NODES, NULL), CM_ROLE_LABEL);
	assert_int_equal(cm_role_of_header("nom complet", CM_TABLE_NODES, NULL), CM_ROLE_LABEL);
	assert_int_equal(cm_role_of_header("catégorie", CM_TABLE_NODES, NULL), CM_ROLE_TYPE);
	assert_int_equal(cm_role_of_header("Région", CM_TABLE_NODES, NULL), CM_ROLE_REGION);
	assert_int_equal(cm_role_of_header("département", CM_TABLE_NODES, NULL), CM_ROLE_DEPARTMENT);
	assert_int_equal(cm_role_of_header("Latitude", CM_TABLE_NODES, NULL), CM_ROLE_LAT);
	assert_int_equal(cm_role_of_header("lng", CM_TABLE_NODES, NULL), CM_ROLE_LON);
	assert_int_equal(cm_role_of_header("année", CM_TABLE_NODES, NULL), CM_ROLE_YEAR);
	/* a role of the other table is a plain attribute; a date gives the actor's year, as a tie's */
	assert_int_equal(cm_role_of_header("région", CM_TABLE_EDGES, NULL), CM_ROLE_NONE);
	assert_int_equal(cm_role_of_header("poids", CM_TABLE_NODES, NULL), CM_ROLE_NONE);
	how = 0;
	assert_int_equal(cm_role_of_header("Date", CM_TABLE_NODES, &how), CM_ROLE_YEAR);
	assert_int_equal(how, CM_COLUMN_DATE);
	assert_int_equal(cm_role_of_header("ville", CM_TABLE_NODES, NULL), CM_ROLE_NONE);
	/* precedence of the id synonyms */
	assert_true(cm_role_id_rank("id") < cm_role_id_rank("Identifiant"));
	assert_true(cm_role_id_rank("identifiant") < cm_role_id_rank("nom"));
	assert_int_equal(cm_role_id_rank("ville"), -1);
	assert_int_equal(cm_role_parse("poids"), CM_ROLE_WEIGHT);
	assert_int_equal(cm_role_parse("region"), CM_ROLE_REGION);
	assert_int_equal(cm_role_parse("weigth"), CM_ROLE_NONE);
	assert_string_equal(cm_role_name(CM_ROLE_WEIGHT), "weight");
	assert_string_equal(cm_role_meaning(CM_ROLE_WEIGHT), "the tie weight");
}

static void test_lookalike(void **state)
{
	(void)state;
	/* "poid": one deletion from "poids" */
	assert_int_equal(cm_role_lookalike("poid", CM_TABLE_EDGES), CM_ROLE_WEIGHT);
	/* "regoin": a swap of neighbours from "region" */
	assert_int_equal(cm_role_lookalike("Regoin", CM_TABLE_NODES), CM_ROLE_REGION);
	/* holding a synonym as a word */
	assert_int_equal(cm_role_lookalike("annee_debut", CM_TABLE_EDGES), CM_ROLE_YEAR);
	assert_int_equal(cm_role_lookalike("poids total", CM_TABLE_EDGES), CM_ROLE_WEIGHT);
	/* nothing alike: a town, a remark; short synonyms ("de", "id") never match */
	assert_int_equal(cm_role_lookalike("ville", CM_TABLE_NODES), CM_ROLE_NONE);
	assert_int_equal(cm_role_lookalike("remarque", CM_TABLE_NODES), CM_ROLE_NONE);
	/* "date" is a year synonym of both tables: "date de fin" looks like the year in either */
	assert_int_equal(cm_role_lookalike("date de fin", CM_TABLE_NODES),
	                 cm_role_lookalike("date de fin", CM_TABLE_EDGES));
	assert_int_equal(cm_role_lookalike("c0", CM_TABLE_EDGES), CM_ROLE_NONE);
}

static void test_distance(void **state)
{
	const char *regions[] = { "Normandie", "Bretagne", NULL, "Occitanie" };

	(void)state;
	assert_int_equal(cm_name_distance("Bretange", "Bretagne"), 1); /* one swap */
	assert_int_equal(cm_name_distance("kitten", "sitting"), 3);   /* the textbook pair */
	assert_int_equal(cm_name_distance("Cité", "cite"), 0);        /* folded first */
	assert_int_equal(cm_name_distance("", "abc"), 3);
	assert_int_equal(cm_name_closest("Bretange", regions, 4), 1);
	assert_int_equal(cm_name_closest("OCCITANIE", regions, 4), 3);
	assert_int_equal(cm_name_closest("Corse", regions, 4), -1);
	/* 4 letters allow 1 edit: "sumary" (6) allows 2 */
	assert_int_equal(cm_name_closest("tipe", (const char *[]){ "type" }, 1), 0);
	assert_int_equal(cm_name_closest("tapi", (const char *[]){ "type" }, 1), -1);
}

static void test_date_year(void **state)
{
	double y = -1;

	(void)state;
	assert_int_equal(cm_date_year(&y, "2021-03-15"), 0);
	assert_true(y == 2021);
	assert_int_equal(cm_date_year(&y, "15/03/2020"), 0);
	assert_true(y == 2020);
	assert_int_equal(cm_date_year(&y, "03/2019"), 0);
	assert_true(y == 2019);
	assert_int_equal(cm_date_year(&y, "2018-07"), 0);
	assert_true(y == 2018);
	assert_int_equal(cm_date_year(&y, "15.03.2017 10:30"), 0);
	assert_true(y == 2017);
	assert_int_equal(cm_date_year(&y, "2016-01-02T08:00:00"), 0);
	assert_true(y == 2016);
	assert_int_equal(cm_date_year(&y, "2022"), 0);
	assert_true(y == 2022);
	assert_int_equal(cm_date_year(&y, ""), 0);
	assert_true(y != y);
	y = -1;
	assert_int_equal(cm_date_year(&y, "mars 2021"), -1);
	assert_int_equal(cm_date_year(&y, "15/03/21"), -1);
	assert_int_equal(cm_date_year(&y, "1/2/3/2021"), -1);
	assert_int_equal(cm_date_year(&y, "2021-03-15x"), -1);
	assert_true(y == -1);
}

/* A graph of two actors with attributes name, type and "département". */
static igraph_t small_graph(void)
{
	igraph_t g;

	igraph_empty(&g, 2, IGRAPH_UNDIRECTED);
	SETVAS(&g, CM_ATTR_ID, 0, "a");
	SETVAS(&g, CM_ATTR_ID, 1, "b");
	SETVAS(&g, CM_ATTR_TYPE, 0, "cite");
	SETVAS(&g, "département", 0, "35");
	return g;
}

static void test_attr_resolve(void **state)
{
	igraph_t g = small_graph();
	char *out = NULL, *list = NULL, *closest = NULL;

	(void)state;
	assert_int_equal(cm_attr_resolve(&out, &g, "type"), 0);
	assert_string_equal(out, "type");
	free(out);
	assert_int_equal(cm_attr_resolve(&out, &g, "Catégorie"), 0); /* a synonym of type */
	assert_string_equal(out, "type");
	free(out);
	assert_int_equal(cm_attr_resolve(&out, &g, "DEPARTEMENT"), 0); /* equal once folded */
	assert_string_equal(out, "département");
	free(out);
	assert_int_equal(cm_attr_resolve(&out, &g, "id"), 0); /* the actor id */
	assert_string_equal(out, CM_ATTR_ID);
	free(out);
	assert_int_equal(cm_attr_resolve(&out, &g, "region"), 0); /* a role the actors lack */
	assert_null(out);
	assert_int_equal(cm_attr_suggest(&list, &closest, &g, "tpye"), 0);
	assert_string_equal(list, "name, type, département");
	assert_string_equal(closest, "type");
	free(list);
	free(closest);
	assert_int_equal(cm_attr_suggest(&list, &closest, &g, "colour"), 0);
	assert_null(closest);
	free(list);
	igraph_destroy(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_lookalike),
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_date_year),
		cmocka_unit_test(test_attr_resolve),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	return cmocka_run_group_tests_name("model/columns", tests, NULL, NULL);
}
