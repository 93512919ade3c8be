/* Whole-file reads, and advice to the kernel on big arrays. */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/file.h"
#include "i18n.h"

int cm_read_file(char **out, size_t *len, const char *path)
{
	int fd = -1, rc = 0, is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;
	struct stat st;
	char *buf = NULL;
	size_t cap = 1 << 16, n = 0;

	*out = NULL;
	*len = 0;
	fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		rc = cm_error_set(CM_EIO, _("cannot open '%s': %s"), name, strerror(errno));
		goto done;
	}
	if (fstat(fd, &st) < 0) {
		rc = cm_error_set(CM_EIO, _("cannot read '%s': %s"), name, strerror(errno));
		goto done;
	}
	if (S_ISDIR(st.st_mode)) {
		rc = cm_error_set(CM_EIO, _("'%s' is a directory, not a file"), name);
		goto done;
	}
	if (!is_stdin && !S_ISREG(st.st_mode)) {
		rc = cm_error_set(CM_EIO, _("'%s' is not a regular file"), name);
		goto done;
	}
	if (!is_stdin)
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if (S_ISREG(st.st_mode) && st.st_size > 0)
		cap = (size_t)st.st_size + 1;
	buf = malloc(cap);
	if (!buf) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory reading '%s'"), name);
		goto done;
	}
	cm_advise_huge(buf, cap);  /* a 280 MB file: a page fault per 2 MiB, not per 4 KiB */
	for (;;) {
		ssize_t r;

		if (n + 1 >= cap) {
			char *p;

			cap *= 2;
			p = realloc(buf, cap);
			if (!p) {
				rc = cm_error_set(CM_ENOMEM, _("out of memory reading '%s'"), name);
				goto done;
			}
			buf = p;
		}
		r = read(fd, buf + n, cap - n - 1);
		if (r < 0 && errno == EINTR) {
			if (cm_interrupted()) {
				rc = cm_error_set(CM_EINTERRUPTED, _("interrupted reading '%s'"), name);
				goto done;
			}
			continue;
		}
		if (r < 0) {
			rc = cm_error_set(CM_EIO, _("cannot read '%s': %s"), name, strerror(errno));
			goto done;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	buf = NULL;
done:
	if (fd >= 0 && !is_stdin)
		close(fd);
	free(buf);
	return rc;
}

/* Advise huge pages for the 2 MiB-aligned inside of a fresh big array (see base/file.h). */
/* Whether cm_advise_huge() advises (cm_advise_huge_enable). */
static int advise_huge = 1;

void cm_advise_huge_enable(int on)
{
	advise_huge = on;
}

void cm_advise_huge(void *p, size_t bytes)
{
#ifdef MADV_HUGEPAGE
	if (!advise_huge)
		return;
	const uintptr_t huge = (uintptr_t)2 << 20;
	uintptr_t a = ((uintptr_t)p + huge - 1) & ~(huge - 1), b = ((uintptr_t)p + bytes) & ~(huge - 1);

	if (p && b > a)
		(void)madvise((void *)a, b - a, MADV_HUGEPAGE);
#else
	(void)p;
	(void)bytes;
#endif
}

/*
 * Pieces of heap handed to malloc ahead, with transparent huge pages (see
 * base/file.h).  Measured on the standard analysis of 100,000 actors /
 * 500,000 ties (docs/scale.md): page faults 51,000 -> 21,000, CPU time
 * x0.88 (x0.75 with --jobs 2).  glibc does this itself with
 * GLIBC_TUNABLES=glibc.malloc.hugetlb=1, which a process cannot set for
 * itself; mallopt() has no such option.  Each piece stays apart from the
 * next by a small allocation kept for the whole run (a plug), so that a
 * request bigger than a piece never fits in one and still gets its own
 * mapping, given back to the kernel when freed; and the pieces together are
 * capped: serving everything from the heap took the 1M-actor `metrics`
 * from 1,306 to 1,665 MiB at its peak.
 */
#define HEAP_PIECE ((size_t)32 << 20)
#define HEAP_PIECES 4
#define HEAP_PLUG 64

/* See base/file.h. */
void cm_heap_prepare(size_t bytes)
{
#if defined(__GLIBC__) && defined(M_MMAP_MAX) && defined(MADV_HUGEPAGE)
	/* kept where leak checkers see them (volatile: the compiler would drop stores never read) */
	static void *volatile plugs[HEAP_PIECES];
	static int prepared;
	void *pieces[HEAP_PIECES];
	const size_t size = HEAP_PIECE - 64; /* the piece with malloc's header and the plug */
	size_t want, k, i;
	struct rlimit rl;

	/*
	 * Not for a small input (nothing to gain), nor for one above a third
	 * of the pieces (43 MB): its run allocates more than twice what they
	 * hold, and at 1M actors / 10M ties (282 MB) they saved 5% of the
	 * load's CPU time for 31 MiB more at its peak, and nothing measurable
	 * in `metrics`.
	 */
	if (prepared || bytes < ((size_t)1 << 20) || bytes > HEAP_PIECE * HEAP_PIECES / 3)
		return;
	/* under a memory limit, no address space is taken ahead of need */
	if ((getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) ||
	    (getrlimit(RLIMIT_DATA, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY))
		return;
	prepared = 1;
	/* about what the measures of a network allocate: 6 times its files */
	want = bytes > SIZE_MAX / 6 ? HEAP_PIECES : (6 * bytes) / HEAP_PIECE + 1;
	if (want > HEAP_PIECES)
		want = HEAP_PIECES;
	/* from the heap (brk), one after the other, each followed by its plug */
	mallopt(M_MMAP_MAX, 0);
	for (k = 0; k < want; k++) {
		if (!(pieces[k] = malloc(size)))
			break;
		if (!(plugs[k] = malloc(HEAP_PLUG))) {
			free(pieces[k]);
			break;
		}
	}
	mallopt(M_MMAP_MAX, 65536); /* glibc's default */
	if (k == 0)
		return;
	/*
	 * A request too big for a piece gets its own mapping, as before (the
	 * pieces are no longer the top of the heap: glibc's trimming of the
	 * heap, and malloc_trim, never give them back whole).
	 */
	mallopt(M_MMAP_THRESHOLD, (int)size);
	/*
	 * Freed memory at the top of the heap is kept up to the pieces' size
	 * before it goes back to the kernel: what the next measure allocates
	 * then takes no new page (at 100k actors, page faults 43,500 with
	 * glibc's 128 KiB against 20,500 with this).
	 */
	mallopt(M_TRIM_THRESHOLD, (int)(HEAP_PIECE * HEAP_PIECES));
	/* one range when they follow one another (as brk gives them), so that no 2 MiB page is left out */
	for (i = 1; i < k; i++)
		if ((char *)pieces[i] < (char *)pieces[i - 1] + size ||
		    (char *)pieces[i] > (char *)pieces[i - 1] + size + 4096)
			break;
	if (k > 0 && i >= k)
		cm_advise_huge(pieces[0], (size_t)((char *)pieces[k - 1] - (char *)pieces[0]) + size);
	else
		for (i = 0; i < k; i++)
			cm_advise_huge(pieces[i], size);
	for (i = 0; i < k; i++)
		free(pieces[i]);
#else
	(void)bytes;
#endif
}
