/*
 * The score of coopmap suggest, shared by the suggestions (suggest.c) and
 * their evaluation (evaluate.c): what is known of the network once
 * (neighbours, components, regions, clubs), and one target at a time its
 * common partners.  Weights in coopmap/suggest.h, reasons in docs/analysis.md.
 */
#ifndef COOPMAP_MEASURE_SUGGEST_SCORE_H
#define COOPMAP_MEASURE_SUGGEST_SCORE_H

#include <igraph.h>

#include "coopmap/clubs.h"
#include "coopmap/network.h"
#include "coopmap/regions.h"
#include "base/strbuf.h"

/* Attribute class of a candidate for a target. */
enum { SG_NONE = 0, SG_SAME_REGION, SG_NEIGHBOUR, SG_CLUB, SG_CRPV };

/* A sorted list of vertices. */
typedef struct sg_list {
	igraph_integer_t *v;
	size_t n;
} sg_list;

/* What the score knows of the network, and the scratch of the current target. */
typedef struct sg_ctx {
	const cm_network *net;
	const char *type;
	igraph_integer_t n;
	igraph_adjlist_t adj;
	igraph_vector_int_t membership;
	igraph_integer_t main_comp;
	char *is_focus, *is_crpv;
	igraph_integer_t *peers_near;  /* focus actors among an actor and its partners */
	sg_list reach;        /* actors with peers_near > 0, most first, then by id */
	int *region;          /* region index by vertex, -1 when none */
	const char **rname;   /* region names, by index */
	size_t n_reg;
	char *reg_adj;        /* n_reg x n_reg: neighbouring regions */
	int *club_of;         /* club index by region, -1 when none */
	cm_clubs clubs;
	sg_list *focus_of, *crpv_of;  /* focus actors and crpv of each region, by id */
	/* the current target */
	igraph_integer_t target;
	int target_peer2;     /* a peer of the focus type within two steps */
	igraph_integer_t stamp_no, *seen, *partner;
	double *ra;           /* resource allocation, valid where seen == stamp_no */
	const double *aa;     /* Adamic-Adar of u: aa[u * aa_stride], or NULL */
	size_t aa_stride;
	igraph_vector_int_t touched; /* candidates reached in two steps */
} sg_ctx;

/* Prepare the context; regions may be NULL.  0 or a negative code. */
int sg_ctx_init(sg_ctx *c, const cm_network *net, const char *type, const cm_regions *regions,
                int min_size);
/* Free the context (a zeroed one is fine). */
void sg_ctx_free(sg_ctx *c);

/*
 * Make v the current target: its partners, the actors two steps away with
 * their resource allocation, whether it has a peer within two steps, and
 * its row `row` of aa, a matrix of Adamic-Adar from sg_adamic_adar() (or NULL: none).
 */
void sg_target(sg_ctx *c, igraph_integer_t v, const igraph_matrix_t *aa, igraph_integer_t row);

/* Adamic–Adar rows of vertices vids[0..k) (igraph): res becomes k x n. */
int sg_adamic_adar(igraph_matrix_t *res, const sg_ctx *c, const igraph_integer_t *vids, size_t k);

/* Non-zero when u is a partner of the current target. */
int sg_is_partner(const sg_ctx *c, igraph_integer_t u);

/* Attribute class of candidate u for the current target. */
int sg_class(const sg_ctx *c, igraph_integer_t u);

/* Non-zero when a tie to u would bring the target into the main component. */
int sg_joins_main(const sg_ctx *c, igraph_integer_t u);

/* Non-zero when a tie to u would bring the target a peer within two steps. */
int sg_brings_peer(const sg_ctx *c, igraph_integer_t u);

/* Score of candidate u for the current target. */
double sg_score(const sg_ctx *c, igraph_integer_t u);

/* Write the reasons of candidate u for the current target into b. */
int sg_reasons(cm_strbuf *b, const sg_ctx *c, igraph_integer_t u);

#endif
