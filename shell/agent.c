/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * agent.c - `nsh --agent`: this host's part of a lab driven from another
 * host's nsh (shell/lab/remote.h has the protocol).
 *
 * Requests come on stdin, one JSON object per line; each line of a
 * request runs as `nsh -c LINE` would run it, in this one session (so
 * `enter`, variables and the journal carry from one request to the
 * next), with its output and errors caught and sent back in the reply.
 * The programs it starts get /dev/null as stdin: the request stream is
 * never theirs to read.  End of input ends the agent; what it made stays
 * (`cleanup` on this host, or from the controller, removes it).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#include "nsh.h"
#include "core.h"
#include "jsonl.h"

struct agent {
	const struct step_ops *ops;	/* watch_begin/watch_end (tell) */
	struct watch *watching;	/* the controller's `watch`: changes since
				 * its last request */
	int in;			/* the requests */
	char *ibuf;		/* read from IN, not yet served */
	size_t ilen, icap, ioff;
	int out;		/* the replies */
	/* replies not written yet: while more requests are already here
	 * (a pipelined script) they go out together, one write */
	char *obuf;
	size_t olen, ocap;
	int null;		/* /dev/null */
	bool failed;		/* the last request that ran failed */
};

/* the whole of FD (a memory file) from its start, NUL-terminated */
static char *slurp(int fd, size_t *len)
{
	off_t n = lseek(fd, 0, SEEK_END);
	char *b;

	*len = 0;
	if (n < 0 || !(b = malloc((size_t)n + 1)))
		return NULL;
	if (pread(fd, b, (size_t)n, 0) != n) {
		free(b);
		return NULL;
	}
	b[n] = '\0';
	*len = (size_t)n;
	return b;
}

struct caught {
	int fd[2];		/* memory files for stdout, stderr */
	int saved[2];
	off_t told_at;		/* where the told changes start in stdout's
				 * file (tell), or -1 */
};

/* stdout and stderr into memory files until caught_end */
static int caught_begin(struct caught *c)
{
	c->fd[0] = memfd_create("nsh-agent-out", MFD_CLOEXEC);
	c->fd[1] = memfd_create("nsh-agent-err", MFD_CLOEXEC);
	if (c->fd[0] < 0 || c->fd[1] < 0)
		return -errno;
	fflush(stdout);
	fflush(stderr);
	for (int i = 0; i < 2; i++) {
		c->saved[i] = fcntl(1 + i, F_DUPFD_CLOEXEC, 10);
		if (c->saved[i] < 0 || dup2(c->fd[i], 1 + i) < 0)
			return -errno;
	}
	return 0;
}

static void caught_end(struct caught *c)
{
	fflush(stdout);
	fflush(stderr);
	for (int i = 0; i < 2; i++)
		if (c->saved[i] >= 0) {
			(void)dup2(c->saved[i], 1 + i);
			close(c->saved[i]);
		}
}

/* the output ("out", "err"), the told changes ("told") after the
 * line's own output */
static void caught_put(struct caught *c, struct jsonl_out *o)
{
	static const char *const keys[] = { "out", "err" };

	for (int i = 0; i < 2; i++) {
		size_t len, at;
		char *b = slurp(c->fd[i], &len);

		at = !i && b && c->told_at >= 0 && (size_t)c->told_at <= len ?
		     (size_t)c->told_at : len;
		jsonl_put_mem(o, keys[i], b ? b : "", b ? at : 0);
		if (at < len)
			jsonl_put_mem(o, "told", b + at, len - at);
		free(b);
		close(c->fd[i]);
	}
}

#define AGENT_BATCH 65536

static int flush_replies(struct agent *a)
{
	int rc = a->olen ? jsonl_send(a->out, a->obuf, a->olen) : 0;

	a->olen = 0;
	return rc;
}

/* is a whole request already read (another line after this one)? */
static bool more_here(const struct agent *a)
{
	return a->ilen > a->ioff &&
	       memchr(a->ibuf + a->ioff, '\n', a->ilen - a->ioff);
}

/* the reply O, now or (more requests waiting) with the next ones */
static int reply(struct agent *a, const struct jsonl_out *o)
{
	if (a->olen + o->n > a->ocap) {
		size_t cap = a->ocap ? a->ocap : AGENT_BATCH;
		char *p;

		while (cap < a->olen + o->n)
			cap *= 2;
		if (!(p = realloc(a->obuf, cap)))
			return -ENOMEM;
		a->obuf = p;
		a->ocap = cap;
	}
	/* an empty reply before any other: obuf is still NULL, and memcpy
	 * wants valid pointers even for 0 bytes */
	if (o->n)
		memcpy(a->obuf + a->olen, o->p, o->n);
	a->olen += o->n;
	return more_here(a) && a->olen < AGENT_BATCH ? 0 : flush_replies(a);
}

/* the changes since the last `watch` request told (none the first
 * time), and (MORE) collected again from now */
static void watched(struct nsh *sh, struct agent *a, bool more)
{
	if (a->watching)
		a->ops->watch_end(sh, a->watching);
	a->watching = more ? a->ops->watch_begin(sh) : NULL;
}

/* run the request's lines (LINE alone, or the N of LINES until one
 * fails) and send the reply to request ID */
static int serve(struct nsh *sh, struct agent *a, long long id,
		 const char *line, char *const *lines, int n, bool tell,
		 int watch)
{
	struct caught c = { { -1, -1 }, { -1, -1 }, -1 };
	struct watch *w = NULL;
	struct jsonl_out o = { 0 };
	char *one[1] = { (char *)line };
	int st = 0, ran = 0, rc;

	if ((rc = caught_begin(&c)) < 0) {
		caught_end(&c);
		return rc;
	}
	if (!lines) {
		lines = one;
		n = 1;
	}
	if (tell && a->ops)	/* --step on the controller */
		w = a->ops->watch_begin(sh);
	for (; ran < n && !st && !sh->quit; ran++) {
		st = nsh_run_line(sh, lines[ran], NSH_RUN);
		nsh_interrupted = 0;
	}
	if (w || watch) {
		teardown_wait(sh);
		fflush(stdout);
		c.told_at = lseek(c.fd[0], 0, SEEK_END);
	}
	if (w)
		a->ops->watch_end(sh, w);
	if (watch && a->ops)
		watched(sh, a, watch == 1);
	caught_end(&c);
	a->failed = st != 0;
	jsonl_put_num(&o, "id", id);
	jsonl_put_num(&o, "status", st);
	jsonl_put_num(&o, "ran", ran);
	/* where the session is now: `enter` moves it, `exit` back */
	jsonl_put_str(&o, "at", sh->entered ? sh->cur.label : "");
	caught_put(&c, &o);
	rc = jsonl_close(&o);
	if (!rc)
		rc = reply(a, &o);
	jsonl_out_free(&o);
	return rc;
}

/* the reply to a request not run */
static int skip(struct agent *a, long long id)
{
	struct jsonl_out o = { 0 };
	int rc;

	jsonl_put_num(&o, "id", id);
	jsonl_put_num(&o, "status", 1);
	jsonl_put_bool(&o, "skipped", true);
	jsonl_put_num(&o, "ran", 0);
	rc = jsonl_close(&o);
	if (!rc)
		rc = reply(a, &o);
	jsonl_out_free(&o);
	return rc;
}

static int greet(struct agent *a)
{
	struct jsonl_out o = { 0 };
	char host[256] = "?";
	int rc;

	(void)gethostname(host, sizeof(host) - 1);
	jsonl_put_str(&o, "agent", "nsh");
	jsonl_put_str(&o, "version", PACKAGE_VERSION);
	jsonl_put_str(&o, "host", host);
	jsonl_put_num(&o, "pid", getpid());
	if (getenv("SSH_CONNECTION"))	/* "CLIENT PORT SERVER PORT" */
		jsonl_put_str(&o, "ssh", getenv("SSH_CONNECTION"));
	rc = jsonl_close(&o);
	if (!rc)
		rc = jsonl_send(a->out, o.p, o.n);
	jsonl_out_free(&o);
	return rc;
}

/* one request line: 0, or a negative errno that ends the agent */
static int request(struct nsh *sh, struct agent *a, const char *text)
{
	struct jsonl_msg m;
	const struct jsonl_field *f;
	long long id;
	bool tell;
	int watch, rc;

	if (jsonl_parse(text, &m) < 0 || !jsonl_num(&m, "id", &id)) {
		fprintf(stderr, "nsh --agent: a request nsh cannot read\n");
		return 0;
	}
	f = jsonl_get(&m, "tell", JSONL_BOOL);
	tell = f && f->num;
	f = jsonl_get(&m, "watch", JSONL_BOOL);
	watch = !f ? 0 : f->num ? 1 : 2;
	f = jsonl_get(&m, "after_ok", JSONL_BOOL);
	if (f && f->num && a->failed)	/* a pipelined line after a failure */
		rc = skip(a, id);
	else if ((f = jsonl_get(&m, "lines", JSONL_ARR)))
		rc = serve(sh, a, id, NULL, f->arr, f->narr, tell, watch);
	else
		rc = serve(sh, a, id, jsonl_str(&m, "line") ?
				      jsonl_str(&m, "line") : "", NULL, 0, tell,
			   watch);
	jsonl_free(&m);
	return rc;
}

/* the request stream to its own descriptors; /dev/null as stdin and,
 * between requests, as stdout */
static int agent_open(struct agent *a)
{
	a->in = fcntl(0, F_DUPFD_CLOEXEC, 10);
	a->out = fcntl(1, F_DUPFD_CLOEXEC, 10);
	a->null = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (a->in < 0 || a->out < 0 || a->null < 0 || dup2(a->null, 0) < 0)
		return -errno;
	a->icap = 65536;
	return (a->ibuf = malloc(a->icap)) ? 0 : -ENOMEM;
}

/* the next request line (NUL-terminated in place), NULL at the end of
 * input or on an error (*RC); the replies kept are written before the
 * agent waits for more */
static char *next_request(struct agent *a, int *rc)
{
	for (;;) {
		char *p = a->ibuf + a->ioff;
		char *nl = a->ilen > a->ioff ?
			   memchr(p, '\n', a->ilen - a->ioff) : NULL;
		ssize_t n;

		if (nl) {
			*nl = '\0';
			a->ioff = (size_t)(nl + 1 - a->ibuf);
			return p;
		}
		if ((*rc = flush_replies(a)) < 0)
			return NULL;
		if (a->ioff) {
			memmove(a->ibuf, p, a->ilen - a->ioff);
			a->ilen -= a->ioff;
		}
		a->ioff = 0;
		if (a->icap - a->ilen < 4096) {
			size_t cap = a->icap ? a->icap * 2 : 65536;
			char *bigger = realloc(a->ibuf, cap);

			if (!bigger) {
				*rc = -ENOMEM;
				return NULL;
			}
			a->ibuf = bigger;
			a->icap = cap;
		}
		n = read(a->in, a->ibuf + a->ilen, a->icap - a->ilen - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			*rc = n < 0 ? -errno : 0;
			return NULL;
		}
		a->ilen += (size_t)n;
		a->ibuf[a->ilen] = '\0';
	}
}

static void agent_close(struct agent *a)
{
	free(a->ibuf);
	free(a->obuf);
	a->ibuf = a->obuf = NULL;
	if (a->in >= 0)
		close(a->in);
	if (a->out >= 0)
		close(a->out);
	if (a->null >= 0)
		close(a->null);
}

int agent_run(struct nsh *sh, const struct step_ops *ops)
{
	struct agent a = { .ops = ops, .in = -1, .out = -1, .null = -1 };
	char *line;
	int rc;

	if ((rc = agent_open(&a)) < 0 || (rc = greet(&a)) < 0) {
		fprintf(stderr, "nsh --agent: %s\n", strerror(-rc));
		agent_close(&a);
		return 1;
	}
	while (!sh->quit && (line = next_request(&a, &rc)))
		if ((rc = request(sh, &a, line)) < 0)
			break;
	if (rc == 0)
		rc = flush_replies(&a);
	if (a.watching && dup2(a.null, 1) >= 0)	/* told to nobody */
		a.ops->watch_end(sh, a.watching);
	if (rc < 0)
		fprintf(stderr, "nsh --agent: %s\n", strerror(-rc));
	agent_close(&a);
	return rc < 0;
}
