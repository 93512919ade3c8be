/* Unit tests of src/model/network.c: wrapping a graph in the model, and the accessors. */
#include <math.h>
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
#include "model/raw.h"

/* Wrapping a bare graph adds the model's attributes with their defaults. */
static void test_wrap_defaults(void **state)
{
	igraph_t g;
	cm_network *net = NULL;

	(void)state;
	igraph_ring(&g, 4, IGRAPH_UNDIRECTED, 0, 1);
	assert_int_equal(cm_network_wrap(&net, &g, "ring"), 0);
	assert_int_equal(cm_network_actors(net), 4);
	assert_int_equal(cm_network_ties(net), 4);
	/* no id at all: vertex indices become the names, and labels default to them */
	assert_string_equal(cm_network_vattr(net, CM_ATTR_ID, 2), "2");
	assert_string_equal(cm_network_vattr(net, CM_ATTR_LABEL, 2), "2");
	assert_string_equal(cm_network_vattr(net, CM_ATTR_TYPE, 2), "");
	assert_string_equal(cm_network_vattr(net, "no-such-attribute", 2), "");
	assert_string_equal(cm_network_vattr(net, CM_ATTR_ID, 99), "");
	assert_true(EAN(&net->graph, CM_ATTR_WEIGHT, 0) == 1);
	assert_true(isnan(EAN(&net->graph, CM_ATTR_YEAR, 0)));
	/* no tie kind in the input: no "kind" attribute (10M empty strings would cost 400 MB) */
	assert_false(igraph_cattribute_has_attr(&net->graph, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_KIND));
	assert_int_equal(cm_network_find(net, "3"), 3);
	assert_int_equal(cm_network_find(net, "4"), -1);
	assert_string_equal(net->source, "ring");
	cm_network_free(net);
	cm_network_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrap_defaults),
	};

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	return cmocka_run_group_tests_name("network", tests, NULL, NULL);
}
