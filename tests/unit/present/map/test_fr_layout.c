/*
 * Unit tests of src/present/map/fr_layout.c (the default layout), through whole maps
 * read back with cgraph.
 * Run from the top of the source tree (inputs in tests/data/render/).
 */
#include "map_test.h"
#include <cgraph.h>

/*
 * The default layout of a small map with regions (igraph's
 * Fruchterman-Reingold, drawn pinned): the same seed gives the same bytes,
 * another seed another map; every actor sits inside its region's box, no
 * two boxes overlap and no two nodes overlap.  The geometry is read back
 * from the DOT output with cgraph, independently of how it was computed.
 */
static void test_render_fr_layout(void **state)
{
	enum { N = 36, M = 48 };
	static const char *const names[] = { "Bretagne", "Occitanie", "Normandie" };
	const char *regions[N], *labels[N];
	char label_buf[N][48];
	int ends[2 * M];
	cm_network *net;
	cm_render_options o = { 0 };
	char *a, *b, *c;
	size_t la, lb, lc;
	FILE *f;
	Agraph_t *g;
	double bb[3][4];
	int boxes = 0, nodes = 0;

	(void)state;
	for (int v = 0; v < N; v++) {
		regions[v] = v < 33 ? names[v % 3] : "";   /* three actors outside every region */
		snprintf(label_buf[v], sizeof(label_buf[v]), "Cité éducative number %d", v);
		labels[v] = label_buf[v];
	}
	/* a ring inside each region (actors v, v+3, v+6...), then ties across */
	for (int i = 0; i < 33; i++) {
		ends[2 * i] = i;
		ends[2 * i + 1] = i + 3 < 33 ? i + 3 : i % 3;
	}
	for (int i = 33; i < M; i++) {
		ends[2 * i] = (i * 5) % N;
		ends[2 * i + 1] = (i * 5 + 7) % N;
	}
	net = make_net(N, NULL, labels, NULL, regions, M, ends, NULL);
	assert_int_equal(cm_render(net, path_in("fr1.dot"), &o), 0);
	assert_int_equal(cm_render(net, path_in("fr2.dot"), &o), 0);
	o.seed = 5;
	assert_int_equal(cm_render(net, path_in("fr3.dot"), &o), 0);
	a = slurp(path_in("fr1.dot"), &la);
	b = slurp(path_in("fr2.dot"), &lb);
	c = slurp(path_in("fr3.dot"), &lc);
	assert_int_equal(la, lb);
	assert_memory_equal(a, b, la);
	assert_true(la != lc || memcmp(a, c, la) != 0);
	assert_non_null(strstr(a, "Fruchterman-Reingold (igraph)"));

	assert_non_null(f = fopen(path_in("fr1.dot"), "r"));
	assert_non_null(g = agread(f, NULL));
	fclose(f);
	for (Agraph_t *sub = agfstsubg(g); sub; sub = agnxtsubg(sub)) {
		if (strncmp(agnameof(sub), "cluster", 7))
			continue;
		assert_true(boxes < 3);
		assert_int_equal(numbers(bb[boxes], 4, agget(sub, "bb")), 4);
		for (Agnode_t *v = agfstnode(sub); v; v = agnxtnode(sub, v)) {
			double pos[2], w = atof(agget(v, "width")) * 72 / 2, h = atof(agget(v, "height")) * 72 / 2;

			assert_int_equal(numbers(pos, 2, agget(v, "pos")), 2);
			assert_true(pos[0] - w >= bb[boxes][0] && pos[0] + w <= bb[boxes][2]);
			assert_true(pos[1] - h >= bb[boxes][1] && pos[1] + h <= bb[boxes][3]);
			nodes++;
		}
		boxes++;
	}
	assert_int_equal(boxes, 3);
	assert_int_equal(nodes, 33);
	for (int i = 0; i < boxes; i++)
		for (int j = i + 1; j < boxes; j++)
			assert_true(bb[i][2] <= bb[j][0] || bb[j][2] <= bb[i][0] || bb[i][3] <= bb[j][1] || bb[j][3] <= bb[i][1]);
	for (Agnode_t *u = agfstnode(g); u; u = agnxtnode(g, u)) {
		for (Agnode_t *v = agnxtnode(g, u); v; v = agnxtnode(g, v)) {
			double pu[2], pv[2];
			double dw = (atof(agget(u, "width")) + atof(agget(v, "width"))) * 72 / 2;
			double dh = (atof(agget(u, "height")) + atof(agget(v, "height"))) * 72 / 2;

			assert_int_equal(numbers(pu, 2, agget(u, "pos")), 2);
			assert_int_equal(numbers(pv, 2, agget(v, "pos")), 2);
			assert_true(fabs(pu[0] - pv[0]) >= dw || fabs(pu[1] - pv[1]) >= dh);
		}
	}
	agclose(g);
	free(a);
	free(b);
	free(c);
	free_net(net);
	unlink(path_in("fr1.dot"));
	unlink(path_in("fr2.dot"));
	unlink(path_in("fr3.dot"));
}

/*
 * A large group (more than 2,000 actors: spread by density, not pair by
 * pair) and no region boxes: the 60 actors without ties are gathered in one
 * box of their own, labelled "60 actors without ties" (issue 14), which
 * holds every one of them and none of the ring's.
 */
static void test_render_fr_large(void **state)
{
	enum { RING = 2100, LONE = 60, N = RING + LONE };
	int *ends = malloc(2 * RING * sizeof(*ends));
	cm_network *net;
	cm_render_options o = { 0 };
	FILE *f;
	Agraph_t *g;
	double bb[4] = { 0 };
	int lone = 0, boxes = 0;
	Agraph_t *box;

	(void)state;
	assert_non_null(ends);
	for (int i = 0; i < RING; i++) {
		ends[2 * i] = i;
		ends[2 * i + 1] = (i + 1) % RING;
	}
	net = make_net(N, NULL, NULL, NULL, NULL, RING, ends, NULL);
	o.labels = "none";
	assert_int_equal(cm_render(net, path_in("large.dot"), &o), 0);
	assert_non_null(f = fopen(path_in("large.dot"), "r"));
	assert_non_null(g = agread(f, NULL));
	fclose(f);
	for (box = agfstsubg(g); box; box = agnxtsubg(box))
		if (agget(box, "label") && !strcmp(agget(box, "label"), "60 actors without ties")) {
			assert_int_equal(numbers(bb, 4, agget(box, "bb")), 4);
			boxes++;
			break;
		}
	assert_int_equal(boxes, 1);
	for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
		double pos[2];
		int index = atoi(agnameof(v) + 1);  /* nodes are named n<index> */
		int inside;

		if (agnameof(v)[0] != 'n')
			continue;
		assert_int_equal(numbers(pos, 2, agget(v, "pos")), 2);
		inside = pos[0] > bb[0] && pos[0] < bb[2] && pos[1] > bb[1] && pos[1] < bb[3];
		assert_int_equal(inside, index >= RING);
		lone += index >= RING;
	}
	assert_int_equal(lone, LONE);
	agclose(g);
	free(ends);
	free_net(net);
	unlink(path_in("large.dot"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_render_fr_layout, setup),
		cmocka_unit_test_setup(test_render_fr_large, setup),
	};

	return map_test_main("fr_layout", tests, sizeof(tests) / sizeof(tests[0]));
}
