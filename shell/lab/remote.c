/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * remote.c - the lab's other hosts (remote.h): an agent per host, started
 * through its transport (`ssh … nsh --agent`) once, then spoken to over
 * that one connection for as long as the session lasts.
 *
 * The transport's stdin and stdout are one end of a socket pair (a write
 * to a dead agent is an error, not a SIGPIPE); its stderr is a pipe whose
 * last line is kept, so that "connection refused" from ssh ends up in the
 * one line nsh prints about the host.  The transport runs in a process
 * group of its own: Ctrl-C at the prompt interrupts nsh's wait for a
 * reply, never the connection.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include "nsh.h"
#include "jsonl.h"
#include "remote.h"

#define GREETING_MS 15000	/* ssh's own ConnectTimeout is shorter */
#define HOST_BATCH 8192		/* bytes of requests queued before a write */

struct nsh_host *host_find(struct nsh *sh, const char *name)
{
	for (struct nsh_host *h = sh->hosts; h; h = h->next)
		if (streq(h->name, name))
			return h;
	return NULL;
}

const char *host_state_name(enum host_state s)
{
	return s == HOST_UP ? "up" : s == HOST_LOST ? "lost" :
	       s == HOST_STARTING ? "starting" : "down";
}

static void argv_free(char **v)
{
	for (int i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

static char **argv_dup(char *const *v)
{
	int n = 0;
	char **c;

	while (v[n])
		n++;
	if (!(c = calloc((size_t)n + 1, sizeof(*c))))
		return NULL;
	for (int i = 0; i < n; i++)
		if (!(c[i] = strdup(v[i]))) {
			argv_free(c);
			return NULL;
		}
	return c;
}

int host_add(struct nsh *sh, const char *name, char *const *argv,
	     const char *target, struct nsh_host **out)
{
	struct nsh_host *h, **tail = &sh->hosts;

	if (host_find(sh, name))
		return -EEXIST;
	if (!(h = calloc(1, sizeof(*h))) || !(h->argv = argv_dup(argv))) {
		free(h);
		return -ENOMEM;
	}
	snprintf(h->name, sizeof(h->name), "%s", name);
	snprintf(h->target, sizeof(h->target), "%s", target);
	h->pid = -1;
	h->to = h->from = h->errfd = -1;
	while (*tail)
		tail = &(*tail)->next;
	*tail = h;
	*out = h;
	return 0;
}

/* ------------------------------------------------------------ transport */

/* the child: ARGV with the socket as stdin and stdout, ERRFD as stderr */
static void __attribute__((noreturn)) transport_child(char **argv, int sock,
						       int errfd)
{
	(void)setpgid(0, 0);
	if (dup2(sock, 0) < 0 || dup2(sock, 1) < 0 || dup2(errfd, 2) < 0)
		_exit(126);
	child_close_from(3);
	child_reset_signals();
	child_restore_nofile();
	execvp(argv[0], argv);
	dprintf(2, "%s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

/* start H's transport: 0 or a negative errno */
static int transport_start(struct nsh_host *h)
{
	int sv[2], ep[2];

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		return -errno;
	if (pipe2(ep, O_CLOEXEC) < 0) {
		int e = -errno;

		close(sv[0]);
		close(sv[1]);
		return e;
	}
	fflush(NULL);
	h->pid = fork();
	if (h->pid == 0)
		transport_child(h->argv, sv[1], ep[1]);
	close(sv[1]);
	close(ep[1]);
	if (h->pid < 0) {
		int e = -errno;

		close(sv[0]);
		close(ep[0]);
		return e;
	}
	h->to = h->from = sv[0];
	h->errfd = ep[0];
	return 0;
}

/* the last non-empty line the transport wrote on its stderr, into H->why
 * (after WHAT) when there is one */
static void why_from_stderr(struct nsh_host *h, int errfd, const char *what)
{
	char buf[4096], *last = NULL, *p;
	ssize_t n = 0, r;

	(void)fcntl(errfd, F_SETFL, O_NONBLOCK);
	while (n < (ssize_t)sizeof(buf) - 1 &&
	       (r = read(errfd, buf + n, sizeof(buf) - 1 - (size_t)n)) > 0)
		n += r;
	buf[n] = '\0';
	for (p = strtok(buf, "\r\n"); p; p = strtok(NULL, "\r\n"))
		last = p;
	if (last)
		snprintf(h->why, sizeof(h->why), "%s: %s", what, last);
	else
		snprintf(h->why, sizeof(h->why), "%s", what);
}

/* wait up to MS for H's transport to end; then end it (it is ours) */
static void transport_reap(struct nsh_host *h, int ms)
{
	int st;

	if (h->pid <= 0)
		return;
	for (int waited = 0; waited <= ms; waited += 20) {
		pid_t r = waitpid(h->pid, &st, WNOHANG);

		if (r == h->pid || (r < 0 && errno != EINTR)) {
			h->pid = -1;
			return;
		}
		usleep(20000);
	}
	(void)kill(h->pid, SIGTERM);
	while (waitpid(h->pid, &st, 0) < 0 && errno == EINTR)
		;
	h->pid = -1;
}

static void transport_close(struct nsh_host *h)
{
	if (h->to >= 0)
		close(h->to);
	if (h->errfd >= 0)
		close(h->errfd);
	h->to = h->from = h->errfd = -1;
	h->inlen = 0;
}

/* H's connection ended (WHY, and the transport's last word): the host
 * is lost */
static int lost(struct nsh_host *h, const char *why)
{
	if (h->to >= 0)
		close(h->to);
	h->to = h->from = -1;
	transport_reap(h, 2000);
	if (h->errfd >= 0)
		why_from_stderr(h, h->errfd, why);
	else
		snprintf(h->why, sizeof(h->why), "%s", why);
	transport_close(h);
	h->state = HOST_LOST;
	return -ECONNRESET;
}

/* ------------------------------------------------------------- reading */

/* a whole line in H->in: its length (without the newline), or -1 */
static ssize_t have_line(const struct nsh_host *h)
{
	const char *nl = h->inlen ? memchr(h->in, '\n', h->inlen) : NULL;

	return nl ? nl - h->in : -1;
}

static int fill(struct nsh_host *h)
{
	ssize_t n;

	if (h->incap - h->inlen < 65536) {
		size_t cap = h->incap ? h->incap * 2 : 131072;
		char *p = realloc(h->in, cap);

		if (!p)
			return -ENOMEM;
		h->in = p;
		h->incap = cap;
	}
	n = read(h->from, h->in + h->inlen, h->incap - h->inlen - 1);
	if (n < 0)
		return errno == EINTR ? 0 : -errno;
	if (n == 0)
		return -ECONNRESET;
	h->inlen += (size_t)n;
	return 0;
}

/* the next message from H into M, waiting up to TIMEOUT_MS (-1: as long
 * as it takes, unless interrupted): 0, -ETIMEDOUT, -EINTR, -ECONNRESET */
static int read_msg(struct nsh_host *h, int timeout_ms, struct jsonl_msg *m)
{
	int64_t end = mono_us() + (int64_t)timeout_ms * 1000;
	ssize_t len;
	int rc;

	while ((len = have_line(h)) < 0) {
		struct pollfd p = { .fd = h->from, .events = POLLIN };
		int left = timeout_ms < 0 ? 200 :
			   (int)((end - mono_us()) / 1000);

		if (nsh_interrupted)
			return -EINTR;
		rc = poll(&p, 1, left < 0 ? 0 : left > 200 ? 200 : left);
		if (rc > 0) {
			if ((rc = fill(h)) < 0)
				return rc;
			continue;
		}
		if (timeout_ms >= 0 && mono_us() >= end)
			return -ETIMEDOUT;
	}
	h->in[len] = '\0';
	rc = jsonl_parse(h->in, m);
	memmove(h->in, h->in + len + 1, h->inlen - (size_t)len - 1);
	h->inlen -= (size_t)len + 1;
	return rc ? -EPROTO : 0;
}

/* --------------------------------------------------------------- public */

static int greeting(struct nsh_host *h, int timeout_ms)
{
	struct jsonl_msg m;
	const char *s;
	int rc = read_msg(h, timeout_ms > 0 ? timeout_ms : GREETING_MS, &m);

	if (rc == -ECONNRESET)
		return lost(h, "the connection ended before the agent "
				      "started");
	if (rc == -ETIMEDOUT || rc == -EINTR) {
		lost(h, rc == -EINTR ? "interrupted" :
			       "no answer from the agent");
		return rc;
	}
	if (rc < 0 || !(s = jsonl_str(&m, "agent")) || !streq(s, "nsh")) {
		jsonl_free(&m);
		lost(h, "what answered is not an nsh agent");
		return -EPROTO;
	}
	snprintf(h->version, sizeof(h->version), "%s",
		 (s = jsonl_str(&m, "version")) ? s : "?");
	snprintf(h->hostname, sizeof(h->hostname), "%s",
		 (s = jsonl_str(&m, "host")) ? s : "?");
	snprintf(h->ssh, sizeof(h->ssh), "%s",
		 (s = jsonl_str(&m, "ssh")) ? s : "");
	if (!jsonl_num(&m, "pid", &h->agent_pid))
		h->agent_pid = 0;
	jsonl_free(&m);
	return 0;
}

int host_start(struct nsh_host *h)
{
	int rc;

	if (h->state == HOST_UP || h->state == HOST_STARTING)
		return 0;
	h->why[0] = '\0';
	if ((rc = transport_start(h)) < 0) {
		snprintf(h->why, sizeof(h->why), "cannot start %s: %s",
			 h->argv[0], strerror(-rc));
		return rc;
	}
	h->state = HOST_STARTING;
	return 0;
}

int host_greeted(struct nsh_host *h, int timeout_ms)
{
	int rc;

	if (h->state != HOST_STARTING)
		return h->state == HOST_UP ? 0 : -ENOTCONN;
	if ((rc = greeting(h, timeout_ms)) < 0)
		return rc;
	h->state = HOST_UP;
	h->requests = 0;
	return 0;
}

int host_connect(struct nsh_host *h, int timeout_ms)
{
	int rc = host_start(h);

	return rc < 0 ? rc : host_greeted(h, timeout_ms);
}

int host_flush(struct nsh_host *h)
{
	int rc;

	if (!h->outn)
		return 0;
	if (h->state != HOST_UP || h->to < 0) {
		h->outn = 0;
		return -ECONNRESET;
	}
	rc = jsonl_send(h->to, h->outq, h->outn);
	h->outn = 0;
	return rc < 0 ? lost(h, "the agent's connection ended") : 0;
}

/* P (N bytes) after H's queued requests: 0 or a negative errno */
static int enqueue(struct nsh_host *h, const char *p, size_t n)
{
	if (h->outn + n > h->outcap) {
		size_t cap = h->outcap ? h->outcap : HOST_BATCH * 2;
		char *q;

		while (cap < h->outn + n)
			cap *= 2;
		if (!(q = realloc(h->outq, cap)))
			return -ENOMEM;
		h->outq = q;
		h->outcap = cap;
	}
	memcpy(h->outq + h->outn, p, n);
	h->outn += n;
	return h->outn >= HOST_BATCH ? host_flush(h) : 0;
}

/* request ID (LINE, or the N LINES) written, or (QUEUE) queued */
static int send_request(struct nsh_host *h, const char *line,
			char *const *lines, int n, long long id, bool after_ok,
			bool queue)
{
	struct jsonl_out o = { 0 };
	int rc;

	jsonl_put_num(&o, "id", id);
	if (after_ok)
		jsonl_put_bool(&o, "after_ok", true);
	if (h->tell)
		jsonl_put_bool(&o, "tell", true);
	if (h->watch)
		jsonl_put_bool(&o, "watch", h->watch == 1);
	if (lines)
		jsonl_put_arr(&o, "lines", lines, n);
	else
		jsonl_put_str(&o, "line", line);
	if ((rc = jsonl_close(&o)) < 0)
		return rc;
	if (queue)
		rc = enqueue(h, o.p, o.n);
	else if (!(rc = host_flush(h)))
		rc = jsonl_send(h->to, o.p, o.n);
	jsonl_out_free(&o);
	h->requests++;
	return rc;
}

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

/* the reply to request ID, waiting up to TIMEOUT_MS: R filled */
static int await_reply(struct nsh_host *h, long long id, int timeout_ms,
		       struct host_reply *r)
{
	if (timeout_ms && host_flush(h) < 0)
		return -ECONNRESET;
	for (;;) {
		struct jsonl_msg m;
		long long got, st;
		const struct jsonl_field *sk;
		int rc = read_msg(h, timeout_ms, &m);

		if (rc == -ECONNRESET || rc == -EPROTO)
			return lost(h, rc == -EPROTO ?
					   "the agent sent what nsh cannot read" :
					   "the agent's connection ended");
		if (rc < 0)
			return rc;
		if (!jsonl_num(&m, "id", &got) || got != id ||
		    !jsonl_num(&m, "status", &st)) {
			jsonl_free(&m);	/* an event, or a late reply */
			continue;
		}
		r->id = id;
		r->status = (int)st;
		snprintf(h->at, sizeof(h->at), "%s",
			 jsonl_str(&m, "at") ? jsonl_str(&m, "at") : "");
		sk = jsonl_get(&m, "skipped", JSONL_BOOL);
		r->skipped = sk && sk->num;
		r->out = dup_or_empty(jsonl_str(&m, "out"));
		r->err = dup_or_empty(jsonl_str(&m, "err"));
		r->told = dup_or_empty(jsonl_str(&m, "told"));
		if (!jsonl_num(&m, "ran", &r->ran))
			r->ran = 1;
		jsonl_free(&m);
		if (!r->out || !r->err || !r->told) {
			host_reply_free(r);
			return -ENOMEM;
		}
		return 0;
	}
}

int host_call(struct nsh_host *h, const char *line, char *const *lines,
	      int n, struct host_reply *r)
{
	long long id;
	int rc;

	memset(r, 0, sizeof(*r));
	if (h->state != HOST_UP)
		return -ENOTCONN;
	if (h->npend)
		return -EBUSY;	/* their replies come first */
	id = ++h->next_id;
	h->piped = false;
	if ((rc = send_request(h, line, lines, n, id, false, false)) < 0)
		return rc == -ECONNRESET ? rc :
		       lost(h, "the agent's connection ended");
	return await_reply(h, id, -1, r);
}

int host_send(struct nsh_host *h, const char *line, int lineno)
{
	long long id;
	int rc;

	if (h->state != HOST_UP)
		return -ENOTCONN;
	if (h->npend == h->cappend) {
		int cap = h->cappend ? h->cappend * 2 : 64;
		struct host_pending *p = realloc(h->pend, sizeof(*p) *
							   (size_t)cap);

		if (!p)
			return -ENOMEM;
		h->pend = p;
		h->cappend = cap;
	}
	id = ++h->next_id;
	if ((rc = send_request(h, line, NULL, 0, id, h->piped, true)) < 0)
		return rc == -ENOMEM || rc == -ECONNRESET ? rc :
		       lost(h, "the agent's connection ended");
	h->piped = true;
	h->pend[h->npend].id = id;
	h->pend[h->npend++].line = lineno;
	return 0;
}

int host_next_reply(struct nsh_host *h, int timeout_ms,
		    struct host_reply *r, int *lineno)
{
	int rc;

	memset(r, 0, sizeof(*r));
	if (!h->npend)
		return -EAGAIN;
	if (h->state != HOST_UP)
		return -ENOTCONN;
	rc = await_reply(h, h->pend[0].id, timeout_ms, r);
	if (rc == -ETIMEDOUT)
		return -EAGAIN;
	*lineno = h->pend[0].line;
	if (rc == -ECONNRESET)
		h->npend = 0;	/* none of them will be answered */
	else if (!rc)
		memmove(h->pend, h->pend + 1,
			sizeof(*h->pend) * (size_t)--h->npend);
	return rc;
}

void host_reply_free(struct host_reply *r)
{
	free(r->out);
	free(r->err);
	free(r->told);
	r->out = r->err = r->told = NULL;
}

void host_close(struct nsh_host *h)
{
	if (h->state == HOST_UP)
		(void)host_flush(h);
	if (h->to >= 0)
		(void)shutdown(h->to, SHUT_WR);	/* the agent ends at EOF */
	transport_reap(h, 3000);
	transport_close(h);
	h->npend = 0;
	if (h->state == HOST_UP)
		h->state = HOST_DOWN;
}

void host_del(struct nsh *sh, struct nsh_host *h)
{
	struct nsh_host **p = &sh->hosts;

	if (sh->remote == h)
		sh->remote = NULL;
	while (*p && *p != h)
		p = &(*p)->next;
	if (*p)
		*p = h->next;
	host_close(h);
	argv_free(h->argv);
	free(h->decl);
	free(h->pend);
	free(h->outq);
	free(h->in);
	free(h);
}

void hosts_fini(struct nsh *sh)
{
	while (sh->hosts)
		host_del(sh, sh->hosts);
}

/* the first word of each line of what H's agent prints for LINE that
 * starts with PREFIX (cut at '@': "veth1@if2"), as "H:AT:WORD" + SUFFIX
 * ("H:WORD" without AT), each said to be WHAT */
static void complete_remote(struct nsh_host *h, const char *line,
			    const char *at, const char *prefix,
			    const char *suffix, const char *what,
			    void (*add)(void *, const char *, const char *),
			    void *ctx)
{
	struct host_reply r;
	char said[96], word[400];

	if (h->state != HOST_UP || h->npend ||
	    host_call(h, line, NULL, 0, &r) < 0)
		return;
	snprintf(said, sizeof(said), "%s on %s", what, h->name);
	for (char *l = strtok(r.out, "\n"); l; l = strtok(NULL, "\n")) {
		l[strcspn(l, " @")] = '\0';
		if (*l && !strncmp(l, prefix, strlen(prefix))) {
			snprintf(word, sizeof(word), "%s:%s%s%s%s", h->name,
				 at ? at : "", at ? ":" : "", l, suffix);
			add(ctx, word, said);
		}
	}
	host_reply_free(&r);
}

/* a namespace name safe to put in a line as it is */
static bool plain_name(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("._-", s[i]))
			return false;
	return n > 0;
}

/* after "H:" (REST): the namespaces of H, then (LINKS, after "H:NS:")
 * the links of NS there */
static void complete_on(struct nsh_host *h, const char *rest, bool links,
			void (*add)(void *, const char *, const char *),
			void *ctx)
{
	const char *c = strchr(rest, ':');
	char line[160], ns[128];

	if (!links || !c) {
		complete_remote(h, "ip netns list", NULL, rest,
				links ? ":" : "", "namespace", add, ctx);
		return;
	}
	if ((size_t)(c - rest) >= sizeof(ns) || !plain_name(rest, c - rest))
		return;
	snprintf(ns, sizeof(ns), "%.*s", (int)(c - rest), rest);
	snprintf(line, sizeof(line), "ip -n %s -br link", ns);
	complete_remote(h, line, ns, c + 1, "", "link", add, ctx);
}

static void complete_hosts(struct nsh *sh, const char *prefix, bool links,
			   void (*add)(void *, const char *, const char *),
			   void *ctx)
{
	for (struct nsh_host *h = sh->hosts; h; h = h->next) {
		size_t n = strlen(h->name);
		char word[80];

		if (!strncmp(prefix, h->name, n) && prefix[n] == ':') {
			complete_on(h, prefix + n + 1, links, add, ctx);
		} else if (!strncmp(h->name, prefix, strlen(prefix))) {
			snprintf(word, sizeof(word), "%s:", h->name);
			add(ctx, word, "host");
		}
	}
}

void hosts_complete_ns(struct nsh *sh, const char *prefix,
		       void (*add)(void *, const char *, const char *),
		       void *ctx)
{
	complete_hosts(sh, prefix, false, add, ctx);
}

void hosts_complete_nsif(struct nsh *sh, const char *prefix,
			 void (*add)(void *, const char *, const char *),
			 void *ctx)
{
	complete_hosts(sh, prefix, true, add, ctx);
}
