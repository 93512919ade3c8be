/*
 * Atomic output files: write to a temporary file beside the destination and
 * rename it over the destination once everything is on disk, so that a
 * failure or an interrupt never leaves a half-written file behind.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coopmap/common.h"
#include "coopmap/output.h"
#include "coopmap/table.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "i18n.h"

/* How many outputs may be open at once (render: 1, CSV folder: 2). */
#define MAX_OPEN_OUTPUTS 32

struct cm_output {
	char *path;   /* destination as given (messages) */
	char *target; /* destination the rename replaces (symlinks resolved) */
	char *temp;   /* temporary file, NULL when writing directly */
	FILE *f;
	int fd;
	int is_stdout;
	int slot;     /* index in the signal registry, or -1 */
	int err;      /* first errno of a failed write, 0 if none */
};

/*
 * Temporary paths the signal handler may unlink.  A slot is published by
 * storing its pointer last and retired by clearing the pointer first, so the
 * handler only ever sees complete strings.
 */
static char *volatile registry[MAX_OPEN_OUTPUTS];

/* Publish a temporary path for the signal handler; -1 when the registry is full. */
static int registry_add(char *temp)
{
	for (int i = 0; i < MAX_OPEN_OUTPUTS; i++) {
		if (!registry[i]) {
			registry[i] = temp;
			return i;
		}
	}
	return -1;
}

/* Withdraw a path from the signal handler before it is freed or renamed. */
static void registry_remove(int slot)
{
	if (slot >= 0)
		registry[slot] = NULL;
}

void cm_output_abort_all_signal_safe(void)
{
	int saved = errno;

	for (int i = 0; i < MAX_OPEN_OUTPUTS; i++) {
		char *p = registry[i];

		if (p)
			unlink(p);
	}
	errno = saved;
}

/* Stream write function: keeps the first errno so commit can name the cause. */
static ssize_t cookie_write(void *cookie, const char *buf, size_t size)
{
	cm_output *o = cookie;
	size_t done = 0;

	if (o->err)
		return 0;
	while (done < size) {
		ssize_t w = write(o->fd, buf + done, size - done);

		if (w < 0 && errno == EINTR && !cm_interrupted())
			continue;
		if (w <= 0) {
			o->err = w < 0 ? errno : EIO;
			if (cm_interrupted())
				o->err = EINTR;
			errno = o->err;
			return 0;
		}
		done += (size_t)w;
	}
	return (ssize_t)size;
}

/* Release what o holds; the temporary file must already be dealt with. */
static void output_free(cm_output *o)
{
	registry_remove(o->slot);
	free(o->path);
	free(o->target);
	free(o->temp);
	free(o);
}

/* "DIR/.NAME.XXXXXX" beside target. */
static char *temp_template(const char *target)
{
	const char *slash = strrchr(target, '/');
	cm_strbuf b = { 0 };

	if (slash)
		cm_strbuf_add(&b, target, (size_t)(slash - target) + 1);
	cm_strbuf_printf(&b, ".%s.XXXXXX", slash ? slash + 1 : target);
	if (cm_error_code() == CM_ENOMEM) {
		cm_strbuf_free(&b);
		return NULL;
	}
	return b.s;
}

/* Whether the folder that would hold path exists (ENOENT also comes from /proc). */
static int parent_exists(const char *path)
{
	const char *slash = strrchr(path, '/');
	struct stat st;
	char *dir;
	int rc;

	if (!slash)
		return 1;
	if (slash == path)
		return 1;
	if (!(dir = strndup(path, (size_t)(slash - path))))
		return 1;
	rc = stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
	free(dir);
	return rc;
}

/* Mode a new file gets from open(2): 0666 less the umask. */
static mode_t default_mode(void)
{
	mode_t mask = umask(022);

	umask(mask);
	return 0666 & ~mask;
}

int cm_output_open(cm_output **out, const char *path)
{
	static const cookie_io_functions_t io = { NULL, cookie_write, NULL, NULL };
	cm_output *o = NULL;
	struct stat st;
	int rc = 0, exists, direct = 0;
	mode_t mode;

	*out = NULL;
	if (!path || !path[0]) {
		rc = cm_error_set(CM_EUSAGE, _("no output file given"));
		goto done;
	}
	o = calloc(1, sizeof(*o));
	if (!o) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	o->fd = -1;
	o->slot = -1;
	if (!(o->path = cm_strdup(path))) {
		rc = CM_ENOMEM;
		goto done;
	}
	if (!strcmp(path, "-")) {
		o->is_stdout = 1;
		o->f = stdout;
		goto done;
	}
	if (path[strlen(path) - 1] == '/') {
		rc = cm_error_set(CM_EIO, _("cannot write '%s': is a directory"), path);
		goto done;
	}
	exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		rc = cm_error_set(CM_EIO, _("cannot write '%s': is a directory"), path);
		goto done;
	}
	/* Devices and pipes (/dev/null, /dev/full, a FIFO) cannot be replaced: write to them. */
	direct = exists && !S_ISREG(st.st_mode);
	/* Replace the file a symlink points to, not the link itself. */
	if (exists && !direct) {
		char *real = realpath(path, NULL);

		if (!real) {
			rc = cm_error_set(CM_EIO, _("cannot write '%s': %s"), path, strerror(errno));
			goto done;
		}
		o->target = real;
	} else if (!(o->target = cm_strdup(path))) {
		rc = CM_ENOMEM;
		goto done;
	}
	if (direct) {
		o->fd = open(path, O_WRONLY | O_CLOEXEC | O_TRUNC);
		if (o->fd < 0) {
			rc = cm_error_set(CM_EIO, _("cannot write '%s': %s"), path, strerror(errno));
			goto done;
		}
	} else {
		if (!(o->temp = temp_template(o->target))) {
			rc = CM_ENOMEM;
			goto done;
		}
		o->fd = mkostemp(o->temp, O_CLOEXEC);
		if (o->fd < 0) {
			int e = errno;

			free(o->temp);
			o->temp = NULL;
			if (e == ENOENT && !parent_exists(o->target))
				rc = cm_error_set(CM_EIO, _("cannot write '%s': no such directory"), path);
			else
				rc = cm_error_set(CM_EIO, _("cannot write '%s': %s"), path, strerror(e));
			goto done;
		}
		o->slot = registry_add(o->temp);
		if (o->slot < 0) {
			rc = cm_error_set(CM_ERROR, _("too many output files open at once"));
			goto done;
		}
		/* mkstemp creates 0600; give the file the mode a plain open would (or the old one). */
		mode = exists ? (st.st_mode & 07777) : default_mode();
		fchmod(o->fd, mode);
	}
	o->f = fopencookie(o, "w", io);
	if (!o->f) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
done:
	if (rc < 0 && o) {
		cm_output_abort(o);
		o = NULL;
	}
	*out = o;
	return rc;
}

FILE *cm_output_stream(cm_output *o)
{
	return o->f;
}

const char *cm_output_temp_path(const cm_output *o)
{
	if (o->is_stdout)
		return "-";
	return o->temp ? o->temp : o->path;
}

/* Message for a failed write to o, from the first recorded errno. */
static int write_error(cm_output *o, int e)
{
	if (o->err)
		e = o->err;
	if (e == EINTR || cm_interrupted())
		return cm_error_set(CM_EINTERRUPTED, _("interrupted while writing '%s'"), o->path);
	if (o->is_stdout)
		return cm_error_set(CM_EIO, _("cannot write to standard output: %s"),
		                    strerror(e ? e : EIO));
	return cm_error_set(CM_EIO, _("cannot write '%s': %s"), o->path, strerror(e ? e : EIO));
}

/*
 * Whether standard output is a pipe whose reader went away.  Needed when a
 * writer (igraph, Graphviz) failed earlier and errno no longer says EPIPE:
 * poll() reports POLLERR on such a pipe.
 */
static int stdout_reader_gone(void)
{
	struct pollfd p = { STDOUT_FILENO, POLLOUT, 0 };

	return poll(&p, 1, 0) == 1 && (p.revents & POLLERR);
}

int cm_output_commit(cm_output *o)
{
	int rc = 0, e;

	if (!o)
		return cm_error_set(CM_ERROR, _("no output to commit"));
	if (o->is_stdout) {
		errno = 0;
		if (fflush(stdout) != 0 || ferror(stdout)) {
			e = errno;
			/* a closed pipe (| head) is the reader's choice, not our failure */
			if (e == EPIPE || stdout_reader_gone())
				clearerr(stdout);
			else
				rc = write_error(o, e);
		}
		output_free(o);
		return rc;
	}
	errno = 0;
	if (fflush(o->f) != 0 || ferror(o->f) || o->err) {
		rc = write_error(o, errno);
		goto done;
	}
	if (cm_interrupted()) {
		rc = cm_error_set(CM_EINTERRUPTED, _("interrupted while writing '%s'"), o->path);
		goto done;
	}
	if (fsync(o->fd) != 0 && errno != EINVAL && errno != EROFS) {
		rc = write_error(o, errno);
		goto done;
	}
	fclose(o->f);
	o->f = NULL;
	e = close(o->fd);
	o->fd = -1;
	if (e != 0) {
		rc = write_error(o, errno);
		goto done;
	}
	if (o->temp) {
		registry_remove(o->slot);
		o->slot = -1;
		if (rename(o->temp, o->target) != 0) {
			rc = cm_error_set(CM_EIO, _("cannot write '%s': %s"), o->path, strerror(errno));
			goto done;
		}
		free(o->temp);
		o->temp = NULL;
	}
done:
	if (rc < 0) {
		cm_output_abort(o);
		return rc;
	}
	output_free(o);
	return 0;
}

void cm_output_abort(cm_output *o)
{
	if (!o)
		return;
	if (o->is_stdout) {
		fflush(stdout);
		output_free(o);
		return;
	}
	registry_remove(o->slot);
	o->slot = -1;
	/* nothing buffered may reach the file (or device) any more */
	o->err = ECANCELED;
	if (o->f)
		fclose(o->f);
	if (o->fd >= 0)
		close(o->fd);
	if (o->temp)
		unlink(o->temp);
	output_free(o);
}
