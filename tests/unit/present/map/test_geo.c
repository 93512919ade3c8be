/*
 * Unit tests of src/present/map/geo.c: --layout geo against PROJ's Lambert-93.
 * Run from the top of the source tree (inputs in tests/data/render/).
 */
#include "map_test.h"

/*
 * --layout geo: Brest, Paris and Nice by their coordinates.  Their
 * Lambert-93 positions, from PROJ (`cs2cs EPSG:4326 EPSG:2154`, an
 * independent implementation), in metres:
 *   Paris 48.8566 N 2.3522 E  -> (652469.0, 6862035.3)
 *   Brest 48.3904 N 4.4861 W  -> (146633.0, 6836262.3)
 *   Nice  43.7102 N 7.2620 E  -> (1043410.2, 6299400.0)
 * The SVG is the same picture scaled and shifted, with y pointing down: so
 * x goes Brest < Paris < Nice, y Paris < Brest < Nice, and the ratios of
 * the gaps are those of the projection: (Paris - Brest) / (Nice - Paris)
 * = 505836.0 / 390941.2 = 1.2939 in x, (Brest - Paris) / (Nice - Brest)
 * = 25773.0 / 536862.3 = 0.04801 in y.  A fourth actor without coordinates
 * in Bretagne sits at Bretagne's centre (48.18 N, 2.84 W), so between
 * Brest and Paris in x.
 */
static void test_render_geo(void **state)
{
	static const char *const regions[] = { "Île-de-France", "Bretagne", "Provence-Alpes-Côte d'Azur", "Bretagne" };
	static const char *const lat[] = { "48.8566", "48.3904", "43.7102", "" };
	static const char *const lon[] = { "2.3522", "-4.4861", "7.2620", "" };
	static const int ends[] = { 0, 1, 0, 2, 1, 3 };
	cm_network *net = make_net(4, NULL, NULL, NULL, regions, 3, ends, NULL);
	cm_render_options o = { 0 };
	const char *path = path_in("geo.svg");
	double x[4], y[4];
	char *svg;

	(void)state;
	for (int v = 0; v < 4; v++) {
		SETVAS(&net->graph, "lat", v, lat[v]);
		SETVAS(&net->graph, "lon", v, lon[v]);
	}
	o.layout = "geo";
	o.size_by = "none";  /* same sizes: the shape centres are the positions */
	assert_int_equal(cm_render(net, path, &o), 0);
	assert_true(xml_ok(path));
	svg = slurp(path, NULL);
	assert_int_equal(count(svg, "class=\"node\""), 4);
	for (int v = 0; v < 4; v++)
		node_centre(svg, v, &x[v], &y[v]);
	/* order: Brest (1) < Bretagne (3) < Paris (0) < Nice (2) in x; Paris above Brest above Nice */
	assert_true(x[1] < x[3] && x[3] < x[0] && x[0] < x[2]);
	assert_true(y[0] < y[1] && y[1] < y[2]);
	assert_true(fabs((x[0] - x[1]) / (x[2] - x[0]) - 1.2939) < 0.01);
	assert_true(fabs((y[1] - y[0]) / (y[2] - y[1]) - 0.04801) < 0.002);
	/* Graphviz writes "-" as &#45; in SVG text */
	assert_non_null(strstr(svg, "layout geo (Lambert&#45;93)"));
	assert_non_null(strstr(svg, "3 actors placed by lat/lon; without: 1 around their region"));
	free(svg);

	/* a bad centres file is an input error naming the file */
	o.centres_path = DATA "no-such-centres.csv";
	assert_int_equal(cm_render(net, path, &o), CM_EIO);
	free_net(net);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_render_geo, setup),
	};

	return map_test_main("geo", tests, sizeof(tests) / sizeof(tests[0]));
}
