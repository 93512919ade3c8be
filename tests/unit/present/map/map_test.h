/*
 * Helpers shared by the unit tests of src/present/map/: networks built by
 * hand, files read back, SVG probes.  Each test program defines nothing
 * else in common; the helpers are MAP_TEST_HELPER so that a program that
 * does not use one is not warned about it.  Run from the top of the
 * source tree (inputs are read from tests/data/render/).
 */
#ifndef COOPMAP_TEST_MAP_TEST_H
#define COOPMAP_TEST_MAP_TEST_H

#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "coopmap/coopmap.h"
#include "coopmap/common.h"
#include "coopmap/network.h"
#include "coopmap/render.h"
#include "base/error.h"
#include "base/file.h"
#include "base/text.h"
#include "model/raw.h"

#define DATA "tests/data/render/"

/* A helper function of this header: each test program uses some of them. */
#define MAP_TEST_HELPER static __attribute__((unused))

/* The test folder, made by map_test_main(). */
static char dir[] = "/tmp/coopmap-test-map-XXXXXX";

/*
 * Build a network by hand (the loader is tested elsewhere): n actors with
 * ids, labels, types and regions (NULL: ""), m ties given as pairs of
 * indices, weights (NULL: 1).
 */
MAP_TEST_HELPER cm_network *make_net(int n, const char *const *ids, const char *const *labels,
                            const char *const *types, const char *const *regions,
                            int m, const int *ends, const double *w)
{
	cm_network *net = calloc(1, sizeof(*net));
	igraph_vector_int_t e;

	assert_non_null(net);
	assert_int_equal(igraph_vector_int_init(&e, 2 * m), 0);
	for (int i = 0; i < 2 * m; i++)
		VECTOR(e)[i] = ends[i];
	assert_int_equal(igraph_create(&net->graph, &e, n, IGRAPH_UNDIRECTED), 0);
	igraph_vector_int_destroy(&e);
	for (int v = 0; v < n; v++) {
		char id[16];

		snprintf(id, sizeof(id), "v%d", v);
		SETVAS(&net->graph, CM_ATTR_ID, v, ids ? ids[v] : id);
		SETVAS(&net->graph, CM_ATTR_LABEL, v, labels ? labels[v] : (ids ? ids[v] : id));
		SETVAS(&net->graph, CM_ATTR_TYPE, v, types ? types[v] : "");
		SETVAS(&net->graph, CM_ATTR_REGION, v, regions ? regions[v] : "");
	}
	for (int i = 0; i < m; i++) {
		SETEAN(&net->graph, CM_ATTR_WEIGHT, i, w ? w[i] : 1);
		SETEAN(&net->graph, CM_ATTR_YEAR, i, NAN);
		SETEAS(&net->graph, CM_ATTR_KIND, i, "");
	}
	net->source = strdup("tests/data/render/sample-net.csv");
	return net;
}

MAP_TEST_HELPER void free_net(cm_network *net)
{
	if (!net)
		return;
	igraph_destroy(&net->graph);
	free(net->source);
	free(net);
}

/* The whole content of a file (NUL-terminated; *len gets the size). */
MAP_TEST_HELPER char *slurp(const char *path, size_t *len)
{
	char *buf = NULL;
	size_t n = 0;

	assert_int_equal(cm_read_file(&buf, &n, path), 0);
	if (len)
		*len = n;
	return buf;
}

/* Number of non-overlapping occurrences of needle in s. */
MAP_TEST_HELPER int count(const char *s, const char *needle)
{
	int k = 0;

	for (const char *p = s; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		k++;
	return k;
}

/* name inside the test folder; eight rotating buffers so that a few can be held at once */
MAP_TEST_HELPER const char *path_in(const char *name)
{
	static char buf[8][256];
	static int next;

	next = (next + 1) % 8;
	snprintf(buf[next], sizeof(buf[next]), "%s/%s", dir, name);
	return buf[next];
}

/* xmllint (libxml2-utils) accepts the file as well-formed XML. */
MAP_TEST_HELPER int xml_ok(const char *path)
{
	char cmd[512];

	snprintf(cmd, sizeof(cmd), "xmllint --noout '%s'", path);
	return system(cmd) == 0;
}

MAP_TEST_HELPER int setup(void **state)
{
	(void)state;
	cm_error_clear();
	return 0;
}


/* The vertex called name in a raw graph, or -1. */
MAP_TEST_HELPER igraph_integer_t raw_find(const igraph_t *g, const char *name)
{
	for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
		if (!strcmp(VAS(g, "name", v), name))
			return v;
	return -1;
}

/* The edge between the vertices called a and b in a raw graph, or -1. */
MAP_TEST_HELPER igraph_integer_t raw_edge(const igraph_t *g, const char *a, const char *b)
{
	igraph_integer_t eid = -1;

	igraph_get_eid(g, &eid, raw_find(g, a), raw_find(g, b), IGRAPH_UNDIRECTED, 0);
	return eid;
}

/* Number of the form "x,y" or "x,y!" (a node's pos) or "a,b,c,d" (a bb) into v; returns how many were read. */
MAP_TEST_HELPER int numbers(double *v, int max, const char *s)
{
	int k = 0;

	while (s && *s && k < max) {
		char *end;

		v[k] = strtod(s, &end);
		if (end == s)
			break;
		k++;
		s = *end == ',' ? end + 1 : "";
	}
	return k;
}

/*
 * The SVG group of node nK (Graphviz names nodes n0, n1... by vertex index):
 * from its <title> to the end of the group.  Returns a malloc'd copy or NULL.
 * Not inlined: GCC 12 then warns of a dangling pointer that is not there.
 */
MAP_TEST_HELPER __attribute__((noinline)) char *node_group(const char *svg, int k)
{
	char title[32];
	const char *start, *end;

	snprintf(title, sizeof(title), "<title>n%d</title>", k);
	if (!(start = strstr(svg, title)) || !(end = strstr(start, "</g>")))
		return NULL;
	return strndup(start, (size_t)(end - start));
}

/* Does node nK carry a ring of this stroke colour? */
MAP_TEST_HELPER int node_has_stroke(const char *svg, int k, const char *colour)
{
	char *g = node_group(svg, k), want[64];
	int found;

	assert_non_null(g);
	snprintf(want, sizeof(want), "stroke=\"%s\"", colour);
	found = strstr(g, want) != NULL;
	free(g);
	return found;
}

/* The centre of node nK's shape in the SVG (ellipse cx/cy). */
MAP_TEST_HELPER void node_centre(const char *svg, int k, double *x, double *y)
{
	char *g = node_group(svg, k);
	const char *p;

	assert_non_null(g);
	p = strstr(g, "<ellipse");
	assert_non_null(p);
	assert_non_null(strstr(p, "cx=\""));
	*x = strtod(strstr(p, "cx=\"") + 4, NULL);
	*y = strtod(strstr(p, "cy=\"") + 4, NULL);
	free(g);
}

/* The rings of isolated actors (black) and brokers (magenta), apart from every paired12 fill (the legend's glyphs too). */
#define RED_RING "#000000"
#define PURPLE_RING "#ff00ff"

/* Run a group of map tests in a fresh test folder, with the library set up as the CLI does. */
MAP_TEST_HELPER int map_test_main(const char *name, const struct CMUnitTest *tests, size_t n)
{
	int failed;

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	failed = _cmocka_run_group_tests(name, tests, n, NULL, NULL);
	rmdir(dir);
	cm_shutdown();
	return failed;
}

#endif
