/*
 * coopmap clubs: gather the sparse regions (too few cités for exchanges to
 * live) into interregional clubs of neighbouring regions, the way the
 * resource centres formed the Club de l'Ouest.  The algorithm is described
 * in docs/analysis.md; the adjacency file is read by src/load/regions.c and
 * the clubs are written by src/present/results/clubs.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "coopmap/clubs.h"
#include "coopmap/common.h"
#include "coopmap/isolated.h"
#include "coopmap/network.h"
#include "coopmap/regions.h"
#include "coopmap/table.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "load/regions.h"
#include "measure/focus.h"
#include "model/raw.h"
#include "base/i18n.h"

/* One focus actor and its region, for grouping by region. */
struct focus {
	const char *region, *id;
};

/* Alphabetical by region, then by id. */
static int focus_cmp(const void *pa, const void *pb)
{
	const struct focus *a = pa, *b = pb;
	int c = cm_name_cmp(a->region, b->region);

	return c ? c : strcmp(a->id, b->id);
}

/* A region of the network (one with focus actors). */
struct nreg {
	const char *name;
	size_t first, count; /* its actors in the sorted focus array */
	int sparse;
};

/* A club under construction: indices into the network regions. */
struct proto {
	size_t *reg;
	size_t n;
	igraph_integer_t cites;
};

/* Lexicographic order of two sets of bit indices (a proper prefix first). */
static int setlex_less(uint32_t a, uint32_t b)
{
	uint32_t d = a ^ b, low;

	if (!d)
		return 0;
	low = d & -d;
	if (a & low) /* a lists `low` where b lists something later, or ends */
		return (b & ~(low | (low - 1))) != 0;
	return (a & ~(low | (low - 1))) == 0;
}

/* Is the set s connected in the adjacency adj (bitmasks)? */
static int mask_connected(uint32_t s, const uint32_t *adj)
{
	uint32_t reach = s & -s, prev = 0;

	while (reach != prev) {
		uint32_t grow = reach;

		prev = reach;
		for (uint32_t m = reach; m; m &= m - 1)
			grow |= adj[__builtin_ctz(m)];
		reach = grow & s;
	}
	return reach == s;
}

/*
 * Exact partition of one connected component of k <= CM_CLUBS_EXACT_LIMIT
 * sparse regions into connected clubs each reaching min_size: most clubs,
 * then the smallest largest club, then the lexicographically first list of
 * clubs (regions alphabetical).  parts receives the club masks.
 */
static int exact_partition(uint32_t *parts, size_t *n_parts, int k, const uint32_t *adj,
                           const igraph_integer_t *cites, int min_size)
{
	size_t n = (size_t)1 << k;
	uint32_t full = (uint32_t)(n - 1);
	igraph_integer_t *sum = NULL, *mx = NULL, best_max;
	signed char *cnt = NULL;
	char *valid = NULL;
	uint32_t *choice = NULL;
	int rc = 0;

	sum = calloc(n, sizeof(*sum));
	mx = calloc(n, sizeof(*mx));
	cnt = calloc(n, sizeof(*cnt));
	valid = calloc(n, 1);
	choice = calloc(n, sizeof(*choice));
	if (!sum || !mx || !cnt || !valid || !choice) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory partitioning regions"));
		goto done;
	}
	for (uint32_t s = 1; s <= full; s++) {
		uint32_t low = s & -s;

		sum[s] = sum[s ^ low] + cites[__builtin_ctz(low)];
		valid[s] = sum[s] >= min_size && mask_connected(s, adj);
	}
	/* pass 1: the most clubs, then the smallest largest club */
	for (uint32_t m = 1; m <= full; m++) {
		uint32_t low = m & -m, rest = m ^ low, sub = rest;

		cnt[m] = -1;
		if ((m & 0xFFF) == 0 && cm_interrupted()) {
			rc = cm_error_set(CM_EINTERRUPTED, _("interrupted"));
			goto done;
		}
		for (;;) {
			uint32_t s = sub | low, r = m ^ s;

			if (valid[s] && cnt[r] >= 0) {
				int c = cnt[r] + 1;
				igraph_integer_t x = sum[s] > mx[r] ? sum[s] : mx[r];

				if (c > cnt[m] || (c == cnt[m] && x < mx[m])) {
					cnt[m] = (signed char)c;
					mx[m] = x;
				}
			}
			if (sub == 0)
				break;
			sub = (sub - 1) & rest;
		}
	}
	best_max = mx[full];
	/* pass 2: among clubs no larger than best_max, the most clubs, lexicographically first */
	for (uint32_t m = 1; m <= full; m++) {
		uint32_t low = m & -m, rest = m ^ low, sub = rest;

		cnt[m] = -1;
		if ((m & 0xFFF) == 0 && cm_interrupted()) {
			rc = cm_error_set(CM_EINTERRUPTED, _("interrupted"));
			goto done;
		}
		for (;;) {
			uint32_t s = sub | low, r = m ^ s;

			if (valid[s] && sum[s] <= best_max && cnt[r] >= 0) {
				int c = cnt[r] + 1;

				if (c > cnt[m] || (c == cnt[m] && setlex_less(s, choice[m]))) {
					cnt[m] = (signed char)c;
					choice[m] = s;
				}
			}
			if (sub == 0)
				break;
			sub = (sub - 1) & rest;
		}
	}
	*n_parts = 0;
	for (uint32_t m = full; m; m ^= choice[m])
		parts[(*n_parts)++] = choice[m];
done:
	free(sum);
	free(mx);
	free(cnt);
	free(valid);
	free(choice);
	return rc;
}

/*
 * Greedy partition for components too large for the exact search: from the
 * alphabetically first unassigned region, grow a club by its unassigned
 * neighbour with the most actors (ties: alphabetical) until it reaches
 * min_size; a piece that cannot reach it joins the smallest bordering club.
 * club_of receives each local region's club number and n_clubs their count.
 */
static int greedy_partition(int *club_of, size_t *n_clubs, size_t k, const igraph_adjlist_t *adj,
                            const igraph_integer_t *cites, int min_size)
{
	igraph_integer_t *club_sum = NULL;
	char *complete = NULL;
	size_t n = 0;
	int rc = 0;

	club_sum = calloc(k + 1, sizeof(*club_sum));
	complete = calloc(k + 1, 1);
	if (!club_sum || !complete) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory partitioning regions"));
		goto done;
	}
	for (size_t i = 0; i < k; i++)
		club_of[i] = -1;
	for (size_t start = 0; start < k; start++) {
		if (club_of[start] >= 0)
			continue;
		club_of[start] = (int)n;
		club_sum[n] = cites[start];
		while (club_sum[n] < min_size) {
			long best = -1;

			for (size_t i = 0; i < k; i++) {
				igraph_vector_int_t *nb;

				if (club_of[i] != (int)n)
					continue;
				nb = igraph_adjlist_get(adj, i);
				for (igraph_integer_t j = 0; j < igraph_vector_int_size(nb); j++) {
					long u = (long)VECTOR(*nb)[j];

					if (club_of[u] < 0 && (best < 0 || cites[u] > cites[best] ||
					                       (cites[u] == cites[best] && u < best)))
						best = u;
				}
			}
			if (best < 0)
				break;
			club_of[best] = (int)n;
			club_sum[n] += cites[best];
		}
		complete[n] = club_sum[n] >= min_size;
		n++;
	}
	/* leftover pieces join the smallest bordering complete club */
	for (size_t c = 0; c < n; c++) {
		long target = -1;

		if (complete[c])
			continue;
		for (size_t i = 0; i < k; i++) {
			igraph_vector_int_t *nb;

			if (club_of[i] != (int)c)
				continue;
			nb = igraph_adjlist_get(adj, i);
			for (igraph_integer_t j = 0; j < igraph_vector_int_size(nb); j++) {
				int d = club_of[VECTOR(*nb)[j]];

				if (d != (int)c && complete[d] &&
				    (target < 0 || club_sum[d] < club_sum[target] ||
				     (club_sum[d] == club_sum[target] && d < target)))
					target = d;
			}
		}
		if (target < 0)
			continue; /* cannot happen in a connected component reaching min_size */
		for (size_t i = 0; i < k; i++)
			if (club_of[i] == (int)c)
				club_of[i] = (int)target;
		club_sum[target] += club_sum[c];
		club_sum[c] = 0;
	}
	/* renumber the clubs that still hold regions */
	{
		int *renum = malloc((n + 1) * sizeof(*renum));
		size_t m = 0;

		if (!renum) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			goto done;
		}
		for (size_t c = 0; c < n; c++)
			renum[c] = -1;
		for (size_t i = 0; i < k; i++) {
			if (renum[club_of[i]] < 0)
				renum[club_of[i]] = (int)m++;
			club_of[i] = renum[club_of[i]];
		}
		free(renum);
		*n_clubs = m;
	}
done:
	free(club_sum);
	free(complete);
	return rc;
}

/* Compare two clubs: reaching first, then their region lists alphabetically. */
static int club_cmp(const void *pa, const void *pb)
{
	const cm_club *a = pa, *b = pb;

	if (a->reaches_min_size != b->reaches_min_size)
		return a->reaches_min_size ? -1 : 1;
	for (size_t i = 0; i < a->n_regions && i < b->n_regions; i++) {
		int c = cm_name_cmp(a->regions[i], b->regions[i]);

		if (c)
			return c;
	}
	return a->n_regions < b->n_regions ? -1 : a->n_regions > b->n_regions;
}

/* Free the strings of one club. */
static void club_clear(cm_club *c)
{
	for (size_t i = 0; i < c->n_regions; i++)
		free(c->regions[i]);
	for (size_t i = 0; i < c->n_could_join; i++)
		free(c->could_join[i]);
	for (size_t i = 0; i < c->n_members; i++)
		free(c->members[i]);
	free(c->regions);
	free(c->could_join);
	free(c->members);
	free(c->name);
	memset(c, 0, sizeof(*c));
}

void cm_clubs_free(cm_clubs *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n_clubs; i++)
		club_clear(&c->clubs[i]);
	for (size_t i = 0; i < c->n_dense; i++)
		free(c->dense[i].region);
	free(c->clubs);
	free(c->dense);
	free(c->type);
	memset(c, 0, sizeof(*c));
}

/* Fill a club from the network regions it holds (reg sorted alphabetically). */
static int club_fill(cm_club *club, const size_t *reg, size_t n_reg, const struct nreg *nr,
                     size_t n_nr, const struct focus *focus, const igraph_t *rg,
                     int min_size)
{
	igraph_vector_int_t nb = { 0 };
	char *near = NULL;
	int rc = 0;
	size_t n_members = 0;

	club->regions = calloc(n_reg + 1, sizeof(char *));
	if (!club->regions) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (size_t i = 0; i < n_reg; i++) {
		if (!(club->regions[i] = cm_strdup(nr[reg[i]].name))) {
			rc = CM_ENOMEM;
			goto done;
		}
		club->n_regions++;
		club->cites += (igraph_integer_t)nr[reg[i]].count;
		n_members += nr[reg[i]].count;
	}
	club->reaches_min_size = club->cites >= min_size;
	club->shortfall = club->reaches_min_size ? 0 : min_size - club->cites;
	club->members = calloc(n_members + 1, sizeof(char *));
	if (!club->members) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (size_t i = 0; i < n_reg; i++)
		for (size_t j = 0; j < nr[reg[i]].count; j++) {
			if (!(club->members[club->n_members] = cm_strdup(focus[nr[reg[i]].first + j].id))) {
				rc = CM_ENOMEM;
				goto done;
			}
			club->n_members++;
		}
	if (club->n_members > 1)
		qsort(club->members, club->n_members, sizeof(char *), cm_name_qsort_cmp);
	if (club->reaches_min_size)
		goto done;
	/* the dense regions bordering the club, alphabetical like nr */
	near = calloc(n_nr + 1, 1);
	club->could_join = calloc(n_nr + 1, sizeof(char *));
	if (!near || !club->could_join) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	CM_IG(igraph_vector_int_init(&nb, 0), "listing neighbouring regions");
	for (size_t i = 0; i < n_reg; i++) {
		CM_IG(igraph_neighbors(rg, &nb, (igraph_integer_t)reg[i], IGRAPH_ALL),
		      "listing neighbouring regions");
		for (igraph_integer_t j = 0; j < igraph_vector_int_size(&nb); j++)
			if (!nr[VECTOR(nb)[j]].sparse)
				near[VECTOR(nb)[j]] = 1;
	}
	for (size_t j = 0; j < n_nr; j++)
		if (near[j]) {
			if (!(club->could_join[club->n_could_join] = cm_strdup(nr[j].name))) {
				rc = CM_ENOMEM;
				goto done;
			}
			club->n_could_join++;
		}
done:
	igraph_vector_int_destroy(&nb);
	free(near);
	return rc;
}

/* Append a club made of the given network regions. */
static int clubs_push(cm_clubs *out, size_t *cap, const size_t *reg, size_t n_reg,
                      const struct nreg *nr, size_t n_nr, const struct focus *focus,
                      const igraph_t *rg, int min_size)
{
	if (out->n_clubs == *cap) {
		size_t c = *cap ? 2 * *cap : 8;
		cm_club *p = realloc(out->clubs, c * sizeof(*p));

		if (!p)
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		out->clubs = p;
		*cap = c;
	}
	memset(&out->clubs[out->n_clubs], 0, sizeof(cm_club));
	out->n_clubs++;
	return club_fill(&out->clubs[out->n_clubs - 1], reg, n_reg, nr, n_nr, focus, rg, min_size);
}

/* Compare size_t values for qsort. */
static int size_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* Partition one component (local regions comp[0..k), alphabetical) into clubs. */
static int clubs_component(cm_clubs *out, size_t *cap, const size_t *comp, size_t k,
                           const igraph_t *sub, const igraph_vector_int_t *invmap,
                           const struct nreg *nr, size_t n_nr, const struct focus *focus,
                           const igraph_t *rg, int min_size)
{
	igraph_integer_t *cites = NULL, total = 0;
	long *local = NULL; /* network region -> local index, or -1 */
	size_t *reg = NULL;
	uint32_t *adj = NULL, *parts = NULL;
	int *club_of = NULL;
	igraph_adjlist_t al = { 0 };
	igraph_vector_int_t nb = { 0 };
	int rc = 0;
	size_t n_parts = 0;

	cites = calloc(k + 1, sizeof(*cites));
	local = malloc((n_nr + 1) * sizeof(*local));
	reg = calloc(k + 1, sizeof(*reg));
	if (!cites || !local || !reg) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (size_t j = 0; j < n_nr; j++)
		local[j] = -1;
	for (size_t i = 0; i < k; i++) {
		local[comp[i]] = (long)i;
		cites[i] = (igraph_integer_t)nr[comp[i]].count;
		total += cites[i];
	}
	if (total < min_size) {
		rc = clubs_push(out, cap, comp, k, nr, n_nr, focus, rg, min_size);
		goto done;
	}
	if (k <= CM_CLUBS_EXACT_LIMIT) {
		adj = calloc(k + 1, sizeof(*adj));
		parts = calloc(k + 1, sizeof(*parts));
		if (!adj || !parts) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			goto done;
		}
		CM_IG(igraph_vector_int_init(&nb, 0), "listing neighbouring regions");
		for (igraph_integer_t v = 0; v < igraph_vcount(sub); v++) {
			long a = local[VECTOR(*invmap)[v]];

			if (a < 0)
				continue;
			CM_IG(igraph_neighbors(sub, &nb, v, IGRAPH_ALL), "listing neighbouring regions");
			for (igraph_integer_t j = 0; j < igraph_vector_int_size(&nb); j++) {
				long b = local[VECTOR(*invmap)[VECTOR(nb)[j]]];

				if (b >= 0 && b != a)
					adj[a] |= (uint32_t)1 << b;
			}
		}
		if ((rc = exact_partition(parts, &n_parts, (int)k, adj, cites, min_size)) < 0)
			goto done;
		for (size_t p = 0; p < n_parts; p++) {
			size_t n_reg = 0;

			for (size_t i = 0; i < k; i++)
				if (parts[p] & ((uint32_t)1 << i))
					reg[n_reg++] = comp[i];
			if ((rc = clubs_push(out, cap, reg, n_reg, nr, n_nr, focus, rg, min_size)) < 0)
				goto done;
		}
		goto done;
	}
	/* greedy fallback on the component's own adjacency list */
	{
		club_of = calloc(k + 1, sizeof(*club_of));
		if (!club_of) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			goto done;
		}
		CM_IG(igraph_adjlist_init_empty(&al, (igraph_integer_t)k), "listing neighbouring regions");
		CM_IG(igraph_vector_int_init(&nb, 0), "listing neighbouring regions");
		for (igraph_integer_t v = 0; v < igraph_vcount(sub); v++) {
			long a = local[VECTOR(*invmap)[v]];

			if (a < 0)
				continue;
			CM_IG(igraph_neighbors(sub, &nb, v, IGRAPH_ALL), "listing neighbouring regions");
			for (igraph_integer_t j = 0; j < igraph_vector_int_size(&nb); j++) {
				long b = local[VECTOR(*invmap)[VECTOR(nb)[j]]];

				if (b >= 0 && b != a)
					CM_IG(igraph_vector_int_push_back(igraph_adjlist_get(&al, a), b),
					      "listing neighbouring regions");
			}
		}
		if ((rc = greedy_partition(club_of, &n_parts, k, &al, cites, min_size)) < 0)
			goto done;
		for (size_t p = 0; p < n_parts; p++) {
			size_t n_reg = 0;

			for (size_t i = 0; i < k; i++)
				if (club_of[i] == (int)p)
					reg[n_reg++] = comp[i];
			if ((rc = clubs_push(out, cap, reg, n_reg, nr, n_nr, focus, rg, min_size)) < 0)
				goto done;
		}
	}
done:
	cm_adjlist_free(&al);
	igraph_vector_int_destroy(&nb);
	free(cites);
	free(local);
	free(reg);
	free(adj);
	free(parts);
	free(club_of);
	return rc;
}

/* Binary search of a network region by name (nr is sorted by cm_name_cmp). */
static long nreg_find(const struct nreg *nr, size_t n, const char *name)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cm_name_cmp(nr[mid].name, name);

		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int cm_clubs_compute(cm_clubs *out, const cm_network *net, const cm_regions *regions,
                     const char *type, int min_size)
{
	igraph_integer_t n = cm_network_actors(net);
	struct focus *focus = NULL;
	struct nreg *nr = NULL;
	size_t n_focus = 0, n_nr = 0, n_sparse = 0, cap = 0;
	igraph_vector_int_t edges = { 0 }, sparse_ids = { 0 }, invmap = { 0 }, membership = { 0 };
	igraph_t rg, sub;
	int have_rg = 0, have_sub = 0, rc = 0; /* igraph_destroy needs a built graph */
	igraph_integer_t n_comp = 0;
	size_t *comp = NULL;
	char *done_comp = NULL;
	cm_strbuf left_out = { 0 };

	memset(out, 0, sizeof(*out));
	if (!type)
		type = CM_DEFAULT_FOCUS_TYPE;
	if (min_size < 0) {
		rc = cm_error_set(CM_EUSAGE, _("the critical mass must be positive, not %d"), min_size);
		goto done;
	}
	if (min_size == 0)
		min_size = CM_DEFAULT_MIN_SIZE;
	out->min_size = min_size;
	if (!(out->type = cm_strdup(type))) {
		rc = CM_ENOMEM;
		goto done;
	}
	if ((rc = cm_analysis_focus_type(net, type)) < 0)
		goto done;

	/* the focus actors, grouped by region */
	focus = calloc((size_t)n + 1, sizeof(*focus));
	nr = calloc((size_t)n + 1, sizeof(*nr));
	if (!focus || !nr) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++) {
		const char *region;

		if (strcmp(cm_network_vattr(net, CM_ATTR_TYPE, v), type))
			continue;
		region = cm_network_vattr(net, CM_ATTR_REGION, v);
		if (!region[0]) {
			if ((rc = cm_strbuf_name(&left_out, (size_t)out->no_region++,
			                         cm_network_vattr(net, CM_ATTR_ID, v))) < 0)
				goto done;
			continue;
		}
		focus[n_focus].region = region;
		focus[n_focus++].id = cm_network_vattr(net, CM_ATTR_ID, v);
	}
	/* no region at all: no club can be proposed, and an empty table would say nothing */
	if (out->no_region && n_focus == 0) {
		rc = cm_error_set(CM_EINPUT, _("no actor of type '%s' has a region (%ld without one): clubs "
		                  "group regions; give the actors a 'region' column (or 'région')"),
		                  type, (long)out->no_region);
		goto done;
	}
	if (out->no_region) {
		if ((rc = cm_strbuf_names_end(&left_out, (size_t)out->no_region)) < 0)
			goto done;
		cm_notice((size_t)out->no_region > n_focus
		          ? _("most actors of type '%s' without a region, left out of clubs: %ld (%s)")
		          : _("actors of type '%s' without a region, left out of clubs: %ld (%s)"),
		          type, (long)out->no_region, left_out.s);
	}
	qsort(focus, n_focus, sizeof(*focus), focus_cmp);
	for (size_t i = 0; i < n_focus; i++) {
		if (n_nr == 0 || strcmp(nr[n_nr - 1].name, focus[i].region)) {
			nr[n_nr].name = focus[i].region;
			nr[n_nr].first = i;
			n_nr++;
		}
		nr[n_nr - 1].count++;
	}
	for (size_t j = 0; j < n_nr; j++) {
		nr[j].sparse = nr[j].count < (size_t)min_size;
		n_sparse += (size_t)nr[j].sparse;
		if (cm_regions_find(regions, nr[j].name) < 0)
			cm_notice(_("region '%s' is not in %s: treated as having no neighbour"),
			          nr[j].name, cm_regions_source(regions));
	}

	/* the region graph: network regions joined as in the adjacency file */
	CM_IG(igraph_vector_int_init(&edges, 0), "building the region graph");
	for (size_t e = 0; e < cm_regions_pairs(regions); e++) {
		size_t ra, rb;
		long a, b;

		cm_regions_pair(&ra, &rb, regions, e);
		a = nreg_find(nr, n_nr, cm_regions_name(regions, ra));
		b = nreg_find(nr, n_nr, cm_regions_name(regions, rb));

		if (a < 0 || b < 0)
			continue;
		CM_IG(igraph_vector_int_push_back(&edges, a), "building the region graph");
		CM_IG(igraph_vector_int_push_back(&edges, b), "building the region graph");
	}
	CM_IG(igraph_create(&rg, &edges, (igraph_integer_t)n_nr, IGRAPH_UNDIRECTED),
	      "building the region graph");
	have_rg = 1;
	CM_IG(igraph_vector_int_init(&sparse_ids, 0), "selecting the sparse regions");
	for (size_t j = 0; j < n_nr; j++)
		if (nr[j].sparse)
			CM_IG(igraph_vector_int_push_back(&sparse_ids, (igraph_integer_t)j),
			      "selecting the sparse regions");
	CM_IG(igraph_vector_int_init(&invmap, 0), "selecting the sparse regions");
	CM_IG(igraph_induced_subgraph_map(&rg, &sub, igraph_vss_vector(&sparse_ids),
	                                  IGRAPH_SUBGRAPH_AUTO, NULL, &invmap),
	      "selecting the sparse regions");
	have_sub = 1;
	CM_IG(igraph_vector_int_init(&membership, 0), "finding groups of neighbouring sparse regions");
	CM_IG(igraph_connected_components(&sub, &membership, NULL, &n_comp, IGRAPH_WEAK),
	      "finding groups of neighbouring sparse regions");

	/* each component of sparse regions, in the order of its first region */
	comp = calloc(n_sparse + 1, sizeof(*comp));
	done_comp = calloc((size_t)n_comp + 1, 1);
	if (!comp || !done_comp) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (size_t j = 0; j < n_nr; j++) {
		igraph_integer_t c = -1;
		size_t k = 0;

		for (igraph_integer_t v = 0; v < igraph_vcount(&sub); v++)
			if ((size_t)VECTOR(invmap)[v] == j)
				c = VECTOR(membership)[v];
		if (c < 0 || done_comp[c])
			continue;
		done_comp[c] = 1;
		for (igraph_integer_t v = 0; v < igraph_vcount(&sub); v++)
			if (VECTOR(membership)[v] == c)
				comp[k++] = (size_t)VECTOR(invmap)[v];
		qsort(comp, k, sizeof(*comp), size_cmp);
		if ((rc = clubs_component(out, &cap, comp, k, &sub, &invmap, nr, n_nr, focus, &rg,
		                          min_size)) < 0)
			goto done;
	}
	if (out->n_clubs > 1) /* qsort takes no NULL array, even empty */
		qsort(out->clubs, out->n_clubs, sizeof(*out->clubs), club_cmp);
	for (size_t i = 0; i < out->n_clubs; i++) {
		cm_club *c = &out->clubs[i];
		cm_strbuf name = { 0 };

		rc = cm_strbuf_printf(&name, "Club %zu:", i + 1);
		for (size_t r = 0; rc == 0 && r < c->n_regions; r++)
			rc = cm_strbuf_printf(&name, "%s %s", r ? "," : "", c->regions[r]);
		if (rc < 0) {
			cm_strbuf_free(&name);
			goto done;
		}
		c->name = name.s;
	}
	out->dense = calloc(n_nr - n_sparse + 1, sizeof(*out->dense));
	if (!out->dense) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (size_t j = 0; j < n_nr; j++)
		if (!nr[j].sparse) {
			if (!(out->dense[out->n_dense].region = cm_strdup(nr[j].name))) {
				rc = CM_ENOMEM;
				goto done;
			}
			out->dense[out->n_dense++].cites = (igraph_integer_t)nr[j].count;
		}
done:
	igraph_vector_int_destroy(&edges);
	igraph_vector_int_destroy(&sparse_ids);
	igraph_vector_int_destroy(&invmap);
	igraph_vector_int_destroy(&membership);
	if (have_rg)
		igraph_destroy(&rg);
	if (have_sub)
		igraph_destroy(&sub);
	free(focus);
	free(nr);
	free(comp);
	free(done_comp);
	cm_strbuf_free(&left_out);
	if (rc < 0)
		cm_clubs_free(out);
	return rc;
}
