/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * mininet.c - the habits Mininet's CLI taught its users, on nsh's model.
 *
 *   h1 ping -c1 h2      NS PROGRAM …: PROGRAM runs inside NS (an nsh
 *                       command, `h1 ip addr`, runs there natively)
 *   ping -c1 ns2        a word naming a namespace (or a spawn label) in
 *   curl ns2:8080       a network program's arguments stands for that
 *                       namespace's address as seen from where the program
 *                       runs; nsh says so once (`ns2 → 10.0.0.2`)
 *   pingall             every namespace pings every other, Mininet's matrix
 *   net, dump           `show topology` and `show`
 *
 * The substitution is for the programs that take a host (ping, curl, ssh,
 * nc …) and for every program after NS: a lone namespace name is no host
 * name any resolver knows, so where bash would fail nsh does what was
 * meant; an option, a file that exists and a number are never touched.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include "cmds.h"
#include "core.h"
#include "show.h"
#include "term.h"

/* the programs whose arguments name hosts */
static const char *const net_programs[] = {
	"ping", "ping4", "ping6", "arping", "fping", "traceroute",
	"traceroute6", "tracepath", "tracepath6", "mtr", "curl", "wget", "nc",
	"ncat", "netcat", "socat", "ssh", "scp", "sftp", "telnet", "iperf",
	"iperf3", "nmap", "hping3", "nping", "http", "ab", "rsync", "ftp",
};

static bool is_net_program(const char *prog)
{
	const char *base = strrchr(prog, '/');

	base = base ? base + 1 : prog;
	for (size_t i = 0; i < ARRAY_SIZE(net_programs); i++)
		if (streq(base, net_programs[i]))
			return true;
	return false;
}

/* WORD could name a namespace: a /run/netns entry or a spawn label, not
 * an option, a number, a path or a file of the current directory */
static bool may_name_ns(const char *w)
{
	char path[PATH_MAX];

	if (!*w || *w == '-' || *w == '.' || strchr(w, '/') ||
	    strspn(w, "0123456789") == strlen(w) || strlen(w) > NAME_MAX)
		return false;
	if (access(w, F_OK) == 0)
		return false;
	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, w);
	return access(path, F_OK) == 0 || spawn_find(w) > 0 ||
	       journal_find_spawn(w) > 0;
}

static struct model_ns *model_ns_named(struct model *m, const char *name)
{
	for (int i = 1; i < m->nns; i++)
		if (streq(m->ns[i]->name, name))
			return m->ns[i];
	return NULL;
}

/* the address of TO that FROM reaches best: one on a subnet FROM is on,
 * IPv4 before IPv6; NULL when TO has no usable address */
static const char *addr_for(struct model_ns *from, struct model_ns *to,
			    char *buf, size_t len)
{
	const struct model_addr *best = NULL;
	int best_score = -1;

	for (int i = 0; i < to->naddrs; i++) {
		const struct model_addr *t = &to->addrs[i];
		int score = t->family == AF_INET;

		if (!why_usable(to, t))
			continue;
		for (int k = 0; from && k < from->naddrs; k++)
			if (why_same_subnet(t, &from->addrs[k]))
				score += 2;
		if (score > best_score) {
			best_score = score;
			best = t;
		}
	}
	return best ? show_ip(best->family, best->addr, buf, len) : NULL;
}

/* say `WORD → ADDR` once a session for each word and address */
static void say_once(const char *word, const char *addr)
{
	static char said[64][NAME_MAX + INET6_ADDRSTRLEN + 2];
	static int n;
	char key[sizeof(said[0])];

	snprintf(key, sizeof(key), "%s %s", word, addr);
	for (int i = 0; i < n; i++)
		if (streq(said[i], key))
			return;
	if (n < (int)ARRAY_SIZE(said))
		snprintf(said[n++], sizeof(said[0]), "%s", key);
	fprintf(stderr, "%s %s %s\n", word, term_glyph("\u2192", "->"), addr);
}

/* the words of ARGV with namespace names as addresses seen from FROM: a
 * new array (one block, free it), ARGV itself when nothing changes, NULL
 * after reporting */
static char **substitute(struct nsh *sh, struct model *m,
			 struct model_ns *from, int argc, char **argv)
{
	_cleanup_free_ char (*addr)[INET6_ADDRSTRLEN + 16] =
		calloc((size_t)argc, sizeof(*addr));
	bool any = false;
	size_t size = sizeof(char *) * (size_t)(argc + 1);
	char **v, *p;

	if (!addr)
		return nsh_err(sh, "out of memory"), NULL;
	ANALYZER_KEEP(addr);
	for (int i = 1; i < argc; i++) {
		char word[NAME_MAX + 1], a[INET6_ADDRSTRLEN];
		const char *colon = strchr(argv[i], ':');
		struct model_ns *to;

		addr[i][0] = '\0';
		/* NS:PORT, as curl ns2:8080 */
		if (colon && colon[1] && strspn(colon + 1, "0123456789") ==
					       strlen(colon + 1) &&
		    (size_t)(colon - argv[i]) <= NAME_MAX)
			snprintf(word, sizeof(word), "%.*s",
				 (int)(colon - argv[i]), argv[i]);
		else if (!colon && strlen(argv[i]) <= NAME_MAX)
			snprintf(word, sizeof(word), "%s", argv[i]);
		else
			continue;
		if (!may_name_ns(word) || !(to = model_ns_named(m, word)))
			continue;
		if (!addr_for(from, to, a, sizeof(a)))
			return nsh_err(sh, "'%s': that namespace has no "
					   "address to reach it by",
				       word), NULL;
		say_once(word, a);
		snprintf(addr[i], sizeof(addr[i]),
			 strchr(a, ':') && colon ? "[%s]%s" : "%s%s", a,
			 colon ? colon : "");
		any = true;
	}
	if (!any)
		return argv;
	for (int i = 0; i < argc; i++)
		size += strlen(addr[i][0] && i ? addr[i] : argv[i]) + 1;
	v = malloc(size);
	if (!v)
		return nsh_err(sh, "out of memory"), NULL;
	p = (char *)(v + argc + 1);
	for (int i = 0; i < argc; i++) {
		const char *s = i && addr[i][0] ? addr[i] : argv[i];

		v[i] = strcpy(p, s);
		p += strlen(s) + 1;
	}
	v[argc] = NULL;
	return v;
}

/* a program on PATH of that name (so `NAME …` is that program) */
static bool on_path(const char *name)
{
	const char *path = getenv("PATH");
	char buf[PATH_MAX];

	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";
	while (*path) {
		size_t n = strcspn(path, ":");

		snprintf(buf, sizeof(buf), "%.*s/%s", (int)n, path, name);
		if (n && access(buf, X_OK) == 0)
			return true;
		path += n + (path[n] == ':');
	}
	return false;
}

/* run ARGV (a program) in NS, with the names of namespaces substituted as
 * seen from NS */
static int run_substituted(struct nsh *sh, struct model *m,
			   const struct nsh_ns *ns, int argc, char **argv)
{
	struct model_ns *from = model_ns_find(m, ns->dev, ns->ino);
	char **v;
	int rc;

	snprintf(sh->cmdname, sizeof(sh->cmdname), "%s", argv[0]);
	v = substitute(sh, m, from, argc, argv);
	if (!v)
		return 1;
	rc = nsh_run_program(sh, ns, argc, v);
	if (v != argv)
		free(v);
	return rc;
}

int mininet_program(struct nsh *sh, int argc, char **argv)
{
	struct model *m;
	struct nsh_ns ns;
	int rc;

	if (argc >= 2 && may_name_ns(argv[0]) && !on_path(argv[0])) {
		/* NS PROGRAM …: inside NS */
		if (ns_resolve(sh, argv[0], true, &ns))
			return 1;
		if (cmdtree_is_root(argv[1]) || !(m = model_get(sh)))
			rc = run_inside(sh, &ns, argc - 1, argv + 1);
		else
			rc = run_substituted(sh, m, &ns, argc - 1, argv + 1);
		ns_close(&ns);
		return rc;
	}
	if (!is_net_program(argv[0]))
		return -1;
	for (int i = 1; i < argc; i++) {
		char word[NAME_MAX + 1];

		snprintf(word, sizeof(word), "%.*s",
			 (int)strcspn(argv[i], ":"), argv[i]);
		if (may_name_ns(word) && (m = model_get(sh)))
			return run_substituted(sh, m, &sh->cur, argc, argv);
	}
	return -1;
}

/* ------------------------------------------------------------ pingall */

struct probe {
	pid_t pid;
	int from, to;
	bool ok;
};

/* start `ping -c1 -W1 ADDR` inside NS, quiet; its PID or -1 */
static pid_t ping_start(struct nsh *sh, struct model *m, struct model_ns *ns,
			const char *addr)
{
	struct nsh_ns saved;
	pid_t pid;

	if (why_enter(sh, m, ns, &saved))
		return -1;
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		int fd = open("/dev/null", O_RDWR | O_CLOEXEC);

		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		child_identity(sh);
		execlp("ping", "ping", "-n", "-q", "-c", "1", "-W", "1", addr,
		       (char *)NULL);
		_exit(127);
	}
	ns_pop(sh, &saved);
	return pid;
}

#define PINGS_AT_ONCE 64

/* wait for P's ping (once): answered when it exited 0 */
static void reap(struct probe *p)
{
	int st = 0;
	pid_t w;

	if (p->pid <= 0)
		return;
	while ((w = waitpid(p->pid, &st, 0)) < 0 && errno == EINTR)
		;
	p->ok = w == p->pid && WIFEXITED(st) && WEXITSTATUS(st) == 0;
	p->pid = 0;
}

/* H[I]'s row of the matrix, from its probes P (K counts them): "h1 -> h2
 * X h4", wrapped under its first name within the terminal; how many
 * answered */
static int matrix_row(struct model_ns **h, int nh, int i,
		      const struct probe *p, int *k)
{
	char *line = NULL, ind[64];
	size_t size = 0;
	FILE *f = open_memstream(&line, &size);
	int got = 0, n = 0;

	if (!f)		/* open_memstream fails only for memory */
		nsh_oom();
	fprintf(f, "%s ->", model_ns_label(h[i]));
	for (int j = 0; j < nh; j++) {
		if (i == j)
			continue;
		fprintf(f, " %s", p[n].ok ? model_ns_label(h[j]) : "X");
		got += p[n++].ok;
	}
	fclose(f);
	snprintf(ind, sizeof(ind), "%*s",
		 (int)strlen(model_ns_label(h[i])) + 4 < 40 ?
		 (int)strlen(model_ns_label(h[i])) + 4 : 4, "");
	term_wrap(stdout, line, ind, term_width());
	free(line);
	*k += n;
	return got;
}

static int cmd_pingall(struct nsh *sh, const struct nsh_args *a)
{
	struct model *m = model_get(sh);
	_cleanup_free_ struct model_ns **all = NULL;
	_cleanup_free_ struct model_ns **h = NULL;
	_cleanup_free_ struct probe *p = NULL;
	int nh = 0, np = 0, got = 0;
	char res[128];

	if (!m || !(all = show_namespaces(m)))
		return nsh_err(sh, "out of memory");
	h = calloc((size_t)m->nns, sizeof(*h));
	p = calloc((size_t)m->nns * (size_t)m->nns, sizeof(*p));
	ANALYZER_KEEP(h);
	ANALYZER_KEEP(p);
	if (!h || !p)
		return nsh_err(sh, "out of memory");
	/* the hosts: every namespace but the host's own */
	for (int i = 0; i < m->nns; i++)
		if (all[i] != m->ns[0])
			h[nh++] = all[i];
	term_wrap(stdout, "*** Ping: testing ping reachability", "    ",
		  term_width());
	for (int i = 0; i < nh; i++)
		for (int j = 0; j < nh; j++) {
			char addr[INET6_ADDRSTRLEN];

			if (i == j)
				continue;
			/* at most PINGS_AT_ONCE pings at a time */
			if (np >= PINGS_AT_ONCE)
				reap(&p[np - PINGS_AT_ONCE]);
			p[np] = (struct probe){ .pid = -1, .from = i, .to = j };
			if (addr_for(h[i], h[j], addr, sizeof(addr)))
				p[np].pid = ping_start(sh, m, h[i], addr);
			np++;
		}
	for (int k = 0; k < np; k++)
		reap(&p[k]);
	for (int i = 0, k = 0; i < nh; i++)
		got += matrix_row(h, nh, i, &p[k], &k);
	snprintf(res, sizeof(res), "*** Results: %d%% dropped (%d/%d received)",
		 np ? (np - got) * 100 / np : 0, got, np);
	term_wrap(stdout, res, "    ", term_width());
	return 0;
}

/* ------------------------------------------------------------ net, dump */

/* WORDS (COMMAND's nsh words, then A's) run as an nsh line when A holds
 * only the options OPTS allow; else PROG with A's words is the program
 * of that name (samba's net ads …, dump(8)) */
static int alias_or_program(struct nsh *sh, const struct nsh_args *a,
			    const char *const *words, int nwords,
			    const char *const *opts, const char *prog)
{
	_cleanup_free_ char **v = calloc((size_t)(nwords + a->nrest + 1),
					 sizeof(*v));
	bool ours = true;

	if (!v)
		return nsh_err(sh, "out of memory");
	for (int i = 0; i < a->nrest; i++) {
		bool ok = false;

		for (int k = 0; opts[k]; k++)
			ok |= streq(a->rest[i], opts[k]);
		ours &= ok;
	}
	if (!ours) {
		v[0] = (char *)prog;
		memcpy(v + 1, a->rest, sizeof(*v) * (size_t)a->nrest);
		return nsh_run_program(sh, &sh->cur, a->nrest + 1, v);
	}
	memcpy(v, words, sizeof(*v) * (size_t)nwords);
	if (a->nrest)	/* (rest is NULL then: no memcpy from NULL) */
		memcpy(v + nwords, a->rest, sizeof(*v) * (size_t)a->nrest);
	return nsh_run_words(sh, nwords + a->nrest, v, NSH_RUN);
}

static int cmd_net(struct nsh *sh, const struct nsh_args *a)
{
	static const char *const words[] = { "show", "topology" };
	static const char *const opts[] = { "-j", "--dot", NULL };

	return alias_or_program(sh, a, words, 2, opts, "net");
}

static int cmd_dump(struct nsh *sh, const struct nsh_args *a)
{
	static const char *const words[] = { "show" };
	static const char *const opts[] = { "-j", NULL };

	return alias_or_program(sh, a, words, 1, opts, "dump");
}

static const struct nsh_cmd mininet_cmds[] = {
	{ "pingall",
	  "every namespace pings every other once: Mininet's matrix, X for "
	  "no answer",
	  cmd_pingall, 0, "pingall",
	  "ip netns exec NS ping -c 1 -W 1 ADDR   (for each pair)" },
	{ "net [ ARGS... ]", "the lab as a drawing (show topology [-j|--dot]); "
	  "other words: the net program",
	  cmd_net, 0, "net", "ip -d link show   (and ip -n NS … for each "
	  "namespace)" },
	{ "dump [ ARGS... ]", "every namespace with its links and addresses "
	  "(show [-j]); other words: the dump program",
	  cmd_dump, 0, "dump", "ip -br link; ip -br addr   (for each "
	  "namespace)" },
	{ NULL },
};

const struct nsh_family mininet_family = {
	"mininet", "Mininet's habits: pingall, net, dump, NS PROGRAM …",
	mininet_cmds,
};
