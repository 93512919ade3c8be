/* Whole-file reads, and advice to the kernel on big arrays. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
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
