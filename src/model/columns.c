/*
 * Column and attribute names as people write them: French and English
 * synonyms of each column with a meaning, names compared without case or
 * accents, and the closest name of a list for "did you mean" suggestions.
 * The synonyms are documented in docs/input.md.
 */
#include <stdlib.h>
#include <string.h>

#include "coopmap/common.h"
#include "coopmap/network.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "model/columns.h"
#include "model/raw.h"
#include "base/i18n.h"

/* Names, meanings (translated by cm_role_meaning), tables and attributes of the roles. */
static const struct {
	const char *name, *meaning, *attr;
	int tables;
} roles[CM_ROLE_COUNT] = {
	[CM_ROLE_SOURCE] = { "source", N_("the source"), NULL, CM_TABLE_EDGES },
	[CM_ROLE_TARGET] = { "target", N_("the target"), NULL, CM_TABLE_EDGES },
	[CM_ROLE_WEIGHT] = { "weight", N_("the tie weight"), NULL, CM_TABLE_EDGES | CM_TABLE_PARTICIPATIONS },
	[CM_ROLE_YEAR] = { "year", N_("the year"), CM_ATTR_YEAR,
	                   CM_TABLE_EDGES | CM_TABLE_NODES | CM_TABLE_PARTICIPATIONS | CM_TABLE_EVENTS },
	[CM_ROLE_KIND] = { "kind", N_("the kind of tie"), NULL, CM_TABLE_EDGES },
	[CM_ROLE_ID] = { "id", N_("the actor id"), CM_ATTR_ID, CM_TABLE_NODES },
	[CM_ROLE_LABEL] = { "label", N_("the label"), CM_ATTR_LABEL, CM_TABLE_NODES },
	[CM_ROLE_TYPE] = { "type", N_("the actor type"), CM_ATTR_TYPE, CM_TABLE_NODES },
	[CM_ROLE_REGION] = { "region", N_("the region"), CM_ATTR_REGION, CM_TABLE_NODES },
	[CM_ROLE_DEPARTMENT] = { "department", N_("the department"), "department", CM_TABLE_NODES },
	[CM_ROLE_LAT] = { "lat", N_("the latitude"), "lat", CM_TABLE_NODES },
	[CM_ROLE_LON] = { "lon", N_("the longitude"), "lon", CM_TABLE_NODES },
	[CM_ROLE_END] = { "end", N_("the end year"), CM_ATTR_END, CM_TABLE_EDGES | CM_TABLE_NODES },
	[CM_ROLE_ACTOR] = { "actor", N_("the actor"), NULL, CM_TABLE_PARTICIPATIONS },
	[CM_ROLE_EVENT] = { "event", N_("the event"), NULL, CM_TABLE_PARTICIPATIONS | CM_TABLE_EVENTS },
	[CM_ROLE_PART_ROLE] = { "role", N_("the actor's role at the event"), "role", CM_TABLE_PARTICIPATIONS },
};

/* Accepted names, folded (cm_name_fold); docs/input.md lists them. */
static const struct {
	const char *name;
	cm_role role;
	int tables; /* where this name has the role */
	int how;    /* CM_COLUMN_* */
} synonyms[] = {
	{ "source", CM_ROLE_SOURCE, CM_TABLE_EDGES, 0 },
	{ "origine", CM_ROLE_SOURCE, CM_TABLE_EDGES, 0 },
	{ "de", CM_ROLE_SOURCE, CM_TABLE_EDGES, 0 },
	{ "from", CM_ROLE_SOURCE, CM_TABLE_EDGES, 0 },
	{ "src", CM_ROLE_SOURCE, CM_TABLE_EDGES, 0 },
	{ "target", CM_ROLE_TARGET, CM_TABLE_EDGES, 0 },
	{ "cible", CM_ROLE_TARGET, CM_TABLE_EDGES, 0 },
	{ "destination", CM_ROLE_TARGET, CM_TABLE_EDGES, 0 },
	{ "vers", CM_ROLE_TARGET, CM_TABLE_EDGES, 0 },
	{ "to", CM_ROLE_TARGET, CM_TABLE_EDGES, 0 },
	{ "dst", CM_ROLE_TARGET, CM_TABLE_EDGES, 0 },
	{ "weight", CM_ROLE_WEIGHT, CM_TABLE_EDGES, 0 },
	{ "poids", CM_ROLE_WEIGHT, CM_TABLE_EDGES, 0 },
	{ "intensite", CM_ROLE_WEIGHT, CM_TABLE_EDGES, 0 },
	{ "value", CM_ROLE_WEIGHT, CM_TABLE_EDGES, 0 },
	{ "year", CM_ROLE_YEAR, CM_TABLE_EDGES | CM_TABLE_NODES, 0 },
	{ "annee", CM_ROLE_YEAR, CM_TABLE_EDGES | CM_TABLE_NODES, 0 },
	{ "date", CM_ROLE_YEAR, CM_TABLE_EDGES | CM_TABLE_NODES, CM_COLUMN_DATE },
	{ "kind", CM_ROLE_KIND, CM_TABLE_EDGES, 0 },
	{ "nature", CM_ROLE_KIND, CM_TABLE_EDGES, 0 },
	{ "type de lien", CM_ROLE_KIND, CM_TABLE_EDGES, 0 },
	/* in order of precedence: with two of them, the first is the id, the next the label */
	{ "id", CM_ROLE_ID, CM_TABLE_NODES, 0 },
	{ "identifiant", CM_ROLE_ID, CM_TABLE_NODES, 0 },
	{ "acteur", CM_ROLE_ID, CM_TABLE_NODES, 0 },
	{ "node", CM_ROLE_ID, CM_TABLE_NODES, 0 },
	{ "name", CM_ROLE_ID, CM_TABLE_NODES, 0 },
	{ "nom", CM_ROLE_ID, CM_TABLE_NODES, 0 },
	{ "label", CM_ROLE_LABEL, CM_TABLE_NODES, 0 },
	{ "libelle", CM_ROLE_LABEL, CM_TABLE_NODES, 0 },
	{ "nom complet", CM_ROLE_LABEL, CM_TABLE_NODES, 0 },
	{ "type", CM_ROLE_TYPE, CM_TABLE_NODES, 0 },
	{ "categorie", CM_ROLE_TYPE, CM_TABLE_NODES, 0 },
	{ "region", CM_ROLE_REGION, CM_TABLE_NODES, 0 },
	{ "department", CM_ROLE_DEPARTMENT, CM_TABLE_NODES, 0 },
	{ "departement", CM_ROLE_DEPARTMENT, CM_TABLE_NODES, 0 },
	{ "lat", CM_ROLE_LAT, CM_TABLE_NODES, 0 },
	{ "latitude", CM_ROLE_LAT, CM_TABLE_NODES, 0 },
	{ "lon", CM_ROLE_LON, CM_TABLE_NODES, 0 },
	{ "lng", CM_ROLE_LON, CM_TABLE_NODES, 0 },
	{ "longitude", CM_ROLE_LON, CM_TABLE_NODES, 0 },
	{ "end", CM_ROLE_END, CM_TABLE_EDGES | CM_TABLE_NODES, 0 },
	{ "until", CM_ROLE_END, CM_TABLE_EDGES | CM_TABLE_NODES, 0 },
	{ "end year", CM_ROLE_END, CM_TABLE_EDGES | CM_TABLE_NODES, 0 },
	{ "fin", CM_ROLE_END, CM_TABLE_EDGES | CM_TABLE_NODES, 0 },
	{ "annee fin", CM_ROLE_END, CM_TABLE_EDGES | CM_TABLE_NODES, 0 },
	{ "annee de fin", CM_ROLE_END, CM_TABLE_EDGES | CM_TABLE_NODES, 0 },
	/* two-mode tables: participations (actor, event) and events */
	{ "actor", CM_ROLE_ACTOR, CM_TABLE_PARTICIPATIONS, 0 },
	{ "acteur", CM_ROLE_ACTOR, CM_TABLE_PARTICIPATIONS, 0 },
	{ "participant", CM_ROLE_ACTOR, CM_TABLE_PARTICIPATIONS, 0 },
	{ "event", CM_ROLE_EVENT, CM_TABLE_PARTICIPATIONS | CM_TABLE_EVENTS, 0 },
	{ "evenement", CM_ROLE_EVENT, CM_TABLE_PARTICIPATIONS | CM_TABLE_EVENTS, 0 },
	{ "reunion", CM_ROLE_EVENT, CM_TABLE_PARTICIPATIONS | CM_TABLE_EVENTS, 0 },
	{ "meeting", CM_ROLE_EVENT, CM_TABLE_PARTICIPATIONS | CM_TABLE_EVENTS, 0 },
	{ "role", CM_ROLE_PART_ROLE, CM_TABLE_PARTICIPATIONS, 0 },
	{ "fonction", CM_ROLE_PART_ROLE, CM_TABLE_PARTICIPATIONS, 0 },
	{ "weight", CM_ROLE_WEIGHT, CM_TABLE_PARTICIPATIONS, 0 },
	{ "poids", CM_ROLE_WEIGHT, CM_TABLE_PARTICIPATIONS, 0 },
	{ "year", CM_ROLE_YEAR, CM_TABLE_PARTICIPATIONS | CM_TABLE_EVENTS, 0 },
	{ "annee", CM_ROLE_YEAR, CM_TABLE_PARTICIPATIONS | CM_TABLE_EVENTS, 0 },
	{ "date", CM_ROLE_YEAR, CM_TABLE_PARTICIPATIONS | CM_TABLE_EVENTS, CM_COLUMN_DATE },
	{ "id", CM_ROLE_EVENT, CM_TABLE_EVENTS, 0 },
	{ "identifiant", CM_ROLE_EVENT, CM_TABLE_EVENTS, 0 },
	{ "label", CM_ROLE_LABEL, CM_TABLE_EVENTS, 0 },
	{ "libelle", CM_ROLE_LABEL, CM_TABLE_EVENTS, 0 },
	{ "kind", CM_ROLE_KIND, CM_TABLE_EVENTS, 0 },
	{ "nature", CM_ROLE_KIND, CM_TABLE_EVENTS, 0 },
	{ "type", CM_ROLE_KIND, CM_TABLE_EVENTS, 0 },
	{ "region", CM_ROLE_REGION, CM_TABLE_EVENTS, 0 },
};
#define NSYN (sizeof(synonyms) / sizeof(synonyms[0]))

/* Base letters of U+00C0..U+00FF ('*' for the two signs, which are kept). */
static const char latin1_base[64] =
	"aaaaaaaceeeeiiiidnooooo*ouuuuyts"
	"aaaaaaaceeeeiiiidnooooo*ouuuuyty";

/* Fold a name: lowercase, no Latin accents, separators made one space, trimmed. */
char *cm_name_fold(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out = malloc(2 * strlen(s) + 1), *o = out;
	int space = 0;

	if (!out) {
		cm_error_set(CM_ENOMEM, _("out of memory"));
		return NULL;
	}
	while (*p) {
		const char *add = NULL;
		char one[2] = { 0, 0 };

		if (*p == ' ' || *p == '_' || *p == '-' || *p == '.' || *p == '\t') {
			space = o > out;
			p++;
			continue;
		}
		if (p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF && latin1_base[p[1] - 0x80] != '*') {
			one[0] = latin1_base[p[1] - 0x80];
			add = (p[1] & 0x1F) == 0x06 ? "ae" : one; /* Æ æ */
			p += 2;
		} else if (p[0] == 0xC5 && (p[1] == 0x92 || p[1] == 0x93)) {
			add = "oe";
			p += 2;
		} else {
			one[0] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
			add = one;
			p++;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		while (*add)
			*o++ = *add++;
	}
	*o = '\0';
	return out;
}

/* Equal once folded. */
int cm_name_fold_eq(const char *a, const char *b)
{
	char *x = cm_name_fold(a), *y = cm_name_fold(b);
	int eq = x && y && !strcmp(x, y);

	free(x);
	free(y);
	return eq;
}

/* The role a header names in a table. */
cm_role cm_role_of_header(const char *header, int table, int *how)
{
	char *f = cm_name_fold(header);
	cm_role role = CM_ROLE_NONE;

	if (how)
		*how = 0;
	for (size_t s = 0; f && s < NSYN && !role; s++) {
		if ((synonyms[s].tables & table) && !strcmp(f, synonyms[s].name)) {
			role = synonyms[s].role;
			if (how)
				*how = synonyms[s].how;
		}
	}
	free(f);
	return role;
}

/* Precedence of an id synonym (lower first), for tables with several. */
int cm_role_id_rank(const char *header)
{
	char *f = cm_name_fold(header);
	int rank = -1, k = 0;

	for (size_t s = 0; f && s < NSYN && rank < 0; s++)
		if (synonyms[s].role == CM_ROLE_ID && !strcmp(f, synonyms[s].name))
			rank = k;
		else if (synonyms[s].role == CM_ROLE_ID)
			k++;
	free(f);
	return rank;
}

/* The role called name (any synonym, any table). */
cm_role cm_role_parse(const char *name)
{
	cm_role r = cm_role_of_header(name, CM_TABLE_EDGES | CM_TABLE_NODES | CM_TABLE_PARTICIPATIONS, NULL);

	return r;
}

const char *cm_role_name(cm_role role)
{
	return role > 0 && role < CM_ROLE_COUNT ? roles[role].name : "";
}

const char *cm_role_meaning(cm_role role)
{
	return role > 0 && role < CM_ROLE_COUNT ? _(roles[role].meaning) : _("a plain attribute");
}

int cm_role_tables(cm_role role)
{
	return role > 0 && role < CM_ROLE_COUNT ? roles[role].tables : 0;
}

/* Edit distance with swaps (optimal string alignment) of two byte strings, capped. */
static int distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	int d[3][65], *pp = d[0], *prev = d[1], *cur = d[2];

	if (n > 64 || m > 64)
		return strcmp(a, b) ? 100 : 0;
	for (size_t j = 0; j <= m; j++)
		prev[j] = (int)j;
	for (size_t i = 1; i <= n; i++) {
		int *t;

		cur[0] = (int)i;
		for (size_t j = 1; j <= m; j++) {
			int cost = a[i - 1] != b[j - 1], v = prev[j - 1] + cost;

			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			cur[j] = v;
		}
		t = pp;
		pp = prev;
		prev = cur;
		cur = t;
	}
	return prev[m] > 100 ? 100 : prev[m];
}

int cm_name_distance(const char *a, const char *b)
{
	char *x = cm_name_fold(a), *y = cm_name_fold(b);
	int d = x && y ? distance(x, y) : 100;

	free(x);
	free(y);
	return d;
}

/* The largest distance still "close" for a word of len characters. */
static int close_enough(size_t len)
{
	return len <= 4 ? 1 : len <= 8 ? 2 : 3;
}

long cm_name_closest(const char *word, const char *const *candidates, size_t n)
{
	char *w = cm_name_fold(word);
	long best = -1;
	int best_d = 101;

	if (!w)
		return -1;
	for (size_t i = 0; i < n; i++) {
		char *c;
		int d;

		if (!candidates[i] || !(c = cm_name_fold(candidates[i])))
			continue;
		d = distance(w, c);
		free(c);
		if (d < best_d) {
			best_d = d;
			best = (long)i;
		}
	}
	if (best >= 0 && best_d > 0 && best_d > close_enough(strlen(w)))
		best = -1;
	free(w);
	return best;
}

/* 1 when word appears in the folded name f as a whole word. */
static int has_word(const char *f, const char *word)
{
	size_t len = strlen(word);

	for (const char *p = f; (p = strstr(p, word)); p++)
		if ((p == f || p[-1] == ' ') && (p[len] == '\0' || p[len] == ' '))
			return 1;
	return 0;
}

cm_role cm_role_lookalike(const char *header, int table)
{
	char *f = cm_name_fold(header);
	cm_role role = CM_ROLE_NONE;
	int best = 101;

	if (!f)
		return CM_ROLE_NONE;
	for (size_t s = 0; s < NSYN; s++) {
		size_t len = strlen(synonyms[s].name);
		int d;

		if (!(synonyms[s].tables & table) || len < 4)
			continue;
		d = distance(f, synonyms[s].name);
		if (d <= (len <= 5 ? 1 : 2) && d < best) {
			best = d;
			role = synonyms[s].role;
		}
		if (role == CM_ROLE_NONE && strchr(f, ' ') && has_word(f, synonyms[s].name))
			role = synonyms[s].role;
	}
	free(f);
	return role;
}

/* The role that a folded attribute name stands for, as an attribute name, or NULL. */
static const char *role_attr(const char *name)
{
	cm_role r = cm_role_parse(name);

	return r ? roles[r].attr : NULL;
}

int cm_attr_resolve(char **out, const igraph_t *g, const char *name)
{
	igraph_strvector_t names;
	const char *found = NULL, *attr;
	int rc;

	*out = NULL;
	if (igraph_strvector_init(&names, 0))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	if ((rc = cm_attr_names(g, 0, &names)) < 0)
		goto done;
	/* the attribute itself, then one equal once folded, then the role's */
	for (igraph_integer_t a = 0; a < igraph_strvector_size(&names) && !found; a++)
		if (!strcmp(igraph_strvector_get(&names, a), name))
			found = name;
	for (igraph_integer_t a = 0; a < igraph_strvector_size(&names) && !found; a++)
		if (strcmp(igraph_strvector_get(&names, a), CM_ATTR_LISTED) &&
		    cm_name_fold_eq(igraph_strvector_get(&names, a), name))
			found = igraph_strvector_get(&names, a);
	if (!found && (attr = role_attr(name)) && igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, attr))
		found = attr;
	if (found && !(*out = cm_strdup(found)))
		rc = CM_ENOMEM;
done:
	igraph_strvector_destroy(&names);
	return rc;
}

int cm_attr_suggest(char **list, char **closest, const igraph_t *g, const char *name)
{
	igraph_strvector_t names;
	cm_strbuf b = { 0 };
	const char **v = NULL;
	igraph_integer_t n = 0;
	long k;
	int rc = 0;

	*list = *closest = NULL;
	if (igraph_strvector_init(&names, 0))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	if ((rc = cm_attr_names(g, 0, &names)) < 0)
		goto done;
	if (!(v = calloc((size_t)igraph_strvector_size(&names) + 1, sizeof(*v)))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t a = 0; a < igraph_strvector_size(&names); a++) {
		const char *s = igraph_strvector_get(&names, a);

		if (!strcmp(s, CM_ATTR_LISTED))
			continue;
		v[n++] = s;
		if ((rc = cm_strbuf_printf(&b, "%s%s", b.len ? ", " : "", s)) < 0)
			goto done;
	}
	k = cm_name_closest(name, v, (size_t)n);
	if (k >= 0 && !(*closest = cm_strdup(v[k]))) {
		rc = CM_ENOMEM;
		goto done;
	}
	*list = b.s ? b.s : cm_strdup("none");
	b.s = NULL;
	if (!*list)
		rc = CM_ENOMEM;
done:
	if (rc < 0) {
		free(*closest);
		*closest = NULL;
	}
	cm_strbuf_free(&b);
	free(v);
	igraph_strvector_destroy(&names);
	return rc;
}
