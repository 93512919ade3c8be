/**
 * @file coopmap/suggest.h
 * @brief Whom an isolated actor could meet, and why (coopmap suggest), and how
 *        well the suggestions predict the ties that really appeared.
 *
 * The score, its weights and their justification are in docs/analysis.md.
 */
#ifndef COOPMAP_SUGGEST_H
#define COOPMAP_SUGGEST_H

#include "network.h"
#include "regions.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Suggestions per actor used when none is given. */
#define CM_SUGGEST_DEFAULT_TOP 5
/** Lowest isolation level of the default targets. */
#define CM_SUGGEST_DEFAULT_LEVEL 1

/** @name Weights of the score (justified in docs/analysis.md) */
/**@{*/
#define CM_SUGGEST_W_RA 1.0          /**< per unit of resource allocation (1/deg of each common partner) */
#define CM_SUGGEST_W_AA 1.0          /**< per unit of Adamic–Adar (1/ln deg of each common partner) */
#define CM_SUGGEST_W_SAME_REGION 1.0 /**< peer of the focus type in the same region */
#define CM_SUGGEST_W_NEIGHBOUR 0.5   /**< peer in a neighbouring region (--regions) */
#define CM_SUGGEST_W_CLUB 0.25       /**< peer in another region of the same proposed club */
#define CM_SUGGEST_W_CRPV 1.25       /**< resource centre (crpv) of the actor's region */
#define CM_SUGGEST_W_JOIN 0.25       /**< the tie would join the main component */
#define CM_SUGGEST_W_PEER2 0.5       /**< the tie would bring p peers within two steps: times p/(p+1) */
/**@}*/

/** What to suggest, for whom. Start from cm_suggest_options_default(). */
typedef struct cm_suggest_options {
	const char *type;             /**< focus type (NULL: "cite") */
	int level;                    /**< default targets: focus actors of isolation level >= level (0..3) */
	int top;                      /**< suggestions per target (>= 1) */
	int min_size;                 /**< critical mass for isolation levels and clubs (0: 10) */
	const char *const *actors;    /**< explicit targets (ids), or NULL */
	size_t n_actors;
	const cm_regions *regions;    /**< region adjacency, or NULL (no neighbouring-region or club peers) */
} cm_suggest_options;

/** Fill o with the defaults: type cite, level 1, top 5, no --actor, no regions. */
void cm_suggest_options_default(cm_suggest_options *o);

/**
 * Suggest whom each target actor could meet (coopmap suggest).
 * @param out receives a table: actor, actor_label, candidate, candidate_label,
 *        candidate_type, candidate_region, score, reasons; targets most
 *        isolated first (or in the order of o->actors), candidates by
 *        score descending then id
 * @param net the network
 * @param o the options
 * @return 0, CM_EUSAGE (unknown actor or type, bad option), or a negative code
 */
int cm_suggest_compute(cm_table **out, const cm_network *net, const cm_suggest_options *o);

/** How well one score ranks the ties that appeared. */
typedef struct cm_rank_figures {
	double auc;              /**< probability that a new tie outscores a pair that stayed apart (ties: 1/2) */
	double precision_at_k;   /**< new ties among the k best pairs, over k */
	double precision_at_10;  /**< new ties among the 10 best pairs, over 10 (or over the pairs when fewer) */
} cm_rank_figures;

/** Result of cm_suggest_evaluate(). */
typedef struct cm_suggest_eval {
	int train_to;                   /**< last year kept */
	igraph_integer_t pairs_scored;  /**< pairs without a tie at the end of train_to */
	igraph_integer_t new_ties;      /**< of those, pairs tied after train_to */
	igraph_integer_t k;             /**< = new_ties */
	cm_rank_figures model;          /**< the suggest score */
	cm_rank_figures random;         /**< random scores (seeded) */
	cm_rank_figures pref;           /**< preferential attachment: product of degrees */
} cm_suggest_eval;

/**
 * Hide the ties first observed after train_to, score every pair of actors
 * without a tie at the end of train_to, and rank the pairs tied afterwards.
 * Undated ties count as observed by train_to.
 * @param out receives the figures
 * @param pairs receives, when not NULL, a table of every scored pair:
 *        actor, candidate, score, random, preferential_attachment, appeared
 * @param net the whole network (dated ties)
 * @param o the options (type, min_size, regions; targets are ignored)
 * @param train_to the last year kept
 * @param seed seed of the random baseline
 * @return 0, CM_EUSAGE (no dated tie after train_to, or too many pairs), or a negative code
 */
int cm_suggest_evaluate(cm_suggest_eval *out, cm_table **pairs, const cm_network *net,
                        const cm_suggest_options *o, int train_to, unsigned long seed);

/**
 * Area under the ROC curve of scores against 0/1 labels (Mann–Whitney,
 * equal scores count one half).
 * @return the AUC, or NaN when there is no positive or no negative
 */
double cm_rank_auc(const double *scores, const unsigned char *positive, size_t n);

/**
 * Fraction of positives among the k highest scores (equal scores in index
 * order); k larger than n counts over n.
 * @return the precision, or NaN when k or n is 0
 */
double cm_rank_precision(const double *scores, const unsigned char *positive, size_t n, size_t k);

#ifdef __cplusplus
}
#endif

#endif
