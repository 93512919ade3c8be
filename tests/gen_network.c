/*
 * gen_network: write a synthetic national-style cooperation network for
 * tests and benchmarks.
 *
 *   gen_network --actors N --ties M [--regions R] [--seed S] [--out DIR]
 *
 * DIR/nodes.csv has id,label,type,region and DIR/edges.csv has
 * source,target,weight,year.  The structure imitates the sample network in
 * graphs/cites-educatives: actors live in regions of very unequal size (the
 * first R of France's 18 regions, densest first, so the output can be read
 * with graphs/regions-fr.csv), a region is cut into local clusters of at
 * least 25 actors (more when the network is dense) around one cité
 * éducative, each region has one resource centre (crpv) per 50,000 actors
 * acting as a hub, and from 100 actors on one national network actor
 * (reseau, no region) has ties everywhere.  Most ties stay inside a
 * cluster, some cross clusters of a region, a few go to the hubs, a few
 * cross regions.
 *
 * With --growth P, the last P% of the ties are dated 2021-2022 and grow the
 * network of 2019-2020 the way cooperation networks grow, for checking
 * `coopmap suggest --evaluate --train-to 2020`: 60% by triadic closure (an
 * actor meets a partner of a partner), 30% by homophily (an actor of the
 * same region), 10% uniformly.
 *
 * The output has exactly M distinct undirected ties and no self-loops; the
 * same arguments always give the same files (own PRNG, no rand()).  Files
 * are written under temporary names and renamed at the end, so a failure
 * leaves no half-written file behind.
 *
 * Only libc is used.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PROG "gen_network"
#define CLUSTER_SIZE 25      /* smallest mean local cluster: one cité and its partners */
#define HUB_EVERY 50000      /* one resource centre per this many actors of a region */
#define MAX_ACTORS 2000000000ULL
#define MAX_TIES 2000000000ULL
#define BATCH 64             /* candidate ties drawn ahead of the pair set look-ups */

/* --growth: percentage of ties grown in 2021-2022 from those of 2019-2020 (0: off). */
static unsigned growth_pct;

static const char usage_text[] =
	"usage: " PROG " --actors N --ties M [--regions R] [--seed S] [--growth P] [--out DIR]\n"
	"\n"
	"Write DIR/nodes.csv (id,label,type,region) and DIR/edges.csv\n"
	"(source,target,weight,year): a synthetic cooperation network with\n"
	"regional and local structure, exactly M distinct ties, no self-loops.\n"
	"\n"
	"  --actors N    number of actors (1 or more)\n"
	"  --ties M      number of distinct ties (at most N(N-1)/2)\n"
	"  --regions R   number of regions, 1..N (default 18; the first 18 carry\n"
	"                the names of France's regions)\n"
	"  --seed S      seed of the generator (default 1); same seed, same files\n"
	"  --growth P    date the last P%% of the ties (0..90) 2021-2022, drawn by\n"
	"                triadic closure (60%%), same region (30%%) or uniformly (10%%)\n"
	"                from the ties of 2019-2020\n"
	"  --out DIR     output folder, created if missing (default .)\n"
	"  -h, --help    show this help\n";

/* France's regions, those with the most cités éducatives first. */
static const char *const region_names[] = {
	"Île-de-France", "Hauts-de-France", "Provence-Alpes-Côte d'Azur",
	"Auvergne-Rhône-Alpes", "Grand Est", "Occitanie", "Nouvelle-Aquitaine",
	"Pays de la Loire", "Normandie", "Bourgogne-Franche-Comté",
	"Centre-Val de Loire", "Bretagne", "La Réunion", "Guadeloupe",
	"Martinique", "Guyane", "Mayotte", "Corse"
};
#define N_REGION_NAMES (sizeof(region_names) / sizeof(region_names[0]))

enum actor_type {
	T_CITE, T_CRPV, T_RESEAU, T_ETAT, T_COLLECTIVITE, T_ASSOCIATION,
	T_ECOLE, T_PARENTS, T_UNIVERSITE, T_CONSULTANT, T_COUNT
};

static const char *const type_names[T_COUNT] = {
	"cite", "crpv", "reseau", "etat", "collectivite", "association",
	"ecole", "parents", "universite", "consultant"
};

static const char *const type_labels[T_COUNT] = {
	"Cité éducative", "Centre de ressources", "Réseau national",
	"Services de l'État", "Collectivité", "Association", "École",
	"Collectif de parents", "Université", "Consultant"
};

/* Partners of a cluster, in per-mille (the cluster's first actor is its cité). */
static const struct { enum actor_type type; unsigned permille; } partner_mix[] = {
	{ T_ASSOCIATION, 340 }, { T_ECOLE, 280 }, { T_COLLECTIVITE, 110 },
	{ T_ETAT, 100 }, { T_PARENTS, 130 }, { T_UNIVERSITE, 25 },
	{ T_CONSULTANT, 15 }
};

/* xoshiro256** seeded through splitmix64: fast, and the same on every platform. */
struct rng {
	uint64_t s[4];
};

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Seed one independent stream of the generator. */
static void rng_seed(struct rng *r, uint64_t seed, uint64_t stream)
{
	uint64_t x = seed ^ (stream * 0xd1b54a32d192ed03ULL);
	int i;

	for (i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

static inline uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static inline uint64_t rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

/* Uniform integer in [0, n) for 0 < n < 2^32 (Lemire's multiply-shift, unbiased). */
static inline uint32_t rng_below(struct rng *r, uint32_t n)
{
	uint64_t m = (rng_next(r) >> 32) * (uint64_t)n;
	uint32_t low = (uint32_t)m;

	if (low < n) {
		uint32_t threshold = (uint32_t)(-n) % n;

		while (low < threshold) {
			m = (rng_next(r) >> 32) * (uint64_t)n;
			low = (uint32_t)m;
		}
	}
	return (uint32_t)(m >> 32);
}

/* Uniform per-mille draw. */
static inline unsigned rng_permille(struct rng *r)
{
	return rng_below(r, 1000);
}

/* Buffered writer with its own number formatting: fprintf is the bottleneck otherwise. */
struct out {
	FILE *f;
	char *buf;
	size_t len;
	size_t cap;
	int failed;
};

static void out_flush(struct out *o)
{
	if (o->len && !o->failed && fwrite(o->buf, 1, o->len, o->f) != o->len)
		o->failed = 1;
	o->len = 0;
}

static inline void out_reserve(struct out *o, size_t n)
{
	if (o->len + n > o->cap)
		out_flush(o);
}

static inline void out_str(struct out *o, const char *s)
{
	size_t n = strlen(s);

	out_reserve(o, n);
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static inline void out_char(struct out *o, char c)
{
	out_reserve(o, 1);
	o->buf[o->len++] = c;
}

/* Decimal number, left-padded with zeros to at least `width` digits. */
static inline void out_uint(struct out *o, uint64_t v, int width)
{
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n < width)
		tmp[n++] = '0';
	out_reserve(o, (size_t)n);
	while (n)
		o->buf[o->len++] = tmp[--n];
}

/* The generator's state: where every actor lives. */
struct net {
	uint32_t n_actors;
	uint32_t n_regions;
	uint32_t n_clusters;
	uint32_t *cluster_of;      /* actor -> cluster */
	uint32_t *cluster_start;   /* cluster -> first actor (its cité) */
	uint32_t *cluster_size;
	uint32_t *cluster_region;
	uint32_t *region_start;    /* region -> first actor */
	uint32_t *region_size;
	uint32_t *region_hubs;     /* region -> number of crpv hubs (its first actors) */
	int64_t national;          /* the national network actor, or -1 */
	uint32_t cluster_size_target;
	int id_width;
	/* cumulative per-mille thresholds of the tie classes (see draw_class) */
	unsigned th_local, th_cite, th_region, th_hub, th_inter;
};

/* Parse a whole number in [min, max] given to option `opt`; 0 or -1 with a message. */
static int parse_count(const char *opt, const char *arg, uint64_t min, uint64_t max, uint64_t *out)
{
	char *end;
	unsigned long long v;

	if (arg[0] < '0' || arg[0] > '9') {
		fprintf(stderr, PROG ": %s: '%s' is not a whole number\n", opt, arg);
		return -1;
	}
	errno = 0;
	v = strtoull(arg, &end, 10);
	if (*end != '\0') {
		fprintf(stderr, PROG ": %s: '%s' is not a whole number\n", opt, arg);
		return -1;
	}
	if (errno == ERANGE || v < min || v > max) {
		fprintf(stderr, PROG ": %s: '%s' is out of range (%" PRIu64 "..%" PRIu64 ")\n",
			opt, arg, min, max);
		return -1;
	}
	*out = v;
	return 0;
}

/* Split the actors into regions of Zipf-like sizes (every region gets at least one). */
static void split_regions(struct net *g)
{
	uint32_t r, start = 0;
	uint64_t rest = g->n_actors - g->n_regions;
	uint64_t given = 0;
	double total = 0, *w = malloc(g->n_regions * sizeof(*w));
	uint64_t *extra = calloc(g->n_regions, sizeof(*extra));

	if (!w || !extra) {
		/* Tiny allocations; fall back to equal shares. */
		for (r = 0; r < g->n_regions; r++) {
			g->region_size[r] = 1 + (uint32_t)(rest / g->n_regions +
				(r < rest % g->n_regions));
		}
		goto place;
	}
	for (r = 0; r < g->n_regions; r++) {
		/* 1/(r+1)^0.9: the first region is ~14x the 18th, like Île-de-France vs Corse */
		w[r] = 1.0 / pow((double)r + 1.0, 0.9);
		total += w[r];
	}
	for (r = 0; r < g->n_regions; r++) {
		extra[r] = (uint64_t)((double)rest * w[r] / total);
		given += extra[r];
	}
	/* hand out what rounding left, densest regions first */
	for (r = 0; given < rest; r = (r + 1) % g->n_regions, given++)
		extra[r]++;
	for (r = 0; r < g->n_regions; r++)
		g->region_size[r] = 1 + (uint32_t)extra[r];
place:
	for (r = 0; r < g->n_regions; r++) {
		g->region_start[r] = start;
		start += g->region_size[r];
	}
	free(w);
	free(extra);
}

/* Number of local clusters among `members` actors of a region (at least one). */
static uint32_t clusters_in(const struct net *g, uint32_t members)
{
	uint32_t nc = (members + g->cluster_size_target / 2) / g->cluster_size_target;

	return nc ? nc : 1;
}

/*
 * Choose the cluster size and the mix of tie classes from the mean degree d,
 * so that no class saturates what it can reach: local ties fill at most about
 * a third of a cluster's pairs, a cité or a hub at most about half of its
 * possible partners.  Draws into a saturated neighbourhood are wasted and
 * shift the mix towards the other classes.
 */
static void plan_structure(struct net *g, uint64_t n_ties)
{
	double d = g->n_actors ? 2.0 * (double)n_ties / g->n_actors : 0;
	double c = 2.4 * d;
	double p_cite = d > 0 && 1.0 / d < 0.20 ? 1.0 / d : 0.20;
	double p_hub = d > 0 && 0.6 / d < 0.065 ? 0.6 / d : 0.065;
	double p_region = 0.17, p_inter = 0.04, p_national = 0.005;
	double p_local = 1.0 - p_cite - p_hub - p_region - p_inter - p_national;

	g->cluster_size_target = c > CLUSTER_SIZE ? (uint32_t)(c + 0.5) : CLUSTER_SIZE;
	if (c > 1e6)
		g->cluster_size_target = 1000000;
	g->th_local = (unsigned)(1000 * p_local + 0.5);
	g->th_cite = g->th_local + (unsigned)(1000 * p_cite + 0.5);
	g->th_region = g->th_cite + (unsigned)(1000 * p_region + 0.5);
	g->th_hub = g->th_region + (unsigned)(1000 * p_hub + 0.5);
	g->th_inter = g->th_hub + (unsigned)(1000 * p_inter + 0.5);
}

/* Lay out hubs and clusters; returns 0 or -1 when memory runs out. */
static int build_layout(struct net *g)
{
	uint32_t r, c, i, k;
	uint64_t n_clusters = 0;

	g->region_start = calloc(g->n_regions, sizeof(uint32_t));
	g->region_size = calloc(g->n_regions, sizeof(uint32_t));
	g->region_hubs = calloc(g->n_regions, sizeof(uint32_t));
	g->cluster_of = malloc((size_t)g->n_actors * sizeof(uint32_t));
	if (!g->region_start || !g->region_size || !g->region_hubs || !g->cluster_of)
		return -1;
	split_regions(g);

	/* hubs take the first actors of a region (not in any cluster when others remain) */
	for (r = 0; r < g->n_regions; r++) {
		uint32_t hubs = 1 + g->region_size[r] / HUB_EVERY;

		if (g->region_size[r] < 3)
			hubs = 0;      /* a region of one or two actors has no centre */
		g->region_hubs[r] = hubs;
		n_clusters += clusters_in(g, g->region_size[r] - hubs);
	}
	g->cluster_start = malloc(n_clusters * sizeof(uint32_t));
	g->cluster_size = malloc(n_clusters * sizeof(uint32_t));
	g->cluster_region = malloc(n_clusters * sizeof(uint32_t));
	if (!g->cluster_start || !g->cluster_size || !g->cluster_region)
		return -1;

	c = 0;
	for (r = 0; r < g->n_regions; r++) {
		uint32_t first = g->region_start[r] + g->region_hubs[r];
		uint32_t members = g->region_size[r] - g->region_hubs[r];
		uint32_t nc = clusters_in(g, members);

		/* hubs belong to the region's first cluster for the "local" draws */
		for (i = 0; i < g->region_hubs[r]; i++)
			g->cluster_of[g->region_start[r] + i] = c;
		for (k = 0; k < nc; k++) {
			uint32_t lo = first + (uint32_t)((uint64_t)members * k / nc);
			uint32_t hi = first + (uint32_t)((uint64_t)members * (k + 1) / nc);

			g->cluster_start[c] = lo;
			g->cluster_size[c] = hi - lo;
			g->cluster_region[c] = r;
			for (i = lo; i < hi; i++)
				g->cluster_of[i] = c;
			c++;
		}
	}
	g->n_clusters = c;

	/* the national network: the last actor of the first region's first cluster */
	g->national = -1;
	if (g->n_actors >= 100) {
		uint32_t c0 = g->cluster_of[g->region_start[0] + g->region_hubs[0]];

		if (g->cluster_size[c0] > 1) {
			g->national = g->cluster_start[c0] + g->cluster_size[c0] - 1;
			g->cluster_size[c0]--;  /* local draws no longer reach it */
		}
	}

	g->id_width = 6;
	for (uint64_t p = 1000000; p <= (uint64_t)g->n_actors - 1 && p; p *= 10)
		g->id_width++;
	return 0;
}

static void free_layout(struct net *g)
{
	free(g->region_start);
	free(g->region_size);
	free(g->region_hubs);
	free(g->cluster_of);
	free(g->cluster_start);
	free(g->cluster_size);
	free(g->cluster_region);
}

/* Write one region name: France's first, then "Région N". */
static void out_region(struct out *o, uint32_t r)
{
	if (r < N_REGION_NAMES) {
		/* "Provence-Alpes-Côte d'Azur" has no comma or quote: no CSV quoting needed */
		out_str(o, region_names[r]);
	} else {
		out_str(o, "Région ");
		out_uint(o, r + 1, 0);
	}
}

static inline void out_id(struct out *o, const struct net *g, uint32_t a)
{
	out_char(o, 'a');
	out_uint(o, a, g->id_width);
}

/* nodes.csv: one line per actor; the type of a partner is drawn from partner_mix. */
static void write_nodes(struct out *o, const struct net *g, uint64_t seed)
{
	struct rng r;
	uint64_t counter[T_COUNT] = { 0 };
	uint32_t a;

	rng_seed(&r, seed, 1);
	out_str(o, "id,label,type,region\n");
	for (a = 0; a < g->n_actors; a++) {
		uint32_t c = g->cluster_of[a];
		uint32_t reg = g->cluster_region[c];
		enum actor_type t;

		if ((int64_t)a == g->national) {
			t = T_RESEAU;
		} else if (a < g->region_start[reg] + g->region_hubs[reg]) {
			t = T_CRPV;
		} else if (a == g->cluster_start[c]) {
			t = T_CITE;
		} else {
			unsigned p = rng_permille(&r), acc = 0;
			size_t k;

			t = T_ASSOCIATION;
			for (k = 0; k < sizeof(partner_mix) / sizeof(partner_mix[0]); k++) {
				acc += partner_mix[k].permille;
				if (p < acc) {
					t = partner_mix[k].type;
					break;
				}
			}
		}
		out_id(o, g, a);
		out_char(o, ',');
		out_str(o, type_labels[t]);
		if (t != T_RESEAU) {
			out_char(o, ' ');
			out_uint(o, ++counter[t], 0);
		}
		out_char(o, ',');
		out_str(o, type_names[t]);
		out_char(o, ',');
		if (t != T_RESEAU)
			out_region(o, reg);  /* the national network has no region */
		out_char(o, '\n');
	}
}

/* Open-addressing set of undirected pairs, key (min << 32 | max), 0 = empty. */
struct pairset {
	uint64_t *slot;
	uint64_t mask;
};

static inline uint64_t mix64(uint64_t z)
{
	z = (z ^ (z >> 33)) * 0xff51afd7ed558ccdULL;
	z = (z ^ (z >> 33)) * 0xc4ceb9fe1a85ec53ULL;
	return z ^ (z >> 33);
}

/* Insert a pair; 1 if it was new, 0 if already there. */
static inline int pairset_add(struct pairset *s, uint64_t key)
{
	uint64_t i = mix64(key) & s->mask;

	while (s->slot[i]) {
		if (s->slot[i] == key)
			return 0;
		i = (i + 1) & s->mask;
	}
	s->slot[i] = key;
	return 1;
}

/* Tie classes: they decide how the second end is drawn, the weight and the year. */
enum tie_class { TIE_LOCAL, TIE_CITE, TIE_REGION, TIE_HUB, TIE_INTER, TIE_NATIONAL, TIE_UNIFORM };

/* Draw the second end for class k from actor u; returns the actor or u when impossible. */
static uint32_t draw_partner(struct rng *r, const struct net *g, uint32_t u, enum tie_class k)
{
	uint32_t c = g->cluster_of[u];
	uint32_t reg = g->cluster_region[c];

	switch (k) {
	case TIE_LOCAL:
		return g->cluster_start[c] + rng_below(r, g->cluster_size[c]);
	case TIE_CITE:
		return g->cluster_start[c];
	case TIE_REGION:
		return g->region_start[reg] + rng_below(r, g->region_size[reg]);
	case TIE_HUB:
		if (!g->region_hubs[reg])
			return u;
		return g->region_start[reg] + rng_below(r, g->region_hubs[reg]);
	case TIE_NATIONAL:
		return g->national >= 0 ? (uint32_t)g->national : u;
	case TIE_INTER:
	case TIE_UNIFORM:
	default:
		return rng_below(r, g->n_actors);
	}
}

/* Weights 1-5 and years 2019-2022 per class, as cumulative per-mille tables. */
static const unsigned weight_cdf[][5] = {
	[TIE_LOCAL]    = { 200, 500, 750, 900, 1000 },
	[TIE_CITE]     = { 100, 300, 600, 850, 1000 },
	[TIE_REGION]   = { 350, 700, 900, 970, 1000 },
	[TIE_HUB]      = {  50, 200, 500, 800, 1000 },
	[TIE_INTER]    = { 500, 850, 950, 990, 1000 },
	[TIE_NATIONAL] = {  50, 150, 400, 700, 1000 },
	[TIE_UNIFORM]  = { 400, 750, 900, 970, 1000 },
};
static const unsigned year_cdf[][4] = {
	[TIE_LOCAL]    = { 150, 450, 750, 1000 },
	[TIE_CITE]     = { 250, 550, 800, 1000 },
	[TIE_REGION]   = { 100, 400, 700, 1000 },
	[TIE_HUB]      = { 300, 700, 900, 1000 },
	[TIE_INTER]    = {  50, 450, 850, 1000 },
	[TIE_NATIONAL] = { 200, 700, 900, 1000 },
	[TIE_UNIFORM]  = { 150, 450, 750, 1000 },
};

static inline unsigned draw_cdf(struct rng *r, const unsigned *cdf, unsigned n)
{
	unsigned p = rng_permille(r), i;

	for (i = 0; i + 1 < n && p >= cdf[i]; i++)
		;
	return i;
}

/* Pick a tie class: mostly local, some regional, a few hub and interregional ties. */
static inline enum tie_class draw_class(struct rng *r, const struct net *g)
{
	unsigned p = rng_permille(r);

	if (p < g->th_local) return TIE_LOCAL;
	if (p < g->th_cite) return TIE_CITE;
	if (p < g->th_region) return TIE_REGION;
	if (p < g->th_hub) return TIE_HUB;
	if (p < g->th_inter) return TIE_INTER;
	return TIE_NATIONAL;
}

/* Key of an undirected pair, 0 for a self-loop (a real pair always has max > 0). */
static inline uint64_t pair_key(uint32_t u, uint32_t v)
{
	if (u == v)
		return 0;
	return u < v ? ((uint64_t)u << 32) | v : ((uint64_t)v << 32) | u;
}

/*
 * edges.csv: M distinct ties drawn by class.  Candidates come in batches so
 * that the memory of the pair set and of the actor table is fetched ahead
 * (random access dominates the run time); a candidate that is a self-loop or
 * a tie already drawn is dropped, so saturated neighbourhoods simply stop
 * growing.  When the structured draws mostly fail (a dense request), the
 * rest is drawn as uniform pairs, which always finish.
 */
static int write_edges(struct out *o, const struct net *g, uint64_t n_ties, uint64_t seed)
{
	struct rng r;
	struct pairset set;
	uint64_t slots = 16, done = 0;
	uint32_t cu[BATCH], cv[BATCH];
	unsigned char ck[BATCH];
	uint64_t keys[BATCH];
	int uniform = 0, poor_batches = 0;

	/* load factor at most 0.6 keeps probing short */
	while (slots * 6 < n_ties * 10)
		slots <<= 1;
	set.slot = calloc(slots, sizeof(uint64_t));
	if (!set.slot) {
		fprintf(stderr, PROG ": out of memory for %" PRIu64 " ties\n", n_ties);
		return -1;
	}
	set.mask = slots - 1;
	rng_seed(&r, seed, 2);
	out_str(o, "source,target,weight,year\n");
	while (done < n_ties) {
		int i, accepted = 0;

		for (i = 0; i < BATCH; i++) {
			ck[i] = (unsigned char)(uniform ? TIE_UNIFORM : draw_class(&r, g));
			cu[i] = rng_below(&r, g->n_actors);
			__builtin_prefetch(&g->cluster_of[cu[i]]);
		}
		for (i = 0; i < BATCH; i++) {
			cv[i] = draw_partner(&r, g, cu[i], (enum tie_class)ck[i]);
			keys[i] = pair_key(cu[i], cv[i]);
			__builtin_prefetch(&set.slot[mix64(keys[i]) & set.mask]);
		}
		for (i = 0; i < BATCH && done < n_ties; i++) {
			if (!keys[i] || !pairset_add(&set, keys[i]))
				continue;
			out_id(o, g, cu[i]);
			out_char(o, ',');
			out_id(o, g, cv[i]);
			out_char(o, ',');
			out_uint(o, 1 + draw_cdf(&r, weight_cdf[ck[i]], 5), 0);
			out_char(o, ',');
			out_uint(o, 2019 + draw_cdf(&r, year_cdf[ck[i]], 4), 0);
			out_char(o, '\n');
			accepted++;
			done++;
		}
		/* under 1 in 8 accepted for 64 batches in a row: the structure is full */
		poor_batches = accepted * 8 < BATCH ? poor_batches + 1 : 0;
		if (poor_batches >= 64)
			uniform = 1;
	}
	free(set.slot);
	return 0;
}

/* Write one tie line. */
static void out_tie(struct out *o, const struct net *g, uint32_t u, uint32_t v, unsigned w, unsigned year)
{
	out_id(o, g, u);
	out_char(o, ',');
	out_id(o, g, v);
	out_char(o, ',');
	out_uint(o, w, 0);
	out_char(o, ',');
	out_uint(o, year, 0);
	out_char(o, '\n');
}

/*
 * edges.csv with --growth: the first ties as write_edges() draws them but
 * dated 2019-2020, then the grown ties dated 2021-2022: triadic closure
 * (u, a partner w of u, a partner x of w in 2019-2020), same region, or
 * uniform.  A draw that is a self-loop or an existing tie is dropped;
 * after many failures in a row the rest is uniform.
 */
static int write_edges_growth(struct out *o, const struct net *g, uint64_t n_ties, uint64_t seed)
{
	uint64_t n_grow = n_ties * growth_pct / 100, n_base = n_ties - n_grow, done = 0, slots = 16;
	uint32_t *eu = malloc((n_base + 1) * sizeof(*eu)), *ev = malloc((n_base + 1) * sizeof(*ev));
	uint64_t *start = calloc((size_t)g->n_actors + 2, sizeof(*start));
	uint32_t *nbr = malloc((2 * n_base + 1) * sizeof(*nbr));
	uint64_t *fill = calloc((size_t)g->n_actors + 1, sizeof(*fill));
	struct pairset set = { 0 };
	struct rng r;
	unsigned fails = 0;
	int ret = -1;

	while (slots * 6 < n_ties * 10)
		slots <<= 1;
	set.slot = calloc(slots, sizeof(uint64_t));
	set.mask = slots - 1;
	if (!eu || !ev || !start || !nbr || !fill || !set.slot) {
		fprintf(stderr, PROG ": out of memory for %" PRIu64 " ties\n", n_ties);
		goto done;
	}
	rng_seed(&r, seed, 3);
	out_str(o, "source,target,weight,year\n");
	while (done < n_base) {
		enum tie_class k = fails > 4096 ? TIE_UNIFORM : draw_class(&r, g);
		uint32_t u = rng_below(&r, g->n_actors), v = draw_partner(&r, g, u, k);
		uint64_t key = pair_key(u, v);

		if (!key || !pairset_add(&set, key)) {
			fails++;
			continue;
		}
		fails = 0;
		eu[done] = u;
		ev[done] = v;
		out_tie(o, g, u, v, 1 + draw_cdf(&r, weight_cdf[k], 5), 2019 + rng_below(&r, 2));
		done++;
	}
	/* neighbours in 2019-2020, compressed rows */
	for (uint64_t e = 0; e < n_base; e++) {
		start[eu[e] + 1]++;
		start[ev[e] + 1]++;
	}
	for (uint32_t a = 0; a < g->n_actors; a++)
		start[a + 1] += start[a];
	for (uint64_t e = 0; e < n_base; e++) {
		nbr[start[eu[e]] + fill[eu[e]]++] = ev[e];
		nbr[start[ev[e]] + fill[ev[e]]++] = eu[e];
	}
	fails = 0;
	for (uint64_t added = 0; added < n_grow;) {
		unsigned p = rng_permille(&r);
		uint32_t u = rng_below(&r, g->n_actors), v = u;
		uint64_t key;

		if (fails > 4096 || p >= 900) {
			v = rng_below(&r, g->n_actors);
		} else if (p < 600) {
			uint64_t du = start[u + 1] - start[u], dw;
			uint32_t w;

			if (du == 0) {
				fails++;
				continue;
			}
			w = nbr[start[u] + rng_below(&r, (uint32_t)du)];
			dw = start[w + 1] - start[w];
			v = nbr[start[w] + rng_below(&r, (uint32_t)dw)];
		} else {
			uint32_t reg = g->cluster_region[g->cluster_of[u]];

			v = g->region_start[reg] + rng_below(&r, g->region_size[reg]);
		}
		key = pair_key(u, v);
		if (!key || !pairset_add(&set, key)) {
			fails++;
			continue;
		}
		fails = 0;
		out_tie(o, g, u, v, 1 + draw_cdf(&r, weight_cdf[TIE_LOCAL], 5), 2021 + rng_below(&r, 2));
		added++;
	}
	ret = 0;
done:
	free(eu);
	free(ev);
	free(start);
	free(nbr);
	free(fill);
	free(set.slot);
	return ret;
}

enum file_kind { FILE_NODES, FILE_EDGES };

/* Write DIR/name.tmp; 0 or -1 with a message.  *tmp_out gets the temporary path. */
static int write_file(const char *dir, const char *name, enum file_kind kind,
		      const struct net *g, uint64_t n_ties, uint64_t seed, char **tmp_out)
{
	struct out o = { 0 };
	size_t n = strlen(dir) + strlen(name) + 6;
	char *tmp = malloc(n);
	int ret = -1;

	*tmp_out = NULL;
	o.cap = (size_t)1 << 22;
	o.buf = malloc(o.cap);
	if (!tmp || !o.buf) {
		fprintf(stderr, PROG ": out of memory\n");
		free(tmp);
		goto done;
	}
	snprintf(tmp, n, "%s/%s.tmp", dir, name);
	*tmp_out = tmp;
	o.f = fopen(tmp, "wb");
	if (!o.f) {
		fprintf(stderr, PROG ": cannot write %s: %s\n", tmp, strerror(errno));
		goto done;
	}
	if (kind == FILE_NODES)
		write_nodes(&o, g, seed);
	else if ((growth_pct ? write_edges_growth(&o, g, n_ties, seed) : write_edges(&o, g, n_ties, seed)) < 0)
		goto done;
	out_flush(&o);
	if (o.failed || fflush(o.f) != 0) {
		fprintf(stderr, PROG ": cannot write %s: %s\n", tmp, strerror(errno));
		goto done;
	}
	ret = 0;
done:
	if (o.f && fclose(o.f) != 0 && ret == 0) {
		fprintf(stderr, PROG ": cannot write %s: %s\n", tmp, strerror(errno));
		ret = -1;
	}
	free(o.buf);
	return ret;
}

/* Rename DIR/name.tmp to DIR/name; 0 or -1 with a message. */
static int commit_file(const char *tmp)
{
	size_t n = strlen(tmp) - 4;
	char *final = malloc(n + 1);
	int ret = -1;

	if (!final) {
		fprintf(stderr, PROG ": out of memory\n");
		return -1;
	}
	memcpy(final, tmp, n);
	final[n] = '\0';
	if (rename(tmp, final) != 0)
		fprintf(stderr, PROG ": cannot rename %s: %s\n", tmp, strerror(errno));
	else
		ret = 0;
	free(final);
	return ret;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "actors", required_argument, NULL, 'a' },
		{ "ties", required_argument, NULL, 't' },
		{ "regions", required_argument, NULL, 'r' },
		{ "seed", required_argument, NULL, 's' },
		{ "out", required_argument, NULL, 'o' },
		{ "growth", required_argument, NULL, 'g' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	uint64_t actors = 0, ties = 0, regions = N_REGION_NAMES, seed = 1;
	int have_actors = 0, have_ties = 0, have_regions = 0, opt;
	const char *dir = ".";
	struct net g = { 0 };
	char *tmp_nodes = NULL, *tmp_edges = NULL;
	int status = 1;
	struct stat st;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'a':
			if (parse_count("--actors", optarg, 1, MAX_ACTORS, &actors) < 0)
				goto usage;
			have_actors = 1;
			break;
		case 't':
			if (parse_count("--ties", optarg, 0, MAX_TIES, &ties) < 0)
				goto usage;
			have_ties = 1;
			break;
		case 'r':
			if (parse_count("--regions", optarg, 1, MAX_ACTORS, &regions) < 0)
				goto usage;
			have_regions = 1;
			break;
		case 's':
			if (parse_count("--seed", optarg, 0, UINT64_MAX, &seed) < 0)
				goto usage;
			break;
		case 'g': {
			uint64_t pct;

			if (parse_count("--growth", optarg, 0, 90, &pct) < 0)
				goto usage;
			growth_pct = (unsigned)pct;
			break;
		}
		case 'o':
			if (!*optarg) {
				fprintf(stderr, PROG ": --out: empty folder name\n");
				goto usage;
			}
			dir = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		default:
			if (optopt)
				fprintf(stderr, PROG ": option '-%c' is unknown or lacks its value\n", optopt);
			else
				fprintf(stderr, PROG ": option '%s' is unknown or lacks its value\n",
					argv[optind - 1]);
			goto usage;
		}
	}
	if (optind < argc) {
		fprintf(stderr, PROG ": unexpected argument '%s'\n", argv[optind]);
		goto usage;
	}
	if (!have_actors || !have_ties) {
		fprintf(stderr, PROG ": %s is required\n", have_actors ? "--ties" : "--actors");
		goto usage;
	}
	if (!have_regions && regions > actors)
		regions = actors;
	if (regions > actors) {
		fprintf(stderr, PROG ": --regions: %" PRIu64 " regions for %" PRIu64
			" actors; give at most one region per actor\n", regions, actors);
		goto usage;
	}
	if (ties > actors * (actors - 1) / 2) {
		fprintf(stderr, PROG ": --ties: %" PRIu64 " distinct ties cannot exist among %"
			PRIu64 " actors (at most %" PRIu64 ")\n", ties, actors, actors * (actors - 1) / 2);
		goto usage;
	}

	if (stat(dir, &st) != 0) {
		if (mkdir(dir, 0777) != 0) {
			fprintf(stderr, PROG ": cannot create %s: %s\n", dir, strerror(errno));
			return 1;
		}
	} else if (!S_ISDIR(st.st_mode)) {
		fprintf(stderr, PROG ": %s is not a folder\n", dir);
		return 1;
	}

	g.n_actors = (uint32_t)actors;
	g.n_regions = (uint32_t)regions;
	plan_structure(&g, ties);
	if (build_layout(&g) < 0) {
		fprintf(stderr, PROG ": out of memory for %" PRIu64 " actors\n", actors);
		goto done;
	}
	if (write_file(dir, "nodes.csv", FILE_NODES, &g, 0, seed, &tmp_nodes) < 0)
		goto done;
	if (write_file(dir, "edges.csv", FILE_EDGES, &g, ties, seed, &tmp_edges) < 0)
		goto done;
	if (commit_file(tmp_nodes) < 0)
		goto done;
	free(tmp_nodes);
	tmp_nodes = NULL;
	if (commit_file(tmp_edges) < 0)
		goto done;
	status = 0;
done:
	if (tmp_nodes) {
		unlink(tmp_nodes);
		free(tmp_nodes);
	}
	if (tmp_edges) {
		if (status != 0)
			unlink(tmp_edges);
		free(tmp_edges);
	}
	free_layout(&g);
	return status;
usage:
	fputs("usage: " PROG " --actors N --ties M [--regions R] [--seed S] [--growth P] [--out DIR]\n"
	      "(" PROG " --help explains the options)\n", stderr);
	return 2;
}
