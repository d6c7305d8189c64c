/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * host.c - labs larger than one machine: `host NAME ssh DEST …` declares
 * a host and starts its agent over one SSH session; `NAME: COMMAND` and
 * `on NAME COMMAND` run a line there; `hosts` lists them; `host del`
 * ends an agent (its lab stays on the host).
 *
 * The agents, the protocol and the connections are the engine's
 * (shell/lab/remote.c); this file is the commands over it.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "host.h"
#include "ipl.h"
#include "term.h"
#include "remote.h"

#define HOST_ARGV_MAX 48

/* a host's name: letters, digits, '_', '.', '-', not first '-' or '.' */
static const char *check_host_name(const char *s)
{
	size_t n = strlen(s);

	if (!n || n >= sizeof(((struct nsh_host *)0)->name))
		return "a host name is 1 to 63 characters";
	if (strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		      "0123456789_.-") != n || strchr("-.", s[0]))
		return "a host name is letters, digits, '_', '.' and '-', "
		       "not first '-' or '.'";
	return NULL;
}

static bool may_pipe(const struct nsh *sh);
static char *join_words(int argc, char **argv);

/* WORD quoted for the remote shell ssh hands its command to */
char *sh_quoted(const char *w)
{
	size_t n = strlen(w);
	char *q = malloc(4 * n + 3), *o = q;

	if (!q)
		return NULL;
	if (*w && strspn(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			    "0123456789_./:=@%+,-") == n)
		return strcpy(q, w);	/* nothing to quote */
	*o++ = '\'';
	for (; *w; w++) {
		if (*w == '\'') {
			memcpy(o, "'\\''", 4);
			o += 4;
		} else
			*o++ = *w;
	}
	*o++ = '\'';
	*o = '\0';
	return q;
}

struct argv_b {
	char *v[HOST_ARGV_MAX + 1];
	int n;
};

static void push(struct argv_b *b, const char *w)
{
	if (b->n < HOST_ARGV_MAX)
		b->v[b->n++] = (char *)w;
	b->v[b->n] = NULL;
}

/*
 * ssh's command line for A: one session, no terminal, no questions
 * (BatchMode: its stdin is the protocol).  ssh takes the first value it
 * is given for an option, so the host's own `option`s come before nsh's
 * defaults and override them (GSSAPI off: a lab has no Kerberos, and
 * trying it costs a connection about half its time).
 */
static void ssh_argv(const struct nsh_args *a, struct argv_b *b,
		     const char *remote)
{
	static const char *const fixed[] = {
		"-o", "ConnectTimeout=10", "-o", "ServerAliveInterval=15",
		"-o", "LogLevel=ERROR", "-o", "GSSAPIAuthentication=no",
	};
	const struct nsh_val *v;

	push(b, "ssh");
	push(b, "-T");
	push(b, "-o");
	push(b, "BatchMode=yes");
	for (int i = 0; (v = arg_nth(a, "opt", i)); i++) {
		push(b, "-o");
		push(b, v->text);
	}
	for (size_t i = 0; i < ARRAY_SIZE(fixed); i++)
		push(b, fixed[i]);
	if (arg_has(a, "port")) {
		push(b, "-p");
		push(b, arg_str(a, "port"));
	}
	if (arg_has(a, "identity")) {
		push(b, "-i");
		push(b, arg_str(a, "identity"));
	}
	push(b, "--");
	push(b, arg_str(a, "dest"));
	push(b, remote);
}

static void describe(const struct nsh_args *a, char *buf, size_t len)
{
	snprintf(buf, len, "ssh %s%s%s", arg_str(a, "dest"),
		 arg_has(a, "port") ? " port " : "",
		 arg_has(a, "port") ? arg_str(a, "port") : "");
}

/* the declaration A as one line (running-config's) */
static char *decl_line(const struct nsh_args *a)
{
	static const char *const opts[][2] = {
		{ "port", "port" }, { "identity", "identity" },
		{ "agent", "agent" }, { "via-underlay", "via" },
	};
	struct argv_b b = { .n = 0 };
	const struct nsh_val *v;

	push(&b, "host");
	push(&b, arg_str(a, "name"));
	push(&b, "ssh");
	push(&b, arg_str(a, "dest"));
	for (size_t i = 0; i < ARRAY_SIZE(opts); i++)
		if (arg_has(a, opts[i][1])) {
			push(&b, opts[i][0]);
			push(&b, arg_str(a, opts[i][1]));
		}
	for (int i = 0; (v = arg_nth(a, "opt", i)); i++) {
		push(&b, "option");
		push(&b, v->text);
	}
	return join_words(b.n, b.v);
}

/* host NAME ssh DEST [port N] [identity FILE] [agent PATH] [option O]… */
static int cmd_host(struct nsh *sh, const struct nsh_args *a)
{
	const char *name = arg_str(a, "name"), *err;
	const char *agent = arg_has(a, "agent") ? arg_str(a, "agent") : "nsh";
	_cleanup_free_ char *q = sh_quoted(agent), *remote = NULL;
	struct argv_b b = { .n = 0 };
	struct nsh_host *h;
	char target[256];
	int rc;

	if ((err = check_host_name(name)))
		return nsh_err(sh, "'%s': %s", name, err);
	if (host_find(sh, name))
		return nsh_err(sh, "'%s': there is a host of that name (host "
				   "del %s first)", name, name);
	/* the agent draws as nsh here does: UTF-8 or ASCII */
	if (!q || asprintf(&remote, "LC_ALL=%s exec %s --agent",
			   term_utf8() ? "C.UTF-8" : "C", q) < 0)
		return nsh_err(sh, "'%s': out of memory", name);
	ssh_argv(a, &b, remote);
	describe(a, target, sizeof(target));
	if ((rc = host_add(sh, name, b.v, target, &h)) < 0)
		return nsh_err(sh, "'%s': %s", name, strerror(-rc));
	if (arg_has(a, "via"))
		snprintf(h->via, sizeof(h->via), "%s", arg_str(a, "via"));
	h->decl = decl_line(a);
	if (may_pipe(sh) && host_start(h) == 0) {
		/* a script's hosts connect at once: the greeting is awaited
		 * before the first line that needs the host (ready) */
		h->decl_line = sh->line;
		return 0;
	}
	if (host_connect(h, 0) < 0) {
		nsh_err(sh, "'%s': cannot start its agent: %s", name, h->why);
		host_del(sh, h);
		return 1;
	}
	return 0;
}

static int cmd_host_del(struct nsh *sh, const struct nsh_args *a)
{
	struct nsh_host *h = host_find(sh, arg_str(a, "name"));

	if (!h)
		return nsh_err(sh, "'%s': no such host", arg_str(a, "name"));
	host_del(sh, h);
	return 0;
}

static void hosts_json(struct nsh *sh)
{
	struct json j = { .pretty = sh->o.pretty };

	json_begin_array(&j);
	for (struct nsh_host *h = sh->hosts; h; h = h->next) {
		json_key(&j, NULL);
		json_begin_object(&j);
		json_str(&j, "name", h->name);
		json_str(&j, "state", host_state_name(h->state));
		json_str(&j, "target", h->target);
		json_str(&j, "hostname", h->hostname);
		json_str(&j, "version", h->version);
		json_int(&j, "agent_pid", h->agent_pid);
		json_uint(&j, "requests", h->requests);
		if (h->via[0])
			json_str(&j, "underlay", h->via);
		if (h->state != HOST_UP && h->why[0])
			json_str(&j, "why", h->why);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_end(&j);
}

static int cmd_hosts(struct nsh *sh, const struct nsh_args *a)
{
	if (arg_has(a, "-j") || sh->o.json) {
		hosts_json(sh);
		return 0;
	}
	for (struct nsh_host *h = sh->hosts; h; h = h->next) {
		printf("%s\t%s\t%s\t", h->name, host_state_name(h->state),
		       h->target);
		if (h->state == HOST_UP)
			printf("%s, agent pid %lld, %lu requests\n",
			       h->hostname, h->agent_pid, h->requests);
		else
			printf("%s\n", h->why);
	}
	return 0;
}

/* ------------------------------------------------------ a line remotely */

/* TEXT (the agent's stderr) line by line, each prefixed as nsh's own
 * errors are (script line LINENO), with the host's name in front */
static void put_err_at(struct nsh *sh, const char *host, const char *text,
		       int lineno)
{
	while (*text) {
		size_t n = strcspn(text, "\n");

		if (sh->file)
			fprintf(stderr, "%s:%d: ", sh->file, lineno);
		fprintf(stderr, "%s: %.*s\n", host, (int)n, text);
		text += n + (text[n] == '\n');
	}
}

static void put_err(struct nsh *sh, const char *host, const char *text)
{
	put_err_at(sh, host, text, sh->line);
}

/* a host still starting: its greeting awaited; if it never comes, the
 * failure is reported at the line that declared the host, which is
 * forgotten: 1 (H is gone then) */
static int ready(struct nsh *sh, struct nsh_host *h)
{
	if (h->state != HOST_STARTING || !host_greeted(h, 0))
		return 0;
	fflush(stdout);
	if (sh->file)
		fprintf(stderr, "%s:%d: ", sh->file, h->decl_line);
	fprintf(stderr, "host: '%s': cannot start its agent: %s\n", h->name,
		h->why);
	host_del(sh, h);
	return 1;
}

/* the words of ARGV as one line the agent splits back into them */
static char *join_words(int argc, char **argv)
{
	size_t len = 1;
	char *line, *o;

	for (int i = 0; i < argc; i++)
		len += 4 * strlen(argv[i]) + 3;
	if (!(o = line = malloc(len)))
		return NULL;
	*o = '\0';
	for (int i = 0; i < argc; i++) {
		_cleanup_free_ char *q = sh_quoted(argv[i]);

		if (!q) {
			free(line);
			return NULL;
		}
		o += sprintf(o, "%s%s", i ? " " : "", q);
	}
	return line;
}

/* ---------------------------------------------------- pipelined lines */

/*
 * In a script read whole and checked, `HOST: LINE` does not wait for its
 * reply: lines for the hosts go out back to back (the agent runs one only
 * if the one before it succeeded), and the replies are read as they come
 * and before any other command runs (hosts_barrier), so a script over
 * three hosts costs about what the slowest host's share costs, not three
 * hosts' round trips.  A failure is reported with its own script line
 * and stops the script at the next command.
 */
#define PIPELINE_MAX 256	/* requests in flight per host */

/* the replies of H: those already there, or (WAIT) all: the first
 * failure's status, or 0 */
static int drain(struct nsh *sh, struct nsh_host *h, bool wait)
{
	int first = 0;

	while (h->npend) {
		struct host_reply r;
		int ln, rc = host_next_reply(h, wait ? -1 : 0, &r, &ln);

		if (rc == -EAGAIN)
			break;
		if (rc < 0) {
			if (!first)
				first = nsh_err(sh, "'%s': %s", h->name,
						rc == -ECONNRESET ? h->why :
								    strerror(-rc));
			break;
		}
		fwrite(r.out, 1, strlen(r.out), stdout);
		put_err_at(sh, h->name, r.err, ln);
		if (!r.skipped && r.status && !first)
			first = r.status;
		host_reply_free(&r);
	}
	fflush(stdout);
	return first;
}

/* the host of `HOST: …` (ARGV[0] is "HOST:"), or NULL */
static struct nsh_host *line_host(struct nsh *sh, char **argv)
{
	size_t n = strlen(argv[0]);
	char name[64];

	if (n < 2 || argv[0][n - 1] != ':' || n > sizeof(name))
		return NULL;
	snprintf(name, sizeof(name), "%.*s", (int)(n - 1), argv[0]);
	return host_find(sh, name);
}

int hosts_barrier(struct nsh *sh, int argc, char **argv)
{
	int first = 0;

	if (argc && line_host(sh, argv))
		return 0;
	for (struct nsh_host *h = sh->hosts, *next; h; h = next) {
		int st;

		next = h->next;
		st = ready(sh, h);
		if (!st && h->npend)
			st = drain(sh, h, true);
		if (st && !first)
			first = st;
	}
	return first;
}

/* LINE sent to H without waiting: the status of an earlier line of H
 * that failed meanwhile, or 0 */
static int run_piped(struct nsh *sh, struct nsh_host *h, const char *line)
{
	int rc, st = drain(sh, h, false);

	if (st)
		return st;
	if (h->npend >= PIPELINE_MAX && (st = drain(sh, h, true)))
		return st;
	if ((rc = host_send(h, line, sh->line)) < 0)
		return nsh_err(sh, "'%s': %s", h->name,
			       rc == -ECONNRESET ? h->why : strerror(-rc));
	return 0;
}

/* may a script's line for a host go without waiting for its reply?  Not
 * when its status is wanted now (tested, redirected, -k) */
static bool may_pipe(const struct nsh *sh)
{
	return sh->whole_script && !sh->o.keep_going &&
	       !sh->status_tested && !sh->subshell && !sh->fdmap &&
	       !sh->defer_report;
}

int host_run(struct nsh *sh, struct nsh_host *h, const char *line,
	     char **out)
{
	struct host_reply r;
	int rc;

	if (h->state != HOST_UP)
		return nsh_err(sh, "'%s': the host is %s: %s", h->name,
			       host_state_name(h->state), h->why);
	if (h->npend && (rc = drain(sh, h, true)))
		return rc;
	if ((rc = host_call(h, line, NULL, 0, &r)) < 0)
		return nsh_err(sh, "'%s': %s", h->name,
			       rc == -EINTR ? "interrupted (the line may "
					      "still run there)" :
			       rc == -ECONNRESET ? h->why : strerror(-rc));
	if (out) {
		*out = r.out;
		r.out = NULL;
	} else {
		fwrite(r.out, 1, strlen(r.out), stdout);
		fflush(stdout);
	}
	put_err(sh, h->name, r.err);
	rc = r.status;
	host_reply_free(&r);
	return rc;
}

int host_runf(struct nsh *sh, struct nsh_host *h, char **out,
	      const char *fmt, ...)
{
	_cleanup_free_ char *line = NULL;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&line, fmt, ap);
	va_end(ap);
	if (n < 0)
		return nsh_err(sh, "'%s': out of memory", h->name);
	return host_run(sh, h, line, out);
}

/* run ARGV on host NAME: its status */
static int run_on(struct nsh *sh, const char *name, int argc, char **argv)
{
	struct nsh_host *h = host_find(sh, name);
	_cleanup_free_ char *line = NULL;

	if (!h)
		return nsh_err(sh, "'%s': no such host (host %s ssh …)", name,
			       name);
	if (ready(sh, h))
		return 1;
	if (!(line = join_words(argc, argv)))
		return nsh_err(sh, "'%s': out of memory", name);
	return h->state == HOST_UP && may_pipe(sh) ? run_piped(sh, h, line) :
						      host_run(sh, h, line, NULL);
}

static int cmd_on(struct nsh *sh, const struct nsh_args *a)
{
	return run_on(sh, arg_str(a, "name"), a->nrest, a->rest);
}

/* `NAME: COMMAND…` (the program hook): -1 when ARGV is no such line */
int host_program(struct nsh *sh, int argc, char **argv)
{
	struct nsh_host *h = line_host(sh, argv);

	if (!h)
		return -1;
	if (argc < 2)
		return nsh_err(sh, "'%s': a command to run there is missing",
			       h->name);
	return run_on(sh, h->name, argc - 1, argv + 1);
}

/* ---------------------------------------------- HOST:NS in a namespace */

/*
 * Is binding I of A a word that may say HOST:…?  Any value: a namespace
 * (NSREF, -n, netns exec), an NS:IF word (HOST:NS:IF), a path's end.  So
 * a host's name shadows a namespace of the same name in NS:IF words: give
 * hosts names of their own (h1 … for hosts, ns1 … for namespaces).
 */
static bool ns_word(const struct nsh_args *a, int i)
{
	return !a->bind[i].is_kw && a->bind[i].v.text;
}

/* the host of WORD = HOST:REST, or NULL */
static struct nsh_host *word_host(struct nsh *sh, const char *word)
{
	const char *c = strchr(word, ':');
	char name[64];

	if (!c || c == word || !c[1] || (size_t)(c - word) >= sizeof(name))
		return NULL;
	snprintf(name, sizeof(name), "%.*s", (int)(c - word), word);
	return host_find(sh, name);
}

/* `ip -Host NAME …`: the host, its two words dropped from WORDS (NULL);
 * 0 (none or found), or 1 after an error line */
static int host_option(struct nsh *sh, const struct nsh_args *a, int argc,
		       char **words, struct nsh_host **h)
{
	for (int i = 0; i + 1 < a->nbind; i++) {
		const struct nsh_bind *b = &a->bind[i];
		int t = a->bind[i + 1].tok;

		if (!b->is_kw || !b->opt || !streq(b->opt->kw, "-Host") ||
		    t < 0 || t >= argc)
			continue;
		if (!(*h = host_find(sh, words[t])))
			return nsh_err(sh, "'%s': no such host (host %s ssh …)",
				       words[t], words[t]);
		words[b->tok] = words[t] = NULL;
		return 0;
	}
	return 0;
}

/* WORDS without the NULL ones */
static int compact(int argc, char **words)
{
	int n = 0;

	for (int i = 0; i < argc; i++)
		if (words[i])
			words[n++] = words[i];
	return n;
}

int hosts_remote(struct nsh *sh, int argc, char **argv,
		 const struct nsh_args *a)
{
	char *words[NSH_MAX_WORDS];
	struct nsh_host *h = NULL;
	_cleanup_free_ char *line = NULL;
	int rc;

	if (argc > NSH_MAX_WORDS || (a->cmd->flags & NSH_CMD_HOSTS))
		return -1;
	memcpy(words, argv, sizeof(*argv) * (size_t)argc);
	if (host_option(sh, a, argc, words, &h))
		return 1;
	for (int i = 0; i < a->nbind && sh->hosts; i++) {
		int t = a->bind[i].tok;
		struct nsh_host *wh;

		if (t < 0 || t >= argc || !ns_word(a, i) ||
		    !(wh = word_host(sh, argv[t])))
			continue;
		if (h && wh != h)
			return nsh_err(sh, "'%s': one line runs on one host "
					   "(%s here)", argv[t], h->name);
		h = wh;
		words[t] = strchr(argv[t], ':') + 1;
	}
	if (!h)
		return -1;
	if (ready(sh, h))
		return 1;
	if (!(line = join_words(compact(argc, words), words)))
		return nsh_err(sh, "'%s': out of memory", h->name);
	if (h->state == HOST_UP && may_pipe(sh))
		return run_piped(sh, h, line);
	rc = host_run(sh, h, line, NULL);
	/* `enter HOST:NS` at the prompt: the lines that follow go there */
	if (!rc && (a->cmd->flags & NSH_CMD_CONTEXT) && !a->nrest &&
	    !sh->whole_script && h->at[0])
		sh->remote = h;
	return rc;
}

int hosts_forward(struct nsh *sh, const char *line)
{
	struct nsh_host *h = sh->remote;
	int rc;

	if (h->state != HOST_UP) {
		sh->remote = NULL;
		return nsh_err_raw(sh, "%s: the host is %s: %s; back here",
				   h->name, host_state_name(h->state), h->why);
	}
	rc = host_run(sh, h, line, NULL);
	if (h->state != HOST_UP || !h->at[0])
		sh->remote = NULL;	/* left its namespace, or lost */
	return rc;
}

/* ------------------------------------------------------ running-config */

/* LINE of host H's running-config as a line of the whole lab's: "H: LINE",
 * comments and blank lines as they are */
static void put_config_line(FILE *f, const struct nsh_host *h,
			    const char *line, size_t n)
{
	size_t lead = strspn(line, " \t");

	if (lead == n || line[lead] == '#')
		fprintf(f, "%.*s\n", (int)n, line);
	else
		fprintf(f, "%s: %.*s\n", h->name, (int)n, line);
}

int hosts_running_config(struct nsh *sh, FILE *f)
{
	int rc = 0;

	for (struct nsh_host *h = sh->hosts; h; h = h->next)
		if (h->decl)
			fprintf(f, "%s%s\n", h == sh->hosts ?
				"\n# the lab's other hosts (one agent each)\n" : "",
				h->decl);
	for (struct nsh_host *h = sh->hosts; h; h = h->next) {
		_cleanup_free_ char *out = NULL;

		fprintf(f, "\n# host %s (%s)\n", h->name, h->target);
		if (h->state != HOST_UP || host_run(sh, h, "show running-config",
						    &out)) {
			rc = nsh_err(sh, "'%s': its running-config is missing "
					 "(the host is %s)", h->name,
				     host_state_name(h->state));
			continue;
		}
		for (const char *p = out; *p;) {
			size_t n = strcspn(p, "\n");

			put_config_line(f, h, p, n);
			p += n + (p[n] == '\n');
		}
	}
	return rc ? rc : hosts_config_cables(sh, f);
}

/* TEXT line by line onto stdout, NAME: in front */
static void put_out(const char *name, const char *text)
{
	while (*text) {
		size_t n = strcspn(text, "\n");

		printf("%s: %.*s\n", name, (int)n, text);
		text += n + (text[n] == '\n');
	}
}

int hosts_cleanup(struct nsh *sh, bool dry_run, bool quiet)
{
	int rc = 0;

	for (struct nsh_host *h = sh->hosts; h; h = h->next) {
		_cleanup_free_ char *out = NULL;

		struct host_reply r = { 0 };
		int st = -ENOTCONN;

		/* an agent found gone on the way gets one more chance */
		for (int tries = 0; tries < 2 && st == -ENOTCONN; tries++) {
			if (h->state != HOST_UP) {
				host_close(h);
				if (host_connect(h, 0) < 0)
					break;
			}
			st = host_call(h, dry_run ? "cleanup --dry-run" :
						    "cleanup", NULL, 0, &r);
			if (st == -ECONNRESET)
				st = -ENOTCONN;
		}
		if (st < 0) {
			rc = nsh_err(sh, "'%s': not cleaned up: %s%s", h->name,
				     h->state == HOST_UP ? "" :
				     "cannot start its agent: ", h->why);
			continue;
		}
		rc |= r.status != 0;
		out = r.out;
		r.out = NULL;
		put_err(sh, h->name, r.err);
		host_reply_free(&r);
		if (!quiet && out)
			put_out(h->name, out);
	}
	return rc;
}

static const struct nsh_cmd host_cmds[] = {
	{ "host del WORD$name",
	  "end a host's agent and forget the host (its lab stays there)",
	  cmd_host_del, NSH_CMD_HOSTS, "host del h2" },
	{ "host WORD$name ssh WORD$dest [ { port UINT$port | identity "
	  "FILE$identity | agent FILE$agent | via-underlay WORD$via | "
	  "option WORD$opt } ... ]",
	  "add a host to the lab: its agent (nsh --agent) started over one "
	  "SSH session",
	  cmd_host, NSH_CMD_HOSTS, "host h2 ssh root@192.0.2.2 port 22" },
	{ "hosts [ -j ]", "the lab's hosts: state, agent, requests",
	  cmd_hosts, NSH_CMD_NOBARRIER, "hosts" },
	{ "on WORD$name ARGS...", "run a line on a host (as NAME: LINE)",
	  cmd_on, NSH_CMD_NESTED | NSH_CMD_HOSTS, "on h2 ip netns add ns5" },
	{ NULL },
};

const struct nsh_family host_family = {
	"host", "labs over several hosts: host, hosts, on, NAME: COMMAND",
	host_cmds,
};
