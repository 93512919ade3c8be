/*
 * Drawing a map: cm_render() plans it, then builds, lays out and draws it
 * in a forked child with a time limit, falling back to sfdp when a slow
 * layout runs out of time.
 */
#include <inttypes.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <gvc.h>
#include <cgraph.h>

#include "coopmap/common.h"
#include "coopmap/network.h"
#include "coopmap/output.h"
#include "coopmap/render.h"
#include "load/dot.h"
#include "present/map/build.h"
#include "present/map/context.h"
#include "present/map/fr_layout.h"
#include "present/map/labels.h"
#include "present/map/map.h"
#include "present/map/plan.h"
#include "base/i18n.h"
#include "base/process.h"

/* Stages of the drawing child, as reported to the parent. */
enum {
	DRAW_DONE = 0,
	DRAW_LAYOUT_FAILED,
	DRAW_RENDER_FAILED,
	DRAW_WRITE_FAILED,
	DRAW_BUILD_FAILED,  /* building the Graphviz graph: code and message from cm_error */
	DRAW_EXITED         /* Graphviz called exit() before the drawing was written */
};

/* What the drawing child reports back through its pipe, after the tag 'R'. */
typedef struct {
	int stage;  /* DRAW_* */
	int err;    /* errno of a failed write */
	int code;   /* cm_error code of a failed build */
	char message[512];
} draw_report;

/* How a drawing went, for cm_render() to decide on a fallback. */
typedef struct {
	int timed_out;   /* stopped after the time limit */
	int built;       /* the child built the graph ('B') */
	int laid_out;    /* the child finished the layout ('L') */
	double seconds;  /* wall time of the child */
} draw_outcome;

/*
 * Draw a PDF with a fixed creation date: cairo stamps the current time,
 * which would make two runs differ.  The date keeps its length, so the
 * PDF's byte offsets stay right.
 */
static int render_pdf(GVC_t *ctx, Agraph_t *g, FILE *stream)
{
	static const char key[] = "/CreationDate (D:";
	char *data = NULL, *p;
	unsigned int len = 0;
	int rc;

	if ((rc = gvRenderData(ctx, g, "pdf", &data, &len)) != 0)
		return rc;
	p = memmem(data, len, key, sizeof(key) - 1);
	if (p) {
		p += sizeof(key) - 1;
		/* 2000-01-01 00:00:00 over the 14 digits of YYYYMMDDHHMMSS */
		for (int i = 0; i < 14 && p + i < data + len && isdigit((unsigned char)p[i]); i++)
			p[i] = "20000101000000"[i];
	}
	/* a short write shows up as the stream's error, reported by the caller */
	fwrite(data, 1, len, stream);
	gvFreeRenderData(data);
	return rc;
}

/* The drawing child's report pipe and stage, for child_exit(). */
static int child_fd = -1;
static int child_report_fd = -1;
static int child_rendering;

/* Child side: send the report (tag 'R' then the struct) and leave without running exit handlers. */
static void child_report(draw_report *r)
{
	char tag = 'R';

	child_fd = -1;
	if (write(child_report_fd, &tag, 1) != 1 || write(child_report_fd, r, sizeof(*r)) != (ssize_t)sizeof(*r))
		_exit(2);
	_exit(0);
}

/*
 * Graphviz calls exit(1) when a write fails (a full disk, a closed pipe):
 * report that as a write error, with the errno of the failed write.  Before
 * the drawing is written, an exit() is Graphviz giving up (out of memory).
 */
static void child_exit(void)
{
	draw_report r;
	int e = errno;

	if (child_fd < 0)
		return;
	memset(&r, 0, sizeof(r));
	if (child_rendering) {
		r.stage = DRAW_WRITE_FAILED;
		r.err = e ? e : EIO;
	} else {
		r.stage = DRAW_EXITED;
		snprintf(r.message, sizeof(r.message), "%s", cm_gv_last_error());
	}
	child_report(&r);
}

/* Child side: send a progress tag ('B' built, 'L' laid out). */
static void child_progress(char tag)
{
	if (write(child_report_fd, &tag, 1) != 1)
		_exit(2);
}

/* Child side: build the graph, lay it out, draw into stream, report. */
/*
 * The factor by which Graphviz scales the laid-out map down to its page
 * (render --size; 1 when it fits), as its emit.c does: the bounding box
 * with the pad on each side against the size.
 */
static double page_scale(Agraph_t *g, const map_plan *p)
{
	const char *bb = agget(g, "bb"), *pad_s = agget(g, "pad");
	double x0, y0, x1, y1, pad = pad_s && pad_s[0] ? atof(pad_s) * 72 : 4, z;

	if (!bb || sscanf(bb, "%lf%*[, ]%lf%*[, ]%lf%*[, ]%lf", &x0, &y0, &x1, &y1) != 4 || x1 <= x0 || y1 <= y0)
		return 1;
	z = fmin(p->page_w * 72 / (x1 - x0 + 2 * pad), p->page_h * 72 / (y1 - y0 + 2 * pad));
	return z > 0 && z < 1 ? z : 1;
}

/* Least printed size of the caption's smallest text (11 points times the text scale, legend.c), in points. */
#define MIN_CAPTION_POINTS 7

/*
 * Labels placed by coopmap that the page scale shrinks below
 * MIN_LABEL_POINTS: placed again larger, so fewer fit (the caption counts
 * the others), and laid out again; a few rounds, since larger labels at
 * the edge widen the map a little.  The caption grows too, towards
 * MIN_CAPTION_POINTS, as long as it stays narrower than the map (its
 * lines are not wrapped): once, in the first round.  The legend beside the
 * map keeps MIN_LABEL_POINTS as well (build.c places it again with the
 * labels).  0, 1 when Graphviz failed, or a negative cm_error code.
 */
static int fit_labels(GVC_t *ctx, Agraph_t *g, map_plan *p, const cm_render_options *o, const char *engine)
{
	int large = igraph_vcount(&p->net->graph) > LARGE_ACTORS, rc;

	for (int round = 0; round < 4 && p->label_xy; round++) {
		double z = page_scale(g, p), grow = 1;
		const char *bb = agget(g, "bb");
		double x0, y0, x1, y1;
		int again = 0;

		/* Graphviz's SVG writes the scale with two decimals: the smaller of the two counts */
		if (!strcmp(p->renderer, "svg"))
			z = fmin(z, floor(z * 100 + 0.5) / 100);
		if (round == 0 && GD_label(g) && bb &&
		    sscanf(bb, "%lf%*[, ]%lf%*[, ]%lf%*[, ]%lf", &x0, &y0, &x1, &y1) == 4 && GD_label(g)->dimen.x > 0)
			grow = fmin(MIN_CAPTION_POINTS / (11 * p->text_scale * z), 0.98 * (x1 - x0) / GD_label(g)->dimen.x);
		if (grow > 1.05) {
			/* the labels keep their size: only the caption grows */
			if (p->label_pt <= 0)
				p->label_pt = cm_map_label_points(p, large);
			p->text_scale *= grow;
			again = 1;
		}
		if (cm_map_label_points(p, large) * z < MIN_LABEL_POINTS) {
			p->label_pt = MIN_LABEL_POINTS / z * 1.04;
			again = 1;
		}
		/* the legend's smallest text (11 points times its scale, legend.c) too */
		if (p->legend_k > 0 && 11 * p->legend_k * z < MIN_LABEL_POINTS) {
			p->legend_min_k = MIN_LABEL_POINTS / (11 * z) * 1.04;
			again = 1;
		}
		if (!again)
			break;
		gvFreeLayout(ctx, g);
		if ((rc = cm_map_relabel(g, p, o)) < 0)
			return rc;
		if (gvLayout(ctx, g, engine) != 0)
			return 1;
	}
	return 0;
}

static void draw_child(GVC_t *ctx, map_plan *p, const cm_render_options *o, FILE *stream)
{
	draw_report r;
	char *mem = NULL;
	size_t len = 0;
	FILE *ms;
	Agraph_t *g = NULL, *copy;
	Agsym_t *label;
	const char *engine;

	/* Ctrl-C and SIGTERM end the child at once (default handlers, set at the fork); the parent cleans up */
	child_fd = child_report_fd;
	atexit(child_exit);
	memset(&r, 0, sizeof(r));
	/*
	 * igraph's positions (fr) are computed here, where the time limit
	 * applies.  The graph is built here too, not in the parent: cgraph
	 * does not check its allocations, so running out of memory crashes the
	 * child, which the parent reports (F6 in docs/reliability.md).
	 */
	if ((!strcmp(p->engine, "fr") && (r.code = cm_map_fr_plan(p)) < 0) || (r.code = cm_map_build(&g, p, o)) < 0) {
		r.stage = DRAW_BUILD_FAILED;
		snprintf(r.message, sizeof(r.message), "%s", cm_error_message());
		child_report(&r);
	}
	child_progress('B');
	/* nop2 keeps the outline's given course (geo), and routes the ties as nop does */
	engine = p->xy ? (p->n_outline ? "nop2" : "nop") : p->engine;
	/*
	 * fdp's result depends on where cgraph put the objects in memory when
	 * they were built one by one; a graph read back from cgraph's own
	 * serialisation lays out the same every time.  Only labels escaped by
	 * cm_map_escape_text() (never ending in a lone backslash) come from data.
	 */
	if (!strcmp(engine, "sfdp") || !strcmp(engine, "nop"))
		goto lay_out;  /* only fdp needs the copy: it saves sfdp a tenth of its time on 20,000 actors */
	ms = open_memstream(&mem, &len);
	cm_gv_lex_reset();
	if (!ms || agwrite(g, ms) != 0 || fclose(ms) != 0 || !(copy = cm_gv_read_copy(mem, len))) {
		/* the graph was just written by cgraph itself: only memory can be missing */
		r.stage = DRAW_BUILD_FAILED;
		r.code = CM_ENOMEM;
		snprintf(r.message, sizeof(r.message), "out of memory copying the map for graphviz");
		child_report(&r);
	}
	agclose(g);
	free(mem);
	g = copy;
	/*
	 * agwrite() left out the empty label and gvContext() makes "\N" the
	 * default of every graph read afterwards: without this, nodes would
	 * show their internal names (the labels of large maps are kept).
	 */
	label = agattr(g, AGNODE, "label", "");
	for (Agnode_t *v = agfstnode(g); v && label; v = agnxtnode(g, v))
		if (!strcmp(agxget(v, label), "\\N"))  /* labels from data were escaped: never a lone \N */
			agxset(v, label, "");
lay_out:
	if (gvLayout(ctx, g, engine) != 0 || (r.code = fit_labels(ctx, g, p, o, engine)) == 1) {
		r.code = 0;
		r.stage = DRAW_LAYOUT_FAILED;
	} else if (r.code < 0) {
		r.stage = DRAW_BUILD_FAILED;
		snprintf(r.message, sizeof(r.message), "%s", cm_error_message());
	} else {
		child_progress('L');
		child_rendering = 1;
		errno = 0;
		if ((!strcmp(p->renderer, "pdf") ? render_pdf(ctx, g, stream) : gvRender(ctx, g, p->renderer, stream)) != 0)
			r.stage = DRAW_RENDER_FAILED;
		else if (fflush(stream) != 0 || ferror(stream))
			r.stage = DRAW_WRITE_FAILED, r.err = errno ? errno : EIO;
		child_rendering = 0;
	}
	if (r.stage == DRAW_LAYOUT_FAILED || r.stage == DRAW_RENDER_FAILED)
		snprintf(r.message, sizeof(r.message), "%s", cm_gv_last_error());
	child_report(&r);
}

/* Seconds on the monotonic clock. */
static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Is the address space or data size limited (ulimit -v / -d)?  Then a crash is most likely a failed allocation. */
static int memory_limited(void)
{
	struct rlimit rl;

	return (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) ||
	       (getrlimit(RLIMIT_DATA, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY);
}

/*
 * Build, lay out and draw the map into out in a child process.  Graphviz's
 * fdp and sfdp keep random state between layouts in one process, so only
 * the first layout of a process is reproducible: each map gets a fresh
 * process (a Graphviz crash, or its exit() on a failed write, then also
 * becomes an error instead of taking us down).  The child is stopped after
 * p->time_limit seconds and on SIGINT/SIGTERM (with SIGKILL), and dies
 * with its parent.
 */
static int draw_isolated(draw_outcome *res, GVC_t *ctx, map_plan *p, const cm_render_options *o,
                         cm_output *out, const char *path)
{
	FILE *stream = cm_output_stream(out);
	draw_report r;
	size_t got = 0;
	int fds[2] = { -1, -1 }, status = 0, rc = 0, in_report = 0;
	double start, killed_at = 0;
	pid_t pid;

	memset(res, 0, sizeof(*res));
	if (cm_interrupted())
		return cm_error_set(CM_EINTERRUPTED, _("interrupted"));
	if (pipe2(fds, O_CLOEXEC) != 0)
		return cm_error_set(CM_ERROR, _("cannot start drawing: %s"), strerror(errno));
	start = now_seconds();
	pid = cm_process_fork();
	if (pid < 0) {
		rc = cm_error_set(CM_ERROR, _("cannot start drawing: %s"), strerror(errno));
		goto done;
	}
	if (pid == 0) {
		close(fds[0]);
		child_report_fd = fds[1];
		draw_child(ctx, p, o, stream);
	}
	close(fds[1]);
	fds[1] = -1;
	memset(&r, 0, sizeof(r));
	/* poll, so that an interrupt or the time limit also stops a busy child */
	while (!in_report || got < sizeof(r)) {
		struct pollfd pfd = { fds[0], POLLIN, 0 };
		double t = now_seconds();
		ssize_t n;

		if (!killed_at && (cm_interrupted() || (p->time_limit > 0 && t - start > p->time_limit))) {
			res->timed_out = !cm_interrupted();
			/* SIGKILL: the child holds nothing worth saving, and a child ended
			 * by SIGTERM under valgrind is leak-checked half-way (F13) */
			kill(pid, SIGKILL);
			killed_at = t;
		}
		n = poll(&pfd, 1, 200);
		if (n == 0 || (n < 0 && errno == EINTR))
			continue;
		if (n < 0)
			break;
		if (!in_report) {
			char tag;

			n = read(fds[0], &tag, 1);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			res->built |= tag == 'B';
			res->laid_out |= tag == 'L';
			in_report = tag == 'R';
			continue;
		}
		n = read(fds[0], (char *)&r + got, sizeof(r) - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	res->seconds = now_seconds() - start;
	if (cm_interrupted()) {
		rc = cm_error_set(CM_EINTERRUPTED, _("interrupted while drawing the map"));
	} else if (res->timed_out) {
		if (!p->xy && !strcmp(p->engine, "fr"))
			rc = cm_error_set(CM_ERROR, _("the fr layout did not finish the map of %" PRId64 " actors within "
			                  "%g s (the time limit; --time-limit to change it, or draw part of the network "
			                  "with --where or --ego)"), igraph_vcount(&p->net->graph), p->time_limit);
		else
			rc = cm_error_set(CM_ERROR, _("graphviz's %s did not finish the map of %" PRId64 " actors within "
			                  "%g s (the time limit; --time-limit to change it, or draw part of the network "
			                  "with --where or --ego)"), p->xy ? "neato -n" : p->engine,
			                  igraph_vcount(&p->net->graph), p->time_limit);
	} else if (!in_report || got < sizeof(r)) {
		/* no report: the child died (its exit status alone says little: valgrind changes it) */
		int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;

		if (sig && (!res->built || memory_limited()) && sig != SIGKILL)
			rc = cm_error_set(CM_ENOMEM, res->built ? _("out of memory drawing the map (graphviz crashed with "
			                  "signal %d)") : _("out of memory building the map (graphviz crashed with signal %d)"),
			                  sig);
		else if (sig)
			rc = cm_error_set(CM_ERROR, _("graphviz crashed while drawing the map (signal %d)"), sig);
		else
			rc = cm_error_set(CM_ERROR, _("graphviz stopped while drawing the map (status %d)"),
			                  WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	} else if (r.stage == DRAW_BUILD_FAILED) {
		rc = cm_error_set(r.code < 0 ? r.code : CM_ERROR, "%s", r.message);
	} else if (r.stage == DRAW_EXITED) {
		if (strstr(r.message, "memory") || memory_limited())
			rc = cm_error_set(CM_ENOMEM, _("out of memory drawing the map (graphviz: %s)"), r.message);
		else
			rc = cm_error_set(CM_ERROR, _("graphviz gave up drawing the map: %s"), r.message);
	} else if (r.stage == DRAW_LAYOUT_FAILED) {
		rc = cm_error_set(CM_ERROR, _("graphviz could not lay out the map with %s: %s"),
		                  p->xy ? "neato -n (geo)" : p->engine, r.message);
	} else if (r.stage == DRAW_RENDER_FAILED) {
		rc = cm_error_set(CM_ERROR, _("graphviz could not draw the map as %s: %s"), p->renderer, r.message);
	} else if (r.stage == DRAW_WRITE_FAILED && r.err == EPIPE && !strcmp(path, "-")) {
		rc = 0; /* the reader of standard output went away (| head): not our failure */
	} else if (r.stage == DRAW_WRITE_FAILED) {
		errno = r.err;
		rc = cm_error_set(CM_EIO, _("cannot write '%s': %s"), strcmp(path, "-") ? path : "standard output",
		                  strerror(r.err));
	}
done:
	if (fds[0] >= 0)
		close(fds[0]);
	if (fds[1] >= 0)
		close(fds[1]);
	return rc;
}

/* Layouts that fall back to sfdp when they run out of time. */
static int has_fallback(const map_plan *p)
{
	return !p->xy && strcmp(p->engine, "sfdp") && strcmp(p->engine, "fr");
}

/* Render a map (see coopmap/render.h). */
int cm_render(const cm_network *net, const char *path, const cm_render_options *opts)
{
	static const cm_render_options defaults = { 0 };
	const cm_render_options *o = opts ? opts : &defaults;
	map_plan plan = { 0 };
	cm_output *out = NULL;
	draw_outcome res;
	GVC_t *ctx;
	int rc;

	if (!path)
		return cm_error_set(CM_EUSAGE, _("no output file given"));
	if ((rc = cm_map_plan(&plan, net, path, o)) < 0)
		goto done;
	if (!strcmp(plan.engine, "neato") && igraph_vcount(&net->graph) > 2000)
		cm_notice(_("neato may take many minutes on %" PRId64 " actors; sfdp is much faster"),
		          igraph_vcount(&net->graph));
	if (!(ctx = cm_gv_context())) {
		rc = cm_error_code() ? cm_error_code() : CM_ERROR;
		goto done;
	}
	cm_gv_begin();
	if ((rc = cm_output_open(&out, path)) < 0)
		goto done;
	rc = draw_isolated(&res, ctx, &plan, o, out, path);
	if (rc < 0 && res.timed_out && !res.laid_out && has_fallback(&plan)) {
		/* nothing was written yet: start the file again, with the fastest layout */
		cm_notice(_("%s did not finish the layout within %g s; drawing with sfdp instead"), plan.engine,
		          plan.time_limit);
		cm_error_clear();
		cm_output_abort(out);
		out = NULL;
		plan.engine = "sfdp";
		plan.have_clusters = 0;
		if ((rc = cm_output_open(&out, path)) < 0)
			goto done;
		rc = draw_isolated(&res, ctx, &plan, o, out, path);
	}
	if (rc < 0)
		goto done;
	rc = cm_output_commit(out);
	out = NULL;
done:
	cm_output_abort(out);
	cm_map_plan_free(&plan);
	return rc;
}
