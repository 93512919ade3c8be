/*
 * The columns of a CSV table: each column's role from --columns and the
 * header synonyms, and the notices that say which column was read as
 * what, or looks like a role and was not.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coopmap/common.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "load/csv_columns.h"
#include "base/i18n.h"

/* Free the parsed --columns option. */
void cm_colmaps_free(cm_colmaps *m)
{
	free(m->v);
	free(m->text);
	memset(m, 0, sizeof(*m));
}

/* The roles --columns accepts, for messages. */
static int list_roles(cm_strbuf *b)
{
	for (int r = 1; r < CM_ROLE_COUNT; r++)
		if (cm_strbuf_printf(b, "%s%s", r > 1 ? ", " : "", cm_role_name((cm_role)r)) < 0)
			return CM_ENOMEM;
	return 0;
}

/* Parse --columns "ROLE=NAME,ROLE=NAME" (ROLE: any name of a role). */
int cm_colmaps_parse(cm_colmaps *m, const char *text)
{
	const char *names[CM_ROLE_COUNT];
	cm_strbuf roles = { 0 };
	char *p;
	int rc = 0;

	if (!text || !text[0])
		return 0;
	if (!(m->text = cm_strdup(text)) || !(m->v = calloc(strlen(text) + 1, sizeof(*m->v))))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	for (int r = 0; r < CM_ROLE_COUNT; r++)
		names[r] = r ? cm_role_name((cm_role)r) : NULL;
	for (p = m->text; p;) {
		char *comma = strchr(p, ','), *eq;
		cm_role role;
		long k;

		if (comma)
			*comma = '\0';
		eq = strchr(p, '=');
		if (!eq || eq == p || !eq[1]) {
			rc = cm_error_set(CM_EUSAGE, _("--columns: '%s' is not of the form ROLE=COLUMN"), p);
			goto done;
		}
		*eq = '\0';
		if (!(role = cm_role_parse(p))) {
			if ((rc = list_roles(&roles)) < 0)
				goto done;
			k = cm_name_closest(p, names, CM_ROLE_COUNT);
			rc = cm_error_set(CM_EUSAGE, _("--columns: unknown role '%s'%s%s%s (roles: %s)"), p,
			                  k >= 0 ? _(": did you mean '") : "", k >= 0 ? names[k] : "",
			                  k >= 0 ? _("'?") : "", roles.s);
			goto done;
		}
		for (size_t i = 0; i < m->n; i++) {
			if (m->v[i].role == role) {
				rc = cm_error_set(CM_EUSAGE, _("--columns: the %s is given twice ('%s' and '%s')"),
				                  cm_role_name(role), m->v[i].name, eq + 1);
				goto done;
			}
		}
		m->v[m->n].role = role;
		m->v[m->n++].name = eq + 1;
		p = comma ? comma + 1 : NULL;
	}
done:
	cm_strbuf_free(&roles);
	return rc;
}

/* Check that every --columns name was found in a table. */
int cm_colmaps_check(const cm_colmaps *m, const char *edges_name, const char *nodes_name)
{
	for (size_t i = 0; i < m->n; i++) {
		if (m->v[i].used)
			continue;
		if (cm_role_tables(m->v[i].role) == CM_TABLE_NODES && !nodes_name)
			return cm_error_set(CM_EUSAGE, _("--columns %s=%s: the %s is a column of the actor "
			                    "table, and there is none (--nodes FILE)"),
			                    cm_role_name(m->v[i].role), m->v[i].name, cm_role_name(m->v[i].role));
		return cm_error_set(CM_EUSAGE, _("--columns %s=%s: no column '%s' in %s%s%s"),
		                    cm_role_name(m->v[i].role), m->v[i].name, m->v[i].name,
		                    cm_role_tables(m->v[i].role) == CM_TABLE_NODES ? nodes_name : edges_name,
		                    (cm_role_tables(m->v[i].role) & (CM_TABLE_NODES | CM_TABLE_EDGES)) ==
		                    (CM_TABLE_NODES | CM_TABLE_EDGES) &&
		                    nodes_name ? _(" or ") : "",
		                    (cm_role_tables(m->v[i].role) & (CM_TABLE_NODES | CM_TABLE_EDGES)) ==
		                    (CM_TABLE_NODES | CM_TABLE_EDGES) &&
		                    nodes_name ? nodes_name : "");
	}
	return 0;
}

/*
 * Give each column its role: --columns first, then the synonyms; a
 * synonym of a role given with --columns stays a plain attribute.  Of
 * several id columns, the first in precedence is the id and a second one
 * the label.
 */
int cm_csv_assign_roles(int *roles, int *date, const cm_csv *c, int table, cm_colmaps *maps)
{
	int explicit[CM_ROLE_COUNT] = { 0 }, how;
	long id_col = -1, id2 = -1, label_col = -1;

	for (size_t i = 0; i < c->nfields; i++) {
		const char *f = c->fields[i];
		int role = CM_ROLE_NONE;

		if (!f[0]) {
			roles[i] = CM_CSV_SKIP;
			continue;
		}
		for (size_t k = 0; k < maps->n && !role; k++) {
			if ((cm_role_tables(maps->v[k].role) & table) && cm_name_fold_eq(f, maps->v[k].name)) {
				role = maps->v[k].role;
				maps->v[k].used = 1;
				explicit[role] = 1;
				if (role == CM_ROLE_YEAR && table == CM_TABLE_EDGES &&
				    cm_role_of_header(f, table, &how) == CM_ROLE_YEAR && (how & CM_COLUMN_DATE))
					*date = 1;
			}
		}
		roles[i] = role ? -2 - role : CM_ROLE_NONE; /* explicit roles marked until the end */
	}
	for (size_t i = 0; i < c->nfields; i++) {
		int role;

		if (roles[i] != CM_ROLE_NONE)
			continue;
		role = cm_role_of_header(c->fields[i], table, &how);
		if (explicit[role])
			continue;
		roles[i] = role;
		if (role == CM_ROLE_YEAR && (how & CM_COLUMN_DATE))
			*date = 1;
		if (role == CM_ROLE_LABEL)
			label_col = (long)i;
		if (role == CM_ROLE_ID) {
			if (id_col < 0) {
				id_col = (long)i;
			} else if (cm_role_id_rank(c->fields[i]) < cm_role_id_rank(c->fields[id_col])) {
				if (id2 < 0 || cm_role_id_rank(c->fields[id_col]) < cm_role_id_rank(c->fields[id2]))
					id2 = id_col;
				id_col = (long)i;
			} else if (id2 < 0 || cm_role_id_rank(c->fields[i]) < cm_role_id_rank(c->fields[id2])) {
				id2 = (long)i;
			}
		}
	}
	for (size_t i = 0; i < c->nfields; i++)
		if (roles[i] < CM_CSV_SKIP)
			roles[i] = -2 - roles[i];
	/* a column of the canonical name wins over a synonym ("weight" over "value", as convert writes) */
	for (size_t i = 0; i < c->nfields; i++) {
		int role = roles[i];

		if (role <= CM_ROLE_NONE || role == CM_ROLE_ID || explicit[role] ||
		    strcasecmp(c->fields[i], cm_role_name((cm_role)role)))
			continue;
		for (size_t j = 0; j < c->nfields; j++) {
			if (j == i || roles[j] != role)
				continue;
			roles[j] = CM_ROLE_NONE;
			cm_notice(_("%s: columns '%s' and '%s' both give %s: '%s' is used, '%s' kept as a "
			          "plain attribute"), c->name, c->fields[i], c->fields[j],
			          cm_role_meaning((cm_role)role), c->fields[i], c->fields[j]);
		}
	}
	/* "id,name,..." : the id names the actor, the name is its label */
	if (id2 >= 0) {
		if (label_col >= 0 || explicit[CM_ROLE_LABEL])
			return cm_error_set_at(CM_EINPUT, c->name, c->record_line,
			                       _("columns '%s', '%s' and '%s': which one names the actor? "
			                       "rename '%s'"), c->fields[id_col], c->fields[id2],
			                       label_col >= 0 ? c->fields[label_col] : "label", c->fields[id2]);
		roles[id2] = CM_ROLE_LABEL;
	}
	return 0;
}

/* Say which columns were read by their meaning, and which look like one but were not. */
int cm_csv_header_notices(const int *roles, const int *at, int date, const cm_csv *c, int table)
{
	cm_strbuf b = { 0 };
	int rc = 0;

	for (size_t i = 0; i < c->nfields; i++) {
		int role = roles[i];

		if (role <= CM_ROLE_NONE || !strcasecmp(c->fields[i], cm_role_name((cm_role)role)))
			continue;
		/* TRANSLATORS: "'poids' read as the tie weight", then "'année' as the year" */
		if ((rc = cm_strbuf_printf(&b, b.len ? _(", '%s' as %s%s") : _("'%s' read as %s%s"), c->fields[i],
		                           cm_role_meaning((cm_role)role),
		                           role == CM_ROLE_YEAR && date ? _(" (of each date)") : "")) < 0)
			goto done;
	}
	if (b.len)
		cm_notice(_("%s: %s"), c->name, b.s);
	for (size_t i = 0; i < c->nfields; i++) {
		cm_role like;

		if (roles[i] != CM_ROLE_NONE || !(like = cm_role_lookalike(c->fields[i], table)) ||
		    at[like] >= 0)
			continue;
		cm_notice(_("%s: column '%s' looks like %s but is kept as a plain attribute: rename it, "
		          "or use --columns %s=%s"), c->name, c->fields[i], cm_role_meaning(like),
		          cm_role_name(like), c->fields[i]);
	}
done:
	cm_strbuf_free(&b);
	return rc;
}

