/*
 * Region adjacency files (coopmap/regions.h): which regions border which,
 * read from a "region,neighbour" file such as graphs/regions-fr.csv; the
 * clubs (src/measure/clubs.c) join neighbouring regions.
 */
#include <stdlib.h>
#include <string.h>

#include "coopmap/common.h"
#include "coopmap/network.h"
#include "coopmap/regions.h"
#include "base/error.h"
#include "base/file.h"
#include "base/text.h"
#include "load/regions.h"
#include "base/i18n.h"

/* A region adjacency: the region names, and each bordering pair once. */
struct cm_regions {
	char *source;
	char **names;
	size_t n, cap;
	size_t *ea, *eb; /* undirected adjacency, each pair once */
	size_t n_edges, cap_edges;
};

void cm_regions_free(cm_regions *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++)
		free(r->names[i]);
	free(r->names);
	free(r->ea);
	free(r->eb);
	free(r->source);
	free(r);
}

/* The file the adjacency was read from ("" when unknown). */
const char *cm_regions_source(const cm_regions *r)
{
	return r && r->source ? r->source : "";
}

/* Bordering pairs, each once. */
size_t cm_regions_pairs(const cm_regions *r)
{
	return r ? r->n_edges : 0;
}

/* The two regions of bordering pair e. */
void cm_regions_pair(size_t *a, size_t *b, const cm_regions *r, size_t e)
{
	*a = r->ea[e];
	*b = r->eb[e];
}

size_t cm_regions_count(const cm_regions *r)
{
	return r ? r->n : 0;
}

const char *cm_regions_name(const cm_regions *r, size_t i)
{
	return r && i < r->n ? r->names[i] : "";
}

/* Index of a region by exact name, or -1. */
long cm_regions_find(const cm_regions *r, const char *name)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(r->names[i], name))
			return (long)i;
	return -1;
}

int cm_regions_adjacent(const cm_regions *r, const char *a, const char *b)
{
	long x = cm_regions_find(r, a), y = cm_regions_find(r, b);

	if (x < 0 || y < 0)
		return 0;
	for (size_t e = 0; e < r->n_edges; e++)
		if (((long)r->ea[e] == x && (long)r->eb[e] == y) ||
		    ((long)r->ea[e] == y && (long)r->eb[e] == x))
			return 1;
	return 0;
}

/* Whether an actor's region is not in the adjacency; see coopmap/regions.h. */
int cm_regions_lack_any(const cm_regions *r, const cm_network *net)
{
	igraph_integer_t n = cm_network_actors(net);
	const char *last = NULL;

	for (igraph_integer_t v = 0; v < n; v++) {
		const char *s = cm_network_vattr(net, CM_ATTR_REGION, v);

		/* actors of a region often follow each other: one look-up for them */
		if (!s[0] || (last && !strcmp(s, last)))
			continue;
		if (cm_regions_find(r, s) < 0)
			return 1;
		last = s;
	}
	return 0;
}

/* Index of a region, added when new; -1 (error recorded) on out of memory. */
static long regions_add(cm_regions *r, const char *name)
{
	long i = cm_regions_find(r, name);

	if (i >= 0)
		return i;
	if (r->n == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 32;
		char **p = realloc(r->names, cap * sizeof(*p));

		if (!p) {
			cm_error_set(CM_ENOMEM, _("out of memory"));
			return -1;
		}
		r->names = p;
		r->cap = cap;
	}
	if (!(r->names[r->n] = cm_strdup(name)))
		return -1;
	return (long)r->n++;
}

/* Record that regions a and b border each other (once). */
static int regions_link(cm_regions *r, size_t a, size_t b)
{
	if (cm_regions_adjacent(r, r->names[a], r->names[b]))
		return 0;
	if (r->n_edges == r->cap_edges) {
		size_t cap = r->cap_edges ? 2 * r->cap_edges : 64;
		size_t *pa = realloc(r->ea, cap * sizeof(*pa)), *pb;

		if (!pa)
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		r->ea = pa;
		pb = realloc(r->eb, cap * sizeof(*pb));
		if (!pb)
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		r->eb = pb;
		r->cap_edges = cap;
	}
	r->ea[r->n_edges] = a;
	r->eb[r->n_edges] = b;
	r->n_edges++;
	return 0;
}

/*
 * Split a line in place at delim into at most max stored fields, trimming
 * spaces; a field may be "quoted" with "" for a quote.  Returns the number
 * of fields, or -1 for a malformed quote.
 */
static int split_fields(char *line, char delim, char **fields, int max)
{
	char *p = line;
	int n = 0;

	for (;;) {
		char *w, *start;

		while (*p == ' ' || *p == '\t')
			p++;
		w = start = p;
		if (*p == '"') {
			p++;
			for (;;) {
				if (*p == '\0')
					return -1;
				if (*p == '"' && p[1] == '"') {
					*w++ = '"';
					p += 2;
				} else if (*p == '"') {
					p++;
					break;
				} else {
					*w++ = *p++;
				}
			}
			while (*p == ' ' || *p == '\t')
				p++;
			if (*p != delim && *p != '\0')
				return -1;
		} else {
			while (*p != delim && *p != '\0')
				p++;
			w = p;
			while (w > start && (w[-1] == ' ' || w[-1] == '\t'))
				w--;
		}
		if (n < max)
			fields[n] = start;
		n++;
		if (*p == '\0') {
			*w = '\0';
			break;
		}
		p++;
		*w = '\0';
	}
	return n;
}

int cm_regions_parse(cm_regions **out, const char *text, size_t len, const char *source)
{
	cm_regions *r = NULL;
	char *copy = NULL, *line, *next;
	char delim = ',';
	long line_no = 0;
	int have_header = 0, rc = 0;

	*out = NULL;
	if (!source)
		source = "<regions>";
	if (memchr(text, '\0', len)) {
		rc = cm_error_set_at(CM_EINPUT, source, 0, _("contains a NUL byte: not a text file"));
		goto done;
	}
	r = calloc(1, sizeof(*r));
	if (!r || !(copy = cm_strndup(text, len)) || !(r->source = cm_strdup(source))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (line = copy; line; line = next) {
		char *fields[2], *p;
		size_t n;
		int nf;
		long a, b;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		line_no++;
		n = strlen(line);
		if (n && line[n - 1] == '\r')
			line[--n] = '\0';
		if (line_no == 1 && !strncmp(line, "\xEF\xBB\xBF", 3))
			line += 3;
		if (!cm_utf8_valid(line, strlen(line))) {
			rc = cm_error_set_at(CM_EINPUT, source, line_no, _("invalid UTF-8 (save the file as UTF-8)"));
			goto done;
		}
		for (p = line; *p == ' ' || *p == '\t'; p++)
			;
		if (*p == '\0' || *p == '#')
			continue;
		if (!have_header) {
			char *h0, *h1;

			delim = strchr(p, ';') ? ';' : ',';
			nf = split_fields(p, delim, fields, 2);
			if (nf != 2) {
				rc = cm_error_set_at(CM_EINPUT, source, line_no,
				                     _("expected the header region,neighbour"));
				goto done;
			}
			h0 = cm_ascii_lower(fields[0]);
			h1 = cm_ascii_lower(fields[1]);
			if (!h0 || !h1)
				rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			else if (strcmp(h0, "region") ||
			         (strcmp(h1, "neighbour") && strcmp(h1, "neighbor")))
				rc = cm_error_set_at(CM_EINPUT, source, line_no,
				                     _("expected the header region,neighbour, found '%s%c%s'"),
				                     fields[0], delim, fields[1]);
			free(h0);
			free(h1);
			if (rc < 0)
				goto done;
			have_header = 1;
			continue;
		}
		nf = split_fields(p, delim, fields, 2);
		if (nf < 0) {
			rc = cm_error_set_at(CM_EINPUT, source, line_no, _("unterminated or misplaced quote"));
			goto done;
		}
		if (nf != 2) {
			rc = cm_error_set_at(CM_EINPUT, source, line_no,
			                     _("expected 2 fields (region%cneighbour), found %d"), delim, nf);
			goto done;
		}
		if (!fields[0][0]) {
			rc = cm_error_set_at(CM_EINPUT, source, line_no, _("empty region name"));
			goto done;
		}
		if (!strcmp(fields[0], fields[1])) {
			rc = cm_error_set_at(CM_EINPUT, source, line_no,
			                     _("region '%s' cannot be its own neighbour"), fields[0]);
			goto done;
		}
		if ((a = regions_add(r, fields[0])) < 0) {
			rc = cm_error_code();
			goto done;
		}
		if (!fields[1][0])
			continue; /* a region without neighbours */
		if ((b = regions_add(r, fields[1])) < 0) {
			rc = cm_error_code();
			goto done;
		}
		if ((rc = regions_link(r, (size_t)a, (size_t)b)) < 0)
			goto done;
	}
	if (!have_header) {
		rc = cm_error_set_at(CM_EINPUT, source, 0, _("no header region,neighbour (the file is empty)"));
		goto done;
	}
	*out = r;
	r = NULL;
done:
	free(copy);
	cm_regions_free(r);
	return rc;
}

int cm_regions_load(cm_regions **out, const char *path)
{
	char *text = NULL;
	size_t len = 0;
	int rc;

	*out = NULL;
	if ((rc = cm_read_file(&text, &len, path)) == 0)
		rc = cm_regions_parse(out, text, len, strcmp(path, "-") ? path : "<stdin>");
	free(text);
	return rc;
}
