/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * explain.c - `--explain`: before a command runs, the plain iproute2 (or
 * util-linux, procps) command line that does the same, so that students
 * learn the real tools:
 *
 *     nsh[ns1]> ping -c 1 10.0.0.2
 *       # iproute2: ip netns exec ns1 ping -c 1 10.0.0.2
 *
 * Each command declares its equivalent next to its syntax (nsh_cmd's
 * `explain`, a template).  An `ip` command typed while inside a namespace
 * becomes `ip -n NS …`; a program, `ip netns exec NS …`.  Nothing is
 * printed when the equivalent is what was typed.
 *
 * Template: text, with
 *   {NAME} {NAME|DEFAULT}   the word bound to NAME (as written)
 *   {*} {*|DEFAULT}         the remaining words (ARGS...)
 *   {argv}                  the words of the command, as typed
 *   {ip}                    `ip`, or `ip -n NS` inside a namespace
 *   {in}                    ``, or `ip netns exec NS ` inside one
 *   {exec:NAME}             `ip netns exec NS` / `nsenter -t PID -n`
 *   {ipn:NAME} {if:NAME}    for NS:IF words: `ip -n NS`, and IF
 *   {addr:NAME}             NAME if an address, else one of that
 *                           namespace's addresses (from the model)
 *   {pid:*}                 the PID of the label that is the first word
 *   a newline               one more command line
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "core.h"
#include "model.h"
#include "ipl.h"

struct out {
	char buf[2048];
	size_t len;
};

static void put(struct out *o, const char *s, size_t n)
{
	if (o->len + n >= sizeof(o->buf))
		n = sizeof(o->buf) - 1 - o->len;
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

static void puts_(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

static void put_words(struct out *o, int n, char **w)
{
	char q[1024];

	for (int i = 0; i < n; i++) {
		if (i)
			puts_(o, " ");
		puts_(o, record_quote(w[i], q, sizeof(q)));
	}
}

/* the PID whose namespace REF means, when REF is not a /run/netns name
 * (a spawn label, "pid N" or a number), else 0 */
static pid_t ref_pid(const char *ref)
{
	char path[PATH_MAX];
	int n;

	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, ref);
	if (access(path, F_OK) == 0)
		return 0;
	if (spawn_find(ref))
		return spawn_find(ref);
	if (sscanf(ref, "pid %d", &n) == 1 || sscanf(ref, "%d", &n) == 1)
		return n;
	return 0;
}

/* how to run a command in namespace REF: "ip netns exec REF", "nsenter…" */
static void put_exec(struct out *o, const char *ref)
{
	pid_t pid = ref_pid(ref);
	char buf[64];

	if (pid) {
		snprintf(buf, sizeof(buf), "nsenter -t %d -n", (int)pid);
		puts_(o, buf);
	} else {
		puts_(o, "ip netns exec ");
		puts_(o, ref);
	}
}

static bool inside(struct nsh *sh)
{
	return sh->cur.label[0] && !ns_same(&sh->cur, &sh->home);
}

/* {ip}: ip, or ip -n NS, or nsenter … ip */
/* PROG (ip, bridge, tc: each takes -n NS) acting in namespace NS */
static void put_prog(struct out *o, const char *prog, const char *ns)
{
	if (ns && ref_pid(ns)) {
		put_exec(o, ns);
		puts_(o, " ");
	}
	puts_(o, prog);
	if (ns && !ref_pid(ns)) {
		puts_(o, " -n ");
		puts_(o, ns);
	}
}

static void put_ip(struct nsh *sh, struct out *o, const char *ns)
{
	(void)sh;
	put_prog(o, "ip", ns);
}

static const char *ctx_ns(struct nsh *sh)
{
	return inside(sh) ? sh->cur.label : NULL;
}

/* {addr:NAME}: an address of namespace NAME (its first global IPv4) */
static void put_addr(struct nsh *sh, struct out *o, const char *name)
{
	struct nsh_prefix p;
	const char *err;
	char eb[64], buf[64];
	struct model *m;
	struct model_ns *ns;

	if (parse_prefix(name, false, &p, eb, sizeof(eb), &err) == 0) {
		puts_(o, name);
		return;
	}
	m = model_get(sh);
	ns = m ? model_ns_by_name(m, name) : NULL;
	for (int i = 0; ns && i < ns->naddrs; i++)
		if (ns->addrs[i].family == AF_INET &&
		    ns->addrs[i].scope == 0 /* RT_SCOPE_UNIVERSE */) {
			puts_(o, inet_ntop(AF_INET, ns->addrs[i].addr, buf,
					   sizeof(buf)));
			return;
		}
	puts_(o, "<an address of ");
	puts_(o, name);
	puts_(o, ">");
}

/* {pid:*}: the PID of the label that is the first word, else that word */
static void put_pid(struct out *o, const struct nsh_args *a)
{
	pid_t pid = a && a->nrest ? spawn_find(a->rest[0]) : 0;
	char b[32];

	snprintf(b, sizeof(b), "%d", (int)pid);
	puts_(o, pid ? b : a && a->nrest ? a->rest[0] : "");
}

/* {exec:NAME} {addr:NAME} {ipn:NAME} {if:NAME} (KEY), V the word bound to
 * NAME (an NS:IF word for ipn and if) */
static void put_of_word(struct nsh *sh, struct out *o, const char *key,
			const char *v)
{
	const char *c = strchr(v, ':');
	char ns[256];

	snprintf(ns, sizeof(ns), "%.*s", c ? (int)(c - v) : 0, v);
	if (streq(key, "exec"))
		put_exec(o, v);
	else if (streq(key, "addr"))
		put_addr(sh, o, v);
	else if (streq(key, "ipn"))
		put_ip(sh, o, c && !streq(ns, "host") ? ns : ctx_ns(sh));
	else if (streq(key, "if"))
		puts_(o, c ? c + 1 : v);
}

/* the template T for ARGV (matched as A, or NULL) into O */
static void expand(struct nsh *sh, const char *t, int argc, char **argv,
		   const struct nsh_args *a, struct out *o)
{
	while (*t) {
		const char *end;
		char key[64], def[128] = "", *bar, *colon;
		const char *v;

		if (*t != '{' || !(end = strchr(t, '}'))) {
			put(o, t, 1);
			t++;
			continue;
		}
		snprintf(key, sizeof(key), "%.*s", (int)(end - t - 1), t + 1);
		t = end + 1;
		if ((bar = strchr(key, '|'))) {
			*bar = '\0';
			snprintf(def, sizeof(def), "%s", bar + 1);
		}
		colon = strchr(key, ':');
		if (colon)
			*colon++ = '\0';
		if (streq(key, "*")) {
			if (a && a->nrest)
				put_words(o, a->nrest, a->rest);
			else
				puts_(o, def);
		} else if (streq(key, "argv")) {
			put_words(o, argc, argv);
		} else if (streq(key, "ip")) {
			put_ip(sh, o, ctx_ns(sh));
		} else if (streq(key, "in")) {
			if (inside(sh)) {
				put_exec(o, sh->cur.label);
				puts_(o, " ");
			}
		} else if (colon && streq(key, "pid")) {
			put_pid(o, a);
		} else if (colon && (v = arg_str(a, colon))) {
			put_of_word(sh, o, key, v);
		} else if ((v = a ? arg_str(a, key) : NULL)) {
			puts_(o, v);
		} else {
			puts_(o, def);
		}
	}
}

/* where the lines go: a descriptor, or stdout (-1) */
static int out_fd = -1;

void explain_set_fd(int fd)
{
	out_fd = fd;
}

static void say(const char *line, const char *tail)
{
	if (out_fd >= 0) {
		dprintf(out_fd, "  # iproute2: %s%s\n", line, tail);
		return;
	}
	printf("  # iproute2: %s%s\n", line, tail);
	fflush(stdout);
}

void explain_print(struct nsh *sh, int argc, char **argv,
		   const struct nsh_args *a)
{
	struct out o = { .len = 0 };
	struct out typed = { .len = 0 };

	if (a && a->cmd->explain) {
		expand(sh, a->cmd->explain, argc, argv, a, &o);
	} else if (inside(sh) && (!a || ipl_is_root(argv[0]))) {
		/* an ip/bridge/tc command or a program, inside a namespace */
		if (a) {
			put_prog(&o, argv[0], ctx_ns(sh));
			puts_(&o, " ");
			put_words(&o, argc - 1, argv + 1);
		} else {
			put_exec(&o, sh->cur.label);
			puts_(&o, " ");
			put_words(&o, argc, argv);
		}
	}
	put_words(&typed, argc, argv);
	if (a && !a->cmd->fn) {
		char tail[128];

		/* not native: the real program runs what was typed */
		snprintf(tail, sizeof(tail), "   (not native: nsh runs the "
			 "real %s)", argv[0]);
		say(o.len ? o.buf : typed.buf, tail);
		return;
	}
	if (!o.len || streq(o.buf, typed.buf))
		return;
	for (char *l = o.buf, *nl; l && *l; l = nl) {
		nl = strchr(l, '\n');
		if (nl)
			*nl++ = '\0';
		say(l, "");
	}
}
