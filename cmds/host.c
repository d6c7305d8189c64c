/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * host.c - labs larger than one machine: `host NAME ssh DEST …` declares
 * a host and starts its agent over one SSH session; `NAME: COMMAND` and
 * `on NAME COMMAND` run a line there; `hosts` lists them; `host del`
 * ends an agent (its lab stays on the host).
 *
 * The agents, the protocol and the connections are the engine's
 * (shell/lab/remote.c); this file is the commands over it, with the
 * running-config and cleanup of every host; host_lines.c runs the lines,
 * host_link.c makes the cables, host_view.c shows the lab.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "host.h"
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

#define KEX_FIRST "KexAlgorithms=^curve25519-sha256"

/* does this ssh take KEX_FIRST (OpenSSH 8.2's '^', a build with
 * curve25519)?  Asked once, of `ssh -G`, which reads options and
 * connects nowhere */
static bool kex_first(void)
{
	static int ok = -1;
	char *argv[] = { "ssh", "-G", "-o", KEX_FIRST, "nsh-kex-check",
			 NULL };

	if (ok < 0)
		ok = exec_quietly_ok(argv);
	return ok;
}

/*
 * ssh's command line for A: one session, no terminal, no questions
 * (BatchMode: its stdin is the protocol).  ssh takes the first value it
 * is given for an option, so the host's own `option`s come before nsh's
 * defaults and override them (GSSAPI off: a lab has no Kerberos, and
 * trying it costs a connection about half its time; curve25519 key
 * exchange asked for first, the others kept, where ssh can: OpenSSH 9's
 * post-quantum default is 0.1 s of a 0.25 s connection).
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
	if (kex_first()) {
		push(b, "-o");
		push(b, KEX_FIRST);
	}
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
	return host_join_words(b.n, b.v);
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

	ANALYZER_KEEP(q);	/* _cleanup_: freed on return */
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
	if (host_may_pipe(sh) && host_start(h) == 0) {
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

static int cmd_on(struct nsh *sh, const struct nsh_args *a)
{
	return host_run_words(sh, arg_str(a, "name"), a->nrest, a->rest);
}

/* `NAME: COMMAND…` (the program hook): -1 when ARGV is no such line */
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
		host_put_err(sh, h->name, r.err);
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
	  cmd_host, NSH_CMD_HOSTS | NSH_CMD_EARLY, "host h2 ssh root@192.0.2.2 port 22" },
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
