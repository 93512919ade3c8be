/*
 * Build a small network from fuzz bytes for the render and convert targets:
 * byte 0 gives the actor count and byte 1 the options; the rest, split at
 * '\n', gives the title then the labels, types, regions and tie kinds in
 * turn (arbitrary bytes: cm_network_wrap refuses what is not UTF-8).
 */
#ifndef COOPMAP_FUZZ_NET_H
#define COOPMAP_FUZZ_NET_H

#include <dirent.h>

#include "fuzz.h"

#define FUZZ_MAX_ACTORS 10
#define FUZZ_MAX_FIELDS 64

struct fuzz_net {
	cm_network *net;
	char *fields[FUZZ_MAX_FIELDS];
	size_t nfields;
	unsigned opts;
};

/* Free what fuzz_net_build allocated. */
static void fuzz_net_free(struct fuzz_net *f)
{
	cm_network_free(f->net);
	for (size_t i = 0; i < f->nfields; i++)
		free(f->fields[i]);
	memset(f, 0, sizeof(*f));
}

/* The i-th text field, cycling; "" when there is none. */
static const char *fuzz_field(const struct fuzz_net *f, size_t i)
{
	return f->nfields > 1 ? f->fields[1 + i % (f->nfields - 1)] : "";
}

/* Build the network; 0, or -1 when the library refused it (then nothing to free but f). */
static int fuzz_net_build(struct fuzz_net *f, const uint8_t *data, size_t size)
{
	igraph_t g;
	igraph_vector_int_t edges;
	igraph_integer_t n;
	size_t start, k = 0;

	memset(f, 0, sizeof(*f));
	if (size < 2)
		return -1;
	n = 1 + data[0] % FUZZ_MAX_ACTORS;
	f->opts = data[1];
	for (start = 2; start <= size && f->nfields < FUZZ_MAX_FIELDS;) {
		const uint8_t *nl = memchr(data + start, '\n', size - start);
		size_t end = nl ? (size_t)(nl - data) : size;
		char *s = malloc(end - start + 1);

		if (!s)
			abort();
		memcpy(s, data + start, end - start);
		s[end - start] = '\0'; /* a NUL inside cuts the field, as C strings do */
		f->fields[f->nfields++] = s;
		start = end + 1;
	}
	if (igraph_vector_int_init(&edges, 0) || igraph_empty(&g, n, IGRAPH_UNDIRECTED))
		abort();
	/* a path, plus a chord v -- v+2 when the field's length is a multiple of 3 (no repeated tie:
	   the loader would merge it) */
	for (igraph_integer_t v = 0; v + 1 < n; v++) {
		igraph_vector_int_push_back(&edges, v);
		igraph_vector_int_push_back(&edges, v + 1);
	}
	for (igraph_integer_t v = 0; v + 2 < n; v++)
		if (strlen(fuzz_field(f, (size_t)v)) % 3 == 0) {
			igraph_vector_int_push_back(&edges, v);
			igraph_vector_int_push_back(&edges, v + 2);
		}
	igraph_add_edges(&g, &edges, NULL);
	igraph_vector_int_destroy(&edges);
	for (igraph_integer_t v = 0; v < n; v++) {
		char id[32];

		/* ids stay distinct: the label carries the arbitrary text */
		snprintf(id, sizeof(id), "a%d", (int)v);
		SETVAS(&g, CM_ATTR_ID, v, id);
		SETVAS(&g, CM_ATTR_LABEL, v, fuzz_field(f, k++));
		SETVAS(&g, CM_ATTR_TYPE, v, fuzz_field(f, k++));
		SETVAS(&g, CM_ATTR_REGION, v, fuzz_field(f, k++));
	}
	for (igraph_integer_t e = 0; e < igraph_ecount(&g); e++) {
		SETEAN(&g, CM_ATTR_WEIGHT, e, 1 + (double)(e % 4));
		SETEAN(&g, CM_ATTR_YEAR, e, e % 3 ? 2020 + (double)e : NAN);
		SETEAS(&g, CM_ATTR_KIND, e, fuzz_field(f, k++));
	}
	if (cm_network_wrap(&f->net, &g, f->nfields ? f->fields[0] : "fuzz") < 0) {
		cm_error_clear();
		return -1;
	}
	return 0;
}

static const char *fuzz_dir;

/* Remove the (empty) output directory at exit. */
static void fuzz_rmdir(void)
{
	if (fuzz_dir)
		rmdir(fuzz_dir);
}

/* A private directory for output files, on tmpfs when there is one. */
static void fuzz_tmpdir(char *dir, size_t n)
{
	/* tmpfs: the atomic outputs fsync, which a disk makes slow */
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");

	snprintf(dir, n, "%s/coopmap-fuzz-XXXXXX", base && base[0] ? base : "/tmp");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		abort();
	}
	fuzz_dir = dir;
	atexit(fuzz_rmdir);
}

/* Abort unless dir holds nothing but the file named keep (or nothing): no temporary file may stay. */
static void fuzz_check_dir(const char *dir, const char *keep)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		abort();
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && (!keep || strcmp(e->d_name, keep))) {
			fprintf(stderr, "fuzz: file left behind: %s/%s\n", dir, e->d_name);
			abort();
		}
	closedir(d);
}

#endif
